//! Finds names spelled two or more ways across one or several target
//! documents ("Sergei Lavrov" here, "Sergey Lavrov" there) and picks the
//! majority spelling.
//!
//! Grouping is by heads, not by transitive closure: spellings are taken
//! from the most to the least frequent, and each one joins the group of the
//! most similar existing head of which it is a variant (see
//! [`crate::names::variant::classify`]), or becomes a new head. Chaining
//! through a shared misspelling therefore never merges two people: "Bidem"
//! may join "Joe Biden" or "Hunter Biden", but those two stay apart.
//!
//! The majority spelling is the head: the most frequent; on a tie, the one
//! that occurs first in the input. News articles introduce a name in full
//! and with care at its first mention, and first-in-input is deterministic.
//!
//! A surname alone that equals the last token of a full name is the same
//! spelling ("Lavrov" and "Sergei Lavrov" are consistent), but a near miss
//! of it is not ("Lavrow"). Spellings whose letters are all uppercase
//! (headlines, acronyms) are left out: case is a typographic choice there.

use std::collections::HashMap;
use std::ops::Range;

use super::fold::fold_tokens;
use super::index::FuzzyIndex;
use super::similarity::Thresholds;
use super::variant::{classify_with, Variant};

/// One occurrence of a candidate name in a target document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index of the document (article) in the batch.
    pub doc: usize,
    /// Byte range in that document.
    pub span: Range<usize>,
    /// The name as written.
    pub text: String,
}

/// An occurrence of a minority spelling, with how it differs from the
/// majority spelling and what to write instead.
#[derive(Debug, Clone, PartialEq)]
pub struct MinorityOccurrence {
    /// Where and how it is written.
    pub occurrence: Occurrence,
    /// How it relates to the majority spelling.
    pub variant: Variant,
    /// The replacement in the majority spelling: the whole majority name,
    /// its last token (for a surname alone), or this occurrence with its
    /// last token replaced by the majority surname.
    pub suggestion: String,
}

/// One name spelled two or more ways.
#[derive(Debug, Clone, PartialEq)]
pub struct SpellingGroup {
    /// The majority spelling.
    pub majority: String,
    /// How many times it occurs.
    pub majority_count: usize,
    /// Every occurrence of every other spelling, in input order.
    pub minority: Vec<MinorityOccurrence>,
}

fn all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.clone().count() >= 2 && letters.all(char::is_uppercase)
}

struct Spelling<'a> {
    text: &'a str,
    count: usize,
    first: usize,
}

/// A spelling in a group other than the head: its id, how it relates to
/// the head, and the suggestion.
type Member = (usize, Variant, String);

/// How a spelling joins a group.
struct Join {
    group: usize,
    variant: Variant,
    suggestion: String,
}

/// Groups the spellings of `occurrences` that are variants of each other
/// and returns one group per name spelled at least two ways, in order of
/// the majority spelling's first occurrence. Uses the default
/// [`Thresholds`].
pub fn inconsistent_spellings(occurrences: &[Occurrence]) -> Vec<SpellingGroup> {
    inconsistent_spellings_with(occurrences, &Thresholds::default())
}

/// [`inconsistent_spellings`] with the given string-score thresholds.
pub fn inconsistent_spellings_with(
    occurrences: &[Occurrence],
    thresholds: &Thresholds,
) -> Vec<SpellingGroup> {
    inconsistent_spellings_ranked(occurrences, thresholds, |_| 0, |_, _| false)
}

/// [`inconsistent_spellings_with`] where a spelling's `rank` (lower is
/// better) outweighs its frequency when choosing heads — a glossary's
/// preferred rendering is the right spelling however rarely it occurs — and
/// two spellings for which `other_word` holds never group ("Argentina" and
/// "Argentinian" are two words, not two spellings).
pub fn inconsistent_spellings_ranked(
    occurrences: &[Occurrence],
    thresholds: &Thresholds,
    rank: impl Fn(&str) -> usize,
    other_word: impl Fn(&str, &str) -> bool,
) -> Vec<SpellingGroup> {
    let mut by_text: HashMap<&str, usize> = HashMap::new();
    let mut spellings: Vec<Spelling> = Vec::new();
    for (i, occ) in occurrences.iter().enumerate() {
        if all_caps(&occ.text) || fold_tokens(&occ.text).is_empty() {
            continue;
        }
        let id = *by_text.entry(occ.text.as_str()).or_insert_with(|| {
            spellings.push(Spelling {
                text: &occ.text,
                count: 0,
                first: i,
            });
            spellings.len() - 1
        });
        spellings[id].count += 1;
    }
    let mut order: Vec<usize> = (0..spellings.len()).collect();
    order.sort_by_key(|&i| {
        (
            rank(spellings[i].text),
            std::cmp::Reverse(spellings[i].count),
            spellings[i].first,
        )
    });

    let mut heads = FuzzyIndex::empty(*thresholds);
    // Per group: head spelling id, members (spelling id, variant, suggestion).
    let mut groups: Vec<(usize, Vec<Member>)> = Vec::new();
    let mut group_of_form: Vec<usize> = Vec::new();
    for sid in order {
        let text = spellings[sid].text;
        match best_head(&heads, &group_of_form, text, &other_word) {
            Some(join) => groups[join.group]
                .1
                .push((sid, join.variant, join.suggestion)),
            None => {
                let g = groups.len();
                heads.insert(u32::try_from(g).unwrap_or(u32::MAX), text);
                group_of_form.push(g);
                groups.push((sid, Vec::new()));
            }
        }
    }

    let mut out: Vec<(usize, SpellingGroup)> = Vec::new();
    for (head, members) in groups {
        if members.is_empty() {
            continue;
        }
        let join_of: HashMap<&str, (&Variant, &String)> = members
            .iter()
            .map(|(sid, v, s)| (spellings[*sid].text, (v, s)))
            .collect();
        let minority = occurrences
            .iter()
            .filter_map(|occ| {
                join_of
                    .get(occ.text.as_str())
                    .map(|(v, s)| MinorityOccurrence {
                        occurrence: occ.clone(),
                        variant: **v,
                        suggestion: (*s).clone(),
                    })
            })
            .collect();
        out.push((
            spellings[head].first,
            SpellingGroup {
                majority: spellings[head].text.to_string(),
                majority_count: spellings[head].count,
                minority,
            },
        ));
    }
    out.sort_by_key(|(first, _)| *first);
    out.into_iter().map(|(_, g)| g).collect()
}

/// The most similar head `text` is a variant of, in either direction: the
/// head as rendering (same-length names, a surname alone against a full
/// name), or `text` as the full name of which a lone head token is a near
/// miss of the surname.
fn best_head(
    heads: &FuzzyIndex,
    group_of_form: &[usize],
    text: &str,
    other_word: &dyn Fn(&str, &str) -> bool,
) -> Option<Join> {
    let mut best: Option<Join> = None;
    let mut consider = |join: Join| {
        let better = match &best {
            None => true,
            Some(b) => {
                join.variant.score > b.variant.score
                    || (join.variant.score == b.variant.score && join.group < b.group)
            }
        };
        if better {
            best = Some(join);
        }
    };
    for (_, form, variant) in heads.lookup(text) {
        let Some(head) = heads.form(form).filter(|head| !other_word(head, text)) else {
            continue;
        };
        consider(Join {
            group: group_of_form.get(form).copied().unwrap_or(usize::MAX),
            variant,
            suggestion: variant.suggestion(head).to_string(),
        });
    }
    // Reverse direction: a lone head token near this name's last token.
    let tokens = fold_tokens(text);
    if let Some(last) = tokens.last().filter(|_| tokens.len() >= 2) {
        let last_text = text.get(last.span.clone()).unwrap_or("");
        for (_, form, _) in heads.lookup(last_text) {
            let Some(head) = heads.form(form).filter(|head| !other_word(head, last_text)) else {
                continue;
            };
            if fold_tokens(head).len() != 1 {
                continue;
            }
            if let Some(variant) = classify_with(head, text, heads.thresholds()) {
                let suggestion = format!(
                    "{}{}{}",
                    &text[..last.span.start],
                    head,
                    &text[last.span.end..]
                );
                consider(Join {
                    group: group_of_form.get(form).copied().unwrap_or(usize::MAX),
                    variant: Variant {
                        part: None,
                        ..variant
                    },
                    suggestion,
                });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn occ(doc: usize, texts: &[&str]) -> Vec<Occurrence> {
        let mut pos = 0;
        texts
            .iter()
            .map(|t| {
                let o = Occurrence {
                    doc,
                    span: pos..pos + t.len(),
                    text: t.to_string(),
                };
                pos += t.len() + 1;
                o
            })
            .collect()
    }

    fn summary(groups: &[SpellingGroup]) -> Vec<(String, Vec<(String, String)>)> {
        groups
            .iter()
            .map(|g| {
                (
                    g.majority.clone(),
                    g.minority
                        .iter()
                        .map(|m| (m.occurrence.text.clone(), m.suggestion.clone()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn groups_romanizations_and_picks_majority() {
        let o = occ(
            0,
            &[
                "Sergei Lavrov",
                "Lavrov",
                "Sergey Lavrov",
                "Sergei Lavrov",
                "Lavrov",
            ],
        );
        let g = inconsistent_spellings(&o);
        assert_eq!(
            summary(&g),
            [(
                "Sergei Lavrov".to_string(),
                vec![("Sergey Lavrov".to_string(), "Sergei Lavrov".to_string())]
            )]
        );
        assert_eq!(g[0].majority_count, 2);
        assert_eq!(g[0].minority[0].occurrence.span, o[2].span);
    }

    #[test]
    fn surname_alone_near_miss() {
        let o = occ(0, &["Sergei Lavrov", "Lavrow", "Sergei Lavrov"]);
        assert_eq!(
            summary(&inconsistent_spellings(&o)),
            [(
                "Sergei Lavrov".to_string(),
                vec![("Lavrow".to_string(), "Lavrov".to_string())]
            )]
        );
        // The lone spelling is the majority: the full name is the minority,
        // with its surname replaced.
        let o = occ(0, &["Lavrow", "Lavrow", "Sergei Lavrov"]);
        assert_eq!(
            summary(&inconsistent_spellings(&o)),
            [(
                "Lavrow".to_string(),
                vec![("Sergei Lavrov".to_string(), "Sergei Lavrow".to_string())]
            )]
        );
    }

    #[test]
    fn ties_go_to_the_first_occurrence() {
        let o = occ(0, &["Kim Jong-un", "Kim Jong Un"]);
        assert_eq!(inconsistent_spellings(&o)[0].majority, "Kim Jong-un");
        let o = occ(0, &["Kim Jong Un", "Kim Jong-un"]);
        assert_eq!(inconsistent_spellings(&o)[0].majority, "Kim Jong Un");
    }

    #[test]
    fn rank_outweighs_frequency() {
        let o = occ(0, &["Sergey Lavrov", "Sergei Lavrov", "Sergey Lavrov"]);
        let preferred_first = |t: &str| usize::from(t != "Sergei Lavrov");
        let g =
            inconsistent_spellings_ranked(&o, &Thresholds::default(), preferred_first, |_, _| {
                false
            });
        assert_eq!(
            summary(&g),
            [(
                "Sergei Lavrov".to_string(),
                vec![
                    ("Sergey Lavrov".to_string(), "Sergei Lavrov".to_string()),
                    ("Sergey Lavrov".to_string(), "Sergei Lavrov".to_string())
                ]
            )]
        );
        // Without ranks the majority wins.
        assert_eq!(inconsistent_spellings(&o)[0].majority, "Sergey Lavrov");
    }

    #[test]
    fn distinct_people_never_group() {
        let o = occ(
            0,
            &[
                "Joe Biden",
                "Hunter Biden",
                "Biden",
                "Kim Jong Un",
                "Kim Yo Jong",
                "Kim Jong Il",
                "George Bush",
                "George W. Bush",
                "Nguyen Phu Trong",
                "Nguyen Xuan Phuc",
                "Austria",
                "Australia",
                "Iran",
                "Iraq",
                "Korea",
                "Korean",
                "North Korea",
                "South Korea",
                "Pham",
                "Phan",
                "Le",
                "Ly",
                "Sudan",
                "South Sudan",
            ],
        );
        assert!(inconsistent_spellings(&o).is_empty());
    }

    #[test]
    fn a_shared_misspelling_does_not_chain_people() {
        let o = occ(
            0,
            &["Joe Biden", "Joe Biden", "Hunter Biden", "Hunter Bidden"],
        );
        let g = inconsistent_spellings(&o);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].majority, "Hunter Biden");
        assert_eq!(g[0].minority.len(), 1);
    }

    #[test]
    fn across_documents_and_all_caps() {
        let mut o = occ(0, &["Volodymyr Zelensky", "Zelensky"]);
        o.extend(occ(1, &["Volodymyr Zelenskyy", "Zelensky", "ZELENSKYY"]));
        let g = inconsistent_spellings(&o);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].majority, "Volodymyr Zelensky");
        assert_eq!(g[0].minority.len(), 1);
        assert_eq!(g[0].minority[0].occurrence.doc, 1);
        assert!(inconsistent_spellings(&[]).is_empty());
    }

    #[test]
    fn every_table_variant_is_inconsistent_and_no_distinct_pair_is() {
        use crate::names::variant::tests::{DISTINCT, VARIANTS};
        for (c, r, ..) in VARIANTS {
            if all_caps(c) || all_caps(r) {
                continue;
            }
            let g = inconsistent_spellings(&occ(0, &[r, r, c]));
            assert_eq!(g.len(), 1, "{c} vs {r}");
        }
        for (a, b) in DISTINCT {
            assert!(
                inconsistent_spellings(&occ(0, &[a, b])).is_empty(),
                "{a} / {b}"
            );
            assert!(
                inconsistent_spellings(&occ(0, &[b, a])).is_empty(),
                "{b} / {a}"
            );
        }
        // All distinct names in one article: no cross-pair groups either.
        let all: Vec<&str> = DISTINCT.iter().flat_map(|(a, b)| [*a, *b]).collect();
        let groups = inconsistent_spellings(&occ(0, &all));
        let got: Vec<_> = summary(&groups);
        assert!(groups.is_empty(), "{got:?}");
    }
}
