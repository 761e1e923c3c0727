//! English number words: reading them and, for tests, writing them.
//!
//! Reads cardinals and ordinals with or without "and" and commas between
//! groups ("one million, two hundred and thirty-four thousand"), "a
//! hundred", "two dozen", and digit literals followed by scale words
//! ("2.7 million"). Hyphenated words arrive already split by the lexer.

use super::literal::Item;

/// A number read from words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct WordNum {
    pub value: f64,
    /// Items consumed.
    pub len: usize,
    /// Ends in an ordinal word ("twenty-first", "hundredth").
    pub ordinal: bool,
    /// Number words consumed, not counting "a", "and" and literals.
    pub words: usize,
    /// A scale word (thousand, million …) was used.
    pub scaled: bool,
    /// A digit literal was part of it.
    pub literal: bool,
    /// The scale word it ends with ("million" in "3 million"), so a range
    /// can lend it to its first end ("2 to 3 million").
    pub tail_scale: Option<f64>,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TEN_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// (value, ordinal) of a word below 20.
pub(crate) fn unit(w: &str) -> Option<(u32, bool)> {
    if let Some(i) = UNITS.iter().position(|&u| u == w) {
        return Some((i as u32, false));
    }
    UNIT_ORDINALS
        .iter()
        .position(|&u| u == w)
        .map(|i| (i as u32, true))
}

fn tens(w: &str) -> Option<(u32, bool)> {
    if let Some(i) = TENS.iter().position(|&u| !u.is_empty() && u == w) {
        return Some((i as u32 * 10, false));
    }
    // "fourty" is a common misspelling.
    if w == "fourty" {
        return Some((40, false));
    }
    TEN_ORDINALS
        .iter()
        .position(|&u| !u.is_empty() && u == w)
        .map(|i| (i as u32 * 10, true))
}

/// (scale, ordinal) for thousand … quadrillion.
pub(crate) fn scale(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "thousand" => (1e3, false),
        "million" => (1e6, false),
        "billion" => (1e9, false),
        "trillion" => (1e12, false),
        "quadrillion" => (1e15, false),
        // Newsroom abbreviations, written apart from the digits ("$2 bn").
        "bn" => (1e9, false),
        "mn" | "mln" => (1e6, false),
        "tn" | "trn" => (1e12, false),
        "thousandth" => (1e3, true),
        "millionth" => (1e6, true),
        "billionth" => (1e9, true),
        "trillionth" => (1e12, true),
        _ => return None,
    })
}

fn word_at<'a>(items: &[Item<'a>], i: usize) -> Option<&'a str> {
    items.get(i).and_then(|it| it.word())
}

/// Below 100: "seven", "seventeen", "seventy", "seventy-seven", "seventieth".
fn below_hundred(items: &[Item], i: usize) -> Option<(u32, usize, bool)> {
    let w = word_at(items, i)?;
    if let Some((u, ord)) = unit(w) {
        return Some((u, i + 1, ord));
    }
    let (t, ord) = tens(w)?;
    if !ord {
        if let Some((u, o)) = word_at(items, i + 1).and_then(unit) {
            if (1..10).contains(&u) {
                return Some((t + u, i + 2, o));
            }
        }
    }
    Some((t, i + 1, ord))
}

/// A group below 1000, "a" before a scale or "hundred", or a literal.
fn group(items: &[Item], i: usize) -> Option<(f64, usize, bool)> {
    if let Some(Item::Num(x)) = items.get(i) {
        return Some((*x, i + 1, false));
    }
    let w = word_at(items, i)?;
    if matches!(w, "a" | "an") {
        let next = word_at(items, i + 1)?;
        if next == "hundred" || next == "hundredth" || next == "dozen" || scale(next).is_some() {
            return hundreds(items, 1, i + 1).or(Some((1.0, i + 1, false)));
        }
        return None;
    }
    let (v, next, ord) = below_hundred(items, i)?;
    if ord {
        return Some((f64::from(v), next, true));
    }
    hundreds(items, v, next).or(Some((f64::from(v), next, false)))
}

/// "hundred [and] rest" after a multiplier `m` ending at `j`.
fn hundreds(items: &[Item], m: u32, j: usize) -> Option<(f64, usize, bool)> {
    match word_at(items, j)? {
        "hundredth" => Some((f64::from(m * 100), j + 1, true)),
        "hundred" if (1..10).contains(&m) => {
            let h = f64::from(m * 100);
            let k = if word_at(items, j + 1) == Some("and") {
                j + 2
            } else {
                j + 1
            };
            match below_hundred(items, k) {
                Some((r, n, ord)) if r > 0 => Some((h + f64::from(r), n, ord)),
                _ => Some((h, j + 1, false)),
            }
        }
        _ => None,
    }
}

/// Read the longest English number at the start of `items`.
pub(crate) fn parse(items: &[Item]) -> Option<WordNum> {
    let mut stack: Vec<(f64, f64)> = Vec::new();
    let mut pending = 0.0;
    let mut i = 0;
    let mut groups = 0;
    let mut scaled = false;
    let mut ordinal = false;
    let mut last_scale = f64::INFINITY;
    loop {
        let snapshot = (stack.clone(), pending, i);
        // Between groups: "and" ("two thousand and five") or a comma
        // ("one million, two hundred").
        let mut start = i;
        if groups > 0 {
            match (items.get(i), word_at(items, i)) {
                (_, Some("and")) => start = i + 1,
                (Some(Item::Comma), _) => start = i + 1,
                _ => {}
            }
        }
        // A literal continues a number only right at its start.
        if groups > 0 && matches!(items.get(start), Some(Item::Num(_))) {
            break;
        }
        let Some((g, next, ord)) = group(items, start) else {
            break;
        };
        if groups > 0 && g >= last_scale {
            break;
        }
        pending += g;
        i = next;
        groups += 1;
        if ord {
            ordinal = true;
            break;
        }
        let mut any_scale = false;
        let mut valid = true;
        while let Some((s, ord)) = word_at(items, i).and_then(scale) {
            let mut v = pending;
            pending = 0.0;
            while let Some(&(sv, ss)) = stack.last() {
                if ss >= s {
                    break;
                }
                v += sv;
                stack.pop();
            }
            if stack.last().is_some_and(|&(_, ss)| ss <= s) {
                valid = false;
                break;
            }
            stack.push((v * s, s));
            last_scale = s;
            any_scale = true;
            scaled = true;
            i += 1;
            if ord {
                ordinal = true;
                break;
            }
        }
        if !valid {
            (stack, pending, i) = snapshot;
            groups -= 1;
            break;
        }
        if word_at(items, i) == Some("dozen") && !any_scale && pending < 100.0 {
            pending *= 12.0;
            i += 1;
            break;
        }
        if !any_scale || ordinal {
            break;
        }
    }
    if groups == 0 {
        return None;
    }
    let value = stack.iter().map(|(v, _)| v).sum::<f64>() + pending;
    let words = items[..i]
        .iter()
        .filter(|it| matches!(it, Item::Word(w) if !matches!(*w, "a" | "an" | "and")))
        .count();
    let literal = items[..i].iter().any(|it| matches!(it, Item::Num(_)));
    let tail_scale = i
        .checked_sub(1)
        .and_then(|k| word_at(items, k))
        .and_then(scale)
        .filter(|&(_, ord)| !ord)
        .map(|(s, _)| s);
    Some(WordNum {
        value,
        len: i,
        ordinal,
        words,
        scaled,
        literal,
        tail_scale,
    })
}

#[cfg(test)]
/// Spelling choices for [`english_words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct EnStyle {
    /// British "and" after hundreds and before a final small group.
    pub and: bool,
    /// Commas between groups.
    pub commas: bool,
    /// "twenty-one" rather than "twenty one".
    pub hyphen: bool,
}

#[cfg(test)]
fn below_hundred_words(r: u64, st: EnStyle, ordinal: bool, out: &mut Vec<String>) {
    if r < 20 {
        out.push(if ordinal { UNIT_ORDINALS } else { UNITS }[r as usize].to_string());
        return;
    }
    let (t, u) = ((r / 10) as usize, (r % 10) as usize);
    if u == 0 {
        out.push(if ordinal { TEN_ORDINALS } else { TENS }[t].to_string());
        return;
    }
    let last = if ordinal { UNIT_ORDINALS } else { UNITS }[u];
    if st.hyphen {
        out.push(format!("{}-{last}", TENS[t]));
    } else {
        out.push(TENS[t].to_string());
        out.push(last.to_string());
    }
}

#[cfg(test)]
/// Spell `n` (below 10^18) in English words; used to round-trip the reader.
pub(crate) fn english_words(n: u64, st: EnStyle, ordinal: bool) -> String {
    if n == 0 {
        return if ordinal { "zeroth" } else { "zero" }.to_string();
    }
    const SCALES: [&str; 6] = [
        "",
        "thousand",
        "million",
        "billion",
        "trillion",
        "quadrillion",
    ];
    let mut groups = Vec::new();
    let mut m = n;
    while m > 0 {
        groups.push(m % 1000);
        m /= 1000;
    }
    let lowest = groups.iter().position(|&g| g > 0).unwrap_or(0);
    let mut parts: Vec<Vec<String>> = Vec::new();
    for k in (0..groups.len()).rev() {
        let g = groups[k];
        if g == 0 {
            continue;
        }
        let last = k == lowest;
        let mut out = Vec::new();
        let (h, r) = (g / 100, g % 100);
        if h > 0 {
            out.push(UNITS[h as usize].to_string());
            if r == 0 && last && k == 0 && ordinal {
                out.push("hundredth".to_string());
            } else {
                out.push("hundred".to_string());
            }
            if r > 0 && st.and {
                out.push("and".to_string());
            }
        } else if st.and && last && k == 0 && !parts.is_empty() {
            out.push("and".to_string());
        }
        if r > 0 {
            below_hundred_words(r, st, ordinal && last && k == 0, &mut out);
        }
        if k > 0 {
            let s = SCALES[k];
            out.push(if ordinal && last {
                format!("{s}th")
            } else {
                s.to_string()
            });
        }
        parts.push(out);
    }
    let sep = if st.commas { ", " } else { " " };
    parts
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join(sep)
        .replace(", and ", " and ")
}

#[cfg(test)]
mod tests {
    use super::super::lexer::{tokenize, TokKind};
    use super::*;

    fn items_of(tokens: &[super::super::lexer::Token]) -> Vec<Item<'static>> {
        tokens
            .iter()
            .map(|t| match t.kind {
                TokKind::Word => Item::Word(Box::leak(t.lower.to_string().into_boxed_str())),
                TokKind::Punct if t.text == "," => Item::Comma,
                _ => Item::Other,
            })
            .collect()
    }

    fn read(s: &str) -> Option<(f64, usize, bool)> {
        let toks = tokenize(s);
        let items = items_of(&toks);
        parse(&items).map(|w| (w.value, w.len, w.ordinal))
    }

    #[test]
    fn cardinals_and_ordinals() {
        let cases: &[(&str, f64, bool)] = &[
            ("three", 3.0, false),
            ("twenty-one", 21.0, false),
            ("twenty one", 21.0, false),
            ("one hundred and five", 105.0, false),
            ("a hundred", 100.0, false),
            ("a million", 1e6, false),
            ("two dozen", 24.0, false),
            ("a dozen", 12.0, false),
            ("thirteenth", 13.0, true),
            ("twenty-first", 21.0, true),
            ("one hundredth", 100.0, true),
            ("two thousand and twentieth", 2020.0, true),
            (
                "one million, two hundred and thirty-four thousand, five hundred and sixty-seven",
                1_234_567.0,
                false,
            ),
            ("two quadrillion", 2e15, false),
            ("one million, five thousandth", 1_005_000.0, true),
        ];
        for &(s, v, o) in cases {
            let toks = tokenize(s);
            let n = items_of(&toks).len();
            assert_eq!(read(s), Some((v, n, o)), "{s}");
        }
    }

    #[test]
    fn stops_at_the_number_boundary() {
        assert_eq!(read("one two"), Some((1.0, 1, false)));
        assert_eq!(read("three ships"), Some((3.0, 1, false)));
        assert_eq!(read("a ship"), None);
        assert_eq!(read("hundreds"), None);
        assert_eq!(read("two thousand, three people"), Some((2003.0, 4, false)));
        assert_eq!(read("one million, two million"), Some((1e6, 2, false)));
        assert_eq!(read("five and six"), Some((5.0, 1, false)));
    }

    #[test]
    fn generator_round_trips_in_every_style() {
        let mut values: Vec<u64> = (0..=2100).collect();
        let mut x: u64 = 11;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let digits = 1 + (x >> 59) as u32 % 15;
            values.push((x >> 8) % 10u64.pow(digits));
        }
        for bits in 0..16u32 {
            let st = EnStyle {
                and: bits & 1 != 0,
                commas: bits & 2 != 0,
                hyphen: bits & 4 != 0,
            };
            let ordinal = bits & 8 != 0;
            for &n in &values {
                let s = english_words(n, st, ordinal);
                let toks = tokenize(&s);
                let items = items_of(&toks);
                let w = parse(&items).unwrap_or_else(|| panic!("{n}: {s}"));
                assert_eq!(
                    (w.value, w.len, w.ordinal),
                    (n as f64, items.len(), ordinal),
                    "{n}: {s} ({st:?})"
                );
            }
        }
    }
}
