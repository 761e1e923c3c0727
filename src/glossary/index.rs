//! Finding glossary forms in normalized text.
//!
//! One Aho-Corasick automaton per role (source forms, target renderings,
//! forbidden target renderings) runs over case-folded text; each hit is then
//! checked for whole-word boundaries and, for case-sensitive entries, for the
//! exact case (a capitalized first letter is always accepted).
//!
//! Near-misses of name renderings ("Xi Jingping" for "Xi Jinping") are
//! found through a [`FuzzyIndex`] over the target renderings of the names
//! (`kind` person, place, organization or event, `fuzzy` not false), built
//! once per index, so that the cost per candidate name does not grow with
//! the glossary.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::{CaseMode, Entry, Glossary, Kind};
use crate::lang;
use crate::names::candidates::{is_vietnamese_family_name, NameCandidate};
use crate::names::fold::fold_tokens;
use crate::names::index::FuzzyIndex;
use crate::names::similarity::{Thresholds, SHORT_TOKEN_MAX_CHARS};
use crate::names::syllable::{is_foreign_word, is_vietnamese_syllable};
use crate::names::variant::Variant;
use crate::normalize::{fold_case, normalize_str};

/// Byte ranges (glossary matches) that answer "is this span inside one of
/// them?" in logarithmic time: a long paragraph has thousands of matches
/// and of name candidates, and a scan per candidate would take their
/// product.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// (start, largest end among ranges starting at or before it), by start.
    spans: Vec<(usize, usize)>,
}

impl Coverage {
    pub fn new(ranges: impl IntoIterator<Item = Range<usize>>) -> Coverage {
        let mut spans: Vec<(usize, usize)> = ranges.into_iter().map(|r| (r.start, r.end)).collect();
        spans.sort_unstable();
        let mut max_end = 0;
        for span in &mut spans {
            max_end = max_end.max(span.1);
            span.1 = max_end;
        }
        Coverage { spans }
    }

    /// True when some range holds all of `span`.
    pub fn covers(&self, span: &Range<usize>) -> bool {
        let before = self
            .spans
            .partition_point(|&(start, _)| start <= span.start);
        before > 0 && self.spans[before - 1].1 >= span.end
    }

    /// True when some range shares a byte with `span`. Build the coverage
    /// from non-empty ranges for this query: an empty one shares nothing.
    pub fn overlaps(&self, span: &Range<usize>) -> bool {
        let before_end = self.spans.partition_point(|&(start, _)| start < span.end);
        before_end > 0 && self.spans[before_end - 1].1 > span.start
    }
}

/// What a matched form means for its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchRole {
    /// A form listed in the glossary.
    Listed,
    /// A regular derivation of a listed form (plural, demonym).
    Derived,
    /// A forbidden rendering.
    Forbidden,
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: u32,
    /// Normalized form with its case, for case-sensitive verification.
    form: String,
    role: MatchRole,
    case_sensitive: bool,
}

/// A glossary form found in a text: byte range into the normalized text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormMatch {
    pub entry: usize,
    pub range: Range<usize>,
    pub role: MatchRole,
    /// The glossary form that matched (normalized).
    pub form: String,
    /// A one-word, case-sensitive source match at the start of a sentence
    /// or quotation, where capitalization says nothing: "Anh" opens "Anh
    /// đang làm gì" (what are you doing) as readily as "Anh rời EU" (Britain
    /// left the EU). Compounds, person words and address particles around
    /// it are read here ([`crate::lang::vi_homographs`]); the checker reads
    /// the rest from the translation of that very paragraph.
    pub ambiguous: bool,
}

/// A candidate name in a target text that is not an accepted rendering but
/// a near-miss of one (see [`crate::names::variant`]): a misspelling,
/// another romanization, other spacing or diacritics.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMatch {
    pub entry: usize,
    /// Byte range of the candidate in the normalized text.
    pub range: Range<usize>,
    /// The accepted rendering it is nearest to (the first such form of the
    /// entry on a tie, so the preferred one when it is among them).
    pub form: String,
    pub variant: Variant,
}

impl NearMatch {
    /// What to write instead: the rendering, or its surname for a surname
    /// alone.
    pub fn suggestion(&self) -> &str {
        self.variant.suggestion(&self.form)
    }
}

/// Entries whose renderings are names, and so may be misspelled the way
/// names are; terms ("ballistic missile") are left to `term.missing`.
pub fn is_name_kind(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Person | Kind::Place | Kind::Organization | Kind::Event
    )
}

struct FormSet {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl FormSet {
    fn new(patterns: Vec<Pattern>) -> FormSet {
        let folded: Vec<String> = patterns.iter().map(|p| fold_case(&p.form)).collect();
        let automaton = (!patterns.is_empty()).then(|| {
            // A contiguous NFA builds in a fraction of a DFA's time and
            // searches almost as fast on article-sized texts.
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .match_kind(MatchKind::Standard)
                .build(&folded)
                .expect("glossary patterns are plain strings")
        });
        FormSet {
            automaton,
            patterns,
        }
    }

    /// Every occurrence (overlapping) that passes the word-boundary and case
    /// checks; `folded` is `fold_case(text)`.
    fn find_all(&self, text: &str, folded: &str) -> Vec<FormMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in automaton.find_overlapping_iter(folded) {
            let pattern = &self.patterns[m.pattern().as_usize()];
            let range = m.start()..m.end();
            if !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
                continue;
            }
            if !at_word_boundaries(text, range.clone()) {
                continue;
            }
            if pattern.case_sensitive && !case_matches(&text[range.clone()], &pattern.form) {
                continue;
            }
            let ambiguous = pattern.case_sensitive
                && !pattern.form.contains(' ')
                && at_sentence_start(text, range.start);
            out.push(FormMatch {
                entry: pattern.entry as usize,
                range,
                role: pattern.role,
                form: pattern.form.clone(),
                ambiguous,
            });
        }
        out
    }
}

/// True at the start of the text, of a sentence (after . ! ? : ; … or a
/// line break) or of a quotation (after an opening quotation mark: `nói
/// "Anh đang …"` quotes a sentence), brackets and dashes skipped.
fn at_sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(' ');
    let trimmed = before.trim_end_matches(|c: char| c == ' ' || "\"“‘'([«-–—".contains(c));
    let opens_quote = before[trimmed.len()..].contains(['"', '“', '«']);
    opens_quote
        || trimmed
            .chars()
            .next_back()
            .is_none_or(|c| ".!?:;…\n".contains(c))
}

/// A form matches only as whole words: "Nga" not in "Ngan", "US" not in "USD".
fn at_word_boundaries(text: &str, range: Range<usize>) -> bool {
    let inner_first = text[range.clone()].chars().next();
    let inner_last = text[range.clone()].chars().next_back();
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let joins = |outer: Option<char>, inner: Option<char>| matches!((outer, inner), (Some(o), Some(i)) if is_word_char(o) && is_word_char(i));
    !joins(before, inner_first) && !joins(after, inner_last)
}

pub fn is_word_char(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || crate::chars::is_combining(c)
}

/// Exact case, or the form with its first letter capitalized (sentence
/// start, headlines).
fn case_matches(found: &str, form: &str) -> bool {
    if found == form {
        return true;
    }
    let mut f = form.chars();
    let mut g = found.chars();
    match (f.next(), g.next()) {
        (Some(a), Some(b)) => a.to_uppercase().eq(std::iter::once(b)) && f.as_str() == g.as_str(),
        _ => false,
    }
}

/// The glossary prepared for one language pair.
pub struct GlossaryIndex {
    glossary: Glossary,
    source_lang: String,
    target_lang: String,
    source_forms: FormSet,
    target_forms: FormSet,
    target_forbidden: FormSet,
    /// Target renderings of fuzzy name entries, keyed by entry index.
    names: FuzzyIndex,
}

impl GlossaryIndex {
    pub fn new(glossary: Glossary, source_lang: &str, target_lang: &str) -> GlossaryIndex {
        let mut source = Vec::new();
        let mut target = Vec::new();
        let mut forbidden = Vec::new();
        for (i, entry) in glossary.entries.iter().enumerate() {
            let case_sensitive = entry.case_mode() == CaseMode::Sensitive;
            let pattern = |form: &str, role| Pattern {
                entry: i as u32,
                form: normalize_str(form),
                role,
                case_sensitive,
            };
            for form in entry.forms(source_lang) {
                source.push(pattern(form, MatchRole::Listed));
            }
            for form in entry.forms(target_lang) {
                target.push(pattern(form, MatchRole::Listed));
                for variant in lang::variants(target_lang, form, entry.kind) {
                    target.push(pattern(&variant, MatchRole::Derived));
                }
            }
            for form in entry.forbidden(target_lang) {
                forbidden.push(pattern(form, MatchRole::Forbidden));
            }
        }
        target.retain(|p| !p.form.is_empty());
        // The four structures are independent: build them on as many cores
        // as there are (the fuzzy index and the target automaton are the
        // big ones).
        let ((source_forms, target_forms), (target_forbidden, names)) = rayon::join(
            || rayon::join(|| FormSet::new(source), || FormSet::new(target)),
            || {
                rayon::join(
                    || FormSet::new(forbidden),
                    || name_index(&glossary, target_lang, Thresholds::default()),
                )
            },
        );
        GlossaryIndex {
            source_forms,
            target_forms,
            target_forbidden,
            names,
            glossary,
            source_lang: source_lang.to_string(),
            target_lang: target_lang.to_string(),
        }
    }

    /// Rebuilds the name index with other similarity thresholds.
    pub fn set_name_thresholds(&mut self, thresholds: Thresholds) {
        if *self.names.thresholds() != thresholds {
            self.names = name_index(&self.glossary, &self.target_lang, thresholds);
        }
    }

    /// The thresholds name near-misses are judged with.
    pub fn name_thresholds(&self) -> &Thresholds {
        self.names.thresholds()
    }

    /// Near-misses of name renderings among the candidate `names` of a
    /// target text: at most one per candidate and entry, best first. A
    /// candidate inside an accepted or forbidden rendering (`exact`) is that
    /// rendering, not a near-miss; acronyms and a lone token of up to
    /// [`SHORT_TOKEN_MAX_CHARS`] letters ("Le", "Li", "Kim" — the names of
    /// too many people) are never compared.
    pub fn near_matches<'a>(
        &self,
        names: &[NameCandidate],
        exact: impl IntoIterator<Item = &'a FormMatch>,
    ) -> Vec<NearMatch> {
        let mut out = Vec::new();
        let exact = Coverage::new(exact.into_iter().map(|m| m.range.clone()));
        for name in names {
            if name.acronym || exact.covers(&name.span) {
                continue;
            }
            let tokens = fold_tokens(&name.text);
            if let [only] = tokens.as_slice() {
                if only.folded.chars().count() <= SHORT_TOKEN_MAX_CHARS {
                    continue;
                }
            }
            // Best form per entry: highest score, then earliest form.
            let mut best: Vec<(usize, usize, Variant)> = Vec::new();
            for (entry, form, variant) in self.names.lookup(&name.text) {
                let entry = entry as usize;
                match best.iter_mut().find(|(e, ..)| *e == entry) {
                    Some(b) if variant.score > b.2.score => *b = (entry, form, variant),
                    Some(_) => {}
                    None => best.push((entry, form, variant)),
                }
            }
            best.sort_by(|a, b| b.2.score.total_cmp(&a.2.score).then(a.1.cmp(&b.1)));
            out.extend(best.into_iter().map(|(entry, form, variant)| NearMatch {
                entry,
                range: name.span.clone(),
                form: self.names.form(form).unwrap_or_default().to_string(),
                variant,
            }));
        }
        out
    }

    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    pub fn entry(&self, index: usize) -> &Entry {
        &self.glossary.entries[index]
    }

    pub fn source_lang(&self) -> &str {
        &self.source_lang
    }

    pub fn target_lang(&self) -> &str {
        &self.target_lang
    }

    /// Entries named in a source text: leftmost-longest, non-overlapping, and
    /// not inside a longer Vietnamese proper name the glossary does not list
    /// ("Mỹ" in "sân Mỹ Đình").
    pub fn source_matches(&self, text: &str) -> Vec<FormMatch> {
        let folded = fold_case(text);
        let mut all = self.source_forms.find_all(text, &folded);
        // Only a form that could be an ordinary word is ambiguous at the
        // start of a sentence: "Nga" may be a name or "nga", but a
        // sentence-initial "Kiev" is Kiev.
        if self.source_lang == "vi" {
            for m in &mut all {
                m.ambiguous = m.ambiguous && is_vietnamese_syllable(&m.form);
            }
        }
        all.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut chosen: Vec<FormMatch> = Vec::new();
        for m in all {
            if chosen.last().is_some_and(|c| m.range.start < c.range.end) {
                continue;
            }
            chosen.push(m);
        }
        if self.source_lang == "vi" {
            let starts: Vec<usize> = chosen.iter().map(|m| m.range.start).collect();
            let ends: Vec<usize> = chosen.iter().map(|m| m.range.end).collect();
            chosen.retain(|m| {
                let in_name =
                    inside_unlisted_vietnamese_name(text, m.range.clone(), &starts, &ends);
                let in_compound = m.ambiguous && starts_compound(text, m.range.clone());
                !in_name && !in_compound && !inside_longer_word(text, m.range.clone())
            });
        }
        chosen
    }

    /// Every accepted target rendering present in a target text, overlapping
    /// matches included.
    pub fn target_matches(&self, text: &str) -> Vec<FormMatch> {
        self.target_forms.find_all(text, &fold_case(text))
    }

    /// Forbidden renderings present in a target text.
    pub fn forbidden_matches(&self, text: &str) -> Vec<FormMatch> {
        let mut found = self.target_forbidden.find_all(text, &fold_case(text));
        found.sort_by(|a, b| {
            a.range
                .start
                .cmp(&b.range.start)
                .then(b.range.end.cmp(&a.range.end))
        });
        let mut chosen: Vec<FormMatch> = Vec::new();
        for m in found {
            if chosen.last().is_some_and(|c| m.range.start < c.range.end) {
                continue;
            }
            chosen.push(m);
        }
        chosen
    }
}

/// True when a capitalized Vietnamese syllable, not itself part of another
/// glossary match, sits right next to the match (separated by one space), so
/// that the match is only a piece of a longer Vietnamese name. A neighbour
/// that merely starts the sentence (unless it is a family name), or that
/// starts a foreign name ("Mỹ Kim Jong Un" is not a name "Mỹ Kim"), does
/// not count.
fn inside_unlisted_vietnamese_name(
    text: &str,
    range: Range<usize>,
    other_starts: &[usize],
    other_ends: &[usize],
) -> bool {
    let matched = &text[range.clone()];
    let first_capital = matched.chars().next().is_some_and(char::is_uppercase);
    let last_word_capital = matched
        .rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if last_word_capital {
        if let Some(next) = text[range.end..].strip_prefix(' ') {
            let word_end = next.find(|c: char| !is_word_char(c)).unwrap_or(next.len());
            let word = &next[..word_end];
            let word_start = range.end + 1;
            if is_capitalized_syllable(word) && !other_starts.contains(&word_start) {
                let after = &next[word_end..];
                let starts_foreign_name = after
                    .strip_prefix(' ')
                    .map(|rest| {
                        let w =
                            &rest[..rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())];
                        w.chars().next().is_some_and(char::is_uppercase) && is_foreign_word(w)
                    })
                    .unwrap_or(false);
                if !starts_foreign_name {
                    return true;
                }
            }
        }
    }
    if first_capital && !matched.contains(' ') {
        if let Some(before) = text[..range.start].strip_suffix(' ') {
            let previous = before
                .rsplit(|c: char| !is_word_char(c))
                .next()
                .unwrap_or("");
            if HONORIFICS.contains(&previous) {
                return true;
            }
        }
        // A pair of forms of address written with a slash, "Em/Anh",
        // "Anh/Chị": the reader picks the one that fits, a pronoun.
        let is_address = |w: &str| HONORIFICS.contains(&w.to_lowercase().as_str());
        let before_slash = text[..range.start].strip_suffix('/').map(|before| {
            before
                .rsplit(|c: char| !is_word_char(c))
                .next()
                .unwrap_or("")
        });
        let after_slash = text[range.end..].strip_prefix('/').map(|after| {
            &after[..after
                .find(|c: char| !is_word_char(c))
                .unwrap_or(after.len())]
        });
        if is_address(matched)
            && (before_slash.is_some_and(is_address) || after_slash.is_some_and(is_address))
        {
            return true;
        }
    }
    if first_capital {
        if let Some(before) = text[..range.start].strip_suffix(' ') {
            let word_start = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_word_char(*c))
                .last()
                .map(|(i, _)| i)
                .unwrap_or(before.len());
            let word = &before[word_start..];
            let sentence_initial = before[..word_start]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_none_or(|c| ".!?:;\"“”'‘’([-–—…\n".contains(c));
            // A family name that starts the sentence starts a name: "Trần
            // Anh đã ghi bàn" is not Britain.
            if is_capitalized_syllable(word)
                && (!sentence_initial || is_vietnamese_family_name(word))
                && !other_ends.contains(&before.len())
            {
                return true;
            }
        }
    }
    false
}

/// The fuzzy index over the target renderings of name entries that allow
/// near-miss detection, in entry and form order (so a lower form index is
/// the more preferred form).
fn name_index(glossary: &Glossary, target_lang: &str, thresholds: Thresholds) -> FuzzyIndex {
    let forms = glossary
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.fuzzy && is_name_kind(e.kind))
        .flat_map(|(i, e)| {
            e.forms(target_lang)
                .iter()
                .map(move |f| (u32::try_from(i).unwrap_or(u32::MAX), f))
        })
        .map(|(i, f)| (i, normalize_str(f)))
        .collect::<Vec<_>>();
    FuzzyIndex::with_thresholds(forms.iter().map(|(i, f)| (*i, f.as_str())), thresholds)
}

/// "bán dẫn" (semiconductor) in "bóng bán dẫn" (transistor): Vietnamese
/// writes words as separate syllables, so a form can be the inner part of a
/// longer word (see [`crate::lang::vi_words`]).
fn inside_longer_word(text: &str, range: Range<usize>) -> bool {
    const REACH: usize = 8;
    let is_word = |w: &&str| !w.is_empty() && w.chars().all(is_word_char);
    let mut before: Vec<&str> = match text[..range.start].strip_suffix(' ') {
        Some(left) => left.rsplit(' ').take_while(is_word).take(REACH).collect(),
        None => Vec::new(),
    };
    before.reverse();
    let after: Vec<&str> = match text[range.end..].strip_prefix(' ') {
        Some(right) => right.split(' ').take_while(is_word).take(REACH).collect(),
        None => Vec::new(),
    };
    if before.is_empty() && after.is_empty() {
        return false;
    }
    let inner: Vec<&str> = text[range].split(' ').collect();
    let start = before.len();
    let end = start + inner.len();
    let words: Vec<&str> = before.into_iter().chain(inner).chain(after).collect();
    crate::lang::vi_words::inside_longer_word(&words, start, end)
}

/// "Pháp luật …", "Anh ấy …", "Anh Stevenson …" at a sentence start: the
/// match is a common word or a person, not the place (see
/// [`crate::lang::vi_homographs`]).
fn starts_compound(text: &str, range: Range<usize>) -> bool {
    let Some(rest) = text[range.end..].strip_prefix(' ') else {
        return false;
    };
    let next = &rest[..rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())];
    let word = &text[range];
    crate::lang::vi_homographs::reads_as_word(word, next)
        || crate::lang::vi_homographs::addresses_a_person(word, rest)
}

/// Lowercase kinship terms and titles that Vietnamese puts before a
/// person's given name: "chị Anh" is Ms Anh, "bà Nga" is Mrs Nga.
const HONORIFICS: [&str; 19] = [
    "anh", "bà", "bác", "bé", "cháu", "chị", "chú", "cô", "cậu", "cụ", "dì", "em", "mợ", "ngài",
    "ông", "thím", "thầy", "dượng", "nàng",
];

fn is_capitalized_syllable(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && is_vietnamese_syllable(word)
}

#[cfg(test)]
mod tests {
    use super::super::load_str;
    use super::*;

    const GLOSSARY: &str = r#"
languages: [vi, en]
entries:
  - id: us
    kind: place
    vi: [Mỹ, Hoa Kỳ]
    en: [US, United States, American]
  - id: us-state-department
    kind: organization
    vi: [Bộ Ngoại giao Mỹ]
    en: [US State Department, State Department]
  - id: russia
    kind: place
    vi: Nga
    en: Russia
  - id: uk
    kind: place
    vi: Anh
    en: United Kingdom
  - id: north-korea
    kind: place
    vi: [Triều Tiên]
    en: [North Korea]
  - id: ballistic-missile
    vi: tên lửa đạn đạo
    en: ballistic missile
  - id: hoa-binh
    kind: place
    vi: Hòa Bình
    en: Hoa Binh
  - id: yagi
    kind: event
    vi: bão Yagi
    en: Typhoon Yagi
  - id: hanoi
    kind: place
    vi: Hà Nội
    en: Hanoi
    forbidden:
      en: [Ha Noi]
  - id: world-bank
    kind: organization
    vi: Ngân hàng Thế giới
    en: World Bank
  - id: kim-jong-un
    kind: person
    vi: [Kim Jong Un, Kim Jong-un]
    en: Kim Jong Un
"#;

    fn index() -> GlossaryIndex {
        GlossaryIndex::new(
            load_str(GLOSSARY, "t.yaml", &Default::default()).unwrap(),
            "vi",
            "en",
        )
    }

    fn ids(index: &GlossaryIndex, matches: &[FormMatch]) -> Vec<String> {
        matches
            .iter()
            .map(|m| index.entry(m.entry).id.clone().unwrap_or_default())
            .collect()
    }

    #[test]
    fn source_matching_table() {
        let index = index();
        let cases: &[(&str, &[&str])] = &[
            ("Quan hệ Mỹ và Nga", &["us", "russia"]),
            ("ông Ngan nói", &[]),
            ("Bộ Ngoại giao Mỹ cho biết", &["us-state-department"]),
            ("trận đấu ở sân Mỹ Đình", &[]),
            ("ở Mỹ Tho", &[]),
            ("bà Nguyễn Thị Lan Nga", &[]),
            ("Ngoại trưởng Mỹ Antony Blinken", &["us"]),
            ("Mỹ cáo buộc Triều Tiên", &["us", "north-korea"]),
            ("Tại Mỹ, giá tăng", &["us"]),
            (
                "nhà lãnh đạo Triều Tiên Kim Jong Un",
                &["north-korea", "kim-jong-un"],
            ),
            ("thử tên lửa đạn đạo", &["ballistic-missile"]),
            ("THỬ TÊN LỬA ĐẠN ĐẠO", &["ballistic-missile"]),
            ("tỉnh Hoà Bình", &["hoa-binh"]),
            ("tỉnh Hoa\u{300} Bi\u{300}nh", &["hoa-binh"]),
            ("Bão Yagi đổ bộ", &["yagi"]),
            ("cơn bão yagi", &[]),
            ("Hà  Nội", &["hanoi"]),
            ("nga", &[]),
            ("Ngân hàng Thế giới dự báo", &["world-bank"]),
            ("bà Nga cho biết", &[]),
            ("Em/Anh có muốn nói", &[]),
            ("Anh/Chị có muốn nói", &[]),
            ("quan hệ Mỹ/Anh", &["us", "uk"]),
            ("chị Mỹ và Nga", &["russia"]),
            ("Mỹ phẩm của Nga", &["russia"]),
            // A sentence-initial family name starts a name; another word
            // does not.
            ("Trần Anh đã ghi bàn.", &[]),
            ("Hôm qua Nga nói. Anh đáp lại.", &["russia", "uk"]),
            // A quotation starts a sentence: the pronoun, a show's title.
            ("Tôi hỏi \"Anh đang nói gì đấy?\"", &[]),
            ("chương trình \"Áo Blu Trắng\" của tôi", &[]),
            ("Anh ấy nói với Nga.", &["russia"]),
            ("Anh Peterson, mời anh ngồi.", &[]),
            ("Pháp luật phải nghiêm.", &[]),
        ];
        for (text, expected) in cases {
            let text = normalize_str(text);
            assert_eq!(
                ids(&index, &index.source_matches(&text)),
                *expected,
                "{text}"
            );
        }
    }

    /// Near-misses: names only, `fuzzy: false` respected, exact renderings
    /// and short lone tokens never compared.
    #[test]
    fn coverage_finds_a_range_holding_a_span() {
        let c = Coverage::new([10..20, 0..3, 12..40, 50..55]);
        for (span, covered) in [
            (0..3, true),
            (1..2, true),
            (2..4, false),
            (15..30, true),
            (10..20, true),
            (35..41, false),
            (50..50, true),
            (56..57, false),
        ] {
            assert_eq!(c.covers(&span), covered, "{span:?}");
        }
        assert!(!Coverage::default().covers(&(0..0)));
    }

    #[test]
    fn near_matches_table() {
        let glossary = |fuzzy: bool| {
            let text = format!(
                r#"
languages: [vi, en]
entries:
  - id: xi-jinping
    kind: person
    vi: [Tập Cận Bình]
    en: [Xi Jinping, Xi]
  - id: vietjet
    kind: organization
    vi: Vietjet
    en: Vietjet
    fuzzy: {fuzzy}
  - id: ballistic-missile
    vi: tên lửa đạn đạo
    en: ballistic missile
  - id: li-qiang
    kind: person
    vi: Lý Cường
    en: [Li Qiang, Li]
"#
            );
            GlossaryIndex::new(
                load_str(&text, "t.yaml", &Default::default()).unwrap(),
                "vi",
                "en",
            )
        };
        let text = normalize_str(
            "Xi Jingping flew VietJet. Xi Jinping saw Ballistic Misiles. Ly said Li Qiang agreed.",
        );
        let near = |index: &GlossaryIndex| -> Vec<(String, String)> {
            let names = crate::names::candidates::candidates(&text);
            let exact = index.target_matches(&text);
            index
                .near_matches(&names, exact.iter())
                .into_iter()
                .map(|n| {
                    (
                        text[n.range.clone()].to_string(),
                        n.suggestion().to_string(),
                    )
                })
                .collect()
        };
        let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            near(&glossary(true)),
            pairs(&[("Xi Jingping", "Xi Jinping"), ("VietJet", "Vietjet")])
        );
        assert_eq!(
            near(&glossary(false)),
            pairs(&[("Xi Jingping", "Xi Jinping")])
        );
        // Stricter thresholds drop the typo but not the case difference.
        let mut strict = glossary(true);
        strict.set_name_thresholds(Thresholds::new(0.99, 0.95).unwrap());
        assert_eq!(near(&strict), pairs(&[("VietJet", "Vietjet")]));

        // A near-miss the glossary forbids is term.forbidden's, not a
        // near-miss; an accepted variant is no near-miss either.
        let index = GlossaryIndex::new(
            load_str(
                "languages: [vi, en]\nentries:\n  - id: hanoi\n    kind: place\n    vi: Hà Nội\n    en: [Hanoi, Ha-noi]\n    forbidden:\n      en: [Ha Noi]\n",
                "t.yaml",
                &Default::default(),
            )
            .unwrap(),
            "vi",
            "en",
        );
        let text = normalize_str("Flights to Ha Noi and Ha-noi, not to Ha-Noi.");
        let names = crate::names::candidates::candidates(&text);
        let exact = index.target_matches(&text);
        let forbidden = index.forbidden_matches(&text);
        let found: Vec<&str> = index
            .near_matches(&names, exact.iter().chain(&forbidden))
            .iter()
            .map(|n| &text[n.range.clone()])
            .collect();
        assert_eq!(found, ["Ha-Noi"]);
    }

    #[test]
    fn target_matching_table() {
        let index = index();
        let cases: &[(&str, &[&str])] = &[
            ("The US and Russia", &["us", "russia"]),
            ("prices in USD", &[]),
            ("North Korean missiles", &["north-korea"]),
            ("two ballistic missiles", &["ballistic-missile"]),
            ("Ballistic Missile tests", &["ballistic-missile"]),
            ("the american view", &[]),
            ("American officials", &["us"]),
            ("Russia\u{2019}s army", &["russia"]),
            ("Kim Jong Un", &["kim-jong-un"]),
        ];
        for (text, expected) in cases {
            let text = normalize_str(text);
            let mut found = ids(&index, &index.target_matches(&text));
            found.dedup();
            assert_eq!(found, *expected, "{text}");
        }
        let text = normalize_str("Flights to Ha  Noi resumed");
        let forbidden = index.forbidden_matches(&text);
        assert_eq!(ids(&index, &forbidden), ["hanoi"]);
        assert_eq!(&text[forbidden[0].range.clone()], "Ha Noi");
    }
}
