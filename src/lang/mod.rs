//! Per-language knowledge that the checks share: how a language inflects the
//! forms a glossary lists, and how to recognise text written in it.
//! Number handling lives in `crate::numbers`, one module per language.

pub mod en;
pub mod layout;
mod names;
pub use names::language_name;
pub mod vi;

/// Share (0.0–1.0) of the words in `text` that are characteristic of
/// `lang`; None when we have no detector for the language.
pub fn characteristic_share(lang: &str, text: &str) -> Option<f64> {
    let is_characteristic: fn(&str) -> bool = match lang {
        "vi" => vi::is_characteristic_word,
        "en" => en::is_characteristic_word,
        _ => return None,
    };
    let mut words = 0usize;
    let mut hits = 0usize;
    for word in words_of(text) {
        words += 1;
        if is_characteristic(word) {
            hits += 1;
        }
    }
    (words > 0).then(|| hits as f64 / words as f64)
}

/// Alphabetic words of a text (letters and combining marks).
pub fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !crate::chars::is_alphabetic(c) && !crate::chars::is_combining(c))
        .filter(|w| !w.is_empty())
}

/// Extra surface forms under which a glossary form counts as present in a
/// text of `lang`: regular plurals of terms, demonyms of places.
pub fn variants(lang: &str, form: &str, kind: crate::glossary::Kind) -> Vec<String> {
    match lang {
        "en" => en::variants(form, kind),
        _ => Vec::new(),
    }
}

/// True when two renderings are different words built on one stem (an
/// inflection or derivation: "Argentina"/"Argentinian",
/// "authority"/"authorities") rather than two spellings of one word
/// ("Zelensky"/"Zelenskyy"). Compared word by word; names of a different
/// length are never derivations of each other.
pub fn is_derivation(lang: &str, a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (words_of(a).collect(), words_of(b).collect());
    if wa.len() != wb.len() {
        return false;
    }
    let mut differing = wa.iter().zip(&wb).filter(|(x, y)| x != y).peekable();
    differing.peek().is_some()
        && differing.all(|(x, y)| match lang {
            "en" => en::is_derivation(x, y),
            _ => false,
        })
}
