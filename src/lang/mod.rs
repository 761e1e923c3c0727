//! Per-language knowledge that the checks share: how a language inflects the
//! forms a glossary lists, and how to recognise text written in it.
//! Number handling lives in `crate::numbers`, one module per language.

pub mod en;
pub mod en_demonyms;
pub mod en_units;
pub mod layout;
mod names;
pub use names::language_name;
pub mod vi;
pub mod vi_homographs;
pub mod vi_units;
pub mod vi_words;

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

/// Whether a text of `lang` speaks of or to a person (a pronoun, a kinship
/// word, a form of address); None when we have no word list for `lang`.
pub fn speaks_of_a_person(lang: &str, text: &str) -> Option<bool> {
    match lang {
        "en" => Some(en::speaks_of_a_person(text)),
        _ => None,
    }
}

/// Emergency and public service telephone numbers (police, fire brigade,
/// ambulance: 911, 999, 112, Vietnam's 113/114/115 …). Sorted.
const SERVICE_NUMBERS: &[&str] = &[
    "000", "100", "101", "102", "110", "111", "112", "113", "114", "115", "118", "119", "122",
    "911", "999",
];

/// True when the number at `span` of a `lang` text is a service number
/// being called ("called 911", "gọi 113"): translators add, drop and
/// localize these ("gọi cấp cứu" ⇔ "called 911"), so it is no number of
/// the story to compare.
pub fn is_service_call(lang: &str, text: &str, span: std::ops::Range<usize>) -> bool {
    let Some(number) = text.get(span.clone()) else {
        return false;
    };
    if SERVICE_NUMBERS.binary_search(&number.trim()).is_err() {
        return false;
    }
    let before = text[..span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let word = crate::normalize::fold_case(word);
    match lang {
        "en" => en::CALL_WORDS.contains(&word.as_str()),
        "vi" => vi::CALL_WORDS.contains(&word.as_str()),
        _ => false,
    }
}

/// True when the number at `span` of a `lang` text counts things named
/// before and pointed back at ("3 chữ ấy" ⇔ "them"): translators drop such
/// counts freely, so their absence is no certain error.
pub fn is_anaphoric_count(lang: &str, text: &str, span: std::ops::Range<usize>) -> bool {
    match lang {
        "vi" => vi::is_anaphoric_count(text, span.end),
        _ => false,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_numbers_being_called() {
        assert!(SERVICE_NUMBERS.windows(2).all(|w| w[0] < w[1]));
        let table = [
            ("en", "her family called 911 at once", "911", true),
            ("en", "he dialled 999", "999", true),
            ("vi", "người nhà gọi 115 ngay", "115", true),
            ("vi", "hãy gọi số 113", "113", true),
            // The same digits as a quantity are numbers of the story.
            ("en", "the plane carried 911 passengers", "911", false),
            ("en", "she called 912 voters", "912", false),
            ("vi", "có 113 người bị thương", "113", false),
        ];
        for (lang, text, number, call) in table {
            let at = text.find(number).expect("number in text");
            let span = at..at + number.len();
            assert_eq!(is_service_call(lang, text, span), call, "{text}");
        }
    }
}
