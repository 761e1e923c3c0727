//! Character classes for the hot loops, answered from a table.
//!
//! Every text is walked character by character several times (words,
//! tokens, names, case folding), and for Vietnamese most letters are
//! outside ASCII, where `char::is_alphabetic` and friends search large
//! Unicode tables on every call. These functions answer the same questions
//! — exactly the same answers, the table is filled from the standard
//! library and `unicode-normalization` — from a table over the first 8,192
//! code points (Latin, Vietnamese, Greek, Cyrillic and their combining
//! marks), and ask the originals for anything beyond.

use std::sync::OnceLock;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

/// Code points below this are answered from the table.
const TABLE_SIZE: usize = 0x2000;

const ALPHABETIC: u8 = 1;
const ALPHANUMERIC: u8 = 2;
/// Canonical combining class other than 0.
const COMBINING: u8 = 4;
/// `unicode_normalization::char::is_combining_mark`.
const MARK: u8 = 8;
const WHITESPACE: u8 = 16;
/// `c.to_lowercase()` is `c` itself.
const LOWER_SELF: u8 = 32;

/// The answers for 256 consecutive code points.
struct Block {
    flags: [u8; 256],
    /// [`lowercase_same_len`] of each code point.
    lower: [char; 256],
}

/// Blocks are filled on first use: a text touches a handful of them
/// (Vietnamese: Latin-1, Latin Extended-A and -B, combining marks, Latin
/// Extended Additional), and filling all 32 would cost a one-pair run
/// several milliseconds.
fn block(index: usize) -> &'static Block {
    static BLOCKS: [OnceLock<Box<Block>>; TABLE_SIZE / 256] =
        [const { OnceLock::new() }; TABLE_SIZE / 256];
    BLOCKS[index].get_or_init(|| {
        let mut block = Box::new(Block {
            flags: [0; 256],
            lower: ['\0'; 256],
        });
        for i in 0..256 {
            if let Some(c) = char::from_u32((index * 256 + i) as u32) {
                block.flags[i] = compute_flags(c);
                block.lower[i] = compute_lowercase(c);
            }
        }
        block
    })
}

fn compute_flags(c: char) -> u8 {
    let mut f = 0;
    if c.is_alphabetic() {
        f |= ALPHABETIC;
    }
    if c.is_alphanumeric() {
        f |= ALPHANUMERIC;
    }
    if canonical_combining_class(c) != 0 {
        f |= COMBINING;
    }
    if is_combining_mark(c) {
        f |= MARK;
    }
    if c.is_whitespace() {
        f |= WHITESPACE;
    }
    if c.to_lowercase().eq([c]) {
        f |= LOWER_SELF;
    }
    f
}

fn compute_lowercase(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

#[inline]
fn flags(c: char) -> Option<u8> {
    let i = c as usize;
    (i < TABLE_SIZE).then(|| block(i / 256).flags[i % 256])
}

/// `c.is_alphabetic()`.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match flags(c) {
        Some(f) => f & ALPHABETIC != 0,
        None => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    match flags(c) {
        Some(f) => f & ALPHANUMERIC != 0,
        None => c.is_alphanumeric(),
    }
}

/// `canonical_combining_class(c) != 0`.
#[inline]
pub fn is_combining(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    match flags(c) {
        Some(f) => f & COMBINING != 0,
        None => canonical_combining_class(c) != 0,
    }
}

/// `unicode_normalization::char::is_combining_mark(c)`.
#[inline]
pub fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    match flags(c) {
        Some(f) => f & MARK != 0,
        None => is_combining_mark(c),
    }
}

/// `c.is_whitespace()`.
#[inline]
pub fn is_whitespace(c: char) -> bool {
    if c.is_ascii() {
        // Unlike `is_ascii_whitespace`, `is_whitespace` includes U+000B.
        return matches!(c, ' ' | '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r');
    }
    match flags(c) {
        Some(f) => f & WHITESPACE != 0,
        None => c.is_whitespace(),
    }
}

/// True when `c.to_lowercase()` is `c`.
#[inline]
pub fn lowercases_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    match flags(c) {
        Some(f) => f & LOWER_SELF != 0,
        None => c.to_lowercase().eq([c]),
    }
}

/// `s.to_lowercase()`, borrowed when nothing changes (most words of a
/// text), so that tokenizers need not allocate a copy per word.
pub fn to_lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    // `str::to_lowercase` lowercases each character on its own except
    // capital sigma, which does not lowercase to itself.
    if s.chars().all(lowercases_to_itself) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.to_lowercase())
    }
}

/// The lowercase of `c` when it is one character of the same UTF-8 length,
/// else `c` itself (see [`crate::normalize::fold_case`]).
#[inline]
pub fn lowercase_same_len(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let i = c as usize;
    if i < TABLE_SIZE {
        block(i / 256).lower[i % 256]
    } else {
        compute_lowercase(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code point, table or not, answers as the originals do.
    #[test]
    fn agrees_with_the_standard_library_everywhere() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_combining(c), canonical_combining_class(c) != 0, "{c:?}");
            assert_eq!(is_mark(c), is_combining_mark(c), "{c:?}");
            assert_eq!(is_whitespace(c), c.is_whitespace(), "{c:?}");
            assert_eq!(lowercase_same_len(c), compute_lowercase(c), "{c:?}");
            assert_eq!(lowercases_to_itself(c), c.to_lowercase().eq([c]), "{c:?}");
            let s = format!("a{c}Σ{c}");
            assert_eq!(to_lowercase(&s), s.to_lowercase(), "{c:?}");
            let one = c.to_string();
            assert_eq!(to_lowercase(&one), one.to_lowercase(), "{c:?}");
        }
    }
}
