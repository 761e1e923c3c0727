//! Writing values the way each language writes them, for suggestions and
//! messages: "13th", "February 14", "$45.2 billion", "12,6%", "thứ 13".

use super::{Currency, DateOrder, DateValue, NumberKind, NumberValue, TimeValue};

/// Plain digits with `group` between thousands and `dec` before decimals;
/// at most six decimals, trailing zeros dropped.
pub(crate) fn digits(v: f64, dec: char, group: Option<char>) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{:.6}", v.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    let n = int.len();
    for (i, c) in int.chars().enumerate() {
        if let Some(g) = group {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(g);
            }
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(dec);
        out.push_str(frac);
    }
    out
}

/// A multiple of a scale is written with the scale word when it needs at
/// most three decimals ("45.2 billion" but "1,234,567").
fn scaled(v: f64, scales: &[(f64, &'static str)]) -> Option<(f64, &'static str)> {
    for &(s, word) in scales {
        if v.abs() >= s {
            let x = v / s;
            if ((x * 1000.0).round() - x * 1000.0).abs() < 1e-6 {
                return Some((x, word));
            }
            return None;
        }
    }
    None
}

const EN_SCALES: [(f64, &str); 4] = [
    (1e15, "quadrillion"),
    (1e12, "trillion"),
    (1e9, "billion"),
    (1e6, "million"),
];

/// "25,000", "2.7 million", "45.2 billion".
pub(crate) fn en_amount(v: f64) -> String {
    match scaled(v, &EN_SCALES) {
        Some((x, w)) => format!("{} {w}", digits(x, '.', Some(','))),
        None => digits(v, '.', Some(',')),
    }
}

/// "25.000", "2,7 triệu", "45,2 tỷ", "2.500 tỷ", "2 triệu tỷ".
pub(crate) fn vi_amount(v: f64) -> String {
    const VI: [(f64, &str); 3] = [(1e15, "triệu tỷ"), (1e9, "tỷ"), (1e6, "triệu")];
    match scaled(v, &VI) {
        Some((x, w)) => format!("{} {w}", digits(x, ',', Some('.'))),
        None => digits(v, ',', Some('.')),
    }
}

pub(crate) fn en_ordinal(n: f64) -> String {
    let i = n.round() as i64;
    let suffix = match (i % 10, i % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{i}{suffix}")
}

pub(crate) use crate::lang::en::MONTHS as EN_MONTHS;

fn en_month(m: u8) -> &'static str {
    EN_MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

pub(crate) fn en_date(d: &DateValue, order: DateOrder) -> String {
    match (d.day, d.month, d.year) {
        (Some(day), Some(m), Some(y)) => match order {
            DateOrder::MonthDay => format!("{} {day}, {y}", en_month(m)),
            DateOrder::DayMonth => format!("{day} {} {y}", en_month(m)),
        },
        (Some(day), Some(m), None) => match order {
            DateOrder::MonthDay => format!("{} {day}", en_month(m)),
            DateOrder::DayMonth => format!("{day} {}", en_month(m)),
        },
        (None, Some(m), Some(y)) => format!("{} {y}", en_month(m)),
        (None, Some(m), None) => en_month(m).to_string(),
        (Some(day), None, _) => format!("the {}", en_ordinal(f64::from(day))),
        (None, None, Some(y)) => y.to_string(),
        (None, None, None) => String::new(),
    }
}

pub(crate) fn vi_date(d: &DateValue) -> String {
    match (d.day, d.month, d.year) {
        (Some(day), Some(m), Some(y)) => format!("{day}/{m}/{y}"),
        (Some(day), Some(m), None) => format!("{day}/{m}"),
        (None, Some(m), Some(y)) => format!("tháng {m}/{y}"),
        (None, Some(m), None) => format!("tháng {m}"),
        (Some(day), None, _) => format!("ngày {day}"),
        (None, None, Some(y)) => format!("năm {y}"),
        (None, None, None) => String::new(),
    }
}

fn en_time(t: &TimeValue) -> String {
    if !t.meridiem_known {
        return format!("{}:{:02}", t.hour, t.minute);
    }
    let (h, suffix) = match t.hour {
        0 => (12, "a.m."),
        1..=11 => (t.hour, "a.m."),
        12 => (12, "p.m."),
        h => (h - 12, "p.m."),
    };
    if t.minute == 0 {
        format!("{h} {suffix}")
    } else {
        format!("{h}:{:02} {suffix}", t.minute)
    }
}

fn vi_time(t: &TimeValue) -> String {
    if t.minute == 0 {
        format!("{}h", t.hour)
    } else {
        format!("{}h{:02}", t.hour, t.minute)
    }
}

fn en_money(amount: f64, c: Currency) -> String {
    let a = en_amount(amount);
    match c {
        Currency::Usd => format!("${a}"),
        Currency::Eur => format!("€{a}"),
        Currency::Gbp => format!("£{a}"),
        Currency::Aud => format!("A${a}"),
        Currency::Cad => format!("C${a}"),
        Currency::Sgd => format!("S${a}"),
        Currency::Hkd => format!("HK${a}"),
        Currency::Twd => format!("NT${a}"),
        Currency::Vnd => format!("{a} dong"),
        Currency::Jpy => format!("{a} yen"),
        Currency::Cny => format!("{a} yuan"),
        Currency::Krw => format!("{a} won"),
        Currency::Rub => format!("{a} rubles"),
        Currency::Thb => format!("{a} baht"),
        Currency::Chf => format!("{a} Swiss francs"),
        Currency::Inr => format!("{a} rupees"),
    }
}

fn vi_money(amount: f64, c: Currency) -> String {
    let a = vi_amount(amount);
    let unit = match c {
        Currency::Vnd => "đồng",
        Currency::Eur => "euro",
        Currency::Jpy => "yen",
        Currency::Cny => "nhân dân tệ",
        Currency::Krw => "won",
        Currency::Rub => "rúp",
        Currency::Gbp => "bảng Anh",
        other => other.code(),
    };
    format!("{a} {unit}")
}

/// English weekday names, Monday first.
pub(crate) const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// English rendering; `order` picks "4 August" or "August 4".
pub(crate) fn english(value: &NumberValue, kind: NumberKind, order: DateOrder) -> String {
    if let (NumberKind::Ratio, NumberValue::Range { lo, hi, kind: k }) = (kind, value) {
        return format!(
            "{} out of {}",
            english(lo, *k, order),
            english(hi, *k, order)
        );
    }
    match value {
        NumberValue::Number(v) => match kind {
            NumberKind::Ordinal => en_ordinal(*v),
            NumberKind::Percent => format!("{}%", digits(*v, '.', Some(','))),
            NumberKind::PercentagePoint => {
                let unit = if (*v - 1.0).abs() < 1e-9 {
                    "percentage point"
                } else {
                    "percentage points"
                };
                format!("{} {unit}", digits(*v, '.', Some(',')))
            }
            NumberKind::Year => digits(*v, '.', None),
            NumberKind::Decade if *v < 100.0 => format!("the '{:02}s", *v as u32),
            NumberKind::Decade => format!("the {}s", digits(*v, '.', None)),
            NumberKind::Date | NumberKind::Month | NumberKind::Time => digits(*v, '.', None),
            _ => en_amount(*v),
        },
        NumberValue::Money { amount, currency } => en_money(*amount, *currency),
        NumberValue::Date(d) => en_date(d, order),
        NumberValue::Time(t) => en_time(t),
        NumberValue::Range { lo, hi, kind } => {
            if let (NumberValue::Date(a), NumberValue::Date(b)) = (&**lo, &**hi) {
                if a.month == b.month && a.year == b.year && a.day.is_some() && b.day.is_some() {
                    let (da, db) = (a.day.unwrap_or(0), b.day.unwrap_or(0));
                    let m = en_month(a.month.unwrap_or(0));
                    return match order {
                        DateOrder::MonthDay => format!("{m} {da}-{db}"),
                        DateOrder::DayMonth => format!("{da}-{db} {m}"),
                    };
                }
            }
            if let (NumberValue::Number(a), NumberValue::Number(b), NumberKind::Percent) =
                (&**lo, &**hi, kind)
            {
                return format!(
                    "{}-{}%",
                    digits(*a, '.', Some(',')),
                    digits(*b, '.', Some(','))
                );
            }
            format!(
                "{}-{}",
                english(lo, *kind, order),
                english(hi, *kind, order)
            )
        }
        NumberValue::Approx { lo, hi } => format!("{}-{}", en_amount(*lo), en_amount(*hi)),
        NumberValue::Relative => String::new(),
        NumberValue::Weekday(d) => EN_WEEKDAYS
            .get(usize::from(*d).wrapping_sub(1))
            .copied()
            .unwrap_or_default()
            .to_string(),
    }
}

/// Vietnamese rendering.
pub(crate) fn vietnamese(value: &NumberValue, kind: NumberKind) -> String {
    if let (NumberKind::Ratio, NumberValue::Range { lo, hi, kind: k }) = (kind, value) {
        return format!("{}/{}", vietnamese(lo, *k), vietnamese(hi, *k));
    }
    match value {
        NumberValue::Number(v) => match kind {
            NumberKind::Ordinal => format!("thứ {}", digits(*v, ',', Some('.'))),
            NumberKind::Percent => format!("{}%", digits(*v, ',', Some('.'))),
            NumberKind::PercentagePoint => {
                format!("{} điểm phần trăm", digits(*v, ',', Some('.')))
            }
            NumberKind::Year => format!("năm {}", digits(*v, ',', None)),
            NumberKind::Decade => format!("những năm {}", digits(*v, ',', None)),
            NumberKind::Date | NumberKind::Month | NumberKind::Time => digits(*v, ',', None),
            _ => vi_amount(*v),
        },
        NumberValue::Money { amount, currency } => vi_money(*amount, *currency),
        NumberValue::Date(d) => vi_date(d),
        NumberValue::Time(t) => vi_time(t),
        NumberValue::Range { lo, hi, kind } => {
            if let (NumberValue::Date(a), NumberValue::Date(b)) = (&**lo, &**hi) {
                if a.month == b.month && a.year.is_none() && b.year.is_none() {
                    if let (Some(da), Some(db), Some(m)) = (a.day, b.day, a.month) {
                        return format!("{da}-{db}/{m}");
                    }
                }
            }
            let bare = |v: &NumberValue| match (v, kind) {
                (NumberValue::Number(x), NumberKind::Year) => digits(*x, ',', None),
                _ => vietnamese(v, *kind),
            };
            format!("{}-{}", bare(lo), bare(hi))
        }
        NumberValue::Approx { lo, hi } => format!("{}-{}", vi_amount(*lo), vi_amount(*hi)),
        NumberValue::Relative => String::new(),
        NumberValue::Weekday(7) => "Chủ nhật".to_string(),
        NumberValue::Weekday(d) => format!("thứ {}", d + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(day: Option<u8>, month: Option<u8>, year: Option<i32>) -> NumberValue {
        NumberValue::Date(DateValue { day, month, year })
    }

    #[test]
    fn english_forms() {
        let md = DateOrder::MonthDay;
        let n = |v| NumberValue::Number(v);
        let cases: Vec<(NumberValue, NumberKind, &str)> = vec![
            (n(25000.0), NumberKind::Cardinal, "25,000"),
            (n(2.7e6), NumberKind::Cardinal, "2.7 million"),
            (n(1_234_567.0), NumberKind::Cardinal, "1,234,567"),
            (n(13.0), NumberKind::Ordinal, "13th"),
            (n(21.0), NumberKind::Ordinal, "21st"),
            (n(112.0), NumberKind::Ordinal, "112th"),
            (n(12.6), NumberKind::Percent, "12.6%"),
            (
                n(0.25),
                NumberKind::PercentagePoint,
                "0.25 percentage points",
            ),
            (n(2023.0), NumberKind::Year, "2023"),
            (
                NumberValue::Money {
                    amount: 45.2e9,
                    currency: Currency::Usd,
                },
                NumberKind::Money,
                "$45.2 billion",
            ),
            (
                NumberValue::Money {
                    amount: 7e12,
                    currency: Currency::Vnd,
                },
                NumberKind::Money,
                "7 trillion dong",
            ),
            (
                date(Some(14), Some(2), None),
                NumberKind::Date,
                "February 14",
            ),
            (
                date(Some(14), Some(2), Some(2023)),
                NumberKind::Date,
                "February 14, 2023",
            ),
            (
                date(None, Some(5), Some(2022)),
                NumberKind::Date,
                "May 2022",
            ),
            (
                NumberValue::Time(TimeValue {
                    hour: 15,
                    minute: 45,
                    meridiem_known: true,
                }),
                NumberKind::Time,
                "3:45 p.m.",
            ),
            (
                NumberValue::Range {
                    lo: Box::new(date(Some(10), Some(6), None)),
                    hi: Box::new(date(Some(12), Some(6), None)),
                    kind: NumberKind::Date,
                },
                NumberKind::Range,
                "June 10-12",
            ),
            (
                NumberValue::Range {
                    lo: Box::new(n(2019.0)),
                    hi: Box::new(n(2023.0)),
                    kind: NumberKind::Year,
                },
                NumberKind::Range,
                "2019-2023",
            ),
        ];
        for (v, k, want) in cases {
            assert_eq!(english(&v, k, md), want);
        }
        assert_eq!(
            english(
                &date(Some(4), Some(8), None),
                NumberKind::Date,
                DateOrder::DayMonth
            ),
            "4 August"
        );
    }

    #[test]
    fn vietnamese_forms() {
        let n = |v| NumberValue::Number(v);
        assert_eq!(vietnamese(&n(25000.0), NumberKind::Cardinal), "25.000");
        assert_eq!(vietnamese(&n(2.7e6), NumberKind::Cardinal), "2,7 triệu");
        assert_eq!(vietnamese(&n(2.5e12), NumberKind::Cardinal), "2.500 tỷ");
        assert_eq!(vietnamese(&n(2e15), NumberKind::Cardinal), "2 triệu tỷ");
        assert_eq!(vietnamese(&n(12.6), NumberKind::Percent), "12,6%");
        assert_eq!(vietnamese(&n(13.0), NumberKind::Ordinal), "thứ 13");
        assert_eq!(
            vietnamese(&date(Some(4), Some(8), None), NumberKind::Date),
            "4/8"
        );
        assert_eq!(
            vietnamese(
                &NumberValue::Money {
                    amount: 45.2e9,
                    currency: Currency::Usd
                },
                NumberKind::Money
            ),
            "45,2 tỷ USD"
        );
    }

    #[test]
    fn odd_values_do_not_panic() {
        for v in [f64::NAN, f64::INFINITY, -1.5, 0.0, 1e300] {
            let _ = english(
                &NumberValue::Number(v),
                NumberKind::Cardinal,
                DateOrder::MonthDay,
            );
            let _ = vietnamese(&NumberValue::Number(v), NumberKind::Ordinal);
        }
        let _ = english(
            &date(Some(40), Some(13), None),
            NumberKind::Date,
            DateOrder::MonthDay,
        );
    }
}
