//! Paragraph alignment: pairs source and target paragraphs so that a dropped
//! or split paragraph does not shift every later finding.
//!
//! A dynamic program in the spirit of Gale & Church scores 1:1, 1:2, 2:1,
//! 1:0 and 0:1 steps by length ratio and by shared anchors (numbers,
//! Latin-script names and glossary entries found on both sides, which
//! survive translation, as in Hunalign's and Bleualign's anchoring). It runs
//! in a band of bounded width around the diagonal, so its work is linear in
//! the paragraphs, and twice: the second pass uses the length ratio and the
//! step priors of the first alignment, so that a long, faithfully aligned
//! file is not shifted by one odd pair. [`pair_moved`] then pairs a
//! paragraph the translation moved (a photo caption put at the top) with
//! its source, and [`confidence`] says how well each block's sides agree.

use std::ops::Range;

use crate::lang::en::MONTHS as EN_MONTHS;
use crate::lang::layout::Role;
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
    /// Caption, credit line or article text: layout lines pair with their
    /// own kind, never merge into text, and are left out more freely.
    pub role: Role,
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
        anchors.extend(month_anchors(text));
        anchors.extend(entries.into_iter().map(|e| format!("#{e}")));
        anchors.sort();
        anchors.dedup();
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&crate::normalize::fold_case(text), &mut hasher);
        ParagraphFeatures {
            chars: count,
            anchors,
            fingerprint: std::hash::Hasher::finish(&hasher),
            role: Role::Body,
        }
    }

    /// The same features for a paragraph of the given layout role.
    pub fn with_role(mut self, role: Role) -> ParagraphFeatures {
        self.role = role;
        self
    }
}

/// English month names next to a number ("August 8", "12 July"), as the
/// month's number: Vietnamese writes the month as digits ("8/8", "tháng
/// 7"), which are anchors already.
fn month_anchors(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in crate::lang::words_of(text) {
        let Some(month) = EN_MONTHS.iter().position(|m| *m == word) else {
            continue;
        };
        let at = word.as_ptr() as usize - text.as_ptr() as usize;
        let after = text[at + word.len()..].trim_start();
        let before = text[..at].trim_end();
        if after.starts_with(|c: char| c.is_ascii_digit())
            || before.ends_with(|c: char| c.is_ascii_digit())
        {
            out.push((month + 1).to_string());
        }
    }
    out
}

// Step costs are negative log priors as in Gale & Church (1993): most
// paragraphs translate 1:1, merges and splits are rarer, drops rarer still.
const ONE_TO_ONE_COST: f64 = 0.12;
const MERGE_COST: f64 = 2.4;
/// Weight, in steps, of the default priors against the steps of a first
/// alignment when the priors are re-estimated for a document.
const PRIOR_WEIGHT: f64 = 100.0;
/// Extra cost when one of two merged paragraphs is tiny next to the other:
/// translators split or join paragraphs of comparable size, while a short
/// line (a headline, a caption) next to a long one was dropped or added.
const LOPSIDED_MERGE_COST: f64 = 2.5;
const LOPSIDED_SHARE: f64 = 0.4;
const SKIP_COST: f64 = 4.6;
/// Editions drop captions and bylines as a matter of layout: leaving one
/// out is cheap…
const LAYOUT_SKIP_COST: f64 = 1.5;
/// …while merging one into article text, or pairing it with article text,
/// is next to impossible.
const LAYOUT_MISMATCH_COST: f64 = 12.0;
/// Variance of target length per source character (Gale & Church's 6.8).
const LENGTH_VARIANCE: f64 = 6.8;
/// Anchors (shared numbers, names, glossary entries) weigh about as much as
/// a two-standard-deviation length mismatch.
const ANCHOR_WEIGHT: f64 = 2.5;
/// Anchor cost (times the weight) when neither side has anything to compare.
const NEUTRAL_ANCHOR_COST: f64 = 0.5;
/// What one anchor on both sides, or on one side only, weighs…
const ANCHOR_UNIT: f64 = 1.25;
/// …and the bounds of their sum.
const MAX_ANCHOR_BONUS: f64 = 2.5;
const MAX_ANCHOR_PENALTY: f64 = 6.0;
/// A single pair whose lengths disagree this badly is no stronger evidence
/// than two merges: translations of idioms, captions rewritten, a sentence
/// condensed. Capping it (an outlier component in the length model, as in
/// a mixture) keeps one odd pair from shifting the pairing of its
/// neighbours; the shift costs at least two merges or skips.
const OUTLIER_LENGTH_COST: f64 = 4.0;
/// Half-width of the band of the dynamic program around the proportional
/// diagonal, beyond the difference in paragraph counts…
const MIN_BAND: usize = 64;
/// …and its bound, which keeps the program linear in the paragraphs.
const MAX_BAND: usize = 512;
/// A banded program stores a cost and a step per cell (11 bytes): at most
/// this many cells, about 220 MB; larger inputs are paired in order.
const MAX_BAND_CELLS: usize = 20_000_000;

pub fn align(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> Vec<Block> {
    align_counted(source, target).0
}

/// [`align`] with the number of dynamic-program cells it computed, which
/// grows linearly with the paragraphs (the band has a bounded width).
pub fn align_counted(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
) -> (Vec<Block>, usize) {
    let (n, m) = (source.len(), target.len());
    let ratio = initial_ratio(source, target);
    // A drop or an addition moves the path off the proportional diagonal by
    // about the difference in counts; a bounded band keeps the program
    // linear in the number of paragraphs.
    let band = (n.abs_diff(m) + MIN_BAND).min(MAX_BAND);
    if n.max(m).saturating_mul(2 * band + 1) > MAX_BAND_CELLS {
        return (diagonal(n, m), 0);
    }
    let priors = Priors::default();
    let (first, mut cells) = dynamic(source, target, ratio, &priors, Band::new(n, m, band));
    // A dropped or split paragraph skews the first estimate; the median over
    // the 1:1 blocks found is robust against both.
    let better = median_ratio(&first, source, target)
        .filter(|better| (better / ratio).ln().abs() > 0.05)
        .unwrap_or(ratio);
    // A long file whose first alignment is nearly all 1:1 (a line-aligned
    // corpus, a faithful translation) makes merges and drops rarer than the
    // defaults say, so that one odd pair does not start a shift.
    let estimated = Priors::estimated(&first);
    // Stricter priors only make the steps other than 1:1 dearer: an
    // alignment that is all 1:1 under the same ratio stays the best.
    let all_one_to_one = first
        .iter()
        .all(|b| b.source.len() == 1 && b.target.len() == 1);
    if better == ratio && (estimated == priors || all_one_to_one) {
        return (first, cells);
    }
    let around = Band::around(&first, n, m, MIN_BAND / 2);
    let (blocks, more) = dynamic(source, target, better, &estimated, around);
    cells += more;
    (blocks, cells)
}

/// The costs of the steps of the dynamic program.
#[derive(Debug, Clone, PartialEq)]
struct Priors {
    one_to_one: f64,
    merge: f64,
    skip: f64,
}

impl Default for Priors {
    fn default() -> Priors {
        Priors {
            one_to_one: ONE_TO_ONE_COST,
            merge: MERGE_COST,
            skip: SKIP_COST,
        }
    }
}

impl Priors {
    /// Priors re-estimated from a first alignment's steps, smoothed towards
    /// the defaults; a step never becomes cheaper than its default, so a
    /// short article keeps the defaults and a messy one does not invite
    /// more merges.
    fn estimated(blocks: &[Block]) -> Priors {
        let default = Priors::default();
        let total = blocks.len() as f64 + PRIOR_WEIGHT;
        let count = |f: fn(&Block) -> bool| blocks.iter().filter(|b| f(b)).count() as f64;
        let cost = |observed: f64, prior: f64| {
            let p = (observed + PRIOR_WEIGHT * (-prior).exp()) / total;
            // Rounded, so that tiny changes do not cost a second pass.
            ((-p.ln()).max(prior) * 10.0).round() / 10.0
        };
        let merge = cost(
            count(|b| b.source.len() + b.target.len() == 3),
            default.merge,
        );
        let skip = cost(
            count(|b| b.source.is_empty() || b.target.is_empty()),
            default.skip,
        );
        Priors {
            one_to_one: default.one_to_one,
            merge: merge.max(default.merge),
            skip: skip.max(default.skip),
        }
    }
}

/// A moved paragraph must share anchors this well (Dice) with its source…
const MOVED_MIN_DICE: f64 = 0.5;
/// …and have a length no less likely than this cost says.
const MOVED_MAX_LENGTH_COST: f64 = 6.0;

/// Pairs source paragraphs the alignment left without translation with
/// target paragraphs it left without source, when their anchors show they
/// are the same text moved (an English edition puts the photo caption at
/// the top): such a pair becomes one block at the source's place, so the
/// blocks stay in source order while their targets may cross. Greedy by
/// anchor agreement; a paragraph with no anchors is never moved.
pub fn pair_moved(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    blocks: Vec<Block>,
) -> Vec<Block> {
    let ratio =
        median_ratio(&blocks, source, target).unwrap_or_else(|| initial_ratio(source, target));
    let lone_source: Vec<usize> = single_side(&blocks, |b| b.target.is_empty(), |b| &b.source);
    let lone_target: Vec<usize> = single_side(&blocks, |b| b.source.is_empty(), |b| &b.target);
    if lone_source.is_empty() || lone_target.is_empty() {
        return blocks;
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &s in &lone_source {
        for &t in &lone_target {
            let (s_para, t_para) = (&source[s], &target[t]);
            let dice = anchor_dice(std::slice::from_ref(s_para), std::slice::from_ref(t_para));
            let same = s_para.fingerprint == t_para.fingerprint;
            let length = length_cost(s_para.chars, t_para.chars, ratio);
            let anchored = !s_para.anchors.is_empty() && dice >= MOVED_MIN_DICE;
            // Two captions are the same photo's unless their anchors
            // contradict each other.
            let contradict = dice == 0.0 && !t_para.anchors.is_empty();
            let captions =
                s_para.role == Role::Caption && t_para.role == Role::Caption && !contradict;
            if same || (anchored || captions) && length <= MOVED_MAX_LENGTH_COST {
                candidates.push((
                    length - 10.0 * dice + layout_cost(&source[s..=s], &target[t..=t]),
                    s,
                    t,
                ));
            }
        }
    }
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (_, s, t) in candidates {
        if moved.iter().all(|&(ms, mt)| ms != s && mt != t) {
            moved.push((s, t));
        }
    }
    let moved_target = |j: usize| moved.iter().any(|&(_, t)| t == j);
    blocks
        .into_iter()
        .filter(|b| !(b.source.is_empty() && b.target.len() == 1 && moved_target(b.target.start)))
        .map(|b| {
            match moved
                .iter()
                .find(|&&(s, _)| b.target.is_empty() && b.source == (s..s + 1))
            {
                Some(&(_, t)) => Block {
                    source: b.source,
                    target: t..t + 1,
                },
                None => b,
            }
        })
        .collect()
}

/// Paragraphs of the one-sided blocks of one kind (the dynamic program
/// emits them one paragraph each).
fn single_side(
    blocks: &[Block],
    one_sided: impl Fn(&Block) -> bool,
    side: impl Fn(&Block) -> &Range<usize>,
) -> Vec<usize> {
    blocks
        .iter()
        .filter(|b| one_sided(b) && side(b).len() == 1)
        .map(|b| side(b).start)
        .collect()
}

/// How far each block's two sides agree, from 0 (no evidence they
/// translate each other) to 1: the same length and anchor evidence the
/// dynamic program weighs, as a logistic of its cost. A one-sided block's
/// confidence is that of its paragraph having no counterpart among the
/// paragraphs of the neighbouring blocks. Checks and reports may trust a
/// low-confidence block's pairing less.
pub fn confidence(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    blocks: &[Block],
) -> Vec<f64> {
    let ratio =
        median_ratio(blocks, source, target).unwrap_or_else(|| initial_ratio(source, target));
    let agreement = |s: &[ParagraphFeatures], t: &[ParagraphFeatures]| -> f64 {
        let evidence = pair_cost(s, t, ratio) - ANCHOR_WEIGHT * NEUTRAL_ANCHOR_COST;
        1.0 / (1.0 + (evidence - CONFIDENCE_MIDPOINT).exp())
    };
    (0..blocks.len())
        .map(|k| {
            let b = &blocks[k];
            if !b.source.is_empty() && !b.target.is_empty() {
                return agreement(&source[b.source.clone()], &target[b.target.clone()]);
            }
            let neighbours = blocks[k.saturating_sub(1)..(k + 2).min(blocks.len())].iter();
            let best = if b.target.is_empty() {
                neighbours
                    .flat_map(|n| n.target.clone())
                    .map(|j| agreement(&source[b.source.clone()], &target[j..j + 1]))
                    .fold(0.0, f64::max)
            } else {
                neighbours
                    .flat_map(|n| n.source.clone())
                    .map(|i| agreement(&source[i..i + 1], &target[b.target.clone()]))
                    .fold(0.0, f64::max)
            };
            1.0 - best
        })
        .collect()
}

/// The pair cost at which [`confidence`] is one half: about a
/// two-standard-deviation length mismatch with no anchors either way.
const CONFIDENCE_MIDPOINT: f64 = 2.0;

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
    length_cost(s, t, ratio).min(OUTLIER_LENGTH_COST)
        + anchor_cost(source, target)
        + layout_cost(source, target)
}

/// Evidence of the anchors, counted rather than as a share: each anchor
/// found on both sides speaks for the pair, each found on one side only
/// against it, so that two paragraphs with four numbers between them and
/// none in common are told apart from a pair that merely lacks anchors.
/// Bounded both ways; zero evidence costs as much as before.
fn anchor_cost(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> f64 {
    let (shared, unmatched) = anchor_counts(source, target);
    let evidence = ANCHOR_UNIT * (unmatched as f64 - shared as f64);
    ANCHOR_WEIGHT * NEUTRAL_ANCHOR_COST + evidence.clamp(-MAX_ANCHOR_BONUS, MAX_ANCHOR_PENALTY)
}

/// Dice coefficient of the anchors both sides could share; one half (no
/// evidence either way) when neither side has any.
fn anchor_dice(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> f64 {
    let (shared, unmatched) = anchor_counts(source, target);
    if shared + unmatched == 0 {
        return 1.0 - NEUTRAL_ANCHOR_COST;
    }
    2.0 * shared as f64 / (2 * shared + unmatched) as f64
}

/// Anchors found on both sides, and anchors found on one side only.
fn anchor_counts(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> (usize, usize) {
    let src_len: usize = source.iter().map(|f| f.anchors.len()).sum();
    let tgt_all: usize = target.iter().map(|f| f.anchors.len()).sum();
    // News paragraphs have a handful of anchors: compare them pairwise,
    // without allocating (this runs for every cell of the program). A
    // paragraph of thousands (a file with no paragraph breaks) would make
    // that cubic: hash them instead.
    if src_len.max(tgt_all) > SMALL_ANCHOR_COUNT {
        hashed_anchor_counts(source, target, src_len)
    } else {
        pairwise_anchor_counts(source, target, src_len)
    }
}

/// [`anchor_counts`] for paragraphs with few anchors.
fn pairwise_anchor_counts(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    src_len: usize,
) -> (usize, usize) {
    let src = || source.iter().flat_map(|f| &f.anchors);
    // Target-side anchors that could have a counterpart: numbers, glossary
    // entries, and names the source also has (English capitalized words
    // would otherwise swamp the measure).
    let tgt = || {
        target
            .iter()
            .flat_map(|f| &f.anchors)
            .filter(move |a| always_counts(a) || src().any(|s| s == *a))
    };
    let tgt_len = tgt().count();
    let shared = src().filter(|a| tgt().any(|t| t == *a)).count();
    anchor_balance(shared, src_len, tgt_len)
}

/// Above this many anchors on a side, [`anchor_counts`] hashes them.
const SMALL_ANCHOR_COUNT: usize = 32;

/// Numbers and glossary entries count on the target side even when the
/// source lacks them.
fn always_counts(anchor: &str) -> bool {
    anchor.starts_with(|c: char| c.is_ascii_digit() || c == '#')
}

/// (shared anchors, anchors on one side only).
fn anchor_balance(shared: usize, src_len: usize, tgt_len: usize) -> (usize, usize) {
    (
        shared,
        src_len + tgt_len - 2 * shared.min(src_len.min(tgt_len)),
    )
}

/// [`anchor_counts`] for paragraphs with many anchors: the same counts,
/// in time linear in the anchors.
fn hashed_anchor_counts(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    src_len: usize,
) -> (usize, usize) {
    use std::collections::HashSet;
    let src: HashSet<&str> = source
        .iter()
        .flat_map(|f| &f.anchors)
        .map(String::as_str)
        .collect();
    let tgt: HashSet<&str> = target
        .iter()
        .flat_map(|f| &f.anchors)
        .map(String::as_str)
        .collect();
    let tgt_len = target
        .iter()
        .flat_map(|f| &f.anchors)
        .filter(|a| always_counts(a) || src.contains(a.as_str()))
        .count();
    let shared = source
        .iter()
        .flat_map(|f| &f.anchors)
        .filter(|a| tgt.contains(a.as_str()))
        .count();
    anchor_balance(shared, src_len, tgt_len)
}

/// The step into a cell: none yet, or (source, target) paragraphs taken.
#[derive(Clone, Copy)]
enum Step {
    Start,
    Pair(u8, u8),
}

/// The cells of the dynamic program that are computed: per row, the
/// columns within `band` of the proportional diagonal, or of a first
/// alignment's path. Only these are stored, so a banded program over a
/// hundred thousand paragraphs per side takes memory for its band, not for
/// every pair of paragraphs.
struct Band {
    n: usize,
    /// First and last column of each row.
    rows: Vec<(usize, usize)>,
    /// Index of each row's first stored cell; one more entry at the end.
    starts: Vec<usize>,
}

impl Band {
    fn new(n: usize, m: usize, band: usize) -> Band {
        Band::of_rows(
            n,
            (0..=n).map(|i| {
                let expected = (i * m).checked_div(n).unwrap_or(0);
                (
                    expected.saturating_sub(band),
                    expected.saturating_add(band).min(m),
                )
            }),
        )
    }

    /// The cells within `width` of a path through the program: a second
    /// pass only refines the first.
    fn around(blocks: &[Block], n: usize, m: usize, width: usize) -> Band {
        let mut rows: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        let (mut i, mut j) = (0, 0);
        let mut visit = |i: usize, j: usize| {
            let row = &mut rows[i];
            *row = Some(row.map_or((j, j), |(lo, hi)| (lo.min(j), hi.max(j))));
        };
        visit(0, 0);
        for b in blocks {
            i += b.source.len();
            j += b.target.len();
            visit(i, j);
        }
        // A 2:1 step passes over a row: it keeps the previous row's span.
        let mut last = (0, 0);
        Band::of_rows(
            n,
            rows.into_iter().map(|row| {
                last = row.unwrap_or(last);
                (last.0.saturating_sub(width), (last.1 + width).min(m))
            }),
        )
    }

    fn of_rows(n: usize, rows: impl Iterator<Item = (usize, usize)>) -> Band {
        let rows: Vec<(usize, usize)> = rows.collect();
        let mut starts = Vec::with_capacity(n + 2);
        let mut total = 0;
        for &(lo, hi) in &rows {
            starts.push(total);
            total += hi - lo + 1;
        }
        starts.push(total);
        Band { n, rows, starts }
    }

    /// First and last column stored for row `i`.
    fn columns(&self, i: usize) -> (usize, usize) {
        self.rows[i]
    }

    fn cells(&self) -> usize {
        self.starts[self.n + 1]
    }

    /// Where cell (i, j) is stored; None outside the band.
    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = self.columns(i);
        (lo <= j && j <= hi).then(|| self.starts[i] + j - lo)
    }
}

fn dynamic(
    source: &[ParagraphFeatures],
    target: &[ParagraphFeatures],
    ratio: f64,
    priors: &Priors,
    cells: Band,
) -> (Vec<Block>, usize) {
    let (n, m) = (source.len(), target.len());
    let mut cost = vec![f64::INFINITY; cells.cells()];
    let mut back = vec![Step::Start; cells.cells()];
    cost[0] = 0.0;
    for i in 0..=n {
        let (lo, hi) = cells.columns(i);
        for j in lo..=hi {
            if (i, j) == (0, 0) {
                continue;
            }
            let mut best = f64::INFINITY;
            let mut step = Step::Start;
            for (di, dj) in [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)] {
                if i < di || j < dj {
                    continue;
                }
                let Some(prev) = cells.index(i - di, j - dj).map(|k| cost[k]) else {
                    continue;
                };
                if !prev.is_finite() {
                    continue;
                }
                let c = match (di, dj) {
                    (1, 0) => skip_cost(&source[i - 1], priors),
                    (0, 1) => skip_cost(&target[j - 1], priors),
                    (1, 1) => {
                        pair_cost(&source[i - 1..i], &target[j - 1..j], ratio) + priors.one_to_one
                    }
                    _ => {
                        let merged = if di == 2 {
                            &source[i - 2..i]
                        } else {
                            &target[j - 2..j]
                        };
                        pair_cost(&source[i - di..i], &target[j - dj..j], ratio)
                            + priors.merge
                            + lopsided_merge_cost(merged)
                    }
                };
                if prev + c < best {
                    best = prev + c;
                    step = Step::Pair(di as u8, dj as u8);
                }
            }
            let k = cells.index(i, j).expect("a cell of its own row");
            cost[k] = best;
            back[k] = step;
        }
    }
    let mut blocks = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(Step::Pair(di, dj)) = cells.index(i, j).map(|k| back[k]) else {
            // Unreachable cell (outside the band): fall back to the diagonal.
            return (diagonal(n, m), cells.cells());
        };
        let (di, dj) = (usize::from(di), usize::from(dj));
        blocks.push(Block {
            source: i - di..i,
            target: j - dj..j,
        });
        i -= di;
        j -= dj;
    }
    blocks.reverse();
    (blocks, cells.cells())
}

fn skip_cost(paragraph: &ParagraphFeatures, priors: &Priors) -> f64 {
    if paragraph.role == Role::Body {
        priors.skip
    } else {
        LAYOUT_SKIP_COST
    }
}

/// A block must not mix layout roles: a caption pairs with a caption.
fn layout_cost(source: &[ParagraphFeatures], target: &[ParagraphFeatures]) -> f64 {
    let mut roles = source.iter().chain(target).map(|p| p.role);
    let first = roles.next();
    if roles.all(|r| Some(r) == first) {
        0.0
    } else {
        LAYOUT_MISMATCH_COST
    }
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

    #[test]
    fn hashed_anchor_counts_agree_with_the_pairwise_ones() {
        let features = |texts: &[&str]| -> Vec<ParagraphFeatures> {
            texts
                .iter()
                .map(|t| ParagraphFeatures::of(t, std::iter::empty::<usize>()))
                .collect()
        };
        let cases: [(&[&str], &[&str]); 5] = [
            (
                &["Ông Lavrov đến Hà Nội ngày 5/3 với 120 người."],
                &["Lavrov arrived in Hanoi on March 5 with 120 people."],
            ),
            (
                &["Giá tăng 12% lên 3.500 đồng."],
                &["Prices rose 12% to 3,500 dong, up from 3,100."],
            ),
            (
                &["Boeing và Airbus giao 40 máy bay."],
                &["Airbus delivered 40 planes."],
            ),
            (&["Không có số nào ở đây."], &["Nothing here either."]),
            (
                &["Năm 2024 có 3 đợt, năm 2025 có 3 đợt."],
                &["There were 3 rounds in 2024 and 4 in 2025."],
            ),
        ];
        for (source, target) in cases {
            let (s, t) = (features(source), features(target));
            let src_len = s.iter().map(|f| f.anchors.len()).sum();
            assert_eq!(
                pairwise_anchor_counts(&s, &t, src_len),
                hashed_anchor_counts(&s, &t, src_len),
                "{source:?} / {target:?}"
            );
        }
    }

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
                    fingerprint: 0,
                    role: Role::Body
                };
                n
            ];
            let t = vec![
                ParagraphFeatures {
                    chars: 40,
                    anchors: vec![],
                    fingerprint: 0,
                    role: Role::Body
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
    fn the_band_stores_only_its_cells_and_still_aligns() {
        // 2,100 × 2,000 paragraphs: a band, not 4 million cells.
        let lengths = |k: usize, skip: Option<usize>| -> Vec<ParagraphFeatures> {
            (0..k + usize::from(skip.is_some()))
                .filter(|&i| Some(i) != skip)
                .map(|i| ParagraphFeatures {
                    chars: 20 + (i * 37) % 300,
                    anchors: vec![format!("{i}")],
                    fingerprint: i as u64,
                    role: Role::Body,
                })
                .collect()
        };
        let source = lengths(2_100, None);
        let target: Vec<ParagraphFeatures> = lengths(2_100, None)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 21 != 5)
            .map(|(_, f)| f)
            .collect();
        let band = Band::new(source.len(), target.len(), 164);
        assert!(band.cells() < 2_101 * (2 * 164 + 1) + 1);
        assert_eq!(band.index(0, 0), Some(0));
        assert_eq!(band.index(0, 165), None);
        assert_eq!(band.index(2_100, target.len()), Some(band.cells() - 1));
        let blocks = align(&source, &target);
        let src: usize = blocks.iter().map(|b| b.source.len()).sum();
        let tgt: usize = blocks.iter().map(|b| b.target.len()).sum();
        assert_eq!((src, tgt), (source.len(), target.len()));
        // The drops are found, not paired in order: nearly every 1:1 block
        // pairs a paragraph with its own translation.
        let right = blocks
            .iter()
            .filter(|b| b.source.len() == 1 && b.target.len() == 1)
            .filter(|b| source[b.source.start].fingerprint == target[b.target.start].fingerprint)
            .count();
        assert!(right > 1_800, "{right} right pairs");
    }

    #[test]
    fn anchors_ignore_number_separators() {
        let vi = ParagraphFeatures::of("hơn 10.000 container, 2,7 triệu", []);
        let en = ParagraphFeatures::of("more than 10,000 containers, 2.7 million", []);
        assert_eq!(vi.anchors, ["10000", "27"]);
        assert_eq!(en.anchors, ["10000", "27"]);
    }

    /// A paragraph of `chars` characters with the given anchors and role.
    fn para(chars: usize, anchors: &[&str], role: Role, id: u64) -> ParagraphFeatures {
        ParagraphFeatures {
            chars,
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
            fingerprint: id,
            role,
        }
    }

    /// A long line-aligned file of short sentences with no anchors, the
    /// target `stretch` times the source, one pair at `odd` far off.
    fn line_aligned(
        n: usize,
        odd: Option<usize>,
    ) -> (Vec<ParagraphFeatures>, Vec<ParagraphFeatures>) {
        let source: Vec<ParagraphFeatures> = (0..n)
            .map(|i| para(20 + (i * 37) % 50, &[], Role::Body, i as u64))
            .collect();
        let target = source
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let chars = if Some(i) == odd {
                    p.chars * 3
                } else {
                    p.chars + i % 5
                };
                para(chars, &[], Role::Body, 1_000_000 + i as u64)
            })
            .collect();
        (source, target)
    }

    #[test]
    fn one_odd_pair_does_not_shift_a_long_file() {
        // An idiom translated by a sentence three times as long, in a
        // 2,500-line file: still every line with its own.
        let (source, target) = line_aligned(2_500, Some(1_628));
        let blocks = align(&source, &target);
        assert_eq!(shape(&blocks), vec![(1, 1); 2_500]);
        // Look-alike: a line really missing is still found, at its place.
        let (source, mut target) = line_aligned(2_500, None);
        target.remove(1_628);
        let blocks = align(&source, &target);
        let missing: Vec<&Block> = blocks.iter().filter(|b| b.target.is_empty()).collect();
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(
            missing[0].source.start.abs_diff(1_628) <= 2,
            "{:?}",
            missing[0]
        );
    }

    #[test]
    fn the_program_is_linear_in_the_paragraphs() {
        let cells = |n: usize| {
            let (source, mut target) = line_aligned(n, None);
            target.remove(n / 2);
            align_counted(&source, &target).1
        };
        let (small, large) = (cells(1_000), cells(8_000));
        // Eight times the paragraphs, about eight times the cells: at most
        // two passes over a band of bounded width per row.
        assert!(large as f64 <= 8.5 * small as f64, "{small} → {large}");
        assert!(large <= 2 * 8_001 * (2 * (MIN_BAND + 1) + 1), "{large}");
    }

    /// News layout: (source, target, expected blocks as (source, target)
    /// paragraph ranges after moved paragraphs are paired).
    #[test]
    fn layout_and_rewrites() {
        use Role::*;
        type Case = (
            &'static str,
            Vec<ParagraphFeatures>,
            Vec<ParagraphFeatures>,
            Vec<(Range<usize>, Range<usize>)>,
        );
        let body = |chars, anchors: &[&str], id| para(chars, anchors, Body, id);
        let lead = || body(160, &["#1", "31", "5"], 1);
        let cases: Vec<Case> = vec![
            (
                "a caption moved from the middle to the top pairs with its source",
                vec![
                    body(50, &["#1"], 1),
                    body(200, &["31", "5"], 2),
                    body(180, &["10"], 3),
                    para(60, &["8"], Caption, 4),
                    body(150, &["2027"], 5),
                ],
                vec![
                    body(50, &["#1"], 11),
                    para(62, &["8"], Caption, 14),
                    body(210, &["31", "5"], 12),
                    body(170, &["10"], 13),
                    body(140, &["2027"], 15),
                ],
                vec![
                    (0..1, 0..1),
                    (1..2, 2..3),
                    (2..3, 3..4),
                    (3..4, 1..2),
                    (4..5, 4..5),
                ],
            ),
            (
                "look-alike: captions whose anchors contradict stay apart",
                vec![
                    lead(),
                    para(60, &["8"], Caption, 4),
                    body(150, &["2027"], 5),
                ],
                vec![
                    para(62, &["1999"], Caption, 14),
                    lead(),
                    body(140, &["2027"], 15),
                ],
                vec![(0..0, 0..1), (0..1, 1..2), (1..2, 2..2), (2..3, 2..3)],
            ),
            (
                "a byline the translation drops is its own block, never merged",
                vec![lead(), body(150, &["2027"], 5), para(10, &[], Credit, 6)],
                vec![lead(), body(160, &["2027"], 15)],
                vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..2)],
            ),
            (
                "equal counts, one paragraph dropped and one added: not paired in order",
                vec![
                    lead(),
                    body(150, &["60", "6"], 2),
                    body(130, &["#2"], 3),
                    body(90, &["4", "2027", "#2"], 4),
                ],
                vec![
                    lead(),
                    body(150, &["60", "6"], 12),
                    body(95, &["4", "2027", "#2"], 14),
                    body(110, &["2021", "11"], 15),
                ],
                vec![
                    (0..1, 0..1),
                    (1..2, 1..2),
                    (2..3, 2..2),
                    (3..4, 2..3),
                    (4..4, 3..4),
                ],
            ),
            (
                "look-alike: equal counts, faithful, one paragraph reworded longer",
                vec![
                    lead(),
                    body(150, &["60", "6"], 2),
                    body(130, &["#2"], 3),
                    body(90, &["4", "2027"], 4),
                ],
                vec![
                    lead(),
                    body(150, &["60", "6"], 12),
                    body(260, &["#2"], 13),
                    body(95, &["4", "2027"], 14),
                ],
                vec![(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..4, 3..4)],
            ),
        ];
        for (what, source, target, expected) in cases {
            let blocks = pair_moved(&source, &target, align(&source, &target));
            let got: Vec<(Range<usize>, Range<usize>)> =
                blocks.into_iter().map(|b| (b.source, b.target)).collect();
            assert_eq!(got, expected, "{what}");
        }
    }

    #[test]
    fn confidence_follows_the_evidence() {
        let source = [
            para(120, &["12", "#3"], Role::Body, 1),
            para(80, &[], Role::Body, 2),
        ];
        let agreeing = [
            para(125, &["12", "#3"], Role::Body, 11),
            para(85, &[], Role::Body, 12),
        ];
        let contradicting = [
            para(125, &["40", "#9"], Role::Body, 11),
            para(240, &[], Role::Body, 12),
        ];
        let blocks = [
            Block {
                source: 0..1,
                target: 0..1,
            },
            Block {
                source: 1..2,
                target: 1..2,
            },
        ];
        let good = confidence(&source, &agreeing, &blocks);
        let bad = confidence(&source, &contradicting, &blocks);
        assert!(good[0] > 0.9 && good[1] > 0.5, "{good:?}");
        assert!(bad[0] < 0.2 && bad[1] < good[1], "{bad:?}");
    }

    #[test]
    fn month_names_next_to_a_number_are_anchors() {
        let cases: &[(&str, &[&str])] = &[
            ("on August 8, with 8 stations", &["8"]),
            ("on 12 July 2025", &["12", "2025", "7"]),
            ("until July 12.", &["12", "7"]),
            // Look-alikes: a month name with no number, a modal verb.
            ("in May the rains came", &[]),
            ("prices may fall 5%", &["5"]),
        ];
        for (text, expected) in cases {
            // Numbers only (capitalized words are name anchors too).
            let mut got: Vec<String> = ParagraphFeatures::of(text, [])
                .anchors
                .into_iter()
                .filter(|a| a.starts_with(|c: char| c.is_ascii_digit()))
                .collect();
            got.sort();
            let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            want.sort();
            assert_eq!(got, want, "{text}");
        }
    }
}
