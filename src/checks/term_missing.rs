//! `term.missing`: a glossary entry named in a source block has none of its
//! accepted renderings in the aligned target block. When the target has a
//! near-miss of a name rendering instead, `name.variant` reports it and this
//! rule stays silent: one finding per mistake.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::{quote, BlockStatus, BlockView, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::glossary::{Coverage, Entry, Kind};
use crate::lang::{en, words_of};
use crate::names::syllable::is_vietnamese_syllable;
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
        // The paragraph each entry is first named in, for references back.
        let mut first_named: HashMap<usize, usize> = HashMap::new();
        for (b, block) in ctx.blocks.iter().enumerate() {
            for m in &block.source_terms {
                first_named.entry(m.entry).or_insert(b);
            }
        }
        for (b, block) in ctx.blocks.iter().enumerate() {
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
            // Worked out once per block, and only when an entry is missing.
            let mut leniency: Option<Leniency> = None;
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
                let leniency = leniency.get_or_insert_with(|| Leniency::of(ctx, block));
                let named_before = first_named.get(&m.entry).is_some_and(|&first| first < b);
                let named_next_door = b
                    .checked_sub(1)
                    .into_iter()
                    .chain(Some(b + 1))
                    .filter_map(|n| ctx.blocks.get(n))
                    .any(|n| n.source_terms.iter().any(|t| t.entry == m.entry));
                if leniency.title_only(entry.kind, m.entry)
                    || (named_before && leniency.referred_back(ctx, entry))
                    || (named_next_door && leniency.pronoun_for(entry.kind))
                    || (entry.kind == Kind::Place && leniency.own_country)
                    || ((named_before || named_next_door)
                        && elliptic(&block.target.text, entry.forms(target_lang)))
                {
                    continue;
                }
                let source = ctx.source_location(block, m.range.clone());
                let words = words.get_or_insert_with(|| TargetWords::of(block));
                let target = guess_target_span(block, words, entry, preferred)
                    .map(|r| ctx.target_location(block, r));
                // A name written alike in both languages is not "rendered
                // as" itself: it is missing.
                let same = fold_case(&source.text) == fold_case(preferred);
                let message = match (&target, same) {
                    (Some(t), _) => format!(
                        "{} is not rendered as {} (found {})",
                        quote(&source.text),
                        quote(preferred),
                        quote(&t.text)
                    ),
                    (None, true) => {
                        format!("{} is missing from the translation", quote(&source.text))
                    }
                    (None, false) => format!(
                        "{} is not rendered as {}",
                        quote(&source.text),
                        quote(preferred)
                    ),
                };
                let finding = Finding::new(&MISSING, message)
                    .suggestion(Some(preferred.to_string()))
                    .note(entry.note.clone());
                let finding = match target {
                    Some(t) => finding.target(Some(t)),
                    None => {
                        let (near, anchor) =
                            ctx.likely_target(block, Some(&source), Some(entry.kind));
                        finding.target_near(near, anchor)
                    }
                }
                .source(Some(source));
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}

/// Head nouns English uses to refer back to an institution already named
/// ("the ministry", "the bank"), where Vietnamese repeats the name.
const HEAD_NOUNS: &[&str] = &[
    "agency",
    "alliance",
    "assembly",
    "bank",
    "bloc",
    "commission",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "firm",
    "fund",
    "group",
    "ministry",
    "office",
    "organisation",
    "organization",
    "party",
    "union",
];

/// Nouns English uses to refer back to a country already named ("this
/// country", "the nation").
const PLACE_NOUNS: &[&str] = &["country", "nation"];

/// Words before which a noun refers back to something already named.
const DETERMINERS: &[&str] = &[
    "its", "our", "that", "the", "their", "these", "this", "those",
];

/// Third-person pronouns that stand for a person named in the sentence
/// next door ("sự đề nghị của Gary" ⇔ "his offer").
const PERSON_PRONOUNS: &[&str] = &["he", "her", "hers", "him", "his", "she"];

/// True when the target names an entry already named nearby by the first
/// word of a rendering alone, the rest left understood: "Nam và Bắc Triều
/// Tiên" ⇔ "North and South" after "North Korea and South Korea".
/// The word must stand alone: "Ministry of Public Security" is another
/// name, not "Ministry" of Health elided.
fn elliptic(target: &str, forms: &[String]) -> bool {
    let words: Vec<&str> = words_of(target).collect();
    let alone: HashSet<&str> = words
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            words.get(i + 1).is_none_or(|next| {
                next.chars().next().is_some_and(char::is_lowercase) && *next != "of"
            })
        })
        .map(|(_, w)| *w)
        .collect();
    forms.iter().any(|form| {
        let mut parts = words_of(form);
        let first = parts.next().unwrap_or("");
        parts.next().is_some()
            && first.chars().count() >= 4
            && first.chars().next().is_some_and(char::is_uppercase)
            && alone.contains(first)
    })
}

/// Title words a country or institution may follow ("Tổng thống Mỹ",
/// "Bộ trưởng Quốc phòng Nga", "Thứ trưởng Bộ Y tế"), folded.
const TITLES: &[&str] = &[
    "bộ trưởng",
    "chủ tịch",
    "cố vấn",
    "cục trưởng",
    "đại sứ",
    "đặc phái viên",
    "đô đốc",
    "giám đốc",
    "hoàng tử",
    "người phát ngôn",
    "nhà vua",
    "nữ hoàng",
    "nghị sĩ",
    "ngoại trưởng",
    "phát ngôn viên",
    "quốc vương",
    "tham mưu trưởng",
    "thái tử",
    "thị trưởng",
    "thống đốc",
    "thủ tướng",
    "thứ trưởng",
    "tổng bí thư",
    "tổng thống",
    "tổng tư lệnh",
    "tư lệnh",
    "tướng",
    "vụ trưởng",
];

/// What a block allows a missing entry, worked out once per block:
///
/// * a place or institution that only appears in someone's title ("Tổng
///   thống Mỹ Joe Biden", "Thứ trưởng Bộ Y tế …") may be dropped or folded
///   into the English title ("President Joe Biden", "Deputy Health
///   Minister"), unless the translation puts another one of that kind
///   there ("the German president" for "Tổng thống Pháp");
/// * an institution the source named in an earlier paragraph may be
///   referred back to by the head noun of its rendering ("Bộ Y tế" again ⇔
///   "the ministry"), as English does where Vietnamese repeats the name.
struct Leniency {
    /// Per source entry: is every mention of it in a title?
    in_titles: HashMap<usize, bool>,
    /// Kinds of the target's places and institutions the source lacks.
    substituted: HashSet<Kind>,
    /// Folded words right after "the", "this" … in the target, outside
    /// any glossary rendering.
    after_the: HashSet<String>,
    /// Does the target use a third-person pronoun for a person?
    person_pronoun: bool,
    /// Does the target say "this country" or "our nation", the speaker's
    /// own country, which needs no name before it?
    own_country: bool,
}

impl Leniency {
    fn of(ctx: &PairContext, block: &BlockView) -> Leniency {
        let text = &block.source.text;
        let mut in_titles: HashMap<usize, bool> = HashMap::new();
        for m in &block.source_terms {
            let titled = follows_title(text, m.range.start);
            *in_titles.entry(m.entry).or_insert(true) &= titled;
        }
        // "Pyongyang" renders both the city and North Korea: a span that
        // renders an entry of the source is not another place.
        let renders_source = Coverage::new(
            block
                .target_terms
                .iter()
                .filter(|u| in_titles.contains_key(&u.entry))
                .map(|u| u.range.clone()),
        );
        let substituted = block
            .target_terms
            .iter()
            .filter(|t| !in_titles.contains_key(&t.entry) && !renders_source.covers(&t.range))
            .map(|t| ctx.glossary.entry(t.entry).kind)
            .collect();
        // "the ministry" on its own; "The Ministry of Public Security" is
        // another entry's rendering, not a reference back.
        let named = Coverage::new(
            block
                .target_terms
                .iter()
                .chain(&block.target_forbidden)
                .map(|m| m.range.clone()),
        );
        let target = &block.target.text;
        let words: Vec<Range<usize>> = word_ranges(target).collect();
        let after_the = words
            .windows(2)
            .filter(|pair| {
                DETERMINERS.contains(&fold_case(&target[pair[0].clone()]).as_str())
                    && !named.covers(&pair[1])
            })
            .map(|pair| fold_case(&target[pair[1].clone()]))
            .collect();
        let person_pronoun = words
            .iter()
            .any(|w| PERSON_PRONOUNS.contains(&fold_case(&target[w.clone()]).as_str()));
        let own_country = words.windows(2).any(|pair| {
            matches!(fold_case(&target[pair[0].clone()]).as_str(), "this" | "our")
                && PLACE_NOUNS.contains(&fold_case(&target[pair[1].clone()]).as_str())
        });
        Leniency {
            in_titles,
            substituted,
            after_the,
            person_pronoun,
            own_country,
        }
    }

    fn title_only(&self, kind: Kind, entry: usize) -> bool {
        matches!(kind, Kind::Place | Kind::Organization)
            && self.in_titles.get(&entry) == Some(&true)
            && !self.substituted.contains(&kind)
    }

    /// An entry named in an earlier paragraph referred back to by a noun:
    /// an institution by the head noun of its rendering ("the ministry"), a
    /// country as "this country", a term by its head noun ("tên lửa đạn
    /// đạo" again ⇔ "the missiles"; "the election").
    fn referred_back(&self, ctx: &PairContext, entry: &Entry) -> bool {
        let forms = entry.forms(ctx.glossary.target_lang());
        let refers = |noun: &str| {
            self.after_the.contains(noun) || self.after_the.contains(&en::plural(noun))
        };
        match entry.kind {
            Kind::Organization => forms
                .iter()
                .flat_map(|form| words_of(form).map(fold_case).collect::<Vec<_>>())
                .any(|w| HEAD_NOUNS.contains(&w.as_str()) && refers(&w)),
            Kind::Place => PLACE_NOUNS.iter().any(|noun| refers(noun)),
            // The preferred rendering's head: "offshore wind" is not
            // referred back to by "the power mix" although "offshore wind
            // power" is accepted too.
            Kind::Term | Kind::Other => forms
                .first()
                .and_then(|form| words_of(form).last().map(fold_case))
                .is_some_and(|head| head.chars().count() >= 4 && refers(&head)),
            Kind::Person | Kind::Event => false,
        }
    }

    /// A person named in the paragraph next door may be "he" or "her" here.
    fn pronoun_for(&self, kind: Kind) -> bool {
        kind == Kind::Person && self.person_pronoun
    }
}

/// True when `text[..at]` ends with a title, followed by at most three
/// words of a portfolio ("Bộ trưởng Quốc phòng").
fn follows_title(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    // A title and portfolio fit in a few dozen characters: look no further
    // back, so that a paragraph of many mentions costs linear time.
    let window_start = (0..=before.len().saturating_sub(160))
        .rev()
        .find(|&i| before.is_char_boundary(i))
        .unwrap_or(0);
    let before = &before[window_start..];
    // The title is in the same clause: no punctuation between.
    let clause = before
        .rsplit(|c: char| ".,;:!?()\"“”'\n".contains(c))
        .next()
        .unwrap_or(before);
    let words: Vec<&str> = words_of(clause).collect();
    let folded: Vec<String> = words.iter().map(|w| fold_case(w)).collect();
    for portfolio in 0..=3.min(words.len()) {
        let head = &folded[..folded.len() - portfolio];
        // Vietnamese capitalizes the first syllable of a portfolio ("Quốc
        // phòng"); a foreign name or a verb between is no portfolio
        // ("Tổng thống Joe Biden tới Nga").
        let between = &words[words.len() - portfolio..];
        let is_portfolio = between
            .first()
            .is_none_or(|w| w.starts_with(char::is_uppercase))
            && between.iter().all(|w| is_vietnamese_syllable(w));
        if !is_portfolio {
            continue;
        }
        let titled = TITLES.iter().any(|title| {
            let title: Vec<&str> = title.split(' ').collect();
            head.len() >= title.len()
                && head[head.len() - title.len()..]
                    .iter()
                    .zip(&title)
                    .all(|(w, t)| w == t)
        });
        if titled {
            return true;
        }
    }
    false
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

#[cfg(test)]
mod tests {
    use super::follows_title;

    #[test]
    fn titles_before_a_place() {
        for (text, titled) in [
            ("Tổng thống Mỹ Joe Biden", true),
            ("Ngoại trưởng Mỹ tới Trung Đông", true),
            ("Bộ trưởng Quốc phòng Nga Andrei Belousov", true),
            ("Bộ trưởng Ngoại giao Nga", true),
            ("Thứ trưởng Bộ Y tế", true),
            ("Phát biểu của Thủ tướng Nhật Bản", true),
            // Not part of a title.
            ("Tổng thống Joe Biden tới Nga", false),
            ("Tổng thống tới Nga", false),
            ("Quan hệ Việt - Mỹ", false),
            ("Tổng thống. Mỹ", false),
            ("“Tổng thống” Mỹ", false),
            ("Ông nói: “Tổng thống Mỹ", true),
            ("Mỹ", false),
        ] {
            let place = ["Mỹ", "Nga", "Bộ Y tế", "Nhật Bản"]
                .iter()
                .filter_map(|p| text.rfind(p))
                .max()
                .unwrap();
            assert_eq!(follows_title(text, place), titled, "{text}");
        }
    }
}
