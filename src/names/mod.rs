//! Name analysis: tells foreign names from Vietnamese words, folds and
//! compares names, and classifies near-misses (transliteration variants,
//! typos, wrong tokens) while keeping distinct look-alike names apart. The
//! rules built on it are in `crate::checks::name_variant`,
//! `crate::checks::name_copy` and `crate::checks::name_inconsistent`.

pub mod candidates;
pub mod consistency;
pub mod copy;
pub mod fold;
pub mod index;
pub mod similarity;
pub mod syllable;
pub mod variant;
pub mod vietnamese;

#[cfg(test)]
mod tests {
    //! Robustness: every public entry point on arbitrary Unicode.

    use super::*;

    /// Pseudo-random strings over a pool mixing ASCII, Vietnamese letters,
    /// combining marks, separators, astral chars and controls.
    fn strings() -> Vec<String> {
        const POOL: &[char] = &[
            'a', 'B', 'k', 'Z', 'y', 'đ', 'Đ', 'ư', 'ơ', 'ệ', 'Ọ', '\u{0301}', '\u{0323}',
            '\u{0302}', ' ', '-', '\'', '.', ',', '\n', '"', '(', 'İ', 'ß', 'ǅ', '🙂', '\u{0}',
            '號', 'Ø', '/', 'M', 'r', '7', 'W', 'I',
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..400)
            .map(|_| {
                let len = (next() % 24) as usize;
                (0..len)
                    .map(|_| POOL[(next() % POOL.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn nothing_panics_on_arbitrary_text() {
        let inputs = strings();
        let index = index::FuzzyIndex::new(
            inputs
                .iter()
                .enumerate()
                .map(|(i, s)| (i as u32, s.as_str())),
        );
        let mut occurrences = Vec::new();
        for (i, s) in inputs.iter().enumerate() {
            let _ = syllable::is_vietnamese_syllable(s);
            let _ = syllable::is_foreign_word(s);
            let _ = syllable::could_be_vietnamese_syllable(s);
            let _ = fold::fold(s);
            for c in candidates::candidates(s)
                .into_iter()
                .chain(candidates::foreign_names(s))
            {
                assert_eq!(s.get(c.span.clone()), Some(c.text.as_str()));
                for t in &c.tokens {
                    assert!(s.get(t.clone()).is_some());
                }
                occurrences.push(consistency::Occurrence {
                    doc: i,
                    span: c.span,
                    text: c.text,
                });
            }
            let other = &inputs[(i * 7 + 3) % inputs.len()];
            if let Some(v) = variant::classify(s, other) {
                assert!((0.0..=1.0).contains(&v.score));
                let _ = v.suggestion(other);
            }
            let _ = similarity::name_similarity(s, other);
            let _ = index.lookup(s);
        }
        let _ = consistency::inconsistent_spellings(&occurrences);
    }
}
