//! Vietnamese personal names in an English translation. News house style
//! writes them without diacritics ("Nguyễn Thị Hồng" → "Nguyen Thi Hong"),
//! so a name the glossary does not list is still checkable: the
//! translation must have it up to diacritics. [`misspelled_vietnamese_names`]
//! reports a target name that has the source name's shape with one syllable
//! changed ("Nguyen Thi Hang", "Nguyen Phu Truong").
//!
//! Only misspellings are reported, never absence: translators shorten
//! names to the given name ("Ms. Hong"), drop middle names or move a
//! mention to the next sentence, and none of that is an error. A changed
//! syllable is, because Vietnamese given names that differ by a letter are
//! different people: the translation names someone the source does not.

use std::ops::Range;

use super::candidates::NameCandidate;
use super::copy::CopyIssue;
use super::fold::{contains_name, fold_tokens, FoldedToken};

/// Most edits between the source syllable and the target one (folded) for
/// the target to count as a misspelling of it. One covers the usual slips
/// (Hong/Hang, Trong/Truong, Chinh/Chin); two covers a doubled one
/// (Nghia/Ngia → Nhgia) and the vowel pairs that romanizations confuse
/// (Thuy/Thui). Farther apart is another name ("Hung" for "Binh"), which a
/// source paragraph with several people makes common: not reported.
pub const MAX_SYLLABLE_EDITS: usize = 2;

/// The Vietnamese personal names of a source block (`names`, from
/// [`crate::names::candidates::vietnamese_person_names`]) that the target
/// block spells with one syllable changed. `target_names` are the target's
/// candidate names, of which `skip` says which belong to other rules
/// (glossary renderings and their near-misses).
pub fn misspelled_vietnamese_names(
    source: &str,
    names: &[NameCandidate],
    target: &str,
    target_names: &[NameCandidate],
    skip: impl Fn(&NameCandidate) -> bool,
) -> Vec<CopyIssue> {
    if names.is_empty() {
        return Vec::new();
    }
    let source_tokens = fold_tokens(source);
    let target_tokens = fold_tokens(target);
    let suspects: Vec<Vec<FoldedToken>> = target_names
        .iter()
        .filter(|c| !c.acronym && !skip(c))
        .map(|c| {
            let mut tokens = fold_tokens(&c.text);
            for t in &mut tokens {
                t.span = t.span.start + c.span.start..t.span.end + c.span.start;
            }
            tokens
        })
        .collect();
    let mut out = Vec::new();
    let mut reported: Vec<Range<usize>> = Vec::new();
    for name in names {
        let tokens = fold_tokens(&name.text);
        if tokens.len() < 2 || contains_name(&target_tokens, &tokens) {
            continue;
        }
        for window in suspects.iter().flat_map(|s| s.windows(tokens.len())) {
            let span = window[0].span.start..window[window.len() - 1].span.end;
            if reported.iter().any(|r| r.start < span.end && span.start < r.end)
                || !one_syllable_changed(&tokens, window)
                // A name the source writes itself is not a misspelling.
                || contains_name(&source_tokens, window)
            {
                continue;
            }
            let written = target.get(span.clone()).unwrap_or("");
            out.push(CopyIssue::Misspelled {
                source: name.span.clone(),
                target: span.clone(),
                suggestion: house_style(&name.text, &tokens, written),
            });
            reported.push(span);
        }
    }
    out
}

/// Exactly one token differs, by at most [`MAX_SYLLABLE_EDITS`], and is a
/// word, not a number.
fn one_syllable_changed(name: &[FoldedToken], window: &[FoldedToken]) -> bool {
    let mut changed = name
        .iter()
        .zip(window)
        .filter(|(a, b)| a.folded != b.folded);
    match (changed.next(), changed.next()) {
        (Some((a, b)), None) => {
            !b.folded.chars().all(|c| c.is_ascii_digit())
                && strsim::damerau_levenshtein(&a.folded, &b.folded) <= MAX_SYLLABLE_EDITS
        }
        _ => false,
    }
}

/// The name as the translation should write it: without diacritics (each
/// syllable capitalized), unless the translation keeps diacritics in the
/// very name it misspells, in which case the source spelling.
fn house_style(source_name: &str, tokens: &[FoldedToken], written: &str) -> String {
    if !written.is_ascii() {
        return source_name.to_string();
    }
    let mut out = String::new();
    for t in tokens {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut chars = t.folded.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::candidates::{candidates, vietnamese_person_names};

    /// A target text reported and its suggestion.
    type Reported = (&'static str, &'static str);

    /// (source, target, what is reported).
    const CASES: &[(&str, &str, &[Reported])] = &[
        // One syllable changed: reported, in house style.
        (
            "Thống đốc Nguyễn Thị Hồng cho biết.",
            "Governor Nguyen Thi Hang said.",
            &[("Nguyen Thi Hang", "Nguyen Thi Hong")],
        ),
        (
            "Ông Nguyễn Phú Trọng phát biểu.",
            "Nguyen Phu Truong spoke.",
            &[("Nguyen Phu Truong", "Nguyen Phu Trong")],
        ),
        // The family name is a syllable too.
        (
            "Bà Lê Thị Thu nói.",
            "Ms. Ly Thi Thu said.",
            &[("Ly Thi Thu", "Le Thi Thu")],
        ),
        // Diacritics kept by the translation: the source spelling.
        (
            "Ông Trần Văn Sơn nói.",
            "Mr. Trần Văn Sớm said.",
            &[("Trần Văn Sớm", "Trần Văn Sơn")],
        ),
        // Right up to diacritics, kept or dropped: nothing.
        ("Ông Trần Văn Sơn nói.", "Tran Van Son said.", &[]),
        ("Ông Trần Văn Sơn nói.", "Trần Văn Sơn said.", &[]),
        // Shortened names are the translator's choice.
        ("Ông Trần Văn Sơn nói.", "Mr. Son said.", &[]),
        ("Ông Trần Văn Sơn nói.", "Tran Son said.", &[]),
        // Another person altogether (two syllables or a far one): not a
        // misspelling of this one.
        ("Ông Trần Văn Sơn nói.", "Tran Van Binh said.", &[]),
        ("Ông Trần Văn Sơn nói.", "Tran Quang Tuan said.", &[]),
        // Two people of one family: both named, nothing wrong.
        (
            "Ông Trần Văn Sơn và ông Trần Văn Sang đến.",
            "Tran Van Son and Tran Van Sang came.",
            &[],
        ),
        // The target name is one the source writes too.
        (
            "Ông Trần Văn Sơn gặp ông Trần Văn Sang.",
            "Tran Van Sang met him.",
            &[],
        ),
        // Not a family name first: not a person's name.
        ("Ngân hàng Nhà Nước nói.", "The Nhan Nuoc bank said.", &[]),
    ];

    #[test]
    fn table() {
        for (source, target, expected) in CASES {
            let names = vietnamese_person_names(source, |_| false);
            let target_names = candidates(target);
            let issues =
                misspelled_vietnamese_names(source, &names, target, &target_names, |_| false);
            let got: Vec<(&str, &str)> = issues
                .iter()
                .map(|i| match i {
                    CopyIssue::Misspelled {
                        target: t,
                        suggestion,
                        ..
                    } => (&target[t.clone()], suggestion.as_str()),
                    CopyIssue::Absent { .. } => unreachable!("never reported"),
                })
                .collect();
            assert_eq!(&got, expected, "{source} / {target}");
        }
    }

    #[test]
    fn person_names_in_vietnamese_text() {
        let cases: &[(&str, &[&str])] = &[
            ("Thống đốc Nguyễn Thị Hồng cho biết.", &["Nguyễn Thị Hồng"]),
            ("Ông Lê Xuân Nghĩa, chuyên gia.", &["Lê Xuân Nghĩa"]),
            // Four syllables at most.
            ("Bà Tôn Nữ Thị Ninh đến.", &["Tôn Nữ Thị Ninh"]),
            ("Tạp chí Lê Văn Tám Hùng Dũng Mạnh.", &[]),
            // A lone family name is not a name to compare.
            ("Anh Nguyễn đến.", &[]),
            // A foreign token ends the run.
            ("Hồ Chí Minh và Blinken.", &["Hồ Chí Minh"]),
        ];
        for (text, expected) in cases {
            let got = vietnamese_person_names(text, |_| false);
            let got: Vec<&str> = got.iter().map(|c| c.text.as_str()).collect();
            assert_eq!(&got, expected, "{text}");
        }
        // What the glossary matched breaks the run.
        let text = "Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh nói.";
        let ha_noi = text.find("Hà Nội").unwrap()..text.find(" Trần").unwrap();
        let got = vietnamese_person_names(text, |r| r.start < ha_noi.end && ha_noi.start < r.end);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "Trần Sỹ Thanh");
    }
}
