//! `name.variant`: the translation writes a near-miss of a glossary name's
//! accepted rendering — "Xi Jingping" for "Xi Jinping", "Sergey Lavrov"
//! where the house style is "Sergei Lavrov", "Kim Jong-un" for "Kim Jong
//! Un", "Phạm Minh Chính" for "Pham Minh Chinh", "Nguyen Phu Truong" for
//! "Nguyen Phu Trong", "Mr. Lavrow".
//!
//! The near-misses themselves are found once per block by the glossary
//! index ([`crate::glossary::GlossaryIndex::near_matches`], classified by
//! [`crate::names::variant`]); this check decides which to report:
//! * where the source block names the entry, every near-miss of it, with
//!   the source span (`term.missing` stays silent for that entry: one
//!   finding, not two) — unless the source writes that same spelling
//!   elsewhere, for another name ("Samsun" beside "Samsung");
//! * elsewhere (the source says "the Russian minister", the target "Mr.
//!   Lavrow"), only near-misses that cannot be another person: not a wrong
//!   Vietnamese syllable (Vietnamese names one syllable apart are usually
//!   different people), not a spelling the source itself uses, not a lone
//!   word with another first letter ("Ellen" is not "Yellen"), and not
//!   equally near two entries with different renderings.
//!
//! Accepted renderings never reach this check (they are exact matches), and
//! a near-miss that the glossary lists as forbidden is `term.forbidden`'s.
//! Default severity error: the glossary says how the name is written, so a
//! near-miss is a mistake, not a matter of taste.

use std::collections::HashSet;
use std::ops::Range;

use super::{quote, BlockStatus, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::glossary::{is_name_kind, FormMatch, GlossaryIndex, NearMatch};
use crate::names::fold::{contains_name, find_name, fold_tokens, is_plain, FoldedToken};
use crate::names::variant::{anchored_misspelling, VariantReason};

pub const VARIANT: Rule = Rule {
    id: "name.variant",
    default_severity: Severity::Error,
    summary: "A name in the translation is a near-miss of the glossary's rendering (misspelling, other romanization, spacing, hyphens or diacritics).",
};

pub struct NameVariant;

impl Check for NameVariant {
    fn rules(&self) -> &'static [Rule] {
        &[VARIANT]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        for block in ctx.blocks {
            // A missing or untranslated paragraph is reported once, by the
            // segment check.
            if block.status != BlockStatus::Translated || !block.untranslated.is_empty() {
                continue;
            }
            let named: HashSet<usize> = block.source_terms.iter().map(|m| m.entry).collect();
            let source_tokens = fold_tokens(&block.source.text);
            // Near matches come grouped by candidate, best first.
            for group in block.target_near.chunk_by(|a, b| a.range == b.range) {
                let anchored = group
                    .iter()
                    .find(|n| named.contains(&n.entry))
                    .filter(|n| !written_apart(n, block, &source_tokens));
                let chosen = match anchored {
                    Some(n) => n,
                    None => match unanchored(group, &block.target.text, &source_tokens) {
                        Some(n) => n,
                        None => continue,
                    },
                };
                // "Cong An Ha Noi" for "Cong An Hanoi": the forbidden "Ha
                // Noi" inside is the whole difference, and term.forbidden
                // reports it with the fix.
                let spacing_of_forbidden = chosen.variant.reason == VariantReason::Spacing
                    && block.target_forbidden.iter().any(|f| {
                        chosen.range.start <= f.range.start && f.range.end <= chosen.range.end
                    });
                if spacing_of_forbidden {
                    continue;
                }
                let found = &block.target.text[chosen.range.clone()];
                let source = anchored.and_then(|n| {
                    block
                        .source_terms
                        .iter()
                        .find(|m| m.entry == n.entry)
                        .map(|m| ctx.source_location(block, m.range.clone()))
                });
                let entry = ctx.glossary.entry(chosen.entry);
                let finding = Finding::new(&VARIANT, describe(found, chosen))
                    .source(source)
                    .target(Some(ctx.target_location(block, chosen.range.clone())))
                    .suggestion(Some(chosen.suggestion().to_string()))
                    .note(entry.note.clone());
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}

/// Near-misses the glossary index cannot call on its own but the aligned
/// source makes certain: for each name entry the source block names and the
/// target renders neither rightly, wrongly (forbidden) nor as an indexed
/// near-miss, every run of target words that is an
/// [`anchored_misspelling`] of one of its renderings ("Ursula von der
/// Layen", and "Volodymyr Zelenksy", which the index's phonetic keys do
/// not bring together). They join the block's near-misses, so a misspelled name is
/// always this rule's, and `term.missing` stays silent.
pub fn anchored_near_matches(
    index: &GlossaryIndex,
    source_terms: &[FormMatch],
    found: &[&[FormMatch]],
    near: &[NearMatch],
    target: &str,
) -> Vec<NearMatch> {
    let covered: HashSet<usize> = found
        .iter()
        .flat_map(|matches| matches.iter().map(|m| m.entry))
        .chain(near.iter().map(|n| n.entry))
        .collect();
    let mut missing: Vec<usize> = source_terms
        .iter()
        .map(|m| m.entry)
        .filter(|e| !covered.contains(e) && is_name_kind(index.entry(*e).kind))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    if missing.is_empty() {
        return Vec::new();
    }
    let tokens = fold_tokens(target);
    let mut taken: Vec<Range<usize>> = found
        .iter()
        .flat_map(|matches| matches.iter().map(|m| m.range.clone()))
        .chain(near.iter().map(|n| n.range.clone()))
        .collect();
    let mut out = Vec::new();
    for entry in missing {
        for form in index.entry(entry).forms(index.target_lang()) {
            let wanted = fold_tokens(form);
            if wanted.is_empty() {
                continue;
            }
            for window in tokens.windows(wanted.len()) {
                let differing = window
                    .iter()
                    .zip(&wanted)
                    .filter(|(a, b)| a.folded != b.folded)
                    .count();
                if differing != 1 {
                    continue;
                }
                let span = window[0].span.start..window[wanted.len() - 1].span.end;
                let text = &target[span.clone()];
                let overlaps = |r: &Range<usize>| r.start < span.end && span.start < r.end;
                if text.contains('\n') || taken.iter().any(overlaps) {
                    continue;
                }
                if let Some(variant) = anchored_misspelling(text, form, index.name_thresholds()) {
                    taken.push(span.clone());
                    out.push(NearMatch {
                        entry,
                        range: span,
                        form: form.clone(),
                        variant,
                    });
                }
            }
        }
    }
    out
}

/// The source writes the near-miss itself, away from where it names the
/// entry: another name that happens to look alike, copied from the source
/// ("Samsun" beside "Samsung"). Where the near-miss is the source's own
/// form of the entry ("Kim Jong-un" for a house style "Kim Jong Un") it is
/// still reported.
fn written_apart(
    near: &NearMatch,
    block: &crate::checks::BlockView,
    source_tokens: &[FoldedToken],
) -> bool {
    let found = fold_tokens(&block.target.text[near.range.clone()]);
    let apart = find_name(source_tokens, &found).any(|at| {
        !block
            .source_terms
            .iter()
            .any(|m| m.entry == near.entry && m.range.start < at.end && at.start < m.range.end)
    });
    apart
}

/// The near-miss to report for a candidate whose entry the source does not
/// name, if it is safe to: see the module doc.
fn unanchored<'a>(
    group: &'a [NearMatch],
    target: &str,
    source_tokens: &[FoldedToken],
) -> Option<&'a NearMatch> {
    let best = group.first()?;
    if best.variant.reason == VariantReason::WrongToken {
        return None;
    }
    let ambiguous = group
        .iter()
        .skip(1)
        .any(|n| n.variant.score == best.variant.score && n.suggestion() != best.suggestion());
    if ambiguous {
        return None;
    }
    let found = fold_tokens(&target[best.range.clone()]);
    if contains_name(source_tokens, &found) {
        return None;
    }
    // A lone word that starts with another letter is another name as often
    // as another romanization ("Ellen" is not "Yellen", whatever the
    // Yevgeny/Evgeny rule says).
    let initial = |s: &str| fold_tokens(s).first().and_then(|t| t.folded.chars().next());
    if found.len() == 1 && initial(&target[best.range.clone()]) != initial(best.suggestion()) {
        return None;
    }
    Some(best)
}

/// True when some token of `text` carries a diacritic.
fn has_marks(text: &str) -> bool {
    fold_tokens(text)
        .iter()
        .any(|t| !is_plain(text.get(t.span.clone()).unwrap_or("")))
}

/// "“Xi Jingping” looks like a misspelling of “Xi Jinping”".
fn describe(found: &str, near: &NearMatch) -> String {
    let suggestion = near.suggestion();
    let (f, s) = (quote(found), quote(suggestion));
    let what = match near.variant.reason {
        VariantReason::Spacing => {
            format!("{f} differs from the glossary's {s} in spacing, hyphens or case")
        }
        VariantReason::Diacritics if has_marks(found) && !has_marks(suggestion) => {
            format!("{f} keeps diacritics that the glossary's {s} drops")
        }
        VariantReason::Diacritics => {
            format!("{f} differs from the glossary's {s} in diacritics")
        }
        VariantReason::Romanization => {
            format!("{f} is another romanization of {s}, the glossary's spelling")
        }
        VariantReason::Spelling => format!("{f} looks like a misspelling of {s}"),
        VariantReason::WrongToken => {
            format!("{f} has a wrong syllable: the glossary writes {s}")
        }
    };
    if near.variant.part.is_some() && suggestion != near.form {
        format!("{what} (as in {})", quote(&near.form))
    } else {
        what
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::variant::Variant;

    fn near(form: &str, reason: VariantReason, part: Option<usize>) -> NearMatch {
        NearMatch {
            entry: 0,
            range: 0..1,
            form: form.to_string(),
            variant: Variant {
                score: 0.9,
                reason,
                part,
            },
        }
    }

    #[test]
    fn messages_name_the_kind_of_difference() {
        use VariantReason::*;
        let cases: &[(&str, NearMatch, &str)] = &[
            (
                "Xi Jingping",
                near("Xi Jinping", Spelling, None),
                "“Xi Jingping” looks like a misspelling of “Xi Jinping”",
            ),
            (
                "Kim Jong-un",
                near("Kim Jong Un", Spacing, None),
                "“Kim Jong-un” differs from the glossary's “Kim Jong Un” in spacing, hyphens or case",
            ),
            (
                "Phạm Minh Chính",
                near("Pham Minh Chinh", Diacritics, None),
                "“Phạm Minh Chính” keeps diacritics that the glossary's “Pham Minh Chinh” drops",
            ),
            (
                "Zurich",
                near("Zürich", Diacritics, None),
                "“Zurich” differs from the glossary's “Zürich” in diacritics",
            ),
            (
                "Lavrow",
                near("Sergei Lavrov", Romanization, Some(1)),
                "“Lavrow” is another romanization of “Lavrov”, the glossary's spelling (as in “Sergei Lavrov”)",
            ),
            (
                "Nguyen Phu Truong",
                near("Nguyen Phu Trong", WrongToken, None),
                "“Nguyen Phu Truong” has a wrong syllable: the glossary writes “Nguyen Phu Trong”",
            ),
        ];
        for (found, n, want) in cases {
            assert_eq!(describe(found, n), *want);
        }
    }

    #[test]
    fn unanchored_near_misses_must_be_unambiguous_and_not_from_the_source() {
        let source = fold_tokens("Ngoại trưởng Nga nói");
        let target = "Mr. Lavrow said";
        let mut lavrow = near("Sergei Lavrov", VariantReason::Romanization, Some(1));
        lavrow.range = 4..10;
        assert!(unanchored(std::slice::from_ref(&lavrow), target, &source).is_some());
        // The source writes the same spelling: a different person.
        let copied = fold_tokens("ông Lavrow nói");
        assert!(unanchored(std::slice::from_ref(&lavrow), target, &copied).is_none());
        // Equally near two entries that suggest different spellings.
        let mut other = near("Lavrova", VariantReason::Spelling, None);
        other.range = 4..10;
        other.entry = 1;
        assert!(unanchored(&[lavrow.clone(), other], target, &source).is_none());
        // A lone word with another first letter.
        let mut ellen = near("Yellen", VariantReason::Romanization, None);
        ellen.range = 0..5;
        assert!(unanchored(&[ellen], "Ellen left", &source).is_none());
        // A wrong Vietnamese syllable without the source naming the entry.
        let mut truong = near("Nguyen Phu Trong", VariantReason::WrongToken, None);
        truong.range = 0..17;
        assert!(unanchored(&[truong], "Nguyen Phu Truong", &source).is_none());
    }
}
