//! Paragraph alignment: pairs source and target paragraphs so that a dropped
//! or split paragraph does not shift every later finding.
//!
//! Equal paragraph counts with plausible lengths align 1:1. Otherwise a
//! dynamic program in the spirit of Gale & Church scores 1:1, 1:2, 2:1, 1:0
//! and 0:1 steps by length ratio and by shared anchors (numbers and
//! Latin-script names, which survive translation unchanged).

use std::ops::Range;

use crate::names::syllable::is_foreign_word;

/// An aligned block: consecutive source paragraphs and the consecutive
/// target paragraphs that translate them. Either side may be empty.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Block {
    pub source: Range<usize>,
    pub target: Range<usize>,
}

/// What the aligner needs to know about a paragraph.
#[derive(Debug, Clone, Default)]
pub struct ParagraphFeatures {
    pub chars: usize,
    /// Digit strings (separators removed), foreign names (lowercased) and
    /// glossary entries (`#index`).
    pub anchors: Vec<String>,
    /// Hash of the case-folded text: an untranslated paragraph is identical
    /// to its source, which is the strongest anchor of all.
    pub fingerprint: u64,
}

impl ParagraphFeatures {
    /// Features of a normalized paragraph; `entries` are the glossary
    /// entries found in it, which make the strongest anchors.
    pub fn of(text: &str, entries: impl IntoIterator<Item = usize>) -> ParagraphFeatures {
        let mut anchors = Vec::new();
        let mut digits = String::new();
        let mut chars = text.chars().peekable();
        let mut count = 0;
        while let Some(c) = chars.next() {
            count += 1;
            if c.is_ascii_digit() {
                digits.push(c);
                // Thousands and decimal separators differ between languages.
                if matches!(chars.peek(), Some('.' | ',')) {
                    continue;
                }
            } else if matches!(c, '.' | ',')
                && !digits.is_empty()
                && chars.peek().is_some_and(char::is_ascii_digit)
            {
                continue;
            } else if !digits.is_empty() {
                anchors.push(std::mem::take(&mut digits));
            }
        }
        if !digits.is_empty() {
            anchors.push(digits);
        }
        for word in crate::lang::words_of(text) {
            if word.len() >= 3
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.is_ascii()
                && !word.chars().all(|c| c.is_ascii_uppercase())
                && is_foreign_word(word)
            {
                anchors.push(word.to_ascii_lowercase());
            }
        }
        anchors.extend(entries.into_iter().map(|e| format!("#{e}")));
        anchors.sort();
        anchors.dedup();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&crate::normalize::fold_case(text), &mut hasher);
        ParagraphFeatures {
            chars: count,
            anchors,
            fingerprint: std::hash::Hasher::finish(&hasher),
        }
    }
}

// Step costs are negative log priors as in Gale & Church (1993): most
// paragraphs translate 1:1, merges and splits are rarer, drops rarer still.
const ONE_TO_ONE_COST: f64 = 0.12;
const MERGE_COST: f64 = 2.4;
/// Extra cost when one of two merged paragraphs is tiny next to the other:
/// translators split or join paragraphs of comparable size, while a short
/// line (a headline, a caption) next to a long one was dropped or added.
const LOPSIDED_MERGE_COST: f64 = 2.5;
const LOPSIDED_SHARE: f64 = 0.4;
const SKIP_COST: f64 = 4.6;
/// Variance of target length per source character (Gale & Church's 6.8).
const LENGTH_VARIANCE: f64 = 6.8;
/// Anchors (shared numbers, names, glossary entries) weigh about as much as
/// a two-standard-deviation length mismatch.
const ANCHOR_WEIGHT: f64 = 2.5;
/// Anchor cost when neither side has anything to compare.
const NEUTRAL_ANCHOR_COST: f64 = 0.5;
/// -log P(|delta| > 3).
const PLAUSIBLE_LENGTH_COST: f64 = 5.9;
/// Full dynamic programs above this many cells use a diagonal band.
const FULL_DP_CELLS: usize = 4_000_000;
const MAX_BAND_CELLS: usize = 40_000_000;

pub fn align(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> Vec<Block> {
    let (n, m) = (source.len(), target.len());
    let ratio = initial_ratio(source, target);
    // Equal counts align 1:1 unless some pair's lengths are implausible (a
    // deviation beyond three standard deviations).
    if n == m
        && (0..n)
            .all(|i| length_cost(source[i].chars, target[i].chars, ratio) <= PLAUSIBLE_LENGTH_COST)
    {
        return (0..n)
            .map(|i| Block {
                source: i..i + 1,
                target: i..i + 1,
            })
            .collect();
    }
    let band = if n * m <= FULL_DP_CELLS {
        usize::MAX
    } else {
        let band = n.abs_diff(m) + 64;
        if n.max(m).saturating_mul(2 * band + 1) > MAX_BAND_CELLS {
            return diagonal(n, m);
        }
        band
    };
    let first = dynamic(source, target, ratio, band);
    // A dropped or split paragraph skews the first estimate; the median over
    // the 1:1 blocks found is robust against both.
    match median_ratio(&first, source, target) {
        Some(better) if (better / ratio).ln().abs() > 0.05 => dynamic(source, target, better, band),
        _ => first,
    }
}

/// Target/source length ratio from mean paragraph lengths, clamped to a
/// plausible range.
fn initial_ratio(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> f64 {
    let mean = |p: &[ParagraphFeatures]| {
        p.iter().map(|f| f.chars).sum::<usize>() as f64 / p.len().max(1) as f64
    };
    let (s, t) = (mean(source), mean(target));
    if s > 0.0 && t > 0.0 {
        (t / s).clamp(0.3, 3.0)
    } else {
        1.0
    }
}

fn median_ratio(
    blocks: &[Block],
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
) -> Option<f64> {
    let mut ratios: Vec<f64> = blocks
        .iter()
        .filter(|b| b.source.len() == 1 && b.target.len() == 1)
        .map(|b| {
            target[b.target.start].chars.max(1) as f64 / source[b.source.start].chars.max(1) as f64
        })
        .collect();
    if ratios.len() < 3 {
        return None;
    }
    ratios.sort_by(f64::total_cmp);
    Some(ratios[ratios.len() / 2].clamp(0.3, 3.0))
}

/// -log of the probability of a length deviation at least this large,
/// with the deviation normalized by the source length (Gale & Church).
fn length_cost(s: usize, t: usize, ratio: f64) -> f64 {
    let (s, t) = (s as f64, t as f64);
    let delta = (t - s * ratio) / (s.max(1.0) * LENGTH_VARIANCE).sqrt();
    let p = erfc(delta.abs() / std::f64::consts::SQRT_2);
    (-p.max(1e-12).ln()).min(30.0)
}

/// Complementary error function (Numerical Recipes' erfcc, |error| < 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let r = t
        * (-z * z - 1.265_512_23
            + t * (1.000_023_68
                + t * (0.374_091_96
                    + t * (0.096_784_18
                        + t * (-0.186_288_06
                            + t * (0.278_868_07
                                + t * (-1.135_203_98
                                    + t * (1.488_515_87
                                        + t * (-0.822_152_23 + t * 0.170_872_77)))))))))
            .exp();
    if x >= 0.0 {
        r
    } else {
        2.0 - r
    }
}

fn pair_cost(source: &[ParagraphFeatures], target: &[ParagraphFeatures], ratio: f64) -> f64 {
    if let ([s], [t]) = (source, target) {
        if s.fingerprint == t.fingerprint {
            return 0.0;
        }
    }
    let s: usize = source.iter().map(|f| f.chars).sum();
    let t: usize = target.iter().map(|f| f.chars).sum();
    let src: Vec<&String> = source.iter().flat_map(|f| &f.anchors).collect();
    let in_source = |a: &String| src.contains(&a);
    // Target-side anchors that could have a counterpart: numbers, glossary
    // entries, and names the source also has (English capitalized words
    // would otherwise swamp the measure).
    let tgt: Vec<&String> = target
        .iter()
        .flat_map(|f| &f.anchors)
        .filter(|a| a.starts_with(|c: char| c.is_ascii_digit() || c == '#') || in_source(a))
        .collect();
    let anchor = if src.is_empty() && tgt.is_empty() {
        NEUTRAL_ANCHOR_COST
    } else {
        let shared = src.iter().filter(|a| tgt.contains(a)).count();
        1.0 - 2.0 * shared as f64 / (src.len() + tgt.len()) as f64
    };
    length_cost(s, t, ratio) + ANCHOR_WEIGHT * anchor
}

#[derive(Clone, Copy)]
enum Step {
    Start,
    Pair(usize, usize),
}

fn dynamic(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    ratio: f64,
    band: usize,
) -> Vec<Block> {
    let (n, m) = (source.len(), target.len());
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![Step::Start; (n + 1) * width];
    cost[0] = 0.0;
    let in_band = |i: usize, j: usize| {
        band == usize::MAX || {
            let expected = (i * m).checked_div(n).unwrap_or(0);
            expected.abs_diff(j) <= band
        }
    };
    for i in 0..=n {
        for j in 0..=m {
            if (i, j) == (0, 0) || !in_band(i, j) {
                continue;
            }
            let mut best = f64::INFINITY;
            let mut step = Step::Start;
            for (di, dj) in [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)] {
                if i < di || j < dj {
                    continue;
                }
                let prev = cost[(i - di) * width + (j - dj)];
                if !prev.is_finite() {
                    continue;
                }
                let c = match (di, dj) {
                    (1, 0) | (0, 1) => SKIP_COST,
                    (1, 1) => {
                        pair_cost(&source[i - 1..i], &target[j - 1..j], ratio) + ONE_TO_ONE_COST
                    }
                    _ => {
                        let merged = if di == 2 {
                            &source[i - 2..i]
                        } else {
                            &target[j - 2..j]
                        };
                        pair_cost(&source[i - di..i], &target[j - dj..j], ratio)
                            + MERGE_COST
                            + lopsided_merge_cost(merged)
                    }
                };
                if prev + c < best {
                    best = prev + c;
                    step = Step::Pair(di, dj);
                }
            }
            cost[i * width + j] = best;
            back[i * width + j] = step;
        }
    }
    let mut blocks = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Step::Pair(di, dj) = back[i * width + j] else {
            // Unreachable cell (outside the band): fall back to the diagonal.
            return diagonal(n, m);
        };
        blocks.push(Block {
            source: i - di..i,
            target: j - dj..j,
        });
        i -= di;
        j -= dj;
    }
    blocks.reverse();
    blocks
}

fn lopsided_merge_cost(merged: &[ParagraphFeatures]) -> f64 {
    let (small, large) = match merged {
        [a, b] => (a.chars.min(b.chars), a.chars.max(b.chars)),
        _ => return 0.0,
    };
    if (small as f64) < LOPSIDED_SHARE * large as f64 {
        LOPSIDED_MERGE_COST
    } else {
        0.0
    }
}

/// Proportional 1:1 pairing for inputs too large for the dynamic program;
/// every paragraph still appears exactly once.
fn diagonal(n: usize, m: usize) -> Vec<Block> {
    let k = n.min(m);
    let mut blocks: Vec<Block> = (0..k)
        .map(|i| Block {
            source: i..i + 1,
            target: i..i + 1,
        })
        .collect();
    blocks.extend((k..n).map(|i| Block {
        source: i..i + 1,
        target: m..m,
    }));
    blocks.extend((k..m).map(|j| Block {
        source: n..n,
        target: j..j + 1,
    }));
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(texts: &[&str]) -> Vec<ParagraphFeatures> {
        // The glossary entry "Vietnam" appears in the 1st and 4th paragraphs.
        texts
            .iter()
            .map(|t| {
                ParagraphFeatures::of(
                    t,
                    (t.contains("Việt Nam") || t.contains("Vietnam")).then_some(7),
                )
            })
            .collect()
    }

    fn shape(blocks: &[Block]) -> Vec<(usize, usize)> {
        blocks
            .iter()
            .map(|b| (b.source.len(), b.target.len()))
            .collect()
    }

    const VI: [&str; 5] = [
        "Ngoại trưởng Sergei Lavrov tới Hà Nội ngày 14/2 trong chuyến thăm kéo dài hai ngày theo lời mời của phía Việt Nam.",
        "Hai bên đã ký 12 văn kiện hợp tác về năng lượng, giáo dục và y tế, trị giá khoảng 3,5 tỷ USD.",
        "Ông Lavrov cho biết Moskva coi trọng quan hệ với Hà Nội và mong muốn mở rộng thương mại lên 10 tỷ USD vào năm 2030.",
        "Phía Việt Nam khẳng định chính sách đối ngoại độc lập, tự chủ, đa dạng hóa và đa phương hóa quan hệ quốc tế.",
        "Chuyến thăm diễn ra trong bối cảnh Nga đẩy mạnh quan hệ với các nước châu Á sau năm 2022.",
    ];
    const EN: [&str; 5] = [
        "Foreign Minister Sergei Lavrov arrived in Hanoi on February 14 for a two-day visit at Vietnam's invitation.",
        "The two sides signed 12 cooperation documents on energy, education and health, worth about $3.5 billion.",
        "Lavrov said Moscow valued its relations with Hanoi and hoped to expand trade to $10 billion by 2030.",
        "Vietnam reaffirmed its foreign policy of independence, self-reliance, diversification and multilateralisation.",
        "The visit comes as Russia steps up ties with Asian countries after 2022.",
    ];

    #[test]
    fn equal_counts_align_one_to_one() {
        assert_eq!(shape(&align(&features(&VI), &features(&EN))), [(1, 1); 5]);
    }

    #[test]
    fn a_dropped_paragraph_does_not_shift_the_rest() {
        let en: Vec<&str> = EN
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 1)
            .map(|(_, t)| *t)
            .collect();
        let blocks = align(&features(&VI), &features(&en));
        assert_eq!(shape(&blocks), [(1, 1), (1, 0), (1, 1), (1, 1), (1, 1)]);
        assert_eq!(
            blocks[2],
            Block {
                source: 2..3,
                target: 1..2
            }
        );
    }

    #[test]
    fn a_split_paragraph_aligns_one_to_two() {
        let mut en: Vec<&str> = EN.to_vec();
        en.splice(
            2..3,
            [
                "Lavrov said Moscow valued its relations with Hanoi.",
                "He hoped to expand trade to $10 billion by 2030.",
            ],
        );
        let blocks = align(&features(&VI), &features(&en));
        assert_eq!(shape(&blocks), [(1, 1), (1, 1), (1, 2), (1, 1), (1, 1)]);
    }

    #[test]
    fn a_dropped_headline_is_missing_not_merged() {
        let mut vi: Vec<&str> = vec!["Nga và Việt Nam ký 12 văn kiện hợp tác"];
        vi.extend(VI);
        let blocks = align(&features(&vi), &features(&EN));
        assert_eq!(
            shape(&blocks),
            [(1, 0), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1)]
        );
    }

    #[test]
    fn an_added_paragraph_is_extra() {
        let mut en: Vec<&str> = EN.to_vec();
        en.insert(3, "Editor's note: this article has been updated with comments from the ministry and with additional details.");
        let blocks = align(&features(&VI), &features(&en));
        assert_eq!(
            shape(&blocks),
            [(1, 1), (1, 1), (1, 1), (0, 1), (1, 1), (1, 1)]
        );
    }

    #[test]
    fn alignment_is_total_for_edge_cases() {
        for (n, m) in [(0, 0), (0, 3), (4, 0), (1, 7), (9, 2)] {
            let s = vec![
                ParagraphFeatures {
                    chars: 40,
                    anchors: vec![],
                    fingerprint: 0
                };
                n
            ];
            let t = vec![
                ParagraphFeatures {
                    chars: 40,
                    anchors: vec![],
                    fingerprint: 0
                };
                m
            ];
            let blocks = align(&s, &t);
            let src: usize = blocks.iter().map(|b| b.source.len()).sum();
            let tgt: usize = blocks.iter().map(|b| b.target.len()).sum();
            assert_eq!((src, tgt), (n, m));
        }
        assert_eq!(shape(&diagonal(2, 3)), [(1, 1), (1, 1), (0, 1)]);
    }

    #[test]
    fn anchors_ignore_number_separators() {
        let vi = ParagraphFeatures::of("hơn 10.000 container, 2,7 triệu", []);
        let en = ParagraphFeatures::of("more than 10,000 containers, 2.7 million", []);
        assert_eq!(vi.anchors, ["10000", "27"]);
        assert_eq!(en.anchors, ["10000", "27"]);
    }
}
