//! Pairing the numbers of a source block with those of its translation.
//!
//! Each mention becomes one matching unit, or two for a range (its ends),
//! so "từ ngày 10/6 đến 12/6" pairs with "from June 10 to 12". A
//! minimum-cost assignment (Hungarian algorithm on a square matrix padded
//! with "unmatched" slots) then decides which source unit goes with which
//! target unit. Costs are chosen so that equal values always win, a changed
//! value is preferred over reporting one number missing and another extra,
//! and weak or vague mentions (single ordinary words, hedged quantities)
//! are cheap to leave unmatched so they never become findings on their own.

use std::collections::{HashMap, HashSet};

use super::render;
use super::units::{converts, Dimension, UnitDef};
use super::{
    Bound, DateOrder, DateValue, Mention, NumberIssue, NumberKind, NumberLanguage, NumberRule,
    NumberValue, Reading, Strength, TimeValue,
};

/// What a pairing of two units means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Verdict {
    Ok,
    /// Same value, but the target is written in the source's convention.
    Format,
    /// A different value or an incompatible kind.
    Mismatch,
    /// A date whose day, month or year changed.
    Date,
    /// The unit or currency changed: another dimension ("10 mét" ⇔ "10
    /// km" is fine by value, "200 yên" ⇔ "200 won"), or the same number in
    /// another unit that it does not convert to ("2 tấn" ⇔ "2 kg").
    Unit,
    /// The same number hedged the other way ("hơn 50" ⇔ "fewer than 50").
    Bound,
}

/// One side of a pairing: a mention, or one end of a range mention.
struct Unit<'a> {
    mention: usize,
    kind: NumberKind,
    value: &'a NumberValue,
    alternatives: &'a [Reading],
    strength: Strength,
    approximate: bool,
    foreign: bool,
    /// The unit of measure, if one is written.
    measure: Option<&'static UnitDef>,
    bound: Option<Bound>,
    /// Position in the block, 0..1, to break ties in text order.
    pos: f64,
}

fn units(mentions: &[Mention]) -> Vec<Unit<'_>> {
    let mut out = Vec::new();
    for (k, m) in mentions.iter().enumerate() {
        let base = Unit {
            mention: k,
            kind: m.kind,
            value: &m.value,
            alternatives: &m.alternatives,
            strength: m.strength,
            approximate: m.approximate,
            foreign: m.foreign,
            measure: m.unit,
            bound: m.bound,
            pos: 0.0,
        };
        match &m.value {
            NumberValue::Range { lo, hi, kind } => {
                for v in [&**lo, &**hi] {
                    out.push(Unit {
                        kind: *kind,
                        value: v,
                        alternatives: &[],
                        ..base
                    });
                }
            }
            _ => out.push(base),
        }
    }
    let n = out.len().max(1) as f64;
    for (i, u) in out.iter_mut().enumerate() {
        u.pos = i as f64 / n;
    }
    out
}

fn eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Close enough for a hedged number ("khoảng 2,68 triệu" ⇔ "about 2.7
/// million"): within 2 %, and one is the other rounded to its precision. A
/// hedge lets a translator round; it does not let a digit change, so
/// "khoảng 573.000" ⇔ "about 578,000" (both to the thousand) is a mismatch.
fn close(a: f64, b: f64) -> bool {
    if (a - b).abs() > 0.02 * a.abs().max(b.abs()) {
        return false;
    }
    let coarse = rounding_unit(a).max(rounding_unit(b));
    // The coarser one is unchanged by the rounding; the finer must round to it.
    eq((a / coarse).round() * coarse, (b / coarse).round() * coarse)
}

/// The place value of the last significant digit as written: 1,000 for
/// 573,000, 0.1 for 2.7, 1 for 0.
fn rounding_unit(x: f64) -> f64 {
    let x = x.abs();
    if !x.is_finite() || x == 0.0 {
        return 1.0;
    }
    if (x - x.round()).abs() > 1e-9 * x.max(1.0) {
        let mut unit = 1.0;
        for _ in 0..9 {
            unit /= 10.0;
            let scaled = x / unit;
            if (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0) {
                break;
            }
        }
        return unit;
    }
    let mut unit = 1.0;
    let mut n = x.round();
    while n >= 10.0 && (n / 10.0).fract() == 0.0 {
        n /= 10.0;
        unit *= 10.0;
    }
    unit
}

/// "một phần ba" ⇔ "33%", "two-thirds" ⇔ "66.7%": a fraction below one
/// written as a percent rounded to the percent's own precision (at most to
/// the whole percent, so "a third" ⇔ "30%" stays a mismatch).
fn fraction_in_percent(fraction: f64, pct: f64) -> bool {
    fraction > 0.0
        && fraction < 1.0
        && (fraction * 100.0 - pct).abs() < 0.5 * rounding_unit(pct).min(1.0) + 1e-9
}

/// A part of a whole written as two numbers on one side ("1/3 bệnh nhân",
/// "one in three") and as one fraction or percent on the other ("a third",
/// "một phần ba", "33%"): read the two numbers as their quotient so the
/// pair can match. Unchanged when the other side has no such share.
fn ratios_as_shares(mine: &[Mention], other: &[Mention]) -> Option<Vec<Mention>> {
    let share = |m: &Mention| match (&m.value, m.kind) {
        (NumberValue::Range { lo, hi, .. }, NumberKind::Ratio) => match (&**lo, &**hi) {
            (NumberValue::Number(a), NumberValue::Number(b)) if *a > 0.0 && a < b => Some(a / b),
            _ => None,
        },
        _ => None,
    };
    // Looked up once per ratio: sorted values and a set of exact ends, so a
    // block with many numbers costs n·log n, not ratios × numbers.
    let mut decimals: Vec<f64> = Vec::new();
    let mut percents: Vec<f64> = Vec::new();
    let mut ends: HashSet<u64> = HashSet::new();
    for o in other {
        match (&o.value, o.kind) {
            (NumberValue::Number(v), NumberKind::Decimal) => decimals.push(*v),
            (NumberValue::Number(v), NumberKind::Percent) => percents.push(*v),
            _ => {}
        }
        match &o.value {
            NumberValue::Range { lo, hi, .. } => {
                for end in [&**lo, &**hi] {
                    if let NumberValue::Number(x) = end {
                        ends.insert(x.to_bits());
                    }
                }
            }
            NumberValue::Number(x) => {
                ends.insert(x.to_bits());
            }
            _ => {}
        }
    }
    decimals.sort_by(f64::total_cmp);
    percents.sort_by(f64::total_cmp);
    let near = |sorted: &[f64], lo: f64, hi: f64| -> Vec<f64> {
        let from = sorted.partition_point(|v| *v < lo);
        sorted[from..]
            .iter()
            .take_while(|v| **v <= hi)
            .copied()
            .collect()
    };
    let written = |q: f64| {
        near(&decimals, q - 1e-6, q + 1e-6)
            .into_iter()
            .any(|v| eq(v, q))
            || near(&percents, q * 100.0 - 1.0, q * 100.0 + 1.0)
                .into_iter()
                .any(|v| fraction_in_percent(q, v))
    };
    // With no two numbers on the other side to pair with its ends, a ratio
    // against a single share is that share rendered wrong ("1/3" ⇔ "a
    // quarter"), one mismatch rather than a half-rendered range.
    let has_shares = other.iter().any(|o| match (&o.value, o.kind) {
        (NumberValue::Number(v), NumberKind::Decimal) => *v > 0.0 && *v < 1.0,
        (NumberValue::Number(_), NumberKind::Percent) => true,
        _ => false,
    });
    // Ratio ends are numbers (see `share`): written when the other side
    // has the same number alone or as a range's end.
    let ends_written = |m: &Mention| match &m.value {
        NumberValue::Range { lo, hi, .. } => [&**lo, &**hi]
            .into_iter()
            .any(|v| matches!(v, NumberValue::Number(x) if ends.contains(&x.to_bits()))),
        _ => true,
    };
    let written = |q: f64, m: &Mention| written(q) || (has_shares && !ends_written(m));
    let mut out: Option<Vec<Mention>> = None;
    for (k, m) in mine.iter().enumerate() {
        if let Some(q) = share(m).filter(|&q| written(q, m)) {
            let list = out.get_or_insert_with(|| mine.to_vec());
            list[k].kind = NumberKind::Decimal;
            list[k].value = NumberValue::Number(q);
        }
    }
    out
}

/// A share below one as the translation would write it: a percent where
/// the translation used one ("33.3%"), else English fraction words ("a
/// third", "two-fifths").
fn share_text(q: f64, target_kind: NumberKind, lang: &dyn NumberLanguage) -> Option<String> {
    if !(q > 0.0 && q < 1.0) {
        return None;
    }
    if target_kind == NumberKind::Percent {
        let pct = NumberValue::Number(significant(q * 100.0));
        return Some(lang.render(&pct, NumberKind::Percent));
    }
    const DENOMINATORS: [&str; 9] = [
        "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    const NUMERATORS: [&str; 9] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if lang.code() != "en" {
        return None;
    }
    (2..=10u32).find_map(|b| {
        let a = (q * f64::from(b)).round();
        if !eq(a / f64::from(b), q) || a < 1.0 {
            return None;
        }
        let name = DENOMINATORS[b as usize - 2];
        Some(if a == 1.0 {
            format!("a {name}")
        } else {
            format!("{}-{name}s", NUMERATORS[a as usize - 1])
        })
    })
}

fn quantity(kind: NumberKind) -> bool {
    matches!(
        kind,
        NumberKind::Cardinal | NumberKind::Ordinal | NumberKind::Decimal | NumberKind::Year
    )
}

fn percent(kind: NumberKind) -> bool {
    matches!(kind, NumberKind::Percent | NumberKind::PercentagePoint)
}

fn date_like(kind: NumberKind) -> bool {
    matches!(
        kind,
        NumberKind::Date | NumberKind::Month | NumberKind::Year
    )
}

/// Cost of pairing two different values. It must stay below the cost of
/// leaving both unmatched (two weak mentions: 1.2) so a changed number is
/// reported as one mismatch, and below two vague absorptions (2 × ABSORB)
/// so hedged words cannot hide a changed number.
const MISMATCH: f64 = 0.8;

/// Cost of a vague mention ("hàng chục", "last year") standing in for a
/// concrete value: cheaper than leaving a strong or weak mention unmatched.
const ABSORB: f64 = 0.5;

/// Comparing two dates part by part.
fn compare_dates(s: &DateValue, t: &DateValue) -> Option<(f64, Verdict)> {
    let parts = [
        (s.day.map(i32::from), t.day.map(i32::from)),
        (s.month.map(i32::from), t.month.map(i32::from)),
        (s.year, t.year),
    ];
    let shared: Vec<(i32, i32)> = parts.iter().filter_map(|&(a, b)| Some((a?, b?))).collect();
    if shared.is_empty() {
        return None;
    }
    if shared.iter().all(|(a, b)| a == b) {
        let same_parts = parts.iter().all(|(a, b)| a.is_some() == b.is_some());
        // A dropped day is a lost detail, not a wrong date.
        let cost = if same_parts {
            0.0
        } else if s.day.is_some() && t.day.is_none() {
            0.3
        } else {
            0.1
        };
        return Some((cost, Verdict::Ok));
    }
    let swapped = matches!((s.day, s.month, t.day, t.month), (Some(sd), Some(sm), Some(td), Some(tm)) if sd == tm && sm == td);
    Some((if swapped { 0.5 } else { MISMATCH - 0.1 }, Verdict::Date))
}

fn time_eq(s: &TimeValue, t: &TimeValue) -> bool {
    if s.minute != t.minute {
        return false;
    }
    if s.meridiem_known && t.meridiem_known {
        s.hour == t.hour
    } else {
        s.hour % 12 == t.hour % 12
    }
}

/// A decade against a decade or a year. "những năm 80" ⇔ "the 1980s":
/// a decade written with two digits names its century by context.
fn decades(sk: NumberKind, a: f64, tk: NumberKind, b: f64) -> Option<(f64, Verdict)> {
    let same_decade = |x: f64, y: f64| {
        if x < 100.0 || y < 100.0 {
            eq(x.rem_euclid(100.0), y.rem_euclid(100.0))
        } else {
            eq(x, y)
        }
    };
    match (sk, tk) {
        (NumberKind::Decade, NumberKind::Decade) => Some(if same_decade(a, b) {
            (0.0, Verdict::Ok)
        } else {
            (MISMATCH, Verdict::Mismatch)
        }),
        // "vào năm 1985" ⇔ "in the mid-1980s": a year in that decade.
        (NumberKind::Decade, NumberKind::Year) => {
            same_decade(a, (b / 10.0).floor() * 10.0).then_some((0.3, Verdict::Ok))
        }
        (NumberKind::Year, NumberKind::Decade) => {
            same_decade((a / 10.0).floor() * 10.0, b).then_some((0.3, Verdict::Ok))
        }
        _ => None,
    }
}

/// Cost and verdict of reading source value `sv` as target value `tv`;
/// None when the two cannot be counterparts.
fn compare_values(
    sk: NumberKind,
    sv: &NumberValue,
    tk: NumberKind,
    tv: &NumberValue,
    hedged: bool,
) -> Option<(f64, Verdict)> {
    use NumberValue as V;
    let same = |a: f64, b: f64| eq(a, b) || (hedged && close(a, b));
    match (sv, tv) {
        (V::Relative, V::Relative) => Some((0.05, Verdict::Ok)),
        (V::Weekday(a), V::Weekday(b)) => Some(if a == b {
            (0.0, Verdict::Ok)
        } else {
            (MISMATCH - 0.1, Verdict::Date)
        }),
        (V::Relative, _) | (_, V::Relative) => {
            let other = if matches!(sv, V::Relative) {
                (tk, tv)
            } else {
                (sk, sv)
            };
            (date_like(other.0) || matches!(other.1, V::Date(_))).then_some((ABSORB, Verdict::Ok))
        }
        (V::Approx { lo, hi }, V::Approx { lo: l2, hi: h2 }) => {
            // Touching ends ("hàng nghìn" 1,000–10,000 ⇔ "hundreds" 100–1,000) are
            // another order of magnitude, not an overlap.
            (lo < h2 && l2 < hi).then_some((0.05, Verdict::Ok))
        }
        (V::Approx { lo, hi }, other) | (other, V::Approx { lo, hi }) => {
            let v = match other {
                V::Number(v) => *v,
                V::Money { amount, .. } => *amount,
                _ => return None,
            };
            (*lo <= v && v <= *hi).then_some((ABSORB, Verdict::Ok))
        }
        (V::Number(a), V::Number(b)) if sk == NumberKind::Decade || tk == NumberKind::Decade => {
            decades(sk, *a, tk, *b)
        }
        (V::Number(a), V::Number(b)) => {
            let (a, b) = (*a, *b);
            if quantity(sk) && quantity(tk) {
                if same(a, b) {
                    let cost = if sk == tk { 0.0 } else { 0.05 };
                    return Some((cost, Verdict::Ok));
                }
                return Some((MISMATCH, Verdict::Mismatch));
            }
            if percent(sk) && percent(tk) {
                if !same(a, b) {
                    return Some((MISMATCH, Verdict::Mismatch));
                }
                // Percentage points written as percent change the meaning;
                // the reverse is a translator being precise.
                if sk == NumberKind::PercentagePoint && tk == NumberKind::Percent {
                    return Some((0.6, Verdict::Mismatch));
                }
                return Some((if sk == tk { 0.0 } else { 0.1 }, Verdict::Ok));
            }
            // "20%" ⇔ "a fifth", "5%" ⇔ "5 points": the same share.
            if percent(sk) && quantity(tk) {
                let share = same(a, b) || same(a / 100.0, b);
                let rounded = tk == NumberKind::Decimal && fraction_in_percent(b, a);
                if share || rounded {
                    return Some((0.3, Verdict::Ok));
                }
                // "30%" for "một phần ba": a share rendered as another share.
                return (tk == NumberKind::Decimal && b > 0.0 && b < 1.0)
                    .then_some((MISMATCH, Verdict::Mismatch));
            }
            if quantity(sk) && percent(tk) {
                let share = same(a, b) || same(a, b / 100.0);
                let rounded = sk == NumberKind::Decimal && fraction_in_percent(a, b);
                if share || rounded {
                    return Some((0.3, Verdict::Ok));
                }
                return (sk == NumberKind::Decimal && a > 0.0 && a < 1.0)
                    .then_some((MISMATCH, Verdict::Mismatch));
            }
            // A year against a date in that year.
            None
        }
        (
            V::Money {
                amount: a,
                currency: ca,
            },
            V::Money {
                amount: b,
                currency: cb,
            },
        ) => {
            if ca != cb {
                let cost = if same(*a, *b) { 0.6 } else { MISMATCH };
                return Some((cost, Verdict::Unit));
            }
            if !same(*a, *b) {
                return Some((MISMATCH, Verdict::Mismatch));
            }
            Some((0.0, Verdict::Ok))
        }
        (V::Money { amount, .. }, V::Number(n)) | (V::Number(n), V::Money { amount, .. }) => {
            let other_kind = if matches!(sv, V::Number(_)) { sk } else { tk };
            if !matches!(other_kind, NumberKind::Cardinal | NumberKind::Decimal) {
                return None;
            }
            if same(*amount, *n) {
                Some((0.2, Verdict::Ok))
            } else {
                Some((MISMATCH, Verdict::Mismatch))
            }
        }
        (V::Date(a), V::Date(b)) => compare_dates(a, b),
        (V::Date(d), V::Number(n)) | (V::Number(n), V::Date(d)) => {
            let num_kind = if matches!(sv, V::Number(_)) { sk } else { tk };
            // "năm 2023" ⇔ "May 2023"; "ngày 14" ⇔ "the 14th".
            if num_kind == NumberKind::Year {
                // A full date standing in for a bare year loses its day and
                // month; two such cross pairings must cost more than one
                // swapped date (0.5), or "4/8/2022" ⇔ "April 8, 2022" next to
                // "2017-2022" would hide the swap.
                let cost = if d.day.is_some() { 0.3 } else { 0.2 };
                return d
                    .year
                    .is_some_and(|y| eq(f64::from(y), *n))
                    .then_some((cost, Verdict::Ok));
            }
            if quantity(num_kind) && d.month.is_none() && d.year.is_none() {
                return d
                    .day
                    .is_some_and(|day| eq(f64::from(day), *n))
                    .then_some((0.1, Verdict::Ok));
            }
            None
        }
        (V::Time(a), V::Time(b)) => {
            if time_eq(a, b) {
                Some((0.0, Verdict::Ok))
            } else {
                Some((MISMATCH, Verdict::Mismatch))
            }
        }
        (V::Time(t), V::Number(n)) | (V::Number(n), V::Time(t)) => {
            let h = f64::from(t.hour);
            (t.minute == 0 && (eq(h, *n) || eq(h - 12.0, *n) || eq(h + 12.0, *n)))
                .then_some((0.2, Verdict::Ok))
        }
        _ => None,
    }
}

/// Best way to pair two units, trying the alternative readings of each.
fn pair(s: &Unit, t: &Unit) -> Option<(f64, Verdict)> {
    let hedged = s.approximate || t.approximate;
    let mut best = compare_values(s.kind, s.value, t.kind, t.value, hedged).map(|(c, v)| {
        if v == Verdict::Ok && t.foreign {
            (c + 0.15, Verdict::Format)
        } else {
            (c, v)
        }
    });
    if let (Some(us), Some(ut), Some(primary)) = (s.measure, t.measure, best) {
        best = Some(measured(s.value, us, t.value, ut, hedged).unwrap_or(primary));
    }
    // "500 bảng Anh" ⇔ "500 pounds of rice": money on one side, a measured
    // amount (a weight) on the other.
    let money = |v: &NumberValue| matches!(v, NumberValue::Money { .. });
    let weighed =
        (money(s.value) && t.measure.is_some()) || (money(t.value) && s.measure.is_some());
    if weighed && best.is_some_and(|(_, v)| v == Verdict::Ok) {
        best = Some((0.6, Verdict::Unit));
    }
    // "hơn 50" ⇔ "fewer than 50": the hedge turned around.
    if let (Some(a), Some(b), Some((_, Verdict::Ok))) = (s.bound, t.bound, best) {
        if a != b {
            best = Some((MISMATCH - 0.1, Verdict::Bound));
        }
    }
    // A vague mention only confirms; it never takes part in a finding.
    let vague = s.strength == Strength::Vague || t.strength == Strength::Vague;
    if vague && best.is_some_and(|(_, v)| v != Verdict::Ok) {
        best = None;
    }
    let mut consider = |c: f64, v: Verdict| {
        if best.is_none_or(|(bc, _)| c < bc) {
            best = Some((c, v));
        }
    };
    // Another reading of the source is the source's own ambiguity: never a
    // finding by itself, but less likely than the primary reading.
    for r in s.alternatives {
        if let Some((c, Verdict::Ok)) = compare_values(r.kind, &r.value, t.kind, t.value, hedged) {
            let v = if t.foreign {
                Verdict::Format
            } else {
                Verdict::Ok
            };
            consider(c + if r.foreign { 0.15 } else { 0.1 }, v);
        }
    }
    for r in t.alternatives {
        // The sterling reading of a bare "500 pounds" confirms money only.
        let money_only = matches!(r.value, NumberValue::Money { .. })
            && !matches!(s.value, NumberValue::Money { .. });
        if money_only {
            continue;
        }
        if let Some((c, Verdict::Ok)) = compare_values(s.kind, s.value, r.kind, &r.value, hedged) {
            if r.foreign {
                consider(c + 0.2, Verdict::Format);
            } else {
                consider(c + 0.05, Verdict::Ok);
            }
        }
    }
    best.map(|(c, v)| (c + 0.01 * (s.pos - t.pos).abs(), v))
}

/// Two amounts with units, when the units decide the pairing: None when
/// the units are the same (the values decide alone).
fn measured(
    sv: &NumberValue,
    us: &'static UnitDef,
    tv: &NumberValue,
    ut: &'static UnitDef,
    hedged: bool,
) -> Option<(f64, Verdict)> {
    let (NumberValue::Number(a), NumberValue::Number(b)) = (sv, tv) else {
        return None;
    };
    let (a, b) = (*a, *b);
    if std::ptr::eq(us, ut) || us.code == ut.code {
        return None;
    }
    let converts_to = |u1: &UnitDef, u2: &UnitDef| converts(a, u1, b, u2, hedged, rounding_unit);
    let ok = match (us.dimension, ut.dimension) {
        // A bare "degrees" is Celsius or Fahrenheit, whichever fits.
        (Dimension::Temperature, Dimension::Temperature)
            if us.code == "deg" || ut.code == "deg" =>
        {
            let scales = ["c", "f"].map(super::units::by_code);
            let pick = |u: &'static UnitDef| -> Vec<&'static UnitDef> {
                if u.code == "deg" {
                    scales.iter().flatten().copied().collect()
                } else {
                    vec![u]
                }
            };
            pick(us).iter().any(|x| {
                pick(ut)
                    .iter()
                    .any(|y| eq(a, b) && x.code == y.code || converts_to(x, y))
            })
        }
        (x, y) if x == y => converts_to(us, ut),
        // "cây 100 năm tuổi" ⇔ "a 100-year-old tree": an age is a duration.
        (Dimension::Age, Dimension::Duration) | (Dimension::Duration, Dimension::Age) => {
            let year = super::units::by_code("year")?;
            let as_years = |u: &'static UnitDef| {
                if u.dimension == Dimension::Age {
                    year
                } else {
                    u
                }
            };
            converts_to(as_years(us), as_years(ut))
        }
        _ => false,
    };
    if ok {
        return Some((0.05, Verdict::Ok));
    }
    let comparable = us.dimension == ut.dimension
        || matches!(
            (us.dimension, ut.dimension),
            (Dimension::Age, Dimension::Duration) | (Dimension::Duration, Dimension::Age)
        );
    if comparable && !eq(a, b) {
        // A conversion off beyond rounding: a wrong number, shown converted.
        return Some((MISMATCH, Verdict::Mismatch));
    }
    Some((if eq(a, b) { 0.6 } else { MISMATCH }, Verdict::Unit))
}

fn unmatched_cost(u: &Unit) -> f64 {
    match u.strength {
        Strength::Strong => 1.0,
        Strength::Weak => 0.6,
        Strength::Vague => 0.0,
    }
}

/// Minimum-cost perfect matching on a square matrix (Hungarian algorithm
/// with potentials, O(n³)); returns the column assigned to each row.
fn hungarian(cost: &[Vec<f64>]) -> Vec<usize> {
    let n = cost.len();
    if n == 0 {
        return Vec::new();
    }
    let inf = f64::INFINITY;
    // 1-based arrays as in the classic formulation; index 0 is a sentinel.
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            if j1 == 0 {
                // Only reachable with non-finite costs; the padded matrix
                // always has a finite perfect matching.
                break;
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut assignment = vec![usize::MAX; n];
    for j in 1..=n {
        if p[j] > 0 {
            assignment[p[j] - 1] = j - 1;
        }
    }
    assignment
}

/// A cost that no real pairing reaches but that keeps the arithmetic finite.
const FORBIDDEN: f64 = 1e6;

/// Above this many units in a block (a long table, say) the O(n³) exact
/// assignment gives way to a greedy one, which is near-optimal here
/// because equal values cost almost nothing.
const EXACT_LIMIT: usize = 400;

/// Above this many unit pairs in one block (a pathological paragraph of
/// thousands of numbers; a long table has a few hundred) each source unit
/// is compared only with the target units around its relative position,
/// [`BAND`] on each side, so time and memory grow linearly, not with the
/// product of the counts.
const DENSE_PAIRS: usize = 1 << 20;
const BAND: usize = 32;

/// The possible pairings of each source unit, by target unit index:
/// (target unit, cost, verdict).
type Candidates = Vec<Vec<(usize, f64, Verdict)>>;

fn candidates(su: &[Unit], tu: &[Unit]) -> Candidates {
    let (n, m) = (su.len(), tu.len());
    let band = if n.saturating_mul(m) <= DENSE_PAIRS {
        m
    } else {
        BAND
    };
    su.iter()
        .enumerate()
        .map(|(i, s)| {
            let centre = i * m / n.max(1);
            let (lo, hi) = (centre.saturating_sub(band), (centre + band + 1).min(m));
            (lo..hi)
                .filter_map(|j| pair(s, &tu[j]).map(|(c, v)| (j, c, v)))
                .collect()
        })
        .collect()
}

/// The cost and verdict of pairing source unit `i` with target unit `j`.
fn cell(candidates: &Candidates, i: usize, j: usize) -> Option<(f64, Verdict)> {
    let row = candidates.get(i)?;
    let at = row.binary_search_by_key(&j, |c| c.0).ok()?;
    Some((row[at].1, row[at].2))
}

/// The optimal assignment: column `j < m` for a paired source unit `i`,
/// anything else for an unmatched one.
fn exact_assignment(su: &[Unit], tu: &[Unit], pairs: &Candidates) -> Vec<usize> {
    let (n, m) = (su.len(), tu.len());
    let size = n + m;
    // Rows: source units, then one "unmatched" row per target unit.
    // Columns: target units, then one "unmatched" column per source unit.
    let mut cost = vec![vec![FORBIDDEN; size]; size];
    for (i, s) in su.iter().enumerate() {
        for &(j, c, _) in &pairs[i] {
            cost[i][j] = c;
        }
        cost[i][m + i] = unmatched_cost(s);
    }
    for (j, t) in tu.iter().enumerate() {
        cost[n + j][j] = unmatched_cost(t);
        for k in 0..n {
            cost[n + j][m + k] = 0.0;
        }
    }
    hungarian(&cost)
}

/// Cheapest pairs first, each unit used once, a pair taken only when it
/// beats leaving both ends unmatched.
fn greedy_assignment(su: &[Unit], tu: &[Unit], pairs: &Candidates) -> Vec<usize> {
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in pairs.iter().enumerate() {
        for &(j, c, _) in row {
            if c < FORBIDDEN && c < unmatched_cost(&su[i]) + unmatched_cost(&tu[j]) {
                candidates.push((c, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut assignment = vec![usize::MAX; su.len()];
    let mut taken = vec![false; tu.len()];
    for (_, i, j) in candidates {
        if assignment[i] == usize::MAX && !taken[j] {
            assignment[i] = j;
            taken[j] = true;
        }
    }
    assignment
}

/// "hàng chục" ⇔ "thousands": a vague quantity on each side, neither
/// paired, a tenfold or more apart (by the middle of their ranges). Only
/// when each side has exactly one such leftover, so which goes with which
/// is not a guess.
fn magnitude(
    source: &[Mention],
    target: &[Mention],
    source_paired: &[bool],
    tu: &[Unit],
    matched_target: &[bool],
) -> Option<NumberIssue> {
    let approx = |m: &Mention| match m.value {
        NumberValue::Approx { lo, hi } if lo > 0.0 => Some((lo, hi)),
        _ => None,
    };
    // Per target mention: some unit of it was paired (one pass over the
    // units, not one per mention).
    let mut target_paired = vec![false; target.len()];
    for (u, &m) in tu.iter().zip(matched_target) {
        if m {
            if let Some(p) = target_paired.get_mut(u.mention) {
                *p = true;
            }
        }
    }
    let lone_s: Vec<usize> = (0..source.len())
        .filter(|&i| !source_paired[i] && approx(&source[i]).is_some())
        .collect();
    let lone_t: Vec<usize> = (0..target.len())
        .filter(|&j| !target_paired[j] && approx(&target[j]).is_some())
        .collect();
    let ([si], [ti]) = (lone_s.as_slice(), lone_t.as_slice()) else {
        return None;
    };
    let (s, t) = (&source[*si], &target[*ti]);
    if (s.kind == NumberKind::Money) != (t.kind == NumberKind::Money) {
        return None;
    }
    let ((sl, sh), (tl, th)) = (approx(s)?, approx(t)?);
    let ratio = ((tl * th).sqrt() / (sl * sh).sqrt()).max((sl * sh).sqrt() / (tl * th).sqrt());
    if (sl < th && tl < sh) || ratio < 9.99 {
        return None;
    }
    Some(NumberIssue {
        rule: NumberRule::Magnitude,
        source: Some(*si),
        target: Some(*ti),
        message: format!(
            "vague quantity \u{201C}{}\u{201D} ({}) rendered as \u{201C}{}\u{201D} ({}): an order of magnitude apart",
            s.text,
            describe(&s.value, s.kind),
            t.text,
            describe(&t.value, t.kind)
        ),
        suggestion: None,
    })
}

/// How a value reads in English, for messages.
fn describe(v: &NumberValue, kind: NumberKind) -> String {
    render::english(v, kind, DateOrder::MonthDay)
}

/// "more than" or "less than", for messages.
fn bound_words(b: Option<Bound>) -> &'static str {
    match b {
        Some(Bound::Above) => "more than",
        Some(Bound::Below) => "less than",
        None => "",
    }
}

/// A mention's value and unit in English, for messages.
fn describe_mention(m: &Mention) -> String {
    with_unit_text(describe(&m.value, m.kind), m.unit, "en")
}

/// A rendered amount followed by its unit as `lang` writes it.
fn with_unit_text(amount: String, unit: Option<&UnitDef>, lang: &str) -> String {
    match unit {
        None => amount,
        Some(u) => {
            let word = if lang == "vi" { u.vi } else { u.en };
            if word.starts_with('°') {
                format!("{amount}{word}")
            } else {
                format!("{amount} {word}")
            }
        }
    }
}

/// Three significant digits, for a converted amount ("3.11 miles").
fn significant(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = 10f64.powi(x.abs().log10().floor() as i32 - 2);
    (x / magnitude).round() * magnitude
}

/// What changed between the units of two paired mentions.
fn unit_change(s: &Mention, t: &Mention) -> String {
    match (&s.value, &t.value, s.unit, t.unit) {
        (NumberValue::Money { currency: a, .. }, NumberValue::Money { currency: b, .. }, _, _) => {
            format!("the currency changed from {} to {}", a.code(), b.code())
        }
        (_, _, Some(us), Some(ut)) if us.dimension != ut.dimension => {
            let article = if us.dimension.name().starts_with('a') {
                "an"
            } else {
                "a"
            };
            format!(
                "{article} {} became a {}",
                us.dimension.name(),
                ut.dimension.name()
            )
        }
        (_, _, Some(us), Some(ut)) => {
            format!("the unit changed from {} to {}", us.en, ut.en)
        }
        _ => "the unit changed".to_string(),
    }
}

/// Pair the numbers of a source block with those of its translation and
/// report what a careful editor would call wrong.
pub fn compare(
    source: &[Mention],
    target: &[Mention],
    source_lang: &dyn NumberLanguage,
    target_lang: &dyn NumberLanguage,
) -> Vec<NumberIssue> {
    let source_shares = ratios_as_shares(source, target);
    let target_shares = ratios_as_shares(target, source);
    let source = source_shares.as_deref().unwrap_or(source);
    let target = target_shares.as_deref().unwrap_or(target);
    let su = units(source);
    let tu = units(target);
    let (n, m) = (su.len(), tu.len());
    let pairs = candidates(&su, &tu);
    let assignment = if n + m <= EXACT_LIMIT {
        exact_assignment(&su, &tu, &pairs)
    } else {
        greedy_assignment(&su, &tu, &pairs)
    };

    // The date order the translation already uses, for suggestions.
    let target_order = target.iter().find_map(|t| t.date_order);
    let mut issues: Vec<NumberIssue> = Vec::new();
    let mut pair_verdicts: Vec<((usize, usize), Verdict)> = Vec::new();
    // Where each (source, target) mention pair is in `pair_verdicts`.
    let mut pair_at: HashMap<(usize, usize), usize> = HashMap::new();
    let mut matched_target = vec![false; m];
    let mut missing: Vec<usize> = Vec::new();
    let mut source_paired = vec![false; source.len()];
    for (i, s) in su.iter().enumerate() {
        let j = assignment.get(i).copied().unwrap_or(usize::MAX);
        match cell(&pairs, i, j) {
            Some((c, v)) if j < m && c < FORBIDDEN => {
                matched_target[j] = true;
                source_paired[s.mention] = true;
                let key = (s.mention, tu[j].mention);
                match pair_at.get(&key) {
                    Some(&at) => pair_verdicts[at].1 = pair_verdicts[at].1.max(v),
                    None => {
                        pair_at.insert(key, pair_verdicts.len());
                        pair_verdicts.push((key, v));
                    }
                }
            }
            _ => {
                if s.strength == Strength::Strong {
                    missing.push(s.mention);
                }
            }
        }
    }
    for ((si, ti), verdict) in pair_verdicts {
        if verdict == Verdict::Ok {
            continue;
        }
        let (s, t) = (&source[si], &target[ti]);
        let order = t.date_order.or(target_order);
        let mut suggestion = Some(with_unit_text(
            target_lang.render_styled(&s.value, s.kind, order),
            s.unit,
            target_lang.code(),
        ));
        // A conversion off beyond rounding: the source amount in the
        // translation's unit ("5 km" ⇔ "8 miles": use "3.11 miles").
        if let (Verdict::Mismatch, NumberValue::Number(a), Some(us), Some(ut)) =
            (verdict, &s.value, s.unit, t.unit)
        {
            if us.dimension == ut.dimension
                && us.code != ut.code
                && us.code != "deg"
                && ut.code != "deg"
            {
                let converted = significant(ut.from_base(us.to_base(*a)));
                let amount =
                    target_lang.render(&NumberValue::Number(converted), NumberKind::Decimal);
                suggestion = Some(with_unit_text(amount, Some(ut), target_lang.code()));
            }
        }
        if let (Verdict::Mismatch, NumberKind::Decimal, NumberValue::Number(q)) =
            (verdict, s.kind, &s.value)
        {
            if let Some(share) = share_text(*q, t.kind, target_lang) {
                suggestion = Some(share);
            }
        }
        if verdict == Verdict::Bound && target_lang.code() == "en" {
            suggestion = suggestion.map(|x| format!("{} {x}", bound_words(s.bound)));
        }
        let s_desc = describe_mention(s);
        let t_desc = match (&s.value, s.unit, &t.value, t.unit) {
            // A conversion off beyond rounding: show what it converts to.
            (NumberValue::Number(_), Some(us), NumberValue::Number(b), Some(ut))
                if verdict == Verdict::Mismatch
                    && us.code != ut.code
                    && us.code != "deg"
                    && ut.code != "deg" =>
            {
                let back = us.from_base(ut.to_base(*b));
                format!(
                    "{}, which is {}",
                    describe_mention(t),
                    with_unit_text(
                        render::english(
                            &NumberValue::Number(significant(back)),
                            NumberKind::Decimal,
                            DateOrder::MonthDay
                        ),
                        Some(us),
                        "en"
                    )
                )
            }
            _ => describe_mention(t),
        };
        let (rule, message) = match verdict {
            Verdict::Date => {
                let swapped = matches!((&s.value, &t.value), (NumberValue::Date(a), NumberValue::Date(b))
                    if a.day.is_some() && a.day == b.month && a.month == b.day);
                let note = if swapped {
                    ": day and month swapped"
                } else {
                    ""
                };
                (
                    NumberRule::Date,
                    format!(
                        "date \u{201C}{}\u{201D} ({s_desc}) rendered as \u{201C}{}\u{201D} ({t_desc}){note}",
                        s.text, t.text
                    ),
                )
            }
            Verdict::Format => (
                NumberRule::Format,
                format!(
                    "number \u{201C}{}\u{201D} keeps the {} digit convention; the source \u{201C}{}\u{201D} means {s_desc}",
                    t.text,
                    crate::lang::language_name(source_lang.code()),
                    s.text
                ),
            ),
            Verdict::Bound => (
                NumberRule::Mismatch,
                format!(
                    "number \u{201C}{}\u{201D} ({} {s_desc}) rendered as \u{201C}{}\u{201D} ({} {t_desc}): the hedge points the other way",
                    s.text,
                    bound_words(s.bound),
                    t.text,
                    bound_words(t.bound)
                ),
            ),
            Verdict::Unit => (
                NumberRule::Unit,
                format!(
                    "quantity \u{201C}{}\u{201D} ({s_desc}) rendered as \u{201C}{}\u{201D} ({t_desc}): {}",
                    s.text,
                    t.text,
                    unit_change(s, t)
                ),
            ),
            _ => (
                NumberRule::Mismatch,
                format!(
                    "number \u{201C}{}\u{201D} ({s_desc}) rendered as \u{201C}{}\u{201D} ({t_desc})",
                    s.text, t.text
                ),
            ),
        };
        issues.push(NumberIssue {
            rule,
            source: Some(si),
            target: Some(ti),
            message,
            suggestion,
        });
    }
    // Both ends of a range are consecutive units: report the range once.
    missing.dedup();
    for si in missing {
        let s = &source[si];
        let desc = describe(&s.value, s.kind);
        let message = if source_paired[si] {
            // One end of the range found its counterpart ("2019-2023" ⇔ "since 2019").
            format!(
                "range \u{201C}{}\u{201D} ({desc}) is only partly rendered in the translation",
                s.text
            )
        } else {
            format!(
                "number \u{201C}{}\u{201D} ({desc}) has no counterpart in the translation",
                s.text
            )
        };
        issues.push(NumberIssue {
            rule: NumberRule::Missing,
            source: Some(si),
            target: None,
            message,
            suggestion: Some(target_lang.render_styled(&s.value, s.kind, target_order)),
        });
    }
    let mut extra_seen = vec![false; target.len()];
    // Mentions with some unit paired, looked up instead of searched for
    // each unpaired unit (that search was quadratic in a long block).
    let mut mention_paired = vec![false; target.len()];
    for (j, t) in tu.iter().enumerate() {
        mention_paired[t.mention] |= matched_target[j];
    }
    for (j, t) in tu.iter().enumerate() {
        if matched_target[j] || t.strength != Strength::Strong || extra_seen[t.mention] {
            continue;
        }
        // A range end whose other end found its source is not extra.
        if mention_paired[t.mention] {
            continue;
        }
        extra_seen[t.mention] = true;
        let tm = &target[t.mention];
        // "in February, and it snowed in February": a number said again is
        // no new number.
        let repeated = tu.iter().enumerate().any(|(k, o)| {
            matched_target[k]
                && target[o.mention].kind == tm.kind
                && target[o.mention].value == tm.value
        });
        if repeated {
            continue;
        }
        let desc = describe(&tm.value, tm.kind);
        issues.push(NumberIssue {
            rule: NumberRule::Extra,
            source: None,
            target: Some(t.mention),
            message: format!(
                "number \u{201C}{}\u{201D} ({desc}) in the translation has no counterpart in the source",
                tm.text
            ),
            suggestion: None,
        });
    }
    issues.extend(magnitude(
        source,
        target,
        &source_paired,
        &tu,
        &matched_target,
    ));
    issues.sort_by_key(|x| {
        (
            x.source.unwrap_or(usize::MAX),
            x.target.unwrap_or(usize::MAX),
        )
    });
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hungarian_finds_the_minimum() {
        let c = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        let a = hungarian(&c);
        let total: f64 = a.iter().enumerate().map(|(i, &j)| c[i][j]).sum();
        assert_eq!(total, 5.0);
        assert!(hungarian(&[]).is_empty());
        // Exhaustive check on small random matrices.
        let mut x: u64 = 3;
        for size in 1..=6 {
            for _ in 0..30 {
                let c: Vec<Vec<f64>> = (0..size)
                    .map(|_| {
                        (0..size)
                            .map(|_| {
                                x = x
                                    .wrapping_mul(6364136223846793005)
                                    .wrapping_add(1442695040888963407);
                                ((x >> 40) % 100) as f64
                            })
                            .collect()
                    })
                    .collect();
                let a = hungarian(&c);
                let got: f64 = a.iter().enumerate().map(|(i, &j)| c[i][j]).sum();
                let mut perm: Vec<usize> = (0..size).collect();
                let mut best = f64::INFINITY;
                permute(&mut perm, 0, &mut |p| {
                    let s: f64 = p.iter().enumerate().map(|(i, &j)| c[i][j]).sum();
                    best = best.min(s);
                });
                assert_eq!(got, best);
            }
        }
    }

    #[test]
    fn hedged_numbers_may_be_rounded_not_changed() {
        let cases = [
            (2_680_000.0, 2_700_000.0, true),
            (2_700_000.0, 2_680_000.0, true),
            (39_800.0, 40_000.0, true),
            (1.234_567e6, 1.2e6, false), // more than 2 % apart
            (573_000.0, 578_000.0, false),
            (874e9, 872e9, false),
            (4.53, 4.5, true),
            (4.56, 4.5, false), // rounds to 4.6
            // Either side may be the rounded one: "a third" is 0.333…, with
            // no written precision, against "khoảng 33%".
            (61_300.0, 61_309.0, true),
            (0.33, 1.0 / 3.0, true),
            (61_309.0, 61_000.0, true),
        ];
        for (a, b, expected) in cases {
            assert_eq!(close(a, b), expected, "{a} ~ {b}");
        }
        for (x, unit) in [
            (573_000.0, 1000.0),
            (2.7, 0.1),
            (0.0, 1.0),
            (4.53, 0.01),
            (7.0, 1.0),
        ] {
            assert!(eq(rounding_unit(x), unit), "{x}: {}", rounding_unit(x));
        }
    }

    fn permute(p: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
        if k == p.len() {
            f(p);
            return;
        }
        for i in k..p.len() {
            p.swap(k, i);
            permute(p, k + 1, f);
            p.swap(k, i);
        }
    }
}
