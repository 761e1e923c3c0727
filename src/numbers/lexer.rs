//! Splits a normalized block into words, literals and punctuation.
//!
//! The extractors match patterns over tokens rather than characters so
//! that a rule such as "a scale word after a number" is a one-token
//! lookahead. Every token keeps its byte span so mentions can point back
//! into the text; spans always fall on char boundaries because they are
//! taken from `char_indices`.

use std::borrow::Cow;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters only, possibly with inner apostrophes or dots ("o'clock", "p.m").
    Word,
    /// Anything with a digit or a currency sign: "25.000", "14/2", "$45.2", "Covid-19".
    Lit,
    /// One punctuation character.
    Punct,
    /// A paragraph break inside the block; patterns never cross it.
    Break,
}

/// One token with its byte span.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub lower: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Joined to the previous word by a hyphen ("twenty-one", "mid-June").
    pub hyphen_before: bool,
}

impl Token<'_> {
    /// First letter upper case ("Hai" in "thứ Hai", "March").
    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Currency signs that may open a literal ("$45", "€5").
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₫' | '₩' | '₽' | '₹')
}

/// Characters a literal or word may end with besides letters and digits.
fn keeps_at_end(c: char) -> bool {
    crate::chars::is_alphanumeric(c) || matches!(c, '%' | '°' | '$' | '€' | '₫')
}

/// Tokenize a normalized block.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut piece_start = None;
    for (i, c) in text.char_indices() {
        if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
            if let Some(s) = piece_start.take() {
                piece(text, s, i, &mut out);
            }
            if c == '\n' {
                out.push(Token {
                    text: &text[i..i + 1],
                    lower: Cow::Borrowed("\n"),
                    start: i,
                    end: i + 1,
                    kind: TokKind::Break,
                    hyphen_before: false,
                });
            }
        } else if piece_start.is_none() {
            piece_start = Some(i);
        }
    }
    if let Some(s) = piece_start {
        piece(text, s, text.len(), &mut out);
    }
    out
}

fn push<'a>(
    out: &mut Vec<Token<'a>>,
    text: &'a str,
    start: usize,
    end: usize,
    kind: TokKind,
    hyphen_before: bool,
) {
    let t = &text[start..end];
    out.push(Token {
        text: t,
        lower: crate::chars::to_lowercase(t),
        start,
        end,
        kind,
        hyphen_before,
    });
}

/// Tokenize one whitespace-free piece `text[start..end]`: leading
/// punctuation, the core, trailing punctuation. (Runs for every word of
/// every block, so it walks the piece instead of copying its characters.)
fn piece<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let s = &text[start..end];
    let lo = s
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric() || is_currency_sign(c))
        .map_or(s.len(), |(i, _)| i);
    for (i, c) in s[..lo].char_indices() {
        let b = start + i;
        push(out, text, b, b + c.len_utf8(), TokKind::Punct, false);
    }
    let hi = s[lo..]
        .char_indices()
        .rev()
        .find(|&(_, c)| keeps_at_end(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    if lo < hi {
        core(text, start + lo, start + hi, out);
    }
    for (i, c) in s[hi..].char_indices() {
        let b = start + hi + i;
        push(out, text, b, b + c.len_utf8(), TokKind::Punct, false);
    }
}

/// Classify a core; words joined by hyphens become separate word tokens so
/// that "twenty-one" and "mid-June" read like their spaced forms.
fn core<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let s = &text[start..end];
    let literal = s.chars().any(|c| c.is_ascii_digit() || is_currency_sign(c));
    if literal {
        push(out, text, start, end, TokKind::Lit, false);
        return;
    }
    let mut part_start = start;
    let mut first = true;
    for (i, c) in s.char_indices() {
        if c == '-' {
            let b = start + i;
            if b > part_start {
                push(out, text, part_start, b, TokKind::Word, !first);
                first = false;
            }
            part_start = b + 1;
        }
    }
    if end > part_start {
        push(out, text, part_start, end, TokKind::Word, !first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, TokKind, bool)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.text.to_string(), t.kind, t.hyphen_before))
            .collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_spans() {
        let text = "Ngày (14/2), giá 25.000 đồng.";
        for t in tokenize(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
        let k = kinds(text);
        assert_eq!(k[0], ("Ngày".into(), TokKind::Word, false));
        assert_eq!(k[1], ("(".into(), TokKind::Punct, false));
        assert_eq!(k[2], ("14/2".into(), TokKind::Lit, false));
        assert_eq!(k[3], (")".into(), TokKind::Punct, false));
        assert_eq!(k[4], (",".into(), TokKind::Punct, false));
        assert_eq!(k[6], ("25.000".into(), TokKind::Lit, false));
        assert_eq!(k[8], (".".into(), TokKind::Punct, false));
    }

    #[test]
    fn hyphenated_words_split_literals_do_not() {
        let k = kinds("twenty-one Covid-19 $45.2 12,6% mid-June");
        assert_eq!(k[0], ("twenty".into(), TokKind::Word, false));
        assert_eq!(k[1], ("one".into(), TokKind::Word, true));
        assert_eq!(k[2], ("Covid-19".into(), TokKind::Lit, false));
        assert_eq!(k[3], ("$45.2".into(), TokKind::Lit, false));
        assert_eq!(k[4], ("12,6%".into(), TokKind::Lit, false));
        assert_eq!(k[5], ("mid".into(), TokKind::Word, false));
        assert_eq!(k[6], ("June".into(), TokKind::Word, true));
    }

    #[test]
    fn breaks_and_odd_input() {
        let k = kinds("a\nb -- ‐ 🎉 x-");
        assert_eq!(k[1].1, TokKind::Break);
        assert!(tokenize("").is_empty());
        assert!(tokenize("   ").is_empty());
        for t in tokenize("\u{301}é\u{0}-\u{10FFFF}1") {
            assert!(!t.text.is_empty());
        }
    }
}
