//! Vietnamese word lists from an open lexicon (pyvi 0.1.1, MIT License; see
//! docs/realtext.md): loanwords written in Latin script as one unaccented
//! word ("video", "micro", "amip"), which are common words and not foreign
//! names, and words of three syllables or more ("bóng bán dẫn", transistor),
//! inside which a shorter glossary form ("bán dẫn", semiconductor) is only a
//! piece of another word.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::normalize::fold_case;

static LOANWORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("vi_loanwords.txt")).collect());

static COMPOUNDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| lines(include_str!("vi_compounds.txt")).collect());

/// Longest listed word, in syllables.
const MAX_SYLLABLES: usize = 9;

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// True for a loanword Vietnamese writes in Latin script ("Video", "Amip").
pub fn is_loanword(word: &str) -> bool {
    LOANWORDS.contains(fold_case(word).as_str())
}

/// True when the syllables `words[start..end]` are a strict part of a
/// longer listed Vietnamese word made of neighbouring syllables ("bán dẫn"
/// in "bóng bán dẫn"). `words` are the syllables of one clause, in order.
pub fn inside_longer_word(words: &[&str], start: usize, end: usize) -> bool {
    let folded: Vec<String> = words.iter().map(|w| fold_case(w)).collect();
    let first = start.saturating_sub(MAX_SYLLABLES);
    for from in first..=start {
        let last = (from + MAX_SYLLABLES).min(words.len());
        for to in end.max(from + 3)..=last {
            if (from, to) == (start, end) {
                continue;
            }
            if COMPOUNDS.contains(folded[from..to].join(" ").as_str()) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loanwords_and_names() {
        for (word, loan) in [
            ("Video", true),
            ("micro", true),
            ("Radio", true),
            ("Amip", true),
            ("Blu", true),
            ("Lavrov", false),
            ("Blinken", false),
            ("Avatar", false),
        ] {
            assert_eq!(is_loanword(word), loan, "{word}");
        }
    }

    #[test]
    fn a_form_inside_a_longer_word_and_on_its_own() {
        let table: &[(&str, &str, bool)] = &[
            ("các bóng bán dẫn trong máy", "bán dẫn", true),
            ("ngành công nghiệp bán dẫn của Mỹ", "bán dẫn", false),
            ("một bản anh hùng ca", "anh hùng", true),
            ("người anh hùng của dân tộc", "anh hùng", false),
            ("Ban chấp hành họp", "chấp hành", true),
            ("chấp hành nghiêm lệnh", "chấp hành", false),
        ];
        for (text, form, inside) in table {
            let words: Vec<&str> = text.split(' ').collect();
            let n = form.split(' ').count();
            let start = (0..words.len())
                .find(|&i| words[i..].join(" ").starts_with(form))
                .expect("form in text");
            assert_eq!(
                inside_longer_word(&words, start, start + n),
                *inside,
                "{text}"
            );
        }
    }

    #[test]
    fn lists_load() {
        assert!(LOANWORDS.len() > 900);
        assert!(COMPOUNDS.len() > 2000);
        assert!(COMPOUNDS.iter().all(|c| c.split(' ').count() >= 3));
        assert!(COMPOUNDS
            .iter()
            .all(|c| c.split(' ').count() <= MAX_SYLLABLES));
    }
}
