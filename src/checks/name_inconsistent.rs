//! `name.inconsistent`: the translation spells one person or place two or
//! more ways ("Sergei Lavrov" here, "Sergey Lavrov" there) and no glossary
//! entry settles which is right. Within one article, and across all the
//! articles checked together in a batch (one pair on its own is a batch of
//! one). Every occurrence of a minority spelling is reported, naming the
//! majority one (the most frequent; on a tie, the first — see
//! [`crate::names::consistency`]).
//!
//! Names the glossary settles are left out: accepted and forbidden
//! renderings, and near-misses of them (`name.variant`'s). So are the
//! misspellings `name.copy` reports, so that no occurrence is reported twice.
//! Each pair's summary is the list of its remaining names with their
//! positions — a few hundred bytes per article.
//!
//! Default severity warning: two spellings are certainly one too many, but
//! which one is right is a majority vote, not knowledge.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{name_copy, quote, BlockStatus, Check, PairContext, PairSummary};
use crate::finding::{Finding, Location, Rule, Severity};
use crate::glossary::Coverage;
use crate::names::consistency::{inconsistent_spellings_with, Occurrence};
use crate::names::copy::CopyIssue;
use crate::names::similarity::Thresholds;

pub const INCONSISTENT: Rule = Rule {
    id: "name.inconsistent",
    default_severity: Severity::Warning,
    summary: "The translation (or the batch of translations checked together) spells a name two or more ways and no glossary entry settles it.",
};

pub struct NameInconsistent;

/// One name as written in a translation, with what a finding needs.
struct Spelled {
    text: String,
    target: Location,
    source_block: Option<Range<usize>>,
    target_block: Option<Range<usize>>,
}

/// The summary of one pair.
struct Spellings {
    thresholds: Thresholds,
    names: Vec<Spelled>,
}

impl Check for NameInconsistent {
    fn rules(&self) -> &'static [Rule] {
        &[INCONSISTENT]
    }

    /// Everything happens across pairs, in [`Check::check_batch`].
    fn check(&self, _ctx: &PairContext, _out: &mut Vec<Finding>) {}

    fn summarize(&self, ctx: &PairContext) -> Option<PairSummary> {
        let mut names = Vec::new();
        for block in ctx.blocks {
            if block.status != BlockStatus::Translated || !block.untranslated.is_empty() {
                continue;
            }
            // Few per block: a scan. A misspelling may be part of a name
            // ("Governor Nguyen Thi Hang"), so any overlap counts.
            let copied: Vec<&Range<usize>> = name_copy::block_issues(ctx, block)
                .iter()
                .filter_map(|i| match i {
                    CopyIssue::Misspelled { target, .. } => Some(target),
                    CopyIssue::Absent { .. } => None,
                })
                .collect();
            let is_copied = |span: &Range<usize>| {
                copied
                    .iter()
                    .any(|c| c.start < span.end && span.start < c.end)
            };
            // Looked up once per name: sets, not scans, so a paragraph with
            // thousands of names and matches takes time for their sum.
            let matched = Coverage::new(
                block
                    .target_terms
                    .iter()
                    .chain(&block.target_forbidden)
                    .map(|m| m.range.clone()),
            );
            let near: HashSet<&Range<usize>> = block.target_near.iter().map(|n| &n.range).collect();
            for name in &block.target_names {
                let settled = matched.covers(&name.span) || near.contains(&name.span);
                if name.acronym || settled || is_copied(&name.span) {
                    continue;
                }
                let shell = ctx.in_block(block, Finding::new(&INCONSISTENT, ""));
                names.push(Spelled {
                    text: name.text.clone(),
                    target: ctx.target_location(block, name.span.clone()),
                    source_block: shell.source_block,
                    target_block: shell.target_block,
                });
            }
        }
        // Nothing to compare: no summary, so that a batch knows this pair
        // gets no finding from across pairs (see `Retain::FlaggedTexts`).
        if names.is_empty() {
            return None;
        }
        Some(Box::new(Spellings {
            thresholds: *ctx.glossary.name_thresholds(),
            names,
        }))
    }

    fn check_batch(&self, summaries: &[Option<PairSummary>], out: &mut [Vec<Finding>]) {
        let pairs: Vec<Option<&Spellings>> = summaries
            .iter()
            .map(|s| s.as_ref().and_then(|s| s.downcast_ref::<Spellings>()))
            .collect();
        let Some(thresholds) = pairs.iter().flatten().map(|s| s.thresholds).next() else {
            return;
        };
        let mut occurrences = Vec::new();
        let mut spelled: HashMap<(usize, usize), &Spelled> = HashMap::new();
        for (doc, pair) in pairs.iter().enumerate() {
            for name in pair.iter().flat_map(|p| &p.names) {
                spelled.insert((doc, name.target.range.start), name);
                occurrences.push(Occurrence {
                    doc,
                    span: name.target.range.clone(),
                    text: name.text.clone(),
                });
            }
        }
        for group in inconsistent_spellings_with(&occurrences, &thresholds) {
            for minority in &group.minority {
                let occ = &minority.occurrence;
                let Some(name) = spelled.get(&(occ.doc, occ.span.start)) else {
                    continue;
                };
                let (here, elsewhere) = occurrences
                    .iter()
                    .filter(|o| o.text == group.majority)
                    .fold((0, 0), |(h, e), o| {
                        if o.doc == occ.doc {
                            (h + 1, e)
                        } else {
                            (h, e + 1)
                        }
                    });
                let message = format!(
                    "{} is also written {} ({})",
                    quote(&name.target.text),
                    quote(&group.majority),
                    where_written(here, elsewhere)
                );
                let finding = Finding {
                    source_block: name.source_block.clone(),
                    target_block: name.target_block.clone(),
                    ..Finding::new(&INCONSISTENT, message)
                        .target(Some(name.target.clone()))
                        .suggestion(Some(minority.suggestion.clone()))
                };
                if let Some(found) = out.get_mut(occ.doc) {
                    found.push(finding);
                }
            }
        }
    }
}

/// "2 times in this translation, once in the others checked with it".
fn where_written(here: usize, elsewhere: usize) -> String {
    let times = |n: usize| match n {
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    match (here, elsewhere) {
        (h, 0) => format!("{} in this translation", times(h)),
        (0, e) => format!("{} in the other translations checked with it", times(e)),
        (h, e) => format!(
            "{} in this translation, {} in the others checked with it",
            times(h),
            times(e)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn where_written_table() {
        for (here, elsewhere, want) in [
            (1, 0, "once in this translation"),
            (3, 0, "3 times in this translation"),
            (0, 2, "2 times in the other translations checked with it"),
            (
                1,
                1,
                "once in this translation, once in the others checked with it",
            ),
        ] {
            assert_eq!(where_written(here, elsewhere), want);
        }
    }
}
