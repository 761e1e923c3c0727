//! `term.missing`: a glossary entry named in a source block has none of its
//! accepted renderings in the aligned target block. When the target has a
//! near-miss of a name rendering instead, `name.variant` reports it and this
//! rule stays silent: one finding per mistake.

use std::collections::HashSet;
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
            for m in &block.source_terms {
                if present.contains(&m.entry) || !reported.insert(m.entry) {
                    continue;
                }
                let entry = ctx.glossary.entry(m.entry);
                let Some(preferred) = entry.preferred(target_lang) else {
                    continue;
                };
                let source = ctx.source_location(block, m.range.clone());
                let target = guess_target_span(block, entry, preferred)
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
fn guess_target_span(block: &BlockView, entry: &Entry, preferred: &str) -> Option<Range<usize>> {
    let text = &block.target.text;
    let rendering: Vec<String> = words_of(preferred).map(fold_case).collect();
    if rendering.len() < 2 {
        return None;
    }
    let words: Vec<(Range<usize>, String)> = word_ranges(text)
        .map(|r| (r.clone(), fold_case(&text[r])))
        .collect();
    // A span that correctly renders another entry of this source block is
    // not the translator's attempt at this one.
    let taken = |r: &Range<usize>| {
        block.target_terms.iter().any(|m| {
            m.range.start < r.end
                && r.start < m.range.end
                && block.source_terms.iter().any(|s| s.entry == m.entry)
        })
    };
    let is_name = entry.kind != Kind::Term && entry.kind != Kind::Other;
    for (i, (range, word)) in words.iter().enumerate() {
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
