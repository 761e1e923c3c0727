//! Machinery shared by the language extractors: token access, building
//! mentions from token ranges, hedge detection, and the final pass that
//! spreads a scale or unit across a range ("2 to 3 million" means 2
//! million, "từ 10 đến 15%" means 10%).

use super::lexer::{TokKind, Token};
use super::literal::{parse_num, split_number, Conv, Item};
use super::units::{unit_at, UnitDef, UnitWords};
use super::{Currency, DateValue, Mention, NumberKind, NumberValue};

/// The unit that follows an amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Unit {
    None,
    Percent,
    PercentagePoint,
    /// Basis points: a hundredth of a percentage point.
    BasisPoint,
    Money(Currency),
    /// A hundredth of a currency ("500 cents" is $5).
    Cents(Currency),
}

/// Words that join days in a list ("10, 11 và 12/6", "10 and 12 June").
const DAY_LIST: &[&str] = &[",", "và", "and", "-", "đến", "tới", "to", "hoặc", "or", "&"];

/// Words between the ends of a date range ("May 19 to 21", "19 đến 21/5").
const RANGE_ENDS: &[&str] = &["to", "through", "until", "till", "-", "–", "đến", "tới"];

/// Words that may open a bracketed conversion ("(about $40 million)").
const CONVERSION_WORDS: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "nearly",
    "almost",
    "or",
    "~",
    "khoảng",
    "tương",
    "đương",
    "gần",
    "hơn",
    "tức",
    "hay",
    "chừng",
    "xấp",
    "xỉ",
];

/// A mention with the token range it came from and how its value was built.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub m: Mention,
    /// First and last token, inclusive.
    pub first: usize,
    pub last: usize,
    /// Value before the final scale word ("3" in "3 triệu").
    pub base: f64,
    /// The final scale word's value, or 1.
    pub scale: f64,
    pub unit: Unit,
}

/// Items for the number-word parsers: plain digit literals become numbers.
pub(crate) fn make_items<'t>(toks: &'t [Token<'_>], conv: Conv) -> Vec<Item<'t>> {
    toks.iter()
        .map(|t| match t.kind {
            TokKind::Word => Item::Word(t.lower.as_ref()),
            TokKind::Lit => {
                let (p, core, s) = split_number(t.text);
                if p.is_empty() && s.is_empty() {
                    parse_num(core, conv).map_or(Item::Other, |n| Item::Num(n.value))
                } else {
                    Item::Other
                }
            }
            TokKind::Punct if t.text == "," => Item::Comma,
            _ => Item::Other,
        })
        .collect()
}

/// The scanning state of one block.
pub(crate) struct Scan<'t, 'a> {
    pub text: &'a str,
    pub toks: &'t [Token<'a>],
    pub items: &'t [Item<'t>],
    pub found: Vec<Found>,
}

impl<'t, 'a> Scan<'t, 'a> {
    pub fn new(text: &'a str, toks: &'t [Token<'a>], items: &'t [Item<'t>]) -> Self {
        Scan {
            text,
            toks,
            items,
            found: Vec::new(),
        }
    }

    /// Lower-cased token text, "" past either end.
    pub fn lower(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.lower.as_ref())
    }

    /// Lower-cased text of the token before `i`, "" at the start.
    pub fn prev(&self, i: usize) -> &'t str {
        if i == 0 {
            ""
        } else {
            self.lower(i - 1)
        }
    }

    /// Lower-cased word at `i`, None for literals and punctuation.
    pub fn word(&self, i: usize) -> Option<&'t str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_ref())
    }

    pub fn tok(&self, i: usize) -> Option<&'t Token<'a>> {
        self.toks.get(i)
    }

    /// Raw text of the token at `i`, "" past the end.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    /// The digits of a character reference ("&#91;") split off by the lexer.
    pub fn char_reference(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.text[..t.start].ends_with("&#") && self.text[t.end..].starts_with(';')
        })
    }

    pub fn is_lit(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Lit)
    }

    /// The plain number at `i` (a literal without prefix or suffix).
    pub fn num(&self, i: usize) -> Option<f64> {
        match self.items.get(i) {
            Some(Item::Num(v)) => Some(*v),
            _ => None,
        }
    }

    /// A plain integer literal of at most `max_digits` digits with no separators.
    pub fn plain_int(&self, i: usize, max_digits: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Lit
            || t.text.len() > max_digits
            || !t.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        t.text.parse().ok()
    }

    /// A mention covering tokens `first..=last`.
    pub fn mention(
        &self,
        first: usize,
        last: usize,
        kind: NumberKind,
        value: NumberValue,
    ) -> Mention {
        let start = self.toks[first].start;
        let end = self.toks[last.max(first)].end;
        Mention::new(start..end, &self.text[start..end], kind, value)
    }

    /// A mention covering a byte range inside one token.
    pub fn mention_in(
        &self,
        tok: usize,
        from: usize,
        to: usize,
        kind: NumberKind,
        value: NumberValue,
    ) -> Mention {
        let t = &self.toks[tok];
        let start = t.start + from;
        let end = t.start + to;
        Mention::new(start..end, &self.text[start..end], kind, value)
    }

    pub fn push(&mut self, m: Mention, first: usize, last: usize) {
        let base = match m.value {
            NumberValue::Number(v) => v,
            NumberValue::Money { amount, .. } => amount,
            _ => f64::NAN,
        };
        self.found.push(Found {
            m,
            first,
            last,
            base,
            scale: 1.0,
            unit: Unit::None,
        });
    }

    pub fn push_scaled(
        &mut self,
        m: Mention,
        first: usize,
        last: usize,
        base: f64,
        scale: f64,
        unit: Unit,
    ) {
        self.found.push(Found {
            m,
            first,
            last,
            base,
            scale,
            unit,
        });
    }

    /// Attach the unit of measure written right after each amount: glued
    /// ("450km", "37°C", "60km/h"), after one space ("10 mét", "3 miles"),
    /// or after a hyphen when `hyphen` ("a 56-day campaign",
    /// "five-year-old"); or named right before it by a word of `before`
    /// ("lớp 5"). Ordinals take only a school grade ("fifth grade").
    pub fn attach_units(&mut self, words: UnitWords, before: UnitWords, hyphen: bool) {
        for k in 0..self.found.len() {
            let f = &self.found[k];
            let ordinal = f.m.kind == NumberKind::Ordinal;
            let amount = match (&f.m.kind, &f.m.value) {
                (
                    NumberKind::Cardinal | NumberKind::Decimal | NumberKind::Ordinal,
                    NumberValue::Number(_),
                ) => true,
                (NumberKind::Range, NumberValue::Range { kind, .. }) => {
                    matches!(kind, NumberKind::Cardinal | NumberKind::Decimal)
                }
                _ => false,
            };
            if !amount || f.m.unit.is_some() {
                continue;
            }
            let after = self
                .unit_after(f, words, hyphen)
                .filter(|u| (u.dimension == super::units::Dimension::Grade) == ordinal);
            // "hai thập kỷ" is already read as 20 years (see `in_years`).
            let after = match after {
                Some(u)
                    if matches!(u.code, "decade" | "century") && !f.m.alternatives.is_empty() =>
                {
                    super::units::by_code("year")
                }
                other => other,
            };
            let unit = after.or_else(|| self.unit_before(f, before));
            self.found[k].m.unit = unit;
        }
    }

    /// Record the direction of a hedge before each mention: a phrase of
    /// `above` or `below` (space-separated lower-case words) ending right
    /// before its first token.
    pub fn attach_bounds(&mut self, above: &[&str], below: &[&str]) {
        for k in 0..self.found.len() {
            let first = self.found[k].first;
            let ends_here = |phrase: &&str| {
                let words: Vec<&str> = phrase.split(' ').collect();
                words.len() <= first
                    && words
                        .iter()
                        .enumerate()
                        .all(|(n, w)| self.lower(first - words.len() + n) == *w)
            };
            // The longest phrase decides: "ít hơn" is below, "hơn" above.
            let longest = |list: &[&str]| {
                list.iter()
                    .filter(|p| ends_here(p))
                    .map(|p| p.split(' ').count())
                    .max()
                    .unwrap_or(0)
            };
            let (up, down) = (longest(above), longest(below));
            let bound = match up.cmp(&down) {
                std::cmp::Ordering::Greater => Some(super::Bound::Above),
                std::cmp::Ordering::Less => Some(super::Bound::Below),
                std::cmp::Ordering::Equal => None,
            };
            self.found[k].m.bound = bound;
        }
    }

    fn unit_after(&self, f: &Found, words: UnitWords, hyphen: bool) -> Option<&'static UnitDef> {
        let tok = self.toks.get(f.last)?;
        let end = f.m.span.end;
        // The whole of a glued suffix must be the unit, up to a per-unit
        // slash ("15km/ngày" is still km).
        let glued = |rest: &str| {
            let rest = if hyphen {
                rest.strip_prefix('-').unwrap_or(rest)
            } else {
                rest
            };
            unit_at(rest, words, false)
                .filter(|&(_, len)| len == rest.len() || rest[len..].starts_with('/'))
                .map(|(u, _)| u)
        };
        if end < tok.end {
            return glued(&self.text[end..tok.end]);
        }
        if tok.kind == TokKind::Lit {
            let (_, _, suffix) = split_number(tok.text);
            if !suffix.is_empty() {
                let unit = glued(suffix);
                // "10-15 km": what follows the first number is the range's end.
                if unit.is_some() || suffix.chars().any(char::is_alphabetic) {
                    return unit;
                }
            }
        }
        let rest = &self.text[tok.end..];
        let rest = match rest.strip_prefix(' ') {
            Some(r) => r,
            None if hyphen && self.toks.get(f.last + 1).is_some_and(|t| t.hyphen_before) => {
                rest.strip_prefix('-')?
            }
            None => return None,
        };
        unit_at(rest, words, true).map(|(u, _)| u)
    }

    fn unit_before(&self, f: &Found, before: UnitWords) -> Option<&'static UnitDef> {
        let prev = self.prev(f.first);
        before
            .iter()
            .find(|(w, _)| *w == prev)
            .and_then(|(_, code)| super::units::by_code(code))
    }

    /// True when one of `singles` or a two-word hedge in `pairs` ends right
    /// before token `first`.
    pub fn hedged(&self, first: usize, singles: &[&str], pairs: &[(&str, &str)]) -> bool {
        if first == 0 {
            return false;
        }
        let p1 = self.lower(first - 1);
        if singles.contains(&p1) {
            return true;
        }
        first >= 2 && pairs.contains(&(self.lower(first - 2), p1))
    }

    /// Bare day numbers listed with a date take its month: "10, 11 và
    /// 12/6", "10 and 12 June", "June 10, 11 and 12".
    fn share_months(&mut self) {
        let toks = self.toks;
        let lower = |i: usize| toks.get(i).map_or("", |t| t.lower.as_ref());
        // A bare day: "10" or "ngày 10" (a date with only its day).
        let day = |f: &Found| match (f.m.kind, &f.m.value) {
            (NumberKind::Cardinal, NumberValue::Number(v))
                if f.first == f.last && (1.0..=31.0).contains(v) && v.fract() == 0.0 =>
            {
                Some(*v as u8)
            }
            (
                NumberKind::Date,
                NumberValue::Date(DateValue {
                    day: Some(d),
                    month: None,
                    year: None,
                }),
            ) => Some(*d),
            _ => None,
        };
        let joined =
            |a: &Found, b: &Found| b.first == a.last + 2 && DAY_LIST.contains(&lower(a.last + 1));
        let n = self.found.len();
        for k in 0..n {
            let NumberValue::Date(d) = self.found[k].m.value else {
                continue;
            };
            if d.day.is_none() || d.month.is_none() || self.found[k].m.kind != NumberKind::Date {
                continue;
            }
            let order = self.found[k].m.date_order;
            // Backwards: "10, 11 và 12/6".
            let mut j = k;
            while j > 0 && joined(&self.found[j - 1], &self.found[j]) {
                let Some(dd) = day(&self.found[j - 1]) else {
                    break;
                };
                let f = &mut self.found[j - 1];
                f.m.kind = NumberKind::Date;
                f.m.value = NumberValue::Date(DateValue { day: Some(dd), ..d });
                f.m.date_order = order;
                j -= 1;
            }
            // Forwards: "June 10, 11 and 12", only as an increasing list
            // that ends with "and"/"or" and no noun ("June 10, 3 people").
            let mut end = k;
            let mut last_day = d.day.unwrap_or(0);
            while end + 1 < n && joined(&self.found[end], &self.found[end + 1]) {
                match day(&self.found[end + 1]) {
                    Some(dd) if dd > last_day => last_day = dd,
                    _ => break,
                }
                end += 1;
            }
            // "May 19 to 12": the end of a range takes the month even when
            // it is (wrongly) before the start, so the changed day is a date.
            if end == k && k + 1 < n && joined(&self.found[k], &self.found[k + 1]) {
                let connector = lower(self.found[k].last + 1);
                let noun_after = toks.get(self.found[k + 1].last + 1).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && !matches!(t.lower.as_ref(), "and" | "và" | "or" | "hoặc")
                });
                if let (true, Some(dd), false) = (
                    RANGE_ENDS.contains(&connector),
                    day(&self.found[k + 1]),
                    noun_after,
                ) {
                    let f = &mut self.found[k + 1];
                    f.m.kind = NumberKind::Date;
                    f.m.value = NumberValue::Date(DateValue { day: Some(dd), ..d });
                    f.m.date_order = order;
                }
            }
            if end > k {
                let closing = lower(self.found[end].first - 1);
                let noun_after = toks
                    .get(self.found[end].last + 1)
                    .is_some_and(|t| t.kind == TokKind::Word);
                if matches!(closing, "and" | "or" | "và" | "hoặc") && !noun_after {
                    for f in &mut self.found[k + 1..=end] {
                        if let NumberValue::Number(v) = f.m.value {
                            f.m.kind = NumberKind::Date;
                            f.m.value = NumberValue::Date(DateValue {
                                day: Some(v as u8),
                                ..d
                            });
                        }
                    }
                }
            }
        }
    }

    /// Spread scales and units across ranges, then return the mentions in
    /// text order without overlaps.
    pub fn finish(mut self, connectors: &[&str]) -> Vec<Mention> {
        self.found
            .sort_by_key(|f| (f.m.span.start, std::cmp::Reverse(f.m.span.end)));
        let toks = self.toks;
        let lower = |i: usize| toks.get(i).map_or("", |t| t.lower.as_ref());
        for k in 1..self.found.len() {
            let (a, b) = {
                let (l, r) = self.found.split_at_mut(k);
                (&mut l[k - 1], &r[0])
            };
            if b.first != a.last + 2 || !connectors.contains(&lower(a.last + 1)) {
                continue;
            }
            // "từ 10 đến 15 km", "5 to 7 miles": the unit is written once.
            if b.m.unit.is_some()
                && a.m.unit.is_none()
                && matches!(a.m.kind, NumberKind::Cardinal | NumberKind::Decimal)
            {
                a.m.unit = b.m.unit;
            }
            if !(b.scale > 1.0 || b.unit != Unit::None) || a.scale > 1.0 {
                continue;
            }
            if !matches!(
                a.m.kind,
                NumberKind::Cardinal | NumberKind::Decimal | NumberKind::Money
            ) {
                continue;
            }
            if !(a.base.is_finite() && b.base.is_finite() && a.base <= b.base && a.base > 0.0) {
                continue;
            }
            // "$2 to $3 billion": the first end already has the unit.
            if a.unit != Unit::None && a.unit != b.unit {
                continue;
            }
            let (kind, value) = with_unit(a.base * b.scale, b.unit);
            a.m.kind = kind;
            a.m.value = value;
            a.unit = b.unit;
            a.m.strength = a.m.strength.max(b.m.strength.min(super::Strength::Weak));
        }
        self.share_months();
        // "VND1 trillion ($40 million)", "10 dặm (16 km)": a conversion in
        // brackets restates the number before it and is never a finding.
        for k in 1..self.found.len() {
            let (a, b) = {
                let (l, r) = self.found.split_at_mut(k);
                (&l[k - 1], &mut r[0])
            };
            let gap: Vec<&str> = (a.last + 1..b.first).map(lower).collect();
            let Some(open) = gap.iter().position(|w| *w == "(") else {
                continue;
            };
            // At most a unit word between the number and the bracket.
            let before_ok = open <= 1;
            let after_ok = gap[open + 1..].iter().all(|w| CONVERSION_WORDS.contains(w));
            let same_class = matches!(
                (a.m.kind, b.m.kind),
                (NumberKind::Money, NumberKind::Money)
                    | (
                        NumberKind::Cardinal | NumberKind::Decimal,
                        NumberKind::Cardinal | NumberKind::Decimal
                    )
            );
            if before_ok && after_ok && same_class && a.m.value != b.m.value {
                b.m.strength = super::Strength::Vague;
            }
        }
        let mut out: Vec<Mention> = Vec::new();
        for f in self.found {
            if out.last().is_some_and(|p| f.m.span.start < p.span.end) {
                continue;
            }
            out.push(f.m);
        }
        out
    }
}

/// Kind and value of an amount with its unit.
pub(crate) fn with_unit(v: f64, unit: Unit) -> (NumberKind, NumberValue) {
    match unit {
        Unit::None => (
            if v.fract() == 0.0 {
                NumberKind::Cardinal
            } else {
                NumberKind::Decimal
            },
            NumberValue::Number(v),
        ),
        Unit::Percent => (NumberKind::Percent, NumberValue::Number(v)),
        Unit::PercentagePoint => (NumberKind::PercentagePoint, NumberValue::Number(v)),
        Unit::BasisPoint => (NumberKind::PercentagePoint, NumberValue::Number(v / 100.0)),
        Unit::Money(c) => (
            NumberKind::Money,
            NumberValue::Money {
                amount: v,
                currency: c,
            },
        ),
        Unit::Cents(c) => (
            NumberKind::Money,
            NumberValue::Money {
                amount: v / 100.0,
                currency: c,
            },
        ),
    }
}

/// A day that exists in the month; 29 February passes because the year
/// is often unknown.
pub(crate) fn valid_day_month(d: u32, m: u32) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    (1..=max).contains(&d)
}

/// "1/3", "3/4": a slash form that also reads as a common fraction (in
/// lowest terms, denominator up to 10), kept as an alternative to a date.
pub(crate) fn small_fraction(a: u32, b: u32) -> Option<f64> {
    fn gcd(a: u32, b: u32) -> u32 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    (a >= 1 && a < b && b <= 10 && gcd(a, b) == 1).then(|| f64::from(a) / f64::from(b))
}

/// Unit suffixes glued to a number that do not change what is counted.
pub(crate) fn measure_suffix(s: &str) -> bool {
    // A lone capital ("5G", "4K", "3D") names a product, not a unit;
    // "37C" and "99F" are temperatures.
    if s.len() == 1 && s.bytes().all(|b| b.is_ascii_uppercase()) {
        return s == "C" || s == "F";
    }
    let s = s.to_lowercase();
    matches!(
        s.as_str(),
        "km" | "m"
            | "cm"
            | "mm"
            | "kg"
            | "g"
            | "mg"
            | "t"
            | "ha"
            | "ml"
            | "l"
            | "mw"
            | "kw"
            | "gw"
            | "kwh"
            | "kv"
            | "gwh"
            | "twh"
            | "hz"
            | "mhz"
            | "ghz"
            | "mah"
            | "mwh"
            | "gb"
            | "mb"
            | "tb"
            | "kb"
            | "km2"
            | "m2"
            | "m3"
            | "°"
            | "°c"
            | "c"
            | "f"
            | "°f"
            | "độ"
            | "kmh"
            | "km/h"
            | "mph"
            | "hp"
            | "cc"
            | "ft"
            | "in"
            | "tấn"
            | "lít"
            | "sq"
            | "lb"
            | "lbs"
            | "oz"
            | "x"
    )
}

/// "hai thập kỷ" ⇔ "two decades" ⇔ "20 năm": a count of decades or
/// centuries is read in years, keeping the bare count as an alternative.
pub(crate) fn in_years(m: &mut Mention, factor: f64) {
    if let NumberValue::Number(v) = m.value {
        m.alternatives.push(super::Reading {
            kind: m.kind,
            value: NumberValue::Number(v),
            foreign: false,
        });
        m.value = NumberValue::Number(v * factor);
        m.kind = NumberKind::Cardinal;
    }
}
