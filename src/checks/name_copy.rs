//! `name.copy`: Vietnamese news keeps foreign names in Latin script
//! ("Sergei Lavrov", "Boeing", "Takeshi Iwaya"); a foreign name in a source
//! block that the glossary does not list must appear as written in the
//! aligned target block. Reported when it is misspelled there ("Takeshi
//! Iwata") or absent. Vietnamese person names that the glossary does not
//! list reach English without diacritics; one with a syllable changed
//! ("Pham Thu Hong" for "Phạm Thu Hằng") is reported too, never an absent
//! one (see [`crate::names::vietnamese`]).
//!
//! Foreign names are told from Vietnamese words by phonotactics (see
//! [`crate::names::syllable`]), and the comparison is in
//! [`crate::names::copy`]. Names the glossary lists are left to the `term.*`
//! and `name.variant` rules, and acronyms are skipped (Vietnamese
//! abbreviations such as UBND are translated, not copied). Runs only for
//! Vietnamese sources.
//!
//! Default severity warning: without a glossary entry nobody has said how
//! the English text writes the name, and the source's own spelling may be
//! the wrong one; the finding asks an editor to look, it does not know.

use std::collections::HashSet;
use std::ops::Range;

use super::{quote, BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::glossary::Coverage;
use crate::lang::{en, vi_words, words_of};
use crate::names::candidates::{source_names, NameCandidate};
use crate::names::copy::{copy_issues, CopyIssue};
use crate::names::fold::fold;
use crate::names::similarity::restores_dropped_letter;
use crate::names::vietnamese::misspelled_vietnamese_names;

pub const COPY: Rule = Rule {
    id: "name.copy",
    default_severity: Severity::Warning,
    summary: "A foreign name that the source keeps in Latin script and the glossary does not list is misspelled in or missing from the translation, or a Vietnamese person's name the glossary does not list has a syllable changed in it.",
};

pub struct NameCopy;

impl Check for NameCopy {
    fn rules(&self) -> &'static [Rule] {
        &[COPY]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        for block in ctx.blocks {
            for issue in block_issues(ctx, block) {
                let finding = match issue.clone() {
                    CopyIssue::Misspelled {
                        source,
                        target,
                        suggestion,
                    } => {
                        let source = ctx.source_location(block, source);
                        let target = ctx.target_location(block, target);
                        // The source's own spelling, diacritics and all, when
                        // the suggestion is the whole name in house style.
                        let written = if fold(&source.text) == fold(&suggestion) {
                            &source.text
                        } else {
                            &suggestion
                        };
                        let message = format!(
                            "{} is written {} in the source",
                            quote(&target.text),
                            quote(written)
                        );
                        Finding::new(&COPY, message)
                            .source(Some(source))
                            .target(Some(target))
                            .suggestion(Some(suggestion))
                    }
                    CopyIssue::Absent { source, name } => {
                        let source = ctx.source_location(block, source);
                        let message = format!(
                            "{} is kept in Latin script in the source but is not in the translation",
                            quote(&source.text)
                        );
                        Finding::new(&COPY, message)
                            .source(Some(source))
                            .suggestion(Some(name))
                    }
                };
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}

/// Issues that are no name being miscopied: a loanword or a common English
/// word the translation translates ("Video", "Micro", "Oh"); a name in a
/// speaker label or credit ("Video của Bear Vaxquez:") that subtitles and
/// transcripts keep on one side only; a source typo of a well-known name
/// ("Avata" where the translation writes "Avatar"), which must not be
/// copied into the translation.
fn is_no_name(source: &str, target: &str, issue: &CopyIssue, english: bool) -> bool {
    match issue {
        CopyIssue::Absent { source: span, name } => {
            let one_word = !name.contains([' ', '-']);
            let common = vi_words::is_loanword(name) || (english && en::is_common_word(name));
            (one_word && common) || in_speaker_label(source, span.clone())
        }
        CopyIssue::Misspelled {
            target: span,
            suggestion,
            ..
        } => {
            let known = |text: &str| words_of(text).all(|w| en::frequency_rank(w).is_some());
            // Typos drop or swap letters: the source's spelling is the
            // shorter or equal one ("Harvad", "Maastrict").
            let Some(written) = target.get(span.clone()) else {
                return false;
            };
            let common = english
                && known(written)
                && written.chars().count() >= suggestion.chars().count()
                && !known(suggestion);
            common || puts_back_a_letter(suggestion, written)
        }
    }
}

/// True when the target writes the name as the source does but for one
/// word, which it spells with a letter the source dropped put back.
fn puts_back_a_letter(source: &str, target: &str) -> bool {
    let (s, t): (Vec<&str>, Vec<&str>) = (words_of(source).collect(), words_of(target).collect());
    let mut differing = s.iter().zip(&t).filter(|(a, b)| a != b);
    s.len() == t.len()
        && differing
            .next()
            .is_some_and(|(a, b)| restores_dropped_letter(a, b))
        && differing.next().is_none()
}

/// Pronouns that stand for a person, company or team named in the
/// sentence next door.
const PRONOUNS: &[&str] = &[
    "he", "her", "hers", "him", "his", "it", "its", "she", "their", "them", "they",
];

/// True when an absent name is written in the translation of the paragraph
/// before or after, and this translation uses a pronoun for it ("sự đề
/// nghị của Gary" ⇔ "his offer"): explicitation moves names across
/// sentence boundaries.
fn referred_next_door(ctx: &PairContext, block: &BlockView, issue: &CopyIssue) -> bool {
    let CopyIssue::Absent { name, .. } = issue else {
        return false;
    };
    let has_pronoun = words_of(&block.target.text).any(|w| PRONOUNS.contains(&fold(w).as_str()));
    if !has_pronoun {
        return false;
    }
    let Some(surname) = words_of(name).last().map(fold) else {
        return false;
    };
    let Some(here) = ctx.blocks.iter().position(|b| std::ptr::eq(b, block)) else {
        return false;
    };
    [here.checked_sub(1), Some(here + 1)]
        .into_iter()
        .flatten()
        .filter_map(|n| ctx.blocks.get(n))
        .any(|n| words_of(&n.target.text).any(|w| fold(w) == surname))
}

/// Words a speaker label or credit may have before its colon.
const LABEL_WORDS: usize = 6;

/// True when `span` is inside a short label that opens its paragraph and
/// ends with a colon: "Tom Rielly: …", "Video của Bear Vaxquez : …".
fn in_speaker_label(text: &str, span: Range<usize>) -> bool {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let Some(colon) = text[span.end..].find(':').map(|i| span.end + i) else {
        return false;
    };
    let label = &text[start..colon];
    !label.contains(['.', '!', '?', ',', ';']) && words_of(label).count() <= LABEL_WORDS
}

/// The `name.copy` issues of one block; `name.inconsistent` uses them too,
/// so that a misspelling is reported once. Computed once per block (the
/// foreign-name scan of the source is a fifth of a pair's checking).
pub(crate) fn block_issues<'b>(ctx: &PairContext, block: &'b BlockView) -> &'b [CopyIssue] {
    block.copy_issues.get_or_init(|| compute(ctx, block))
}

fn compute(ctx: &PairContext, block: &BlockView) -> Vec<CopyIssue> {
    if ctx.source.lang != "vi"
        || block.status != BlockStatus::Translated
        || !block.untranslated.is_empty()
    {
        return Vec::new();
    }
    // A name that the glossary lists, even in part, is the glossary's.
    let listed = non_empty_coverage(block.source_terms.iter().map(|m| m.range.clone()));
    let (mut foreign, vietnamese) = source_names(&block.source.text, |span| listed.overlaps(span));
    foreign.retain(|n| !listed.overlaps(&n.span));
    if foreign.is_empty() && vietnamese.is_empty() {
        return Vec::new();
    }
    // Target names that render a glossary entry, or nearly do, belong to
    // the term and name.variant rules.
    let rendered = non_empty_coverage(
        block
            .target_terms
            .iter()
            .chain(&block.target_forbidden)
            .map(|m| m.range.clone()),
    );
    let near: HashSet<&Range<usize>> = block.target_near.iter().map(|n| &n.range).collect();
    let skip = |c: &NameCandidate| rendered.overlaps(&c.span) || near.contains(&c.span);
    let (source, target) = (&block.source.text, &block.target.text);
    let english = ctx.target.lang == "en";
    let mut issues = Vec::new();
    let mut reported: HashSet<Range<usize>> = HashSet::new();
    for window in windows(source, target) {
        let (s, t) = (window.source.clone(), window.target.clone());
        // Source names starting in the stretch; target names wholly in the
        // window; both moved to the windows' own coordinates.
        let starting = |names: &[NameCandidate]| -> Vec<NameCandidate> {
            let from = names.partition_point(|n| n.span.start < window.own.start);
            names[from..]
                .iter()
                .take_while(|n| n.span.start < window.own.end)
                .map(|n| moved(n, |x| x - s.start))
                .collect()
        };
        let (foreign, vietnamese) = (starting(&foreign), starting(&vietnamese));
        if foreign.is_empty() && vietnamese.is_empty() {
            continue;
        }
        let from = block
            .target_names
            .partition_point(|n| n.span.start < t.start);
        let target_names: Vec<NameCandidate> = block.target_names[from..]
            .iter()
            .take_while(|n| n.span.end <= t.end)
            .map(|n| moved(n, |x| x - t.start))
            .collect();
        let skip = |c: &NameCandidate| skip(&moved(c, |x| x + t.start));
        let mut found = copy_issues(
            &source[s.clone()],
            &foreign,
            &target[t.clone()],
            &target_names,
            skip,
            ctx.target.lang == "en",
            ctx.glossary.name_thresholds(),
        );
        found.retain(|issue| !is_no_name(&source[s.clone()], &target[t.clone()], issue, english));
        found.extend(misspelled_vietnamese_names(
            &source[s.clone()],
            &vietnamese,
            &target[t.clone()],
            &target_names,
            skip,
        ));
        // Windows overlap: a misspelling is reported from the first one.
        for issue in found.into_iter().map(|i| i.moved(s.start, t.start)) {
            if let CopyIssue::Misspelled { target, .. } = &issue {
                if !reported.insert(target.clone()) {
                    continue;
                }
            }
            issues.push(issue);
        }
    }
    issues.retain(|issue| !referred_next_door(ctx, block, issue));
    issues
}

/// Blocks up to this many bytes a side are compared whole; no paragraph
/// of real text comes near it.
const WHOLE_BLOCK_BYTES: usize = 16 * 1024;
/// In a longer block (a file with no paragraph breaks), the source names of
/// each stretch of this many bytes are compared with the target around the
/// same relative position, [`WINDOW_MARGIN`] on each side, so that the work
/// grows with the block, not with its square.
const STRETCH_BYTES: usize = 4 * 1024;
const WINDOW_MARGIN: usize = 8 * 1024;

/// A stretch of the source whose names are checked (`own`), with the
/// source and target text they are compared with.
struct Window {
    own: Range<usize>,
    source: Range<usize>,
    target: Range<usize>,
}

fn windows(source: &str, target: &str) -> Vec<Window> {
    if source.len().max(target.len()) <= WHOLE_BLOCK_BYTES {
        let whole = Window {
            own: 0..source.len(),
            source: 0..source.len(),
            target: 0..target.len(),
        };
        return vec![whole];
    }
    let scale = |at: usize| (at as f64 * target.len() as f64 / source.len().max(1) as f64) as usize;
    let mut out = Vec::new();
    let mut start = 0;
    while start < source.len() {
        let end = word_boundary(source, start + STRETCH_BYTES);
        out.push(Window {
            own: start..end,
            source: word_boundary(source, start.saturating_sub(WINDOW_MARGIN))
                ..word_boundary(source, end + WINDOW_MARGIN),
            target: word_boundary(target, scale(start).saturating_sub(WINDOW_MARGIN))
                ..word_boundary(target, scale(end) + WINDOW_MARGIN),
        });
        start = end;
    }
    out
}

/// The first whitespace at or after `at` (or the end), so that no window
/// cuts a word or a name.
fn word_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    if at == 0 {
        return 0;
    }
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| at + i)
}

fn moved(name: &NameCandidate, to: impl Fn(usize) -> usize) -> NameCandidate {
    let back = |r: &Range<usize>| to(r.start)..to(r.end);
    NameCandidate {
        span: back(&name.span),
        tokens: name.tokens.iter().map(back).collect(),
        ..name.clone()
    }
}

/// The ranges, for overlap queries answered by a binary search (a scan of
/// every glossary match per name was quadratic in a long block).
fn non_empty_coverage(ranges: impl Iterator<Item = Range<usize>>) -> Coverage {
    Coverage::new(ranges.filter(|r| !r.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::finding::RuleConfig;
    use crate::input::SourceText;
    use crate::{Checker, Glossary};

    #[test]
    fn a_source_typo_is_not_copied_into_the_translation() {
        let table = [
            // The source dropped a letter the translation puts back.
            (
                "thành phố Cambrige",
                "the city of Cambridge",
                "Cambridge",
                true,
            ),
            ("ông Anders Nilson", "Mr Anders Nilsoon", "Nilsoon", false),
            // The translation slipped: a key beside, another letter.
            (
                "thành phố Cambridge",
                "the city of Cambriddge",
                "Cambriddge",
                false,
            ),
            ("ông Anders Nilson", "Mr Anders Nilsen", "Nilsen", false),
        ];
        for (source, target, written, excused) in table {
            let at = target.find(written).expect("name in target");
            let name = source.rsplit(' ').next().expect("name in source");
            let issue = CopyIssue::Misspelled {
                source: source.find(name).expect("name")..source.len(),
                target: at..at + written.len(),
                suggestion: name.to_string(),
            };
            assert_eq!(
                is_no_name(source, target, &issue, true),
                excused,
                "{target}"
            );
        }
    }

    #[test]
    fn overlaps_agree_with_a_scan() {
        let ranges = [3..5, 10..20, 12..14, 30..31, 7..7];
        let set = non_empty_coverage(ranges.iter().cloned());
        for start in 0..35 {
            for end in start..36 {
                let span = start..end;
                let scan = ranges
                    .iter()
                    .any(|r| !r.is_empty() && r.start < span.end && span.start < r.end);
                assert_eq!(set.overlaps(&span), scan, "{span:?}");
            }
        }
    }

    /// Bytes of text that the windows of a block hand to the comparison:
    /// the work of `name.copy` on the block is proportional to it.
    fn window_bytes(source: &str, target: &str) -> usize {
        let windows = windows(source, target);
        let mut at = 0;
        for w in &windows {
            assert_eq!(w.own.start, at, "stretches tile the source");
            assert!(w.source.start <= w.own.start && w.own.end <= w.source.end);
            at = w.own.end;
        }
        assert_eq!(at, source.len());
        windows
            .iter()
            .map(|w| w.source.len() + w.target.len())
            .sum()
    }

    #[test]
    fn window_work_grows_linearly_with_the_block() {
        let sentence_vi = "Ông Takeshi Iwaya nói chuyện với các phóng viên tại Tokyo. ";
        let sentence_en = "Mr Takeshi Iwaya spoke to reporters in Tokyo. ";
        let per_byte = |n: usize| {
            let (s, t) = (sentence_vi.repeat(n), sentence_en.repeat(n));
            window_bytes(&s, &t) as f64 / (s.len() + t.len()) as f64
        };
        // A paragraph of real size is one window: the whole block.
        assert_eq!(
            windows(&sentence_vi.repeat(50), &sentence_en.repeat(50)).len(),
            1
        );
        let (small, big) = (per_byte(2_000), per_byte(16_000));
        assert!(
            big <= small * 1.05 && big < 6.0,
            "{small} vs {big} bytes per byte"
        );
    }

    #[test]
    fn a_misspelling_deep_in_a_long_block_is_found_where_it_is() {
        let vi = "Ông Takeshi Iwaya nói chuyện với các phóng viên tại Tokyo. ".repeat(3_000);
        let mut en = "Mr Takeshi Iwaya spoke to reporters in Tokyo. ".repeat(3_000);
        let at = en.len() / 2 + en[en.len() / 2..].find("Iwaya").unwrap();
        en.replace_range(at..at + 5, "Iwata");
        let glossary = Glossary::default_vi_en().unwrap();
        let checker = Checker::new(glossary, "vi", "en", RuleConfig::default());
        let source = Document::new(SourceText::new("a.vi", vi), "vi");
        let target = Document::new(SourceText::new("a.en", en), "en");
        let (findings, _) = checker.check_documents(&source, &target);
        let copy: Vec<_> = findings.iter().filter(|f| f.rule == "name.copy").collect();
        assert_eq!(copy.len(), 1, "{copy:#?}");
        let target = copy[0].target.as_ref().unwrap();
        assert_eq!(target.text, "Takeshi Iwata");
        assert_eq!(target.range.end, at + 5);
    }
}
