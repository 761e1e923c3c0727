//! Foreign names that a Vietnamese source keeps in Latin script ("Sergei
//! Lavrov", "Boeing", "Takeshi Iwaya") must reach the translation as
//! written. [`copy_issues`] compares the foreign names of a source block
//! (found by [`crate::names::candidates::foreign_names`]) with the names of
//! the aligned target block and says which are misspelled or absent.
//!
//! A source name counts as present when the target has
//! * the same name up to case, diacritics, hyphens, spacing or
//!   romanization ("Kim Jong Un" for "Kim Jong-un", "WiFi" for "Wi-Fi",
//!   "Mary" for "Mari"): without a glossary entry, those are the English
//!   house style's to decide, not the source's;
//! * a derived form: the last token with a demonym or plural ending
//!   ("Indonesian President" for "Indonesia", "Ukrainian" for "Ukraine");
//! * one of its tokens of three letters or more on its own, capitalized (a
//!   surname alone, "Iwaya", or the family name of an East Asian name,
//!   "Kim").
//!
//! A target name is a misspelling of a source name when it is not itself
//! written in the source and either is a spelling variant by
//! [`crate::names::variant::classify_with`] (an edit or a wrong syllable,
//! not a matter of style), or has the same number of tokens with exactly
//! one token one edit off (same first letter, five letters or more:
//! "Takeshi Iwata" for "Takeshi Iwaya"), or is that token alone ("Iwata").
//! The one-edit rule is looser than the glossary-free classifier because
//! here the source says which name is meant: the translation has something
//! one letter away from it. Misspellings are looked for even when the name
//! is also present, since a name spelled right once and wrong once is still
//! wrong once.
//!
//! A name is absent only when nothing in the target resembles it: a
//! capitalized target word close to one of its tokens ([`ABSENT_JW_MIN`])
//! means the translator wrote the name — the source's own typo ("Singapre",
//! "Bonstom" in the Tatoeba corpus) is not the translation's problem.

use std::ops::Range;

use super::candidates::NameCandidate;
use super::fold::{contains_name, fold_tokens, FoldedToken};
use super::similarity::{token_similarity, Thresholds};
use super::variant::{classify_with, is_derivation, VariantReason};

/// Minimum length of the token that may be one edit off in the one-edit
/// rule: at four letters a single change is as often another word
/// (Tusk/Task, Mali/Male) as a typo.
pub const COPY_EDIT_MIN_CHARS: usize = 5;

/// Jaro-Winkler from which a capitalized target word counts as the
/// translator's rendering of a name token, so that the name is not
/// reported absent: "Singapore" for the source typo "Singapre" (0.98),
/// "Boston" for "Bonstom" (0.88), "Durexes" for "Duex" (0.89). Unrelated
/// names score lower (Sybiha/Syria 0.82, Iwaya/Japan 0.6).
pub const ABSENT_JW_MIN: f64 = 0.85;

/// What is wrong with a foreign name of the source in its translation.
#[derive(Debug, Clone, PartialEq)]
pub enum CopyIssue {
    /// The target writes the name another way.
    Misspelled {
        /// Byte range of the name in the source text.
        source: Range<usize>,
        /// Byte range of the misspelling in the target text.
        target: Range<usize>,
        /// The source spelling to use (the whole name, or the token that a
        /// lone target token stands for).
        suggestion: String,
    },
    /// The name is nowhere in the target.
    Absent {
        source: Range<usize>,
        /// The name as the source writes it.
        name: String,
    },
}

impl CopyIssue {
    /// The issue with its ranges moved forward by `source` and `target`
    /// bytes (from a window of a block to the whole block).
    pub fn moved(self, source: usize, target: usize) -> CopyIssue {
        let by = |r: Range<usize>, d: usize| r.start + d..r.end + d;
        match self {
            CopyIssue::Misspelled {
                source: s,
                target: t,
                suggestion,
            } => CopyIssue::Misspelled {
                source: by(s, source),
                target: by(t, target),
                suggestion,
            },
            CopyIssue::Absent { source: s, name } => CopyIssue::Absent {
                source: by(s, source),
                name,
            },
        }
    }
}

/// The foreign names of a source block that are misspelled in or absent
/// from the target block. `source_names` are the foreign names to check
/// (acronyms are skipped: Vietnamese abbreviations such as UBND are
/// translated, not copied); `target_names` the candidate names of the
/// target, of which `skip` says which belong to other rules (glossary
/// renderings and their near-misses). `english` enables English demonyms
/// ("Italy" → "Italian").
pub fn copy_issues(
    source: &str,
    source_names: &[NameCandidate],
    target: &str,
    target_names: &[NameCandidate],
    skip: impl Fn(&NameCandidate) -> bool,
    english: bool,
    thresholds: &Thresholds,
) -> Vec<CopyIssue> {
    let source_tokens = fold_tokens(source);
    let target_tokens = fold_tokens(target);
    // Target names that could be misspellings: not acronyms, not another
    // rule's, not a name the source writes itself.
    let suspects: Vec<(&NameCandidate, Vec<FoldedToken>)> = target_names
        .iter()
        .filter(|c| !c.acronym && !skip(c))
        .map(|c| (c, fold_tokens(&c.text)))
        .filter(|(_, toks)| !toks.is_empty() && !contains_name(&source_tokens, toks))
        .collect();
    // Every capitalized target word, the glossary's included, for the
    // resemblance that rules out "absent".
    let capitalized: Vec<&str> = target_tokens
        .iter()
        .filter_map(|t| {
            let word = target.get(t.span.clone())?;
            word.chars()
                .next()
                .is_some_and(char::is_uppercase)
                .then_some(t.folded.as_str())
        })
        .collect();
    let mut out = Vec::new();
    let mut seen_names: Vec<String> = Vec::new();
    let mut reported_targets: Vec<Range<usize>> = Vec::new();
    for name in source_names.iter().filter(|n| !n.acronym) {
        let tokens = fold_tokens(&name.text);
        if tokens.is_empty() {
            continue;
        }
        let key = super::fold::fold(&name.text);
        if seen_names.contains(&key) {
            continue;
        }
        seen_names.push(key);
        let mut misspelled = false;
        for (cand, cand_tokens) in &suspects {
            if reported_targets.contains(&cand.span) {
                continue;
            }
            if let Some((target, suggestion)) =
                misspelling_of(cand, cand_tokens, name, &tokens, thresholds)
            {
                misspelled = true;
                reported_targets.push(cand.span.clone());
                out.push(CopyIssue::Misspelled {
                    source: name.span.clone(),
                    target,
                    suggestion,
                });
            }
        }
        let present = contains_name(&target_tokens, &tokens)
            || contains_squashed(&target_tokens, &tokens)
            || derived_present(&target_tokens, &tokens, english)
            || target_names
                .iter()
                .any(|c| is_style_variant(&c.text, &name.text, thresholds))
            || resembled(&capitalized, &tokens);
        if !present && !misspelled {
            out.push(CopyIssue::Absent {
                source: name.span.clone(),
                name: name.text.clone(),
            });
        }
    }
    out
}

/// Where and how `cand` misspells the source name `name`: the target range
/// (the whole candidate, or the part of a longer run that lines up with the
/// name: "Valdis Dombroskis" in "Climate Czar Valdis Dombroskis") and the
/// suggestion.
fn misspelling_of(
    cand: &NameCandidate,
    cand_tokens: &[FoldedToken],
    name: &NameCandidate,
    name_tokens: &[FoldedToken],
    thresholds: &Thresholds,
) -> Option<(Range<usize>, String)> {
    if let Some(suggestion) = misspelled_as(&cand.text, cand_tokens, name, name_tokens, thresholds)
    {
        return Some((cand.span.clone(), suggestion));
    }
    // A longer run: each stretch of as many tokens as the name has (runs
    // keep unknown titles in front of names).
    if name_tokens.len() < 2 || cand_tokens.len() <= name_tokens.len() {
        return None;
    }
    cand_tokens.windows(name_tokens.len()).find_map(|w| {
        let start = w.first()?.span.start;
        let end = w.last()?.span.end;
        let text = cand.text.get(start..end)?;
        let tokens = fold_tokens(text);
        misspelled_as(text, &tokens, name, name_tokens, thresholds)
            .map(|s| (cand.span.start + start..cand.span.start + end, s))
    })
}

/// The suggestion when the target name `text` misspells the source name.
fn misspelled_as(
    text: &str,
    tokens: &[FoldedToken],
    name: &NameCandidate,
    name_tokens: &[FoldedToken],
    thresholds: &Thresholds,
) -> Option<String> {
    if let Some(v) = classify_with(text, &name.text, thresholds) {
        return match v.reason {
            VariantReason::Spelling | VariantReason::WrongToken => {
                Some(v.suggestion(&name.text).to_string())
            }
            // Style, not spelling: see the module doc.
            VariantReason::Spacing | VariantReason::Diacritics | VariantReason::Romanization => {
                None
            }
        };
    }
    if tokens.len() == name_tokens.len() {
        let differing: Vec<(&FoldedToken, &FoldedToken)> = tokens
            .iter()
            .zip(name_tokens)
            .filter(|(a, b)| a.folded != b.folded)
            .collect();
        if let [(a, b)] = differing.as_slice() {
            if one_edit(&a.folded, &b.folded) {
                return Some(name.text.clone());
            }
        }
        return None;
    }
    // A lone target token for the source name's last token.
    if let ([only], [.., last]) = (tokens, name_tokens) {
        if one_edit(&only.folded, &last.folded) {
            return name.text.get(last.span.clone()).map(str::to_string);
        }
    }
    None
}

/// One edit apart, same first letter, long enough, and not a derivation of
/// each other (Lavrov/Lavrova).
fn one_edit(a: &str, b: &str) -> bool {
    let long_enough = a.chars().count().min(b.chars().count()) >= COPY_EDIT_MIN_CHARS;
    long_enough
        && a.chars().next() == b.chars().next()
        && !is_derivation(a, b)
        && strsim::damerau_levenshtein(a, b) == 1
        && token_similarity(a, b) < 1.0
}

/// The name with its last token derived: "Indonesian" for "Indonesia",
/// "Ukrainian" for "Ukraine", "Italian" for "Italy".
fn derived_present(target: &[FoldedToken], name: &[FoldedToken], english: bool) -> bool {
    let Some((last, head)) = name.split_last() else {
        return false;
    };
    let demonyms: Vec<String> = if english {
        crate::lang::en::demonyms(&last.folded)
    } else {
        Vec::new()
    };
    target.windows(name.len()).any(|w| {
        let (w_last, w_head) = w.split_last().unwrap_or((&w[0], &[]));
        w_head.iter().zip(head).all(|(a, b)| a.folded == b.folded)
            && ((is_derivation(&last.folded, &w_last.folded)
                && w_last.folded.len() > last.folded.len())
                || demonyms.contains(&w_last.folded))
    })
}

/// The name written with other spacing: its tokens run together equal a
/// run of target tokens run together ("WiFi" for "Wi-Fi", "Kim Jongun").
fn contains_squashed(target: &[FoldedToken], name: &[FoldedToken]) -> bool {
    let squashed: String = name.iter().map(|t| t.folded.as_str()).collect();
    (0..target.len()).any(|start| {
        let mut run = String::new();
        for t in &target[start..] {
            run.push_str(&t.folded);
            if run.len() >= squashed.len() {
                break;
            }
        }
        run == squashed
    })
}

/// The target name is the source name in another house style: spacing,
/// diacritics or romanization ("Mary" for the Vietnamese "Mari").
fn is_style_variant(cand: &str, name: &str, thresholds: &Thresholds) -> bool {
    classify_with(cand, name, thresholds).is_some_and(|v| {
        matches!(
            v.reason,
            VariantReason::Spacing | VariantReason::Diacritics | VariantReason::Romanization
        )
    })
}

/// Some capitalized target word is, or is close to, one of the name's
/// tokens of three letters or more: the surname alone ("Iwaya"), a family
/// name ("Kim"), or the translator's spelling of a source typo.
fn resembled(capitalized: &[&str], name: &[FoldedToken]) -> bool {
    name.iter()
        .filter(|part| part.folded.chars().count() >= 3)
        .any(|part| {
            capitalized.iter().any(|w| {
                *w == part.folded || strsim::jaro_winkler(w, &part.folded) >= ABSENT_JW_MIN
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::candidates::{candidates, foreign_names};

    /// (source, target, expected issues as "misspelled FOUND -> SUGGESTION"
    /// or "absent NAME").
    const CASES: &[(&str, &str, &[&str])] = &[
        // Present as written, up to style, derived, or in part.
        (
            "Ngoại trưởng Nhật Bản Takeshi Iwaya phát biểu.",
            "Japanese Foreign Minister Takeshi Iwaya spoke.",
            &[],
        ),
        (
            "Nhà lãnh đạo Kim Jong-un thị sát.",
            "Leader Kim Jong Un inspected.",
            &[],
        ),
        (
            "Tổng thống Indonesia phát biểu.",
            "The Indonesian President spoke.",
            &[],
        ),
        (
            "Tổng thống Ukraine Volodymyr Zelensky nói.",
            "Ukrainian President Volodymyr Zelensky said.",
            &[],
        ),
        ("Ông Blinken nói.", "Blinken said.", &[]),
        ("Ngoại trưởng Antony Blinken nói.", "Blinken said.", &[]),
        ("Hãng Boeing giao máy bay.", "Boeing delivered planes.", &[]),
        (
            "Hãng Boeing giao 10 máy bay.",
            "Boeing's deliveries fell.",
            &[],
        ),
        (
            "Tổng thống Recep Tayyip Erdoğan nói.",
            "President Recep Tayyip Erdogan said.",
            &[],
        ),
        // Misspelled.
        (
            "Ngoại trưởng Nhật Bản Takeshi Iwaya phát biểu.",
            "Japanese Foreign Minister Takeshi Iwata spoke.",
            &["misspelled Takeshi Iwata -> Takeshi Iwaya"],
        ),
        (
            "Ngoại trưởng Andrii Sybiha nói.",
            "Foreign Minister Andrii Sybiga said.",
            &["misspelled Andrii Sybiga -> Andrii Sybiha"],
        ),
        // Another romanization, spacing or diacritics is house style.
        (
            "Ngoại trưởng Andrii Sybiha nói.",
            "Foreign Minister Andriy Sybiha said.",
            &[],
        ),
        (
            "Bạn phát âm từ \"WiFi\" thế nào?",
            "How do you say \"Wi-Fi\"?",
            &[],
        ),
        ("Giăng đuổi theo Mari.", "John chased Mary.", &[]),
        // A typo in the source: the translation wrote the name (the
        // glossary's "Singapore").
        ("Tại Singapre, trời mưa.", "In Singapore, it rained.", &[]),
        (
            "Tom không thích lái xe ở Bonstom.",
            "Tom doesn't like driving in Boston.",
            &[],
        ),
        (
            "Ông Jens Stoltenberg nói.",
            "Mr. Stoltenburg said.",
            &["misspelled Stoltenburg -> Stoltenberg"],
        ),
        (
            "Ông Takeshi Iwaya nói.",
            "Takeshi Iwaya said. Iwata added.",
            &["misspelled Iwata -> Iwaya"],
        ),
        (
            "Ủy viên châu Âu Valdis Dombrovskis nói.",
            "Climate Czar Valdis Dombroskis said.",
            &["misspelled Valdis Dombroskis -> Valdis Dombrovskis"],
        ),
        (
            "Hãng Boeing giao máy bay.",
            "The planes came from Boeng.",
            &["misspelled Boeng -> Boeing"],
        ),
        // Absent.
        (
            "Ngoại trưởng Nhật Bản Takeshi Iwaya phát biểu.",
            "Japan's foreign minister spoke.",
            &["absent Takeshi Iwaya"],
        ),
        // Look-alikes that are other people, and names the source writes.
        (
            "Ông Joe Biden và con trai Hunter Biden.",
            "Joe Biden and his son Hunter Biden.",
            &[],
        ),
        (
            "Ông Kim Jong Un và em gái Kim Yo Jong.",
            "Kim Jong Un and his sister Kim Yo Jong.",
            &[],
        ),
        (
            "Ông Donald Tusk gặp Donald Trump.",
            "Donald Tusk met Donald Trump.",
            &[],
        ),
        // Acronyms are translated, not copied.
        (
            "UBND tỉnh họp.",
            "The provincial People's Committee met.",
            &[],
        ),
    ];

    /// Target names the glossary renders: other rules' business.
    const GLOSSARY_RENDERINGS: &[&str] = &["Singapore"];

    fn run(source: &str, target: &str) -> Vec<String> {
        let names = foreign_names(source);
        let targets = candidates(target);
        copy_issues(
            source,
            &names,
            target,
            &targets,
            |c| GLOSSARY_RENDERINGS.contains(&c.text.as_str()),
            true,
            &Thresholds::default(),
        )
        .into_iter()
        .map(|i| match i {
            CopyIssue::Misspelled {
                target: t,
                suggestion,
                ..
            } => format!("misspelled {} -> {suggestion}", &target[t]),
            CopyIssue::Absent { name, .. } => format!("absent {name}"),
        })
        .collect()
    }

    #[test]
    fn copy_table() {
        let mut wrong = Vec::new();
        for (source, target, want) in CASES {
            let got = run(source, target);
            if got != *want {
                wrong.push(format!(
                    "{source:?} / {target:?}: got {got:?}, want {want:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn skipped_target_names_are_not_suspects() {
        let source = "Ông Takeshi Iwaya nói.";
        let target = "Takeshi Iwata said.";
        let issues = copy_issues(
            source,
            &foreign_names(source),
            target,
            &candidates(target),
            |c| c.text == "Takeshi Iwata",
            true,
            &Thresholds::default(),
        );
        // Not a misspelling any more: only "Takeshi" is left, which counts
        // as the name in part.
        assert!(issues.is_empty(), "{issues:?}");
    }

    #[test]
    fn one_edit_rule() {
        assert!(one_edit("iwata", "iwaya"));
        assert!(!one_edit("tusk", "task"));
        assert!(!one_edit("lavrov", "lavrova"));
        assert!(!one_edit("harris", "morris"));
        assert!(!one_edit("kirby", "kerry"));
        assert!(!one_edit("iwaya", "iwaya"));
    }
}
