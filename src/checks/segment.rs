//! Paragraph-level rules: a source paragraph with no translation, a target
//! paragraph with no source, and target text still in the source language.

use std::ops::Range;

use super::{BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::lang::{characteristic_share, language_name, words_of};
use crate::normalize::{fold_case, NormText};

pub const MISSING: Rule = Rule {
    id: "segment.missing",
    default_severity: Severity::Error,
    summary: "A source paragraph has no translation.",
};
/// Information, not a warning: a condensed English edition adds context its
/// readers need (background, an earlier event), and editors expect it.
pub const EXTRA: Rule = Rule {
    id: "segment.extra",
    default_severity: Severity::Info,
    summary: "A target paragraph has no counterpart in the source.",
};
pub const UNTRANSLATED: Rule = Rule {
    id: "segment.untranslated",
    default_severity: Severity::Error,
    summary: "Target text is still in the source language, or identical to the source.",
};

pub const EMPTY_SOURCE: Rule = Rule {
    id: "segment.empty-source",
    default_severity: Severity::Error,
    summary: "The source file is empty or blank while the translation has text: the wrong source file, or a truncated one.",
};

/// Raised by batch checking, not by [`SegmentCheck`]: a file in the source
/// or target directory that has no counterpart on the other side.
pub const UNPAIRED: Rule = Rule {
    id: "segment.unpaired",
    default_severity: Severity::Warning,
    summary: "A file of a batch has no counterpart on the other side (a source with no translation, or a translation with no source).",
};

/// Sentences shorter than this are names, titles or quotes, not prose.
const MIN_UNTRANSLATED_WORDS: usize = 4;
/// Share of source-language words above which a sentence is in that language.
const SOURCE_SHARE: f64 = 0.5;
/// …provided the target language's own words stay below this share.
const TARGET_SHARE: f64 = 0.2;

pub struct SegmentCheck;

/// Classifies a block and finds its untranslated target sentences.
pub fn classify(
    source: &NormText,
    target: &NormText,
    source_lang: &str,
    target_lang: &str,
) -> (BlockStatus, Vec<Range<usize>>) {
    if target.text.is_empty() {
        return (BlockStatus::Missing, Vec::new());
    }
    if source.text.is_empty() {
        return (BlockStatus::Extra, Vec::new());
    }
    let target_words = words_of(&target.text).count();
    // fold_case keeps byte lengths: texts of other lengths cannot be equal,
    // and most blocks are told apart without folding either.
    if target_words >= 3
        && source.text.len() == target.text.len()
        && fold_case(&source.text) == fold_case(&target.text)
    {
        let whole = 0..target.text.len();
        return (BlockStatus::Untranslated, vec![whole]);
    }
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut untranslated_words = 0;
    for sentence in sentences(&target.text) {
        let text = &target.text[sentence.clone()];
        let words = words_of(text).count();
        if words < MIN_UNTRANSLATED_WORDS {
            continue;
        }
        let in_source = characteristic_share(source_lang, text).is_some_and(|s| s >= SOURCE_SHARE);
        let in_target = characteristic_share(target_lang, text).is_some_and(|s| s >= TARGET_SHARE);
        if in_source && !in_target {
            untranslated_words += words;
            match ranges.last_mut() {
                Some(last) if target.text[last.end..sentence.start].trim().is_empty() => {
                    last.end = sentence.end
                }
                _ => ranges.push(sentence),
            }
        }
    }
    if untranslated_words * 2 >= target_words && !ranges.is_empty() {
        (BlockStatus::Untranslated, ranges)
    } else {
        (BlockStatus::Translated, ranges)
    }
}

/// Byte ranges of sentences: split after . ! ? … followed by a space, and at
/// line breaks; surrounding spaces excluded.
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end_here = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' if chars.peek().is_some_and(|&(_, n)| n == ' ' || n == '\n') => {
                Some(i + c.len_utf8())
            }
            _ => None,
        };
        if let Some(end) = end_here {
            push_trimmed(text, start..end, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Pushes `range` without its leading and trailing white space, unless
/// nothing is left.
pub(crate) fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

impl Check for SegmentCheck {
    fn rules(&self) -> &'static [Rule] {
        &[MISSING, EXTRA, UNTRANSLATED, EMPTY_SOURCE, UNPAIRED]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        // A translation of nothing is one mistake (the wrong or a truncated
        // source file), not one extra paragraph per paragraph.
        if ctx.source.paragraphs.is_empty() && !ctx.target.paragraphs.is_empty() {
            let n = ctx.target.paragraphs.len();
            let finding = Finding::new(
                &EMPTY_SOURCE,
                format!(
                    "the source is empty but the translation has {n} paragraph{}",
                    if n == 1 { "" } else { "s" }
                ),
            )
            .target(ctx.target.span_of(0..1).map(|r| ctx.target.location(r)));
            out.push(finding);
            return;
        }
        let source_lang = language_name(&ctx.source.lang);
        for block in ctx.blocks {
            match block.status {
                BlockStatus::Layout => {}
                BlockStatus::Missing => out.push(ctx.in_block(block, missing(ctx, block))),
                BlockStatus::Extra => {
                    let n = block.block.target.len();
                    let finding = Finding::new(
                        &EXTRA,
                        if n == 1 {
                            "target paragraph has no counterpart in the source".to_string()
                        } else {
                            format!("{n} target paragraphs have no counterpart in the source")
                        },
                    )
                    .target(
                        ctx.target
                            .span_of(block.block.target.clone())
                            .map(|r| ctx.target.location(r)),
                    );
                    out.push(ctx.in_block(block, finding));
                }
                BlockStatus::Translated | BlockStatus::Untranslated => {
                    let identical = block.untranslated.len() == 1
                        && block.untranslated[0] == (0..block.target.text.len())
                        && fold_case(&block.source.text) == fold_case(&block.target.text);
                    for (k, range) in block.untranslated.iter().enumerate() {
                        let message = if identical {
                            "translation is identical to the source".to_string()
                        } else {
                            format!("text is still in {source_lang}")
                        };
                        // The source side is the whole block, quoted once:
                        // a copy in every finding of a long block made the
                        // report quadratic in its size. The others keep the
                        // block as context (`source_block`).
                        let source = (k == 0)
                            .then(|| ctx.source.span_of(block.block.source.clone()))
                            .flatten()
                            .map(|r| ctx.source.location(r));
                        let finding = Finding::new(&UNTRANSLATED, message)
                            .source(source)
                            .target(Some(ctx.target_location(block, range.clone())));
                        out.push(ctx.in_block(block, finding));
                    }
                }
            }
        }
    }
}

fn missing(ctx: &PairContext, block: &BlockView) -> Finding {
    let n = block.block.source.len();
    Finding::new(
        &MISSING,
        if n == 1 {
            "source paragraph has no translation".to_string()
        } else {
            format!("{n} source paragraphs have no translation")
        },
    )
    .source(
        ctx.source
            .span_of(block.block.source.clone())
            .map(|r| ctx.source.location(r)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn norm(s: &str) -> NormText {
        normalize(s, 0..s.len())
    }

    #[test]
    fn classifies_blocks() {
        let vi = norm("Bộ Ngoại giao cho biết hai bên sẽ tiếp tục đàm phán trong tháng tới.");
        let cases: &[(&str, BlockStatus, usize)] = &[
            ("The Foreign Ministry said the two sides would keep negotiating next month.", BlockStatus::Translated, 0),
            ("Bộ Ngoại giao cho biết hai bên sẽ tiếp tục đàm phán trong tháng tới.", BlockStatus::Untranslated, 1),
            ("Bộ Ngoại giao cho biết hai bên sẽ tiếp tục đàm phán. The talks resume in May.", BlockStatus::Untranslated, 1),
            (
                "The ministry said talks would continue. Hai bên sẽ tiếp tục đàm phán trong tháng tới. Officials from both countries met in Hanoi on Monday to prepare the agenda.",
                BlockStatus::Translated,
                1,
            ),
            ("Prime Minister Phạm Minh Chính met Tô Lâm in Hà Nội on Monday.", BlockStatus::Translated, 0),
            ("The song “Tiến Quân Ca” was played.", BlockStatus::Translated, 0),
            ("", BlockStatus::Missing, 0),
        ];
        for (target, status, ranges) in cases {
            let (got, found) = classify(&vi, &norm(target), "vi", "en");
            assert_eq!((&got, found.len()), (status, *ranges), "{target}");
        }
        assert_eq!(
            classify(&norm(""), &norm("Hello there friend"), "vi", "en").0,
            BlockStatus::Extra
        );
        let same = norm("Kamala Harris");
        assert_eq!(
            classify(&same, &same, "vi", "en").0,
            BlockStatus::Translated
        );
    }

    #[test]
    fn splits_sentences() {
        let text = "One two. Three? U.S. officials\nFour";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["One two.", "Three?", "U.S.", "officials", "Four"]);
    }
}
