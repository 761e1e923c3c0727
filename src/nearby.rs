//! Absent, or only a paragraph away? Before a check's "absent on the other
//! side" finding (`term.missing`, `number.missing`, `number.extra`, any
//! rule named `*.missing` or `*.extra` outside the `segment` family) is
//! reported, the check is run again on its block widened by one
//! neighbouring block's paragraphs on the other side. When the item is
//! found there, the translation moved it across a paragraph break (or the
//! alignment split the paragraphs differently): the text is complete, so
//! there is no content error to report. Paragraphs with no counterpart at
//! all are the segment rules' business, reported once each where the
//! alignment puts them.
//!
//! This works for every check, present and future, because it asks the
//! check itself: a rule only has to follow the naming convention.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::align::Block;
use crate::checks::{BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Location};
use crate::normalize::{fold_case, normalize_str};

/// The side a finding says something is absent from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Absent {
    /// A source item has no counterpart in the translation.
    FromTarget,
    /// A target item has no counterpart in the source.
    FromSource,
}

/// Which side a rule reports an absence from, by the naming convention;
/// None for rules that compare things present on both sides, and for the
/// paragraph-level rules, which are about the alignment itself.
pub fn absence(rule: &str) -> Option<Absent> {
    if rule.starts_with("segment.") {
        return None;
    }
    if rule.ends_with(".missing") {
        Some(Absent::FromTarget)
    } else if rule.ends_with(".extra") {
        Some(Absent::FromSource)
    } else {
        None
    }
}

/// Removes from `found` (one check's findings on `ctx`) the absences that
/// the same check no longer reports once the block is widened by a
/// neighbouring block; `view` builds a block from source and target
/// paragraph indices. Work is proportional to the blocks with absences.
pub fn drop_found_nearby(
    check: &dyn Check,
    ctx: &PairContext,
    found: &mut Vec<Finding>,
    view: impl Fn(Block, Vec<usize>, Vec<usize>) -> BlockView,
) {
    let locate = BlockLocator::new(ctx);
    let mut groups: BTreeMap<(usize, Absent), Vec<usize>> = BTreeMap::new();
    for (k, finding) in found.iter().enumerate() {
        let Some(side) = absence(finding.rule) else {
            continue;
        };
        if let Some(b) = locate.block_of(finding, side) {
            groups.entry((b, side)).or_default().push(k);
        }
    }
    let mut explained = vec![false; found.len()];
    for ((b, side), members) in groups {
        for n in [b.checked_sub(1), Some(b + 1)].into_iter().flatten() {
            if n >= ctx.blocks.len() || members.iter().all(|&k| explained[k]) {
                continue;
            }
            let open: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&k| !explained[k] && !claimed(ctx, &found[k], side, b, n))
                .collect();
            if open.is_empty() {
                continue;
            }
            let widened = widen(&ctx.blocks[b].block, &ctx.blocks[n].block, side);
            let widened = view(widened.0, widened.1, widened.2);
            if widened.status != BlockStatus::Translated {
                continue;
            }
            let mut again = Vec::new();
            let one = PairContext {
                blocks: std::slice::from_ref(&widened),
                ..*ctx
            };
            check.check(&one, &mut again);
            for &k in &open {
                let anchor = anchor_of(&found[k], side);
                if !again
                    .iter()
                    .any(|g| g.rule == found[k].rule && anchor_of(g, side) == anchor)
                {
                    explained[k] = true;
                }
            }
        }
    }
    let mut k = 0;
    found.retain(|_| {
        k += 1;
        !explained[k - 1]
    });
}

/// Does neighbour `n` name the finding's item on the finding's own side
/// (the same text, or the same glossary entry)? Then what its other side
/// has is its own rendering, not the one block `b` lacks: "World Bank" in
/// the headline does not excuse "Global Bank" in the lead.
fn claimed(ctx: &PairContext, finding: &Finding, side: Absent, b: usize, n: usize) -> bool {
    let Some(item) = anchor_of(finding, side) else {
        return true;
    };
    let (here, there) = (&ctx.blocks[b], &ctx.blocks[n]);
    let (doc, own_text, own_terms, other_text, other_terms) = match side {
        Absent::FromTarget => (
            ctx.source,
            &here.source,
            &here.source_terms,
            &there.source,
            &there.source_terms,
        ),
        Absent::FromSource => (
            ctx.target,
            &here.target,
            &here.target_terms,
            &there.target,
            &there.target_terms,
        ),
    };
    let text = fold_case(&normalize_str(doc.file.slice(item.clone())));
    if !text.trim().is_empty() && fold_case(&other_text.text).contains(text.trim()) {
        return true;
    }
    own_terms
        .iter()
        .filter(|m| {
            let r = own_text.original_range(m.range.clone());
            r.start < item.end && item.start < r.end
        })
        .any(|m| other_terms.iter().any(|o| o.entry == m.entry))
}

/// Block `b` with the other side widened by block `n`'s paragraphs: the
/// covering block and the paragraph lists of each side, in order.
fn widen(b: &Block, n: &Block, side: Absent) -> (Block, Vec<usize>, Vec<usize>) {
    let union = |x: &Range<usize>, y: &Range<usize>| -> Vec<usize> {
        let mut all: Vec<usize> = x.clone().chain(y.clone()).collect();
        all.sort_unstable();
        all.dedup();
        all
    };
    let (source, target) = match side {
        Absent::FromTarget => (b.source.clone().collect(), union(&b.target, &n.target)),
        Absent::FromSource => (union(&b.source, &n.source), b.target.clone().collect()),
    };
    let cover = |p: &Vec<usize>| match (p.first(), p.last()) {
        (Some(&first), Some(&last)) => first..last + 1,
        _ => 0..0,
    };
    let block = Block {
        source: cover(&source),
        target: cover(&target),
    };
    (block, source, target)
}

/// The span a finding is about: its source item for an absence from the
/// target, its target item for an absence from the source.
fn anchor_of(finding: &Finding, side: Absent) -> Option<Range<usize>> {
    let location: &Option<Location> = match side {
        Absent::FromTarget => &finding.source,
        Absent::FromSource => &finding.target,
    };
    location.as_ref().map(|l| l.range.clone())
}

/// Finds the block a finding's item lies in, by binary search over the
/// blocks' original spans on that side.
struct BlockLocator {
    /// (span, block index) per side, sorted by span start.
    source: Vec<(Range<usize>, usize)>,
    target: Vec<(Range<usize>, usize)>,
}

impl BlockLocator {
    fn new(ctx: &PairContext) -> BlockLocator {
        let spans = |doc: &crate::document::Document, side: fn(&Block) -> Range<usize>| {
            let mut spans: Vec<(Range<usize>, usize)> = ctx
                .blocks
                .iter()
                .enumerate()
                .filter_map(|(k, b)| doc.span_of(side(&b.block)).map(|span| (span, k)))
                .collect();
            spans.sort_by_key(|(span, _)| span.start);
            spans
        };
        BlockLocator {
            source: spans(ctx.source, |b| b.source.clone()),
            target: spans(ctx.target, |b| b.target.clone()),
        }
    }

    fn block_of(&self, finding: &Finding, side: Absent) -> Option<usize> {
        let at = anchor_of(finding, side)?;
        let spans = match side {
            Absent::FromTarget => &self.source,
            Absent::FromSource => &self.target,
        };
        let k = spans.partition_point(|(span, _)| span.start <= at.start);
        let (span, block) = spans.get(k.checked_sub(1)?)?;
        (span.start <= at.start && at.end <= span.end).then_some(*block)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::SourceText;
    use crate::{Checker, Glossary};

    fn rules(vi: &str, en: &str) -> Vec<&'static str> {
        let checker = Checker::new(
            Glossary::default_vi_en().unwrap(),
            "vi",
            "en",
            Default::default(),
        );
        let report = checker.check(
            SourceText::new("a.vi.txt", vi.to_string()),
            SourceText::new("a.en.txt", en.to_string()),
        );
        report.findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn absences_found_next_door_are_not_reported() {
        let cases: &[(&str, &str, &str, &[&str])] = &[
            (
                "a number moved into the next paragraph",
                "Mưa lớn kéo dài nhiều ngày gây ngập ở 12 tỉnh miền núi phía bắc.\nChính quyền đã sơ tán người dân khỏi các khu vực nguy hiểm và mở thêm điểm trú tạm.",
                "Heavy rain lasting several days flooded the northern mountains.\nIn all 12 provinces, authorities evacuated residents from dangerous areas and opened more shelters.",
                &[],
            ),
            (
                "look-alike: the number is nowhere in the translation",
                "Mưa lớn kéo dài nhiều ngày gây ngập ở 12 tỉnh miền núi phía bắc.\nChính quyền đã sơ tán người dân khỏi các khu vực nguy hiểm và mở thêm điểm trú tạm.",
                "Heavy rain lasting several days flooded the northern mountain provinces.\nAuthorities evacuated residents from dangerous areas and opened more temporary shelters.",
                &["number.missing"],
            ),
            (
                "a term moved into the previous paragraph",
                "Giá gạo tăng mạnh trong quý ba.\nTheo Ngân hàng Thế giới, nhu cầu nhập khẩu từ châu Phi tiếp tục tăng trong năm tới.",
                "Rice prices rose sharply in the third quarter, the World Bank said.\nDemand for imports from Africa would keep rising next year, according to its report.",
                &[],
            ),
            (
                "look-alike: the neighbour names the entry itself",
                "Ngân hàng Thế giới nâng dự báo tăng trưởng.\nNgân hàng Thế giới cho biết nhu cầu nhập khẩu từ châu Phi tiếp tục tăng trong năm tới.",
                "World Bank raises its growth forecast.\nThe Global Bank said demand for imports from Africa would keep rising next year.",
                &["term.missing"],
            ),
        ];
        for (what, vi, en, expected) in cases {
            assert_eq!(rules(vi, en), *expected, "{what}");
        }
    }

    #[test]
    fn absence_rules_by_name() {
        let cases: &[(&str, Option<Absent>)] = &[
            ("term.missing", Some(Absent::FromTarget)),
            ("number.missing", Some(Absent::FromTarget)),
            ("number.extra", Some(Absent::FromSource)),
            ("quote.missing", Some(Absent::FromTarget)),
            // Look-alikes: the paragraph rules, and comparisons.
            ("segment.missing", None),
            ("segment.extra", None),
            ("number.mismatch", None),
            ("term.forbidden", None),
        ];
        for (rule, expected) in cases {
            assert_eq!(absence(rule), *expected, "{rule}");
        }
    }
}
