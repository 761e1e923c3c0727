//! Where a finding points in the translation when it has no span of its
//! own there: a glossary name with none of its renderings, a number or a
//! name with no counterpart, a dropped paragraph. Reviewers read, annotate
//! and fix the translation, so such a finding still gets a target
//! location: the clause most likely at fault, else the whole aligned
//! paragraph, else (nothing was translated) the gap where the paragraph
//! belongs. The source span stays the finding's related location.

use std::collections::HashSet;
use std::ops::Range;

use super::segment::push_trimmed;
use super::{BlockView, PairContext};
use crate::document::Document;
use crate::finding::{Anchor, Location};
use crate::glossary::{Coverage, FormMatch, Kind};
use crate::names::candidates::ABBREVIATIONS;
use crate::normalize::fold_case;

/// The place in the translation a finding about `source` concerns. `kind`
/// is the kind of the glossary entry the finding is about, if any: a name
/// of that kind in the translation that renders nothing of the source
/// ("Cambodia" where the source says "Thái Lan") is most likely where the
/// translator put another one.
pub(crate) fn likely_target(
    ctx: &PairContext,
    block: &BlockView,
    source: Option<&Location>,
    kind: Option<Kind>,
) -> (Location, Anchor) {
    let Some(paragraph) = ctx.target.span_of(block.block.target.clone()) else {
        let at = gap(ctx.target, block.block.target.start);
        return (ctx.target.location(at..at), Anchor::Gap);
    };
    let whole = || (ctx.target.location(paragraph.clone()), Anchor::Paragraph);
    let text = &block.target.text;
    let split = block.sentences.get_or_init(|| Sentences::of(block));
    let in_source = source.and_then(|s| split.source_sentence(block, s.range.start));
    let counterpart = in_source.and_then(|i| split.counterpart(block, i));
    let substitute = kind
        .filter(|k| !matches!(k, Kind::Term | Kind::Other))
        .and_then(|k| split.substitute(ctx, block, k, counterpart.map(|t| &split.target[t])));
    let clause = match (substitute, counterpart) {
        (Some(name), _) => {
            let t = split.target.partition_point(|s| s.end < name.end);
            let sentence = split.target.get(t).cloned().unwrap_or(0..text.len());
            clause_around(text, sentence, name)
        }
        (None, Some(t)) => {
            let sentence = split.target[t].clone();
            match (in_source, source) {
                (Some(i), Some(s)) => split
                    .corresponding_clause(block, i, t, s.range.start)
                    .unwrap_or(sentence),
                _ => sentence,
            }
        }
        // A paragraph of many pages is no place to show (and each finding
        // would copy it): the sentence at the source's proportional
        // position stands in for it.
        (None, None) => match in_source.filter(|_| paragraph.len() > MAX_PARAGRAPH_SPAN) {
            Some(i) => {
                let t = i * split.target.len() / split.source.len().max(1);
                match split.target.get(t) {
                    Some(sentence) => sentence.clone(),
                    None => return whole(),
                }
            }
            None => return whole(),
        },
    };
    if clause.start == 0 && clause.end >= text.trim_end().len() {
        return whole();
    }
    (ctx.target_location(block, clause), Anchor::Clause)
}

/// The sentences of both sides of a block (byte ranges of the normalized
/// texts) and the glossary matches inside each, worked out once per block
/// and only when a finding needs them, so that placing a finding costs
/// time for its sentence's neighbourhood, not for the whole block.
#[derive(Debug, Clone, Default)]
pub struct Sentences {
    source: Vec<Range<usize>>,
    target: Vec<Range<usize>>,
    /// Per source sentence, indexes into the block's `source_terms`.
    source_terms: Vec<Vec<usize>>,
    /// Per target sentence, indexes into the block's `target_terms`.
    target_terms: Vec<Vec<usize>>,
    /// Indexes of target matches that render no entry the source block
    /// names: candidates for a name put in place of another.
    others: Vec<usize>,
}

/// How many target sentences on each side of a source sentence's
/// proportional position may be its translation.
const SENTENCE_WINDOW: usize = 8;

impl Sentences {
    fn of(block: &BlockView) -> Sentences {
        let source = sentences(&block.source.text);
        let target = sentences(&block.target.text);
        let bucket = |spans: &[Range<usize>], ranges: &mut dyn Iterator<Item = &Range<usize>>| {
            let mut out = vec![Vec::new(); spans.len()];
            for (k, r) in ranges.enumerate() {
                let i = spans.partition_point(|s| s.end < r.end);
                if spans.get(i).is_some_and(|s| s.start <= r.start) {
                    out[i].push(k);
                }
            }
            out
        };
        let source_terms = bucket(&source, &mut block.source_terms.iter().map(|m| &m.range));
        let target_terms = bucket(&target, &mut block.target_terms.iter().map(|m| &m.range));
        let named: HashSet<usize> = block.source_terms.iter().map(|m| m.entry).collect();
        // "Pyongyang" renders the city and North Korea: a span that renders
        // an entry of the source is no other name.
        let renders_source = Coverage::new(
            block
                .target_terms
                .iter()
                .filter(|t| named.contains(&t.entry))
                .map(|t| t.range.clone()),
        );
        let others = (0..block.target_terms.len())
            .filter(|&k| {
                let t = &block.target_terms[k];
                !named.contains(&t.entry) && !renders_source.covers(&t.range)
            })
            .collect();
        Sentences {
            source,
            target,
            source_terms,
            target_terms,
            others,
        }
    }

    /// The first target name of `kind` that renders no entry of the source
    /// block, preferring one inside `within`.
    fn substitute(
        &self,
        ctx: &PairContext,
        block: &BlockView,
        kind: Kind,
        within: Option<&Range<usize>>,
    ) -> Option<Range<usize>> {
        let mut others = self
            .others
            .iter()
            .map(|&k| &block.target_terms[k])
            .filter(|t| ctx.glossary.entry(t.entry).kind == kind);
        let first = others.next()?.range.clone();
        let inside =
            |r: &Range<usize>| within.is_some_and(|w| w.start <= r.start && r.end <= w.end);
        if inside(&first) {
            return Some(first);
        }
        Some(
            others
                .map(|t| t.range.clone())
                .find(inside)
                .unwrap_or(first),
        )
    }

    /// Index of the source sentence holding original offset `at`.
    fn source_sentence(&self, block: &BlockView, at: usize) -> Option<usize> {
        let i = self
            .source
            .partition_point(|s| block.source.original_range(s.clone()).end <= at);
        let original = block.source.original_range(self.source.get(i)?.clone());
        (original.start <= at).then_some(i)
    }

    /// The target sentence that translates source sentence `i`: among the
    /// sentences near its proportional position, the one holding most
    /// renderings of the glossary entries it names, when one does; the
    /// sentence of the same index when both sides have as many and it
    /// holds as many as any other.
    fn counterpart(&self, block: &BlockView, i: usize) -> Option<usize> {
        let named: HashSet<usize> = self.source_terms[i]
            .iter()
            .map(|&k| block.source_terms[k].entry)
            .collect();
        let expected = i * self.target.len() / self.source.len().max(1);
        let window = expected.saturating_sub(SENTENCE_WINDOW)
            ..(expected + SENTENCE_WINDOW + 1).min(self.target.len());
        let score = |t: usize| {
            self.target_terms[t]
                .iter()
                .filter(|&&k| named.contains(&block.target_terms[k].entry))
                .count()
        };
        let scores: Vec<(usize, usize)> = window.map(|t| (t, score(t))).collect();
        let best = scores.iter().map(|&(_, n)| n).max().unwrap_or(0);
        let same_count = self.source.len() == self.target.len();
        if same_count && scores.iter().any(|&(t, n)| t == i && n == best) {
            return Some(i);
        }
        let mut leaders = scores.iter().filter(|&&(_, n)| n == best);
        match (leaders.next(), leaders.next()) {
            (Some(&(t, _)), None) if best > 0 => Some(t),
            _ => None,
        }
    }

    /// The clause of target sentence `t` that corresponds to the clause of
    /// source sentence `i` holding original offset `at`: only when both
    /// sentences have as many clauses (two or more), and every glossary
    /// entry a source clause names, where the target sentence renders it,
    /// is rendered in the target clause of the same index.
    fn corresponding_clause(
        &self,
        block: &BlockView,
        i: usize,
        t: usize,
        at: usize,
    ) -> Option<Range<usize>> {
        let (from, to) = (&self.source[i], &self.target[t]);
        if from.len() > MAX_CLAUSE_SPLIT || to.len() > MAX_CLAUSE_SPLIT {
            return None;
        }
        let source = clauses(&block.source.text, from.clone());
        let target = clauses(&block.target.text, to.clone());
        if source.len() != target.len() || source.len() < 2 {
            return None;
        }
        let j = source
            .iter()
            .position(|c| block.source.original_range(c.clone()).end > at)?;
        let inside = |r: &Range<usize>, c: &Range<usize>| c.start <= r.start && r.end <= c.end;
        let renderings: Vec<&FormMatch> = self.target_terms[t]
            .iter()
            .map(|&k| &block.target_terms[k])
            .collect();
        // Every entry a source clause names, where the target sentence
        // renders it, is rendered in the clause of the same index: the
        // order holds.
        let agrees = self.source_terms[i].iter().all(|&k| {
            let m = &block.source_terms[k];
            let Some(c) = source.iter().position(|c| inside(&m.range, c)) else {
                return true;
            };
            let mut of_entry = renderings.iter().filter(|r| r.entry == m.entry).peekable();
            of_entry.peek().is_none() || of_entry.any(|r| inside(&r.range, &target[c]))
        });
        agrees.then(|| target[j].clone())
    }
}

/// Paragraphs longer than this (bytes) are not a finding's target as a
/// whole.
const MAX_PARAGRAPH_SPAN: usize = 64 * 1024;

/// Sentences longer than this are not split into clauses: a guess inside
/// them would not help, and the split would cost time per finding.
const MAX_CLAUSE_SPLIT: usize = 2000;

/// The original offset where the paragraph of index `next` of `doc`
/// would start: the start of the next paragraph, or the end of the last one
/// when it belongs at the end (or the start of an empty file).
pub(crate) fn gap(doc: &Document, next: usize) -> usize {
    match doc.paragraphs.get(next) {
        Some(p) => p.range.start,
        None => next
            .checked_sub(1)
            .and_then(|last| doc.paragraphs.get(last))
            .map_or(0, |p| p.range.end),
    }
}

/// Byte ranges of the sentences of a normalized block text (paragraphs
/// joined by '\n', single spaces): split at paragraph breaks and after
/// . ! ? … (and closing quotes or brackets) followed by a space and a
/// capital, digit or opening quote, but not after an abbreviation or
/// initials ("Mr.", "U.S.", "TP.", "J."), so that both languages split alike.
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => sentence_end(text, i, c),
            _ => None,
        };
        if let Some(end) = end.filter(|&e| e >= start) {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Where a sentence ends at the mark `mark` at byte `at`, if it does.
fn sentence_end(text: &str, at: usize, mark: char) -> Option<usize> {
    let after = &text[at + mark.len_utf8()..];
    let closing = after
        .char_indices()
        .find(|&(_, c)| !matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»'))
        .map_or(after.len(), |(i, _)| i);
    let end = at + mark.len_utf8() + closing;
    let mut next = after[closing..].chars();
    let (space, first) = (next.next()?, next.next()?);
    let opens = first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '“' | '‘' | '(' | '«');
    if space != ' ' || !opens {
        return None;
    }
    if mark == '.' {
        let word_start = text[..at]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |w| w + 1);
        let word = &text[word_start..at];
        let initials =
            (1..=2).contains(&word.chars().count()) && word.chars().all(char::is_uppercase);
        let abbreviation =
            ABBREVIATIONS.contains(&fold_case(word).as_str()) || word.contains('.') || initials;
        if abbreviation {
            return None;
        }
    }
    Some(end)
}

/// The clauses of `sentence` (a range of `text`): split at a comma,
/// semicolon or colon followed by a space and at a spaced dash, without the
/// marks and surrounding spaces.
fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let inner = &text[sentence.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in inner.char_indices() {
        let after = &inner[i + c.len_utf8()..];
        let is_mark = match c {
            ',' | ';' | ':' => after.starts_with(' '),
            '–' | '—' => inner[..i].ends_with(' ') && after.starts_with(' '),
            _ => false,
        };
        if is_mark {
            push_trimmed(text, sentence.start + start..sentence.start + i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, sentence.start + start..sentence.end, &mut out);
    out
}

/// The clause or clauses of `sentence` that hold `at` (the whole sentence
/// when it is too long to split).
fn clause_around(text: &str, sentence: Range<usize>, at: Range<usize>) -> Range<usize> {
    if sentence.len() > MAX_CLAUSE_SPLIT {
        return sentence;
    }
    let parts = clauses(text, sentence.clone());
    let first = parts.iter().find(|c| c.end > at.start);
    let last = parts.iter().rev().find(|c| c.start < at.end);
    match (first, last) {
        (Some(a), Some(b)) if a.start <= b.end => a.start..b.end,
        _ => sentence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_alike_in_both_languages() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ông Lavrov tới Bình Nhưỡng. Hai bên ký thỏa thuận.",
                &["Ông Lavrov tới Bình Nhưỡng.", "Hai bên ký thỏa thuận."],
            ),
            (
                "Mr. Lavrov arrived in the U.S. on Monday. He met Xi. Talks began.",
                &[
                    "Mr. Lavrov arrived in the U.S. on Monday.",
                    "He met Xi.",
                    "Talks began.",
                ],
            ),
            (
                "Ông Phạm Minh Chính tới TP. Hồ Chí Minh. Ông J. Smith dự họp.",
                &[
                    "Ông Phạm Minh Chính tới TP. Hồ Chí Minh.",
                    "Ông J. Smith dự họp.",
                ],
            ),
            (
                "He said: “We agree.” Talks end today.\nA new paragraph",
                &[
                    "He said: “We agree.”",
                    "Talks end today.",
                    "A new paragraph",
                ],
            ),
            // Not sentence ends: a decimal point, a lower-case continuation.
            (
                "Growth was 5.5 percent, i.e. lower.",
                &["Growth was 5.5 percent, i.e. lower."],
            ),
            (
                "Tăng 2,5%. Năm 2025 sẽ khác.",
                &["Tăng 2,5%.", "Năm 2025 sẽ khác."],
            ),
            // A detached mark (tokenized text) still ends a sentence.
            (
                "It was stable . The rate rose .",
                &["It was stable .", "The rate rose ."],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn clause_around_a_name() {
        let cases = [
            (
                "Officials said on Monday, after talks in Phnom Penh, that Cambodia would join.",
                "Cambodia",
                "that Cambodia would join.",
            ),
            (
                "Exports rose 4,000 tonnes to Laos; imports fell.",
                "Laos",
                "Exports rose 4,000 tonnes to Laos",
            ),
            ("Cambodia – not Laos – signed.", "Laos", "not Laos"),
            ("Cambodia signed.", "Cambodia", "Cambodia signed."),
        ];
        for (text, name, want) in cases {
            let at = text.find(name).unwrap();
            let got = clause_around(text, 0..text.len(), at..at + name.len());
            assert_eq!(&text[got], want, "{text}");
        }
    }
}
