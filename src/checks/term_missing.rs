//! `term.missing`: a glossary entry named in a source block has none of its
//! accepted renderings in the aligned target block. When the target has a
//! near-miss of a name rendering instead, `name.variant` reports it and this
//! rule stays silent: one finding per mistake.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{quote, BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::glossary::{Entry, Kind};
use crate::lang::words_of;
use crate::normalize::fold_case;

pub const MISSING: Rule = Rule {
    id: "term.missing",
    default_severity: Severity::Error,
    summary: "A glossary name or term in the source has none of its accepted renderings in the translation.",
};

pub struct TermMissing;

impl Check for TermMissing {
    fn rules(&self) -> &'static [Rule] {
        &[MISSING]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        let target_lang = ctx.glossary.target_lang();
        for block in ctx.blocks {
            // An untranslated sentence is reported once, by the segment check.
            if block.status != BlockStatus::Translated || !block.untranslated.is_empty() {
                continue;
            }
            // A near-miss of the entry's rendering ("Xi Jingping") is
            // reported by name.variant, with this rendering as suggestion.
            let present: HashSet<usize> = block
                .target_terms
                .iter()
                .chain(&block.target_forbidden)
                .map(|m| m.entry)
                .chain(block.target_near.iter().map(|n| n.entry))
                .collect();
            let mut reported = HashSet::new();
            // The target's words, indexed once per block and only when some
            // entry is missing: a guess per entry must not rescan a huge
            // block (a many-megabyte single-paragraph file).
            let mut words: Option<TargetWords> = None;
            for m in &block.source_terms {
                if present.contains(&m.entry) || !reported.insert(m.entry) {
                    continue;
                }
                let entry = ctx.glossary.entry(m.entry);
                let Some(preferred) = entry.preferred(target_lang) else {
                    continue;
                };
                let source = ctx.source_location(block, m.range.clone());
                let words = words.get_or_insert_with(|| TargetWords::of(block));
                let target = guess_target_span(block, words, entry, preferred)
                    .map(|r| ctx.target_location(block, r));
                let message = format!(
                    "{} is not rendered as {}{}",
                    quote(&source.text),
                    quote(preferred),
                    match &target {
                        Some(t) => format!(" (found {})", quote(&t.text)),
                        None => String::new(),
                    }
                );
                let finding = Finding::new(&MISSING, message)
                    .source(Some(source))
                    .target(target)
                    .suggestion(Some(preferred.to_string()))
                    .note(entry.note.clone());
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}

const STOPWORDS: [&str; 12] = [
    "the", "of", "and", "for", "in", "on", "to", "a", "an", "de", "la", "at",
];

/// Where the translator probably put their own rendering: a target word that
/// shares a significant word with the preferred rendering ("Global Bank" for
/// "World Bank"), widened to as many words as the rendering has. None when
/// nothing plausible is there — a wrong guess is worse than no guess.
fn guess_target_span(
    block: &BlockView,
    target_words: &TargetWords,
    entry: &Entry,
    preferred: &str,
) -> Option<Range<usize>> {
    let text = &block.target.text;
    let rendering: Vec<String> = words_of(preferred).map(fold_case).collect();
    if rendering.len() < 2 {
        return None;
    }
    let words = &target_words.words;
    let taken = |r: &Range<usize>| target_words.taken(r);
    let is_name = entry.kind != Kind::Term && entry.kind != Kind::Other;
    // Only the words the rendering shares can start a guess: visit their
    // positions in text order.
    let mut shared: Vec<usize> = rendering
        .iter()
        .filter_map(|w| target_words.at.get(w))
        .flatten()
        .copied()
        .collect();
    shared.sort_unstable();
    shared.dedup();
    for i in shared {
        let (range, word) = &words[i];
        let Some(pos) = rendering
            .iter()
            .position(|w| w == word && w.chars().count() >= 3 && !STOPWORDS.contains(&w.as_str()))
        else {
            continue;
        };
        if taken(range) || (is_name && !text[range.clone()].starts_with(char::is_uppercase)) {
            continue;
        }
        let first = i.checked_sub(pos)?;
        let last = first + rendering.len() - 1;
        let (start, end) = (words.get(first)?.0.start, words.get(last)?.0.end);
        let span = start..end;
        let same_line = !text[span.clone()].contains('\n');
        let all_capitalized = words[first..=last]
            .iter()
            .all(|(r, _)| text[r.clone()].starts_with(char::is_uppercase));
        if same_line && !taken(&span) && (!is_name || all_capitalized) {
            return Some(span);
        }
    }
    None
}

/// The words of a target block, case-folded, where each occurs, and the
/// spans already taken by a correct rendering of another entry of the
/// source block.
struct TargetWords {
    words: Vec<(Range<usize>, String)>,
    at: HashMap<String, Vec<usize>>,
    /// Taken spans by start, with the largest end among each prefix.
    taken: Vec<(usize, usize)>,
}

impl TargetWords {
    fn of(block: &BlockView) -> TargetWords {
        let text = &block.target.text;
        let words: Vec<(Range<usize>, String)> = word_ranges(text)
            .map(|r| (r.clone(), fold_case(&text[r])))
            .collect();
        let mut at: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (_, word)) in words.iter().enumerate() {
            at.entry(word.clone()).or_default().push(i);
        }
        let in_source: HashSet<usize> = block.source_terms.iter().map(|m| m.entry).collect();
        let mut taken: Vec<(usize, usize)> = block
            .target_terms
            .iter()
            .filter(|m| in_source.contains(&m.entry))
            .map(|m| (m.range.start, m.range.end))
            .collect();
        taken.sort_unstable();
        let mut max_end = 0;
        for span in &mut taken {
            max_end = max_end.max(span.1);
            span.1 = max_end;
        }
        TargetWords { words, at, taken }
    }

    /// True when `r` overlaps a span that correctly renders another entry
    /// of this source block: that is not the translator's attempt at this
    /// one.
    fn taken(&self, r: &Range<usize>) -> bool {
        let before = self.taken.partition_point(|&(start, _)| start < r.end);
        before > 0 && self.taken[before - 1].1 > r.start
    }
}

fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = crate::glossary::is_word_char(c);
        match (start, word_char) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}
