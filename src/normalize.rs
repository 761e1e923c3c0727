//! Normalization with an offset map back to the original text.
//!
//! Matching must not care about NFC/NFD, old or new Vietnamese tone-mark
//! placement, runs of whitespace, invisible format characters or the many
//! apostrophe and dash look-alikes. Every check works on a [`NormText`], and
//! every span it reports is mapped back to the bytes the user wrote.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::lang::vi;

/// Normalized text plus, for each of its bytes, the original byte range of
/// the character it came from.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    pub text: String,
    /// Indexed by byte of `text`; only entries at char boundaries are used.
    orig_start: Vec<u32>,
    orig_end: Vec<u32>,
}

impl NormText {
    /// Maps a byte range of the normalized text to the original text.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        if self.text.is_empty() {
            return 0..0;
        }
        let start = range.start.min(self.text.len() - 1);
        let start = floor_boundary(&self.text, start);
        let last = if range.end > range.start {
            floor_boundary(&self.text, range.end.min(self.text.len()) - 1)
        } else {
            start
        };
        let s = self.orig_start[start] as usize;
        let e = if range.end > range.start {
            self.orig_end[last] as usize
        } else {
            s
        };
        s..e.max(s)
    }

    /// Concatenates several texts with `sep` between them (e.g. the paragraphs
    /// of an aligned block); the separator maps to an empty range at the end
    /// of the preceding text.
    pub fn join<'a>(parts: impl IntoIterator<Item = &'a NormText>, sep: char) -> NormText {
        let mut out = NormText::default();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                let at = out.orig_end.last().copied().unwrap_or(0);
                out.push(sep, at as usize, at as usize);
            }
            out.text.push_str(&part.text);
            out.orig_start.extend_from_slice(&part.orig_start);
            out.orig_end.extend_from_slice(&part.orig_end);
        }
        out
    }

    fn push(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.orig_start.push(start as u32);
            self.orig_end.push(end as u32);
        }
    }
}

/// Lowercases without changing any character's UTF-8 length, so that byte
/// offsets into the folded text are offsets into the original too. The rare
/// characters whose lowercase has another length (İ, ẞ, K) are kept as is.
pub fn fold_case(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().map(crate::chars::lowercase_same_len));
    out
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Characters that carry no visible text: zero-width spaces and joiners,
/// bidi controls, soft hyphen, word joiner, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt):
/// characters a renderer shows as nothing — format controls, fillers,
/// variation selectors, tags — a superset of [`is_invisible`].
pub fn is_default_ignorable(c: char) -> bool {
    is_invisible(c)
        || matches!(c,
            '\u{034F}' | '\u{061C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{2060}'..='\u{206F}' | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// The characters of `text` that show nothing, when all of them are
/// whitespace or default-ignorable (so the text looks empty) and at least
/// one is not plain whitespace; `None` when something is visible.
pub fn only_invisible(text: &str) -> Option<Vec<char>> {
    if text
        .chars()
        .all(|c| c.is_whitespace() || is_default_ignorable(c))
    {
        let hidden: Vec<char> = text.chars().filter(|&c| is_default_ignorable(c)).collect();
        return (!hidden.is_empty()).then_some(hidden);
    }
    None
}

/// Names invisible characters for a message: `U+200B, U+00AD`.
pub fn code_points(chars: &[char]) -> String {
    let mut seen: Vec<char> = Vec::new();
    for &c in chars {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|c| format!("U+{:04X}", *c as u32))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Folds dash look-alikes to '-' and apostrophe look-alikes to '\''.
pub fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{FF07}' => '\'',
        _ => c,
    }
}

/// Normalizes `original[range]`: NFC, canonical Vietnamese tone placement,
/// whitespace runs → one space (trimmed), invisible characters dropped,
/// dashes and apostrophes folded.
pub fn normalize(original: &str, range: Range<usize>) -> NormText {
    let slice = &original[range.clone()];
    let base = range.start;
    // (char, original start, original end) after cleanup and NFC.
    let mut chars: Vec<(char, usize, usize)> = Vec::with_capacity(slice.len());
    let mut iter = slice.char_indices().peekable();
    let mut pending_space: Option<(usize, usize)> = None;
    let mut cluster = String::new();
    // Most text arrives in NFC; the quick check lets it skip per-character
    // composition entirely.
    // Checked without the invisible characters, which are dropped: marks
    // they separated meet and may need reordering.
    let already_nfc =
        is_nfc_quick(slice.chars().filter(|&c| !is_invisible(c))) == IsNormalized::Yes;
    while let Some((i, c)) = iter.next() {
        let start = base + i;
        if crate::chars::is_whitespace(c) {
            let end = start + c.len_utf8();
            pending_space = Some(match pending_space {
                Some((s, _)) => (s, end),
                None => (start, end),
            });
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        if let Some((s, e)) = pending_space.take() {
            if !chars.is_empty() {
                chars.push((' ', s, e));
            }
        }
        // A starter and the combining marks that follow it form one cluster,
        // normalized together so that NFD input composes.
        let mut end = start + c.len_utf8();
        let needs_nfc = !already_nfc && (!c.is_ascii() || next_joins(&iter));
        if !needs_nfc {
            chars.push((fold_punctuation(c), start, end));
            continue;
        }
        cluster.clear();
        cluster.push(c);
        while let Some(&(j, n)) = iter.peek() {
            // Invisible characters are dropped, so a mark after one still
            // belongs to this cluster ("o\u{FEFF}\u{302}" is "ô").
            if is_invisible(n) && next_joins(&iter) {
                iter.next();
                continue;
            }
            if !joins_previous(n) {
                break;
            }
            cluster.push(n);
            end = base + j + n.len_utf8();
            iter.next();
        }
        for n in cluster.nfc() {
            chars.push((fold_punctuation(n), start, end));
        }
    }
    retone_words(&mut chars);
    let mut out = NormText {
        text: String::with_capacity(slice.len()),
        orig_start: Vec::with_capacity(slice.len()),
        orig_end: Vec::with_capacity(slice.len()),
    };
    for (c, s, e) in chars {
        out.push(c, s, e);
    }
    out
}

/// True when `c` may combine with the characters before it under NFC: a
/// combining mark, but also the starters that compose with a preceding
/// starter (Hangul vowel and final jamo, the second half of two-part Indic
/// vowels), which NFC quick check marks as "maybe". ("No" is a character
/// that changes on its own, such as U+2000 becoming U+2002; it joins
/// nothing, unless its decomposition starts with a combining mark, as
/// U+0F81 does: then that mark is ordered with the marks before it.)
fn joins_previous(c: char) -> bool {
    if canonical_combining_class(c) != 0 {
        return true;
    }
    match is_nfc_quick(std::iter::once(c)) {
        IsNormalized::Yes => false,
        IsNormalized::Maybe => true,
        IsNormalized::No => {
            let mut first = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            first.is_some_and(|d| canonical_combining_class(d) != 0)
        }
    }
}

/// True when the next character that is not invisible joins the cluster
/// being built.
fn next_joins(iter: &std::iter::Peekable<std::str::CharIndices>) -> bool {
    iter.clone()
        .map(|(_, c)| c)
        .find(|&c| !is_invisible(c))
        .is_some_and(joins_previous)
}

/// Rewrites every Vietnamese word to canonical tone placement in place.
fn retone_words(chars: &mut [(char, usize, usize)]) {
    let mut i = 0;
    let mut word: Vec<char> = Vec::new();
    while i < chars.len() {
        if !crate::chars::is_alphabetic(chars[i].0) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && crate::chars::is_alphabetic(chars[i].0) {
            i += 1;
        }
        // A mark NFC could not attach (a second tone mark on one letter)
        // would attach to whichever vowel keeps the tone after a move, and
        // normalizing again would change the text: such a word is left as
        // written.
        let stacked = chars
            .get(i)
            .is_some_and(|&(c, _, _)| canonical_combining_class(c) != 0);
        let run = &mut chars[start..i];
        if stacked || run.iter().all(|(c, _, _)| c.is_ascii()) {
            continue;
        }
        word.clear();
        word.extend(run.iter().map(|(c, _, _)| *c));
        if vi::retone(&mut word) {
            for (slot, c) in run.iter_mut().zip(&word) {
                slot.0 = *c;
            }
        }
    }
}

/// The normalized form of a string (glossary forms, tests).
pub fn normalize_str(s: &str) -> String {
    // Most glossary forms are normalized already; checking that is much
    // cheaper than building the offset map (a 100k glossary has 300k forms).
    if is_normalized(s) {
        return s.to_string();
    }
    normalize(s, 0..s.len()).text
}

/// True when [`normalize`] would return `s` unchanged: NFC, single spaces
/// between words and none at the ends, no invisible characters or
/// punctuation look-alikes, and every Vietnamese word's tone mark where
/// [`vi::retone`] puts it.
fn is_normalized(s: &str) -> bool {
    let mut previous_space = true;
    for c in s.chars() {
        if crate::chars::is_whitespace(c) {
            if c != ' ' || previous_space {
                return false;
            }
            previous_space = true;
            continue;
        }
        previous_space = false;
        if is_invisible(c) || fold_punctuation(c) != c {
            return false;
        }
    }
    if previous_space && !s.is_empty() {
        return false;
    }
    if s.is_ascii() {
        return true;
    }
    if is_nfc_quick(s.chars()) != IsNormalized::Yes {
        return false;
    }
    let mut word: Vec<char> = Vec::new();
    for run in s.split(|c: char| !crate::chars::is_alphabetic(c)) {
        if run.is_ascii() {
            continue;
        }
        word.clear();
        word.extend(run.chars());
        if vi::retone(&mut word) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_text() {
        let cases = [
            ("Hoà  Bình", "Hòa Bình"),
            ("thuỷ\u{00A0}điện", "thủy điện"),
            ("qúy", "quý"),
            ("  Nga\u{200B}  ", "Nga"),
            ("Kim Jong\u{2013}un", "Kim Jong-un"),
            ("North Korea\u{2019}s", "North Korea's"),
            ("Nga\u{0300}", "Ngà"),
            ("Ha\u{0300} No\u{0302}\u{0323}i", "Hà Nội"),
            ("line\r\nbreak", "line break"),
            ("KHOẺ", "KHỎE"),
            ("café José", "café José"),
            // Starters that compose with the one before them.
            ("\u{1112}\u{1161}\u{11AB}", "\u{D55C}"),
            ("\u{113C2}\u{113B8}", "\u{113C7}"),
            // A character that normalizes on its own (U+2000 → U+2002, a
            // space) after a letter is still whitespace.
            ("ng\u{2000} N", "ng N"),
            // A character whose decomposition starts with a mark is ordered
            // with the marks before it.
            ("a\u{1DDE}\u{F81}", "a\u{F71}\u{F80}\u{1DDE}"),
            // Marks a dropped invisible character separated are reordered.
            ("\u{305}\u{FEFF}\u{32C}\u{32C}", "\u{32C}\u{32C}\u{305}"),
            // Marks after a dropped invisible character still compose.
            ("No\u{FEFF}\u{302}\u{323}i", "Nội"),
            ("o\u{200B}\u{200B}\u{301}", "ó"),
            // Two tone marks on one vowel: not a syllable, left alone.
            ("ôi\u{323}\u{323}", "ôị\u{323}"),
            ("\u{0D9A}\u{0DD9}\u{0DCF}", "\u{0D9A}\u{0DDC}"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_str(input), expected, "{input:?}");
        }
    }

    /// The shortcut for text that is normalized already agrees with the
    /// full normalization, on normalized and unnormalized input alike.
    #[test]
    fn normalized_text_is_recognized() {
        let cases = [
            "",
            " ",
            "a",
            "a ",
            " a",
            "a  b",
            "a\tb",
            "Hà Nội",
            "Hoà Bình",
            "Hòa Bình",
            "qúy",
            "Kim Jong\u{2013}un",
            "North Korea\u{2019}s",
            "Nga\u{200B}",
            "Nga\u{0300}",
            "KHOẺ",
            "KHỎE",
            "café José",
            "line\r\nbreak",
            "x\u{00A0}y",
            "thủy điện",
            "Tiểu Vương quốc Ả Rập",
            "Côte d'Ivoire",
            "ĐÀ NẴNG",
            "a\u{0B}b",
        ];
        for s in cases {
            assert_eq!(normalize_str(s), normalize(s, 0..s.len()).text, "{s:?}");
            assert_eq!(
                is_normalized(s),
                normalize(s, 0..s.len()).text == s,
                "{s:?}"
            );
        }
    }

    #[test]
    fn maps_ranges_back_to_original() {
        let original = "x  Ha\u{0300} No\u{0302}\u{0323}i\u{200B}!";
        let norm = normalize(original, 0..original.len());
        assert_eq!(norm.text, "x Hà Nội!");
        let at = norm.text.find("Hà Nội").unwrap();
        let r = norm.original_range(at..at + "Hà Nội".len());
        assert_eq!(&original[r], "Ha\u{0300} No\u{0302}\u{0323}i");
        let bang = norm.text.find('!').unwrap();
        assert_eq!(&original[norm.original_range(bang..bang + 1)], "!");
        let x = norm.original_range(0..1);
        assert_eq!(&original[x], "x");
    }

    #[test]
    fn offsets_respect_a_base_range() {
        let original = "first line\nThuỷ điện\n";
        let start = original.find('T').unwrap();
        let end = original.rfind('\n').unwrap();
        let norm = normalize(original, start..end);
        assert_eq!(norm.text, "Thủy điện");
        let r = norm.original_range(0.."Thủy".len());
        assert_eq!(&original[r], "Thuỷ");
    }

    #[test]
    fn fold_case_keeps_byte_offsets() {
        for s in ["İstanbul ĐÀ NẴNG", "KELVIN \u{212A}", "ẞ straße"] {
            assert_eq!(fold_case(s).len(), s.len(), "{s}");
        }
        assert_eq!(fold_case("ĐÀ NẴNG"), "đà nẵng");
    }

    #[test]
    fn join_keeps_each_part_mapped() {
        let original = "Một\nHai";
        let nl = original.find('\n').unwrap();
        let a = normalize(original, 0..nl);
        let b = normalize(original, nl + 1..original.len());
        let joined = NormText::join([&a, &b], '\n');
        assert_eq!(joined.text, "Một\nHai");
        let at = joined.text.find("Hai").unwrap();
        assert_eq!(&original[joined.original_range(at..at + 3)], "Hai");
    }
}
