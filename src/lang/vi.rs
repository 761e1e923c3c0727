//! Vietnamese orthography: tone marks and their placement.
//!
//! Vietnamese writes one tone mark per syllable, on a vowel. Two placement
//! styles are in use for "oa", "oe" and "uy" without a final consonant
//! ("hoà"/"hòa", "thuỷ"/"thủy"). We canonicalize to the style most
//! Vietnamese news sites use — hòa, khỏe, thủy — and fix misplaced marks such
//! as "qúy" (→ "quý") on the way.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// The five tone marks as combining characters, in the order huyền, sắc,
/// hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];
const VOWELS: &str = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
/// Code points below this are split by direct lookup.
const SPLIT_DIRECT: usize = 0x2000;

struct ToneTable {
    /// Toned vowel → (plain vowel, tone index 1..=5).
    split: HashMap<char, (char, u8)>,
    /// `split` by code point below [`SPLIT_DIRECT`] (all Vietnamese vowels
    /// are), tone 0 for the rest: a lookup per character of every word.
    split_direct: Vec<(char, u8)>,
    /// (plain vowel, tone index) → toned vowel.
    join: HashMap<(char, u8), char>,
}

fn table() -> &'static ToneTable {
    static TABLE: OnceLock<ToneTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut split = HashMap::new();
        let mut join = HashMap::new();
        for v in VOWELS.chars() {
            for (i, t) in TONES.iter().enumerate() {
                let composed: String = [v, *t].iter().collect::<String>().nfc().collect();
                let mut it = composed.chars();
                if let (Some(c), None) = (it.next(), it.next()) {
                    split.insert(c, (v, i as u8 + 1));
                    join.insert((v, i as u8 + 1), c);
                }
            }
        }
        let split_direct = (0..SPLIT_DIRECT as u32)
            .map(|i| {
                let c = char::from_u32(i).unwrap_or('\0');
                split.get(&c).copied().unwrap_or((c, 0))
            })
            .collect();
        ToneTable {
            split,
            split_direct,
            join,
        }
    })
}

/// Splits a character into its toneless form and tone (0 = none).
pub fn split_tone(c: char) -> (char, u8) {
    // No ASCII letter carries a tone: skip the table for most characters
    // of every text.
    if c.is_ascii() {
        return (c, 0);
    }
    let table = table();
    match table.split_direct.get(c as usize) {
        Some(&split) => split,
        None => table.split.get(&c).copied().unwrap_or((c, 0)),
    }
}

/// Removes the tone mark, keeping vowel quality marks (ấ → â).
pub fn strip_tone(c: char) -> char {
    split_tone(c).0
}

fn with_tone(c: char, tone: u8) -> char {
    if tone == 0 {
        return c;
    }
    table().join.get(&(c, tone)).copied().unwrap_or(c)
}

/// A letter of [`VOWELS`].
fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă'
            | 'â'
            | 'e'
            | 'ê'
            | 'i'
            | 'o'
            | 'ô'
            | 'ơ'
            | 'u'
            | 'ư'
            | 'y'
            | 'A'
            | 'Ă'
            | 'Â'
            | 'E'
            | 'Ê'
            | 'I'
            | 'O'
            | 'Ô'
            | 'Ơ'
            | 'U'
            | 'Ư'
            | 'Y'
    )
}

fn has_quality_mark(c: char) -> bool {
    matches!(
        c,
        'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư' | 'Ă' | 'Â' | 'Ê' | 'Ô' | 'Ơ' | 'Ư'
    )
}

const FINALS: [&str; 8] = ["c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// The longest syllable: a three-letter initial (ngh), three vowels and a
/// two-letter final. [`tone_position`] finds no place in anything longer.
const MAX_SYLLABLE: usize = 8;

/// True when `chars` spells `s`.
fn spells(chars: &[char], s: &str) -> bool {
    chars.iter().copied().eq(s.chars())
}

/// Moves the tone mark of a Vietnamese word to its canonical position.
/// Returns false (and leaves `word` alone) when the word has no tone mark, is
/// not shaped like a Vietnamese syllable, or is already canonical.
///
/// Runs on every non-ASCII word of every text, so it works on the stack.
pub fn retone(word: &mut [char]) -> bool {
    if word.len() > MAX_SYLLABLE {
        return false;
    }
    let mut tone = 0;
    let mut toned_at = None;
    let mut plain = ['\0'; MAX_SYLLABLE];
    for (i, &c) in word.iter().enumerate() {
        let (p, t) = split_tone(c);
        if t != 0 {
            if tone != 0 {
                return false;
            }
            tone = t;
            toned_at = Some(i);
        }
        plain[i] = p;
    }
    let plain = &plain[..word.len()];
    let Some(toned_at) = toned_at else {
        return false;
    };
    let Some(target) = tone_position(plain) else {
        return false;
    };
    if target == toned_at {
        return false;
    }
    word[toned_at] = plain[toned_at];
    word[target] = with_tone(plain[target], tone);
    true
}

/// Index of the vowel that carries the tone in canonical spelling, for a
/// toneless word of at most [`MAX_SYLLABLE`] letters; None when the word is
/// not a plausible syllable.
fn tone_position(plain: &[char]) -> Option<usize> {
    let mut lower = ['\0'; MAX_SYLLABLE];
    let mut n = 0;
    for c in plain.iter().flat_map(|c| c.to_lowercase()) {
        if n == MAX_SYLLABLE {
            return None;
        }
        lower[n] = c;
        n += 1;
    }
    if n != plain.len() {
        return None;
    }
    let lower = &lower[..n];
    let starts_with = |p: &str| lower.len() >= p.len() && spells(&lower[..p.len()], p);
    // "qu" always, and "gi" before another vowel, belong to the initial.
    let mut i = if (starts_with("qu") || starts_with("gi")) && lower.len() > 2 && is_vowel(lower[2])
    {
        2
    } else {
        lower.iter().take_while(|c| !is_vowel(**c)).count()
    };
    let initial = &lower[..i];
    const INITIALS: [&str; 27] = [
        "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
        "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v",
    ];
    if !INITIALS.iter().any(|s| spells(initial, s)) && !spells(initial, "x") {
        return None;
    }
    let nucleus_start = i;
    while i < lower.len() && is_vowel(lower[i]) {
        i += 1;
    }
    let nucleus = nucleus_start..i;
    let final_ = &lower[i..];
    if nucleus.is_empty()
        || nucleus.len() > 3
        || !(final_.is_empty() || FINALS.iter().any(|s| spells(final_, s)))
    {
        return None;
    }
    let vowels = &lower[nucleus.clone()];
    if let Some(last_marked) = vowels.iter().rposition(|c| has_quality_mark(*c)) {
        return Some(nucleus.start + last_marked);
    }
    Some(
        nucleus.start
            + match vowels.len() {
                1 => 0,
                3 => 1,
                _ if !final_.is_empty() => 1,
                _ => 0,
            },
    )
}

/// True for words only Vietnamese spelling produces: a Vietnamese-only letter
/// (đ ă â ê ô ơ ư) or a Vietnamese tone mark.
pub fn is_characteristic_word(word: &str) -> bool {
    word.chars().any(|c| {
        let (plain, tone) = split_tone(c);
        tone != 0
            || matches!(
                plain,
                'đ' | 'ă'
                    | 'â'
                    | 'ê'
                    | 'ô'
                    | 'ơ'
                    | 'ư'
                    | 'Đ'
                    | 'Ă'
                    | 'Â'
                    | 'Ê'
                    | 'Ô'
                    | 'Ơ'
                    | 'Ư'
            )
    })
}

/// Words before a telephone number that is being called: "gọi 113",
/// "bấm 115", "số 114", "đường dây nóng 111".
pub const CALL_WORDS: &[&str] = &["bấm", "gọi", "nóng", "quay", "số"];

/// Demonstratives that close a noun phrase pointing back at something
/// already named: "3 chữ ấy" (those three words), "hai người đó".
const DEMONSTRATIVES: &[&str] = &["này", "kia", "nọ", "đó", "ấy"];

/// Words a counted noun phrase may hold between its number and its
/// demonstrative ("hai con mèo đen đó"): a classifier, a noun, a modifier.
const MAX_NOUN_WORDS: usize = 3;

/// True when the number ending at `end` of a Vietnamese text counts a noun
/// phrase closed by a demonstrative ("kinh hãi 3 chữ ấy"): a reference back
/// to things named before, which translators render as "them" or "those
/// words" as often as with the count, so a count missing from the
/// translation is no certain error.
pub fn is_anaphoric_count(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    // The noun phrase stops at the first punctuation mark.
    let clause = rest
        .split(|c: char| !c.is_alphabetic() && !c.is_whitespace() && !crate::chars::is_combining(c))
        .next()
        .unwrap_or("");
    let words: Vec<String> = clause
        .split_whitespace()
        .take(MAX_NOUN_WORDS + 1)
        .map(crate::normalize::fold_case)
        .collect();
    words
        .iter()
        .skip(1)
        .any(|w| DEMONSTRATIVES.contains(&w.nfc().collect::<String>().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_that_point_back() {
        let table = [
            ("ai cũng sợ 3 chữ ấy, nhất là bác sĩ", "3", true),
            ("bà nuôi hai con mèo đen đó suốt mười năm", "hai", true),
            ("5 người bạn này đã giúp tôi", "5", true),
            // Counts of the story: no demonstrative closes the phrase.
            ("ai cũng sợ 3 chữ, nhất là bác sĩ", "3", false),
            ("bà nuôi hai con mèo đen và một con chó", "hai", false),
            // The demonstrative belongs to the next clause.
            ("có 5 người. Người đó đã giúp tôi", "5", false),
            // Too far from the number to close its phrase.
            ("có 5 người đi xe buýt tới trường đó", "5", false),
        ];
        for (text, number, anaphoric) in table {
            let end = text.find(number).expect("number in text") + number.len();
            assert_eq!(is_anaphoric_count(text, end), anaphoric, "{text}");
        }
    }

    /// The fast lookups answer as the tables and lists they stand for.
    #[test]
    fn fast_lookups_agree_with_their_tables() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_vowel(c), VOWELS.contains(c), "{c:?}");
            assert_eq!(has_quality_mark(c), "ăâêôơưĂÂÊÔƠƯ".contains(c), "{c:?}");
            let slow = table().split.get(&c).copied().unwrap_or((c, 0));
            assert_eq!(split_tone(c), slow, "{c:?}");
        }
    }

    fn retoned(s: &str) -> String {
        let mut w: Vec<char> = s.chars().collect();
        retone(&mut w);
        w.into_iter().collect()
    }

    #[test]
    fn canonical_tone_placement() {
        let cases = [
            ("hoà", "hòa"),
            ("hòa", "hòa"),
            ("Hoà", "Hòa"),
            ("thuỷ", "thủy"),
            ("khoẻ", "khỏe"),
            ("qúy", "quý"),
            ("quý", "quý"),
            ("gìa", "già"),
            ("già", "già"),
            ("gìn", "gìn"),
            ("hoàn", "hoàn"),
            ("hòan", "hoàn"),
            ("toán", "toán"),
            ("mùa", "mùa"),
            ("múi", "múi"),
            ("hoài", "hoài"),
            ("khuỷu", "khuỷu"),
            ("người", "người"),
            ("tuổi", "tuổi"),
            ("quốc", "quốc"),
            ("giữa", "giữa"),
            ("thuở", "thuở"),
            ("hoạch", "hoạch"),
            ("HOÀ", "HÒA"),
            ("café", "café"),
            ("José", "José"),
            ("Zürich", "Zürich"),
        ];
        for (input, expected) in cases {
            assert_eq!(retoned(input), expected, "{input}");
        }
    }

    #[test]
    fn split_and_strip() {
        assert_eq!(split_tone('ấ'), ('â', 2));
        assert_eq!(split_tone('a'), ('a', 0));
        assert_eq!(strip_tone('Ỹ'), 'Y');
        assert_eq!(split_tone('đ'), ('đ', 0));
    }
}
