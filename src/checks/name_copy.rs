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

use std::ops::Range;

use super::{quote, BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::lang::{en, vi_words, words_of};
use crate::names::candidates::{source_names, NameCandidate};
use crate::names::copy::{copy_issues, CopyIssue};
use crate::names::fold::fold;
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
            english
                && target
                    .get(span.clone())
                    .is_some_and(|t| known(t) && t.chars().count() >= suggestion.chars().count())
                && !known(suggestion)
        }
    }
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

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
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
    let listed = |span: &Range<usize>| block.source_terms.iter().any(|m| overlaps(&m.range, span));
    let (mut foreign, vietnamese) = source_names(&block.source.text, listed);
    foreign.retain(|n| !listed(&n.span));
    if foreign.is_empty() && vietnamese.is_empty() {
        return Vec::new();
    }
    // Target names that render a glossary entry, or nearly do, belong to
    // the term and name.variant rules.
    let skip = |c: &NameCandidate| {
        block
            .target_terms
            .iter()
            .chain(&block.target_forbidden)
            .any(|m| overlaps(&m.range, &c.span))
            || block.target_near.iter().any(|n| n.range == c.span)
    };
    let mut issues = copy_issues(
        &block.source.text,
        &foreign,
        &block.target.text,
        &block.target_names,
        skip,
        ctx.target.lang == "en",
        ctx.glossary.name_thresholds(),
    );
    let english = ctx.target.lang == "en";
    issues.retain(|issue| !is_no_name(&block.source.text, &block.target.text, issue, english));
    issues.retain(|issue| !referred_next_door(ctx, block, issue));
    issues.extend(misspelled_vietnamese_names(
        &block.source.text,
        &vietnamese,
        &block.target.text,
        &block.target_names,
        skip,
    ));
    issues
}
