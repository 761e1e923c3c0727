//! "Did you mean …?" for misspelled keys, and the rule that decides when an
//! unknown key may be quoted back at all.
//!
//! A file handed to transcheck may not be what it claims to be (an untrusted
//! `transcheck.yaml` can name `/etc/shadow` as a glossary), so readers quote
//! text of a file only once its shape shows it is the expected format, or
//! when the text is a near miss of one of our own words.

/// The known word closest to `word`, if `word` is plausibly a typo of it:
/// at most one edit for words of up to four letters, two for longer ones
/// (Damerau–Levenshtein, so a swapped pair of letters is one edit).
pub fn closest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let lower = word.to_lowercase();
    known
        .iter()
        .filter(|k| **k != lower)
        .map(|k| (strsim::damerau_levenshtein(&lower, k), *k))
        .filter(|&(distance, k)| distance <= if k.len() <= 4 { 1 } else { 2 })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, k)| k)
        .or_else(|| {
            known
                .iter()
                .find(|k| **k == lower && word != lower)
                .copied()
        })
}

/// " (did you mean `x`?)" when `word` is a near miss of a known word, else "".
pub fn hint(word: &str, known: &[&str]) -> String {
    closest(word, known).map_or_else(String::new, |k| format!(" (did you mean `{k}`?)"))
}

/// Names an unknown key of a file whose shape is not yet established: the
/// key itself is quoted only when it is a near miss of a known key (then it
/// is a typo, not someone's data).
pub fn unknown_key(word: &str, known: &[&str]) -> String {
    match closest(word, known) {
        Some(k) => format!("unknown key `{word}` (did you mean `{k}`?)"),
        None => format!("unknown key; expected one of: {}", known.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEYS: [&str; 6] = ["id", "kind", "forbidden", "note", "case", "fuzzy"];

    #[test]
    fn near_misses_are_suggested_and_strangers_are_not() {
        // Each typo beside a look-alike that is a different word.
        let cases = [
            ("forbiden", Some("forbidden")),
            ("forbbiden", Some("forbidden")),
            ("knid", Some("kind")),
            ("Kind", Some("kind")),
            ("nots", Some("note")),
            ("fuzy", Some("fuzzy")),
            ("ids", Some("id")),
            ("kinds", Some("kind")),
            ("password", None),
            ("root:x:0:0", None),
            ("mode", None),
            ("vi", None),
            ("forbid", None),
        ];
        for (word, want) in cases {
            assert_eq!(closest(word, &KEYS), want, "{word}");
        }
    }

    #[test]
    fn unknown_keys_are_quoted_only_as_near_misses() {
        assert_eq!(
            unknown_key("entires", &["languages", "entries"]),
            "unknown key `entires` (did you mean `entries`?)"
        );
        let secret = unknown_key("root:$6$SECRET", &["languages", "entries"]);
        assert!(!secret.contains("SECRET"), "{secret}");
        assert_eq!(secret, "unknown key; expected one of: languages, entries");
    }
}
