//! English number extraction.
//!
//! Digits follow the English convention ("25,000", "2.7"); a form written
//! in the comma-decimal convention ("2,5", "1.234.567") is read that way but
//! marked foreign, and a form valid in both ("5.000", "1,234") carries the
//! other reading as a foreign alternative, so the matcher can report
//! `number.format`. Dates are read in both orders ("February 14", "14
//! February", "Feb. 14", "the 14th of February"); numeric slash dates are
//! US month/day. Words that are rarely numbers in running text ("one",
//! "first", "a second", "half") are vague: they confirm a match but never
//! raise a finding.

use super::lexer::{tokenize, TokKind};
use super::literal::{digit_runs, parse_num, roman, split_number, Conv, Num};
use super::render::{self, EN_MONTHS};
use super::scan::{
    in_years, make_items, measure_suffix, small_fraction, valid_day_month, with_unit, Scan, Unit,
};
use super::words_en;
use super::{
    Currency, DateOrder, DateValue, Mention, NumberKind, NumberLanguage, NumberValue, Reading,
    Strength, TimeValue,
};
use crate::lang::en_units;

/// The English number reader.
pub(crate) struct English;

impl NumberLanguage for English {
    fn code(&self) -> &'static str {
        "en"
    }

    fn extract(&self, text: &str) -> Vec<Mention> {
        extract(text)
    }

    fn render(&self, value: &NumberValue, kind: NumberKind) -> String {
        render::english(value, kind, DateOrder::MonthDay)
    }

    fn render_styled(
        &self,
        value: &NumberValue,
        kind: NumberKind,
        date_order: Option<DateOrder>,
    ) -> String {
        render::english(value, kind, date_order.unwrap_or(DateOrder::MonthDay))
    }
}

/// Words before a number that hedge it.
const HEDGES: &[&str] = &[
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "some",
    "under",
    "below",
    "above",
    "circa",
    "approx",
    "~",
    "estimated",
    "beyond",
    "exceeding",
];
/// Two-word hedges ("more than", "at least").
const HEDGE_PAIRS: &[(&str, &str)] = &[
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("close", "to"),
    ("just", "over"),
    ("just", "under"),
    ("upwards", "of"),
    ("many", "as"),
    ("much", "as"),
    ("in", "excess"),
    ("no", "fewer"),
    ("well", "over"),
];

/// Connectors of a range whose scale or unit sits on the second end
/// ("2 to 3 million", "between 10 and 15 percent").
const RANGE_CONNECTORS: &[&str] = &["to", "-", "and", "or", "through"];

/// Words before a lone month name that make it a month ("in May", not "May I").
const MONTH_CONTEXT: &[&str] = &[
    "in", "on", "of", "since", "until", "till", "by", "from", "to", "through", "last", "next",
    "this", "early", "late", "mid", "end", "during", "before", "after", "between", "and", "or",
    "each", "every", "that", "for",
];

/// Ordinary words glued to a following number ("magnitude-7.8").
const MEASURE_PREFIXES: &[&str] = &[
    "magnitude",
    "category",
    "level",
    "grade",
    "phase",
    "stage",
    "size",
    "day",
    "week",
    "month",
    "year",
    "hour",
    "point",
    "member",
    "seat",
    "storey",
    "story",
    "lane",
    "round",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn extract(text: &str) -> Vec<Mention> {
    let toks = tokenize(text);
    let items = make_items(&toks, Conv::En);
    let mut sc = Scan::new(text, &toks, &items);
    let mut i = 0;
    while i < toks.len() {
        let next = match toks[i].kind {
            TokKind::Word => word_rules(&mut sc, i),
            TokKind::Lit => lit_rules(&mut sc, i),
            _ => None,
        };
        i = next.map_or(i + 1, |n| n.max(i + 1));
    }
    sc.attach_units(en_units::UNIT_WORDS, en_units::UNITS_BEFORE, true);
    sc.attach_bounds(en_units::ABOVE, en_units::BELOW);
    let mentions = one_in_n(text, half_of_scale(text, sc.finish(RANGE_CONNECTORS)));
    pounds_maybe_money(text, mentions)
}

/// A bare "500 pounds" may be sterling as well as weight; only "pounds of
/// rice" is surely a weight. Give the bare form the money reading too, so
/// "500 bảng Anh" ⇔ "500 pounds" passes while "⇔ 500 pounds of rice" does not.
fn pounds_maybe_money(text: &str, mut mentions: Vec<Mention>) -> Vec<Mention> {
    for m in &mut mentions {
        let (Some(unit), NumberValue::Number(amount)) = (m.unit, &m.value) else {
            continue;
        };
        let after = text.get(m.span.end..).unwrap_or_default().to_lowercase();
        let rest = after.trim_start();
        let rest = rest
            .strip_prefix("pounds")
            .or_else(|| rest.strip_prefix("pound"));
        let weighed = rest.is_none_or(|r| r.trim_start().starts_with("of "));
        if unit.code == "lb" && !weighed {
            m.alternatives.push(Reading {
                kind: NumberKind::Money,
                value: NumberValue::Money {
                    amount: *amount,
                    currency: Currency::Gbp,
                },
                foreign: false,
            });
        }
    }
    mentions
}

/// "one in three", "two out of five": a part of a whole, which "một phần
/// ba", "1/3" and "33%" render. Both ends plain whole numbers, the part
/// smaller than the whole, nothing else between them.
fn one_in_n(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let whole = |x: &Mention| match x.value {
            NumberValue::Number(v)
                if x.kind == NumberKind::Cardinal && x.unit.is_none() && v.fract() == 0.0 =>
            {
                Some(v)
            }
            _ => None,
        };
        // A hedged part ("children under 5 in 12 provinces") is an amount of
        // its own, not a share.
        let part = out.last().filter(|p| {
            p.bound.is_none()
                && !p.approximate
                && text.get(p.span.end..m.span.start).is_some_and(|gap| {
                    let gap = gap.to_ascii_lowercase();
                    gap == " in " || gap == " out of "
                })
        });
        if let (Some(p), Some(b)) = (part, whole(&m)) {
            if let Some(a) = whole(p).filter(|&a| a >= 1.0 && a < b) {
                let span = p.span.start..m.span.end;
                let value = NumberValue::Range {
                    lo: Box::new(NumberValue::Number(a)),
                    hi: Box::new(NumberValue::Number(b)),
                    kind: NumberKind::Cardinal,
                };
                let text = text.get(span.clone()).unwrap_or_default();
                let mut r = Mention::new(span, text, NumberKind::Ratio, value);
                r.strength = p.strength.max(m.strength);
                out.pop();
                out.push(r);
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// "half a million", "half a billion dollars": half of the amount that
/// follows, which "500.000" and "500 triệu USD" render.
fn half_of_scale(text: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let starts_with_a = ["a ", "an "].iter().any(|article| {
            m.text
                .get(..article.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(article))
        });
        let halved = match &mut m.value {
            NumberValue::Number(v) if m.kind == NumberKind::Cardinal && *v >= 1e3 => Some(v),
            NumberValue::Money { amount, .. } if *amount >= 1e3 => Some(amount),
            _ => None,
        };
        let after_half = out.last().filter(|h| {
            h.text.eq_ignore_ascii_case("half")
                && text
                    .get(h.span.end..m.span.start)
                    .is_some_and(|gap| gap.trim().is_empty())
        });
        if let (true, Some(amount), Some(half)) = (starts_with_a, halved, after_half) {
            *amount /= 2.0;
            m.span.start = half.span.start;
            m.text = text.get(m.span.clone()).unwrap_or_default().to_string();
            out.pop();
        }
        out.push(m);
    }
    out
}

/// "thousand-year-old", "centuries-old": an age told by its order of
/// magnitude, which "hàng trăm năm tuổi" or "nghìn năm tuổi" render; vague,
/// so it only confirms or is an order of magnitude off.
fn ages_in_scale(sc: &mut Scan, first: usize) -> Option<usize> {
    let i = if sc.lower(first) == "a" {
        first + 1
    } else {
        first
    };
    let (lo, last) = match (sc.lower(i), sc.lower(i + 1), sc.lower(i + 2)) {
        ("centuries", "old", _) => (100.0, i + 1),
        ("hundred", "year", "old") => (100.0, i + 2),
        ("thousand", "year", "old") => (1e3, i + 2),
        _ => return None,
    };
    let mut m = sc.mention(
        first,
        last,
        NumberKind::Cardinal,
        NumberValue::Approx { lo, hi: lo * 10.0 },
    );
    m.approximate = true;
    m.strength = Strength::Vague;
    sc.push(m, first, last);
    Some(last + 1)
}

fn strength_of(value: f64, scaled: bool) -> Strength {
    if value >= 11.0 || scaled {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

fn relative(sc: &mut Scan, first: usize, last: usize, kind: NumberKind) -> Option<usize> {
    let mut m = sc.mention(first, last, kind, NumberValue::Relative);
    m.strength = Strength::Vague;
    sc.push(m, first, last);
    Some(last + 1)
}

/// Month number of a capitalised month name or abbreviation.
fn month_of(sc: &Scan, i: usize) -> Option<u8> {
    let t = sc.tok(i)?;
    if t.kind != TokKind::Word || !t.capitalized() {
        return None;
    }
    let w = t.lower.as_ref();
    if let Some(p) = EN_MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return Some(p as u8 + 1);
    }
    let abbr = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if let Some(p) = abbr.iter().position(|&a| a == w) {
        return Some(p as u8 + 1);
    }
    (w == "sept").then_some(9)
}

fn word_rules(sc: &mut Scan, i: usize) -> Option<usize> {
    let w = sc.lower(i);
    let next = sc.lower(i + 1);
    if month_of(sc, i).is_some() {
        return month_rule(sc, i);
    }
    if let Some(end) = ages_in_scale(sc, i) {
        return Some(end);
    }
    if let Some(day) = WEEKDAYS.iter().position(|d| *d == w) {
        if sc.tok(i).is_some_and(|t| t.capitalized()) {
            let mut m = sc.mention(i, i, NumberKind::Date, NumberValue::Weekday(day as u8 + 1));
            m.strength = Strength::Weak;
            sc.push(m, i, i);
            return Some(i + 1);
        }
    }
    match w {
        "today" | "yesterday" | "tomorrow" | "tonight" => relative(sc, i, i, NumberKind::Date),
        "last" | "this" | "next" | "previous" | "same" | "following" | "a" | "that" | "past"
            if matches!(next, "year" | "month") =>
        {
            if w == "a" && !matches!(sc.lower(i + 2), "earlier" | "ago" | "before" | "later") {
                return None;
            }
            let kind = if next == "year" {
                NumberKind::Year
            } else {
                NumberKind::Month
            };
            relative(sc, i, i + 1, kind)
        }
        "war" | "ii" | "iii" if w == "war" || !title_numeral(sc, i) => roman_after_war(sc, i),
        "ii" | "iii" | "iv" | "vi" | "vii" | "viii" | "ix" if title_numeral(sc, i) => {
            // "Avatar II", "Part III": a sequel or part of a title.
            let v = roman(sc.raw(i))?;
            let mut m = sc.mention(i, i, NumberKind::Ordinal, NumberValue::Number(f64::from(v)));
            m.strength = Strength::Weak;
            sc.push(m, i, i);
            Some(i + 1)
        }
        "million" | "billion" | "trillion" if matches!(sc.prev(i), "another" | "a" | "one") => {
            // "another billion years": a scale word on its own is one of it.
            let (s, end) = scale_words(sc, i);
            let (unit, end) = tail(sc, end);
            let (kind, value) = with_unit(s, unit);
            let mut m = sc.mention(i, end - 1, kind, value);
            m.approximate = true;
            sc.push_scaled(m, i, end - 1, 1.0, s, unit);
            Some(end)
        }
        "twenties" | "thirties" | "forties" | "fifties" | "sixties" | "seventies" | "eighties"
        | "nineties"
            if decade_context(sc, i) =>
        {
            let tens = [
                "twenties",
                "thirties",
                "forties",
                "fifties",
                "sixties",
                "seventies",
                "eighties",
                "nineties",
            ];
            let d = tens.iter().position(|t| *t == w)? as f64 * 10.0 + 20.0;
            let m = sc.mention(i, i, NumberKind::Decade, NumberValue::Number(d));
            sc.push(m, i, i);
            Some(i + 1)
        }
        "dozens" | "scores" | "tens" | "hundreds" | "thousands" | "millions" | "billions"
        | "trillions" => approx_plural(sc, i),
        "several" | "few" | "couple" => approx_few(sc, i),
        "noon" | "midday" | "midnight" => {
            let hour = if w == "midnight" { 0 } else { 12 };
            let t = TimeValue {
                hour,
                minute: 0,
                meridiem_known: true,
            };
            let mut m = sc.mention(i, i, NumberKind::Time, NumberValue::Time(t));
            m.strength = Strength::Weak;
            sc.push(m, i, i);
            Some(i + 1)
        }
        "half" if next == "an" && sc.lower(i + 2) == "hour" => {
            // "half an hour" is how "30 phút" is often translated.
            let mut m = sc.mention(i, i + 2, NumberKind::Cardinal, NumberValue::Number(30.0));
            m.strength = Strength::Weak;
            m.alternatives.push(Reading {
                kind: NumberKind::Decimal,
                value: NumberValue::Number(0.5),
                foreign: false,
            });
            sc.push(m, i, i + 2);
            Some(i + 3)
        }
        "half" => {
            // "first half", "half a year": a vague fraction.
            let mut m = sc.mention(i, i, NumberKind::Decimal, NumberValue::Number(0.5));
            m.strength = Strength::Vague;
            sc.push(m, i, i);
            Some(i + 1)
        }
        "a" | "an" | "one"
            if fraction_denominator(next).is_some() && fraction_context(sc, i + 2) =>
        {
            let den = fraction_denominator(next)?;
            let mut m = sc.mention(
                i,
                i + 1,
                NumberKind::Decimal,
                NumberValue::Number(1.0 / den),
            );
            m.strength = Strength::Weak;
            sc.push(m, i, i + 1);
            Some(i + 2)
        }
        "twice" | "double" | "doubled" | "doubling" => single_word(sc, i, 2.0, Strength::Weak),
        "triple" | "tripled" | "tripling" | "treble" | "trebled" => {
            single_word(sc, i, 3.0, Strength::Weak)
        }
        "quadruple" | "quadrupled" => single_word(sc, i, 4.0, Strength::Weak),
        "halved" => single_word(sc, i, 0.5, Strength::Weak),
        "once" => single_word(sc, i, 1.0, Strength::Vague),
        // "a decade" is how "10 năm" is often translated; "half a century" is 50 years.
        "decade" if matches!(sc.prev(i), "a" | "one" | "past" | "last" | "next") => {
            single_word(sc, i, 10.0, Strength::Weak)
        }
        "century" if matches!(sc.prev(i), "a" | "one") => {
            let (v, first) = if sc.prev(i - 1) == "half" {
                (50.0, i - 2)
            } else if sc.prev(i - 1) == "quarter" {
                (25.0, i - 2)
            } else {
                (100.0, i - 1)
            };
            let mut m = sc.mention(first, i, NumberKind::Cardinal, NumberValue::Number(v));
            m.strength = Strength::Weak;
            sc.push(m, first, i);
            Some(i + 1)
        }
        _ => number_words(sc, i),
    }
}

/// A capitalised Roman numeral right after a capitalised word or "Part":
/// "Avatar II", "Part III" (never "World War II", read elsewhere).
fn title_numeral(sc: &Scan, i: usize) -> bool {
    let upper = sc.raw(i).bytes().all(|b| b.is_ascii_uppercase());
    let after_title = i > 0
        && sc
            .tok(i - 1)
            .is_some_and(|t| t.kind == TokKind::Word && t.capitalized() && t.lower != "war");
    upper && after_title
}

/// "the sixties", "the late nineties" are decades; "in her sixties" is an age.
fn decade_context(sc: &Scan, i: usize) -> bool {
    let mut k = i;
    if matches!(sc.prev(k), "early" | "mid" | "late") {
        k -= 1;
    }
    sc.prev(k) == "the"
}

fn single_word(sc: &mut Scan, i: usize, v: f64, strength: Strength) -> Option<usize> {
    let mut m = sc.mention(i, i, NumberKind::Cardinal, NumberValue::Number(v));
    m.strength = strength;
    sc.push(m, i, i);
    Some(i + 1)
}

/// "third", "quarters", "fifths" … as the denominator of a fraction.
fn fraction_denominator(w: &str) -> Option<f64> {
    Some(match w {
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// After "a third": "of", punctuation, the end or a preposition ("up by a
/// third from 2000", "cut by a quarter over five years") make it a
/// fraction; a noun ("a third term") makes it an ordinal.
fn fraction_context(sc: &Scan, j: usize) -> bool {
    match sc.tok(j) {
        None => true,
        Some(t) => {
            t.kind != TokKind::Word
                || matches!(
                    t.lower.as_ref(),
                    "of" | "and"
                        | "or"
                        | "from"
                        | "since"
                        | "in"
                        | "over"
                        | "compared"
                        | "than"
                        | "to"
                        | "within"
                        | "after"
                        | "on"
                        | "year-on-year"
                )
        }
    }
}

/// "World War II".
fn roman_after_war(sc: &mut Scan, i: usize) -> Option<usize> {
    if sc.lower(i) != "war" {
        return None;
    }
    let t = sc.tok(i + 1)?;
    let v = roman(t.text)?;
    let mut m = sc.mention(
        i + 1,
        i + 1,
        NumberKind::Ordinal,
        NumberValue::Number(f64::from(v)),
    );
    m.strength = Strength::Weak;
    sc.push(m, i + 1, i + 1);
    Some(i + 2)
}

fn push_approx(sc: &mut Scan, first: usize, j: usize, lo: f64, hi: f64) -> Option<usize> {
    // "billions of dollars": the currency makes it money.
    let (unit, end) = if sc.lower(j) == "of" {
        match tail(sc, j + 1) {
            (Unit::Money(c), k) => (Unit::Money(c), k),
            _ => (Unit::None, j),
        }
    } else {
        tail(sc, j)
    };
    let kind = match unit {
        Unit::Money(_) => NumberKind::Money,
        Unit::Percent => NumberKind::Percent,
        _ => NumberKind::Cardinal,
    };
    let mut m = sc.mention(first, end - 1, kind, NumberValue::Approx { lo, hi });
    m.approximate = true;
    m.strength = Strength::Vague;
    sc.push(m, first, end - 1);
    Some(end)
}

fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// "dozens", "hundreds of thousands", "tens of millions of dollars".
fn approx_plural(sc: &mut Scan, i: usize) -> Option<usize> {
    let mut s = plural_scale(sc.lower(i))?;
    let mut j = i + 1;
    // "tens of thousands", "hundreds of millions"
    if sc.lower(j) == "of" {
        if let Some(s2) = plural_scale(sc.lower(j + 1)).filter(|&s2| s2 >= 1e3) {
            s *= s2;
            j += 2;
        }
    }
    let lo = if sc.lower(i) == "dozens" { 24.0 } else { s };
    push_approx(sc, i, j, lo, s * 10.0)
}

/// "several", "a few", "a couple of", optionally with a scale ("several hundred").
fn approx_few(sc: &mut Scan, i: usize) -> Option<usize> {
    let w = sc.lower(i);
    let first = if matches!(w, "few" | "couple") {
        if sc.prev(i) != "a" {
            return None;
        }
        i - 1
    } else {
        i
    };
    let (lo, hi) = if w == "couple" {
        (2.0, 3.0)
    } else {
        (2.0, 9.0)
    };
    let mut j = i + 1;
    let mut s = 1.0;
    loop {
        let f = match sc.lower(j) {
            "dozen" => 12.0,
            "hundred" => 100.0,
            x => match words_en::scale(x) {
                Some((f, false)) => f,
                _ => break,
            },
        };
        s *= f;
        j += 1;
    }
    if s == 1.0 && w == "couple" && sc.lower(j) == "of" {
        j += 1;
        return push_approx(sc, first, j - 1, lo, hi).map(|_| j);
    }
    push_approx(sc, first, j, lo * s, hi * s)
}

/// Currency names after an amount: (currency, index after).
fn currency(sc: &Scan, j: usize) -> Option<(Currency, usize)> {
    // "dollars/tonne": the unit before a per-unit slash.
    let w = sc.lower(j);
    let w = w.split_once('/').map_or(w, |(head, _)| head);
    let n1 = sc.lower(j + 1);
    let one = |c| Some((c, j + 1));
    let dollars = |k: usize| matches!(sc.lower(k), "dollars" | "dollar");
    match w {
        "dollars" | "dollar" | "usd" => one(Currency::Usd),
        "us" | "u.s" | "american" if dollars(j + 1) => Some((Currency::Usd, j + 2)),
        "australian" if dollars(j + 1) => Some((Currency::Aud, j + 2)),
        "canadian" if dollars(j + 1) => Some((Currency::Cad, j + 2)),
        "singapore" | "singaporean" if dollars(j + 1) => Some((Currency::Sgd, j + 2)),
        "hong" if n1 == "kong" && dollars(j + 2) => Some((Currency::Hkd, j + 3)),
        "taiwan" | "taiwanese" if dollars(j + 1) => Some((Currency::Twd, j + 2)),
        "dong" | "vnd" | "vnđ" => one(Currency::Vnd),
        "euros" | "euro" | "eur" => one(Currency::Eur),
        "yen" | "jpy" => one(Currency::Jpy),
        "yuan" | "renminbi" | "rmb" | "cny" => one(Currency::Cny),
        "won" | "krw" => one(Currency::Krw),
        "rubles" | "roubles" | "ruble" | "rouble" | "rub" => one(Currency::Rub),
        "sterling" | "gbp" => one(Currency::Gbp),
        "pounds" | "pound" if n1 == "sterling" => Some((Currency::Gbp, j + 2)),
        // "5 million pounds" is money; "5 pounds" may be a weight.
        // "500 million pounds" is money; "500 million pounds of rice" weighs.
        "pounds" if sc.word(j - 1).and_then(words_en::scale).is_some() && n1 != "of" => {
            one(Currency::Gbp)
        }
        "baht" | "thb" => one(Currency::Thb),
        "swiss" if matches!(n1, "francs" | "franc") => Some((Currency::Chf, j + 2)),
        "chf" => one(Currency::Chf),
        "rupees" | "rupee" | "inr" => one(Currency::Inr),
        "aud" => one(Currency::Aud),
        "cad" => one(Currency::Cad),
        "sgd" => one(Currency::Sgd),
        "hkd" => one(Currency::Hkd),
        "twd" => one(Currency::Twd),
        _ => None,
    }
}

/// Percent, percentage points, basis points or a currency after an amount.
fn tail(sc: &Scan, j: usize) -> (Unit, usize) {
    match sc.lower(j) {
        "%" | "percent" | "pct" => return (Unit::Percent, j + 1),
        "per" if sc.lower(j + 1) == "cent" => return (Unit::Percent, j + 2),
        "percentage" if matches!(sc.lower(j + 1), "point" | "points") => {
            return (Unit::PercentagePoint, j + 2)
        }
        "basis" if matches!(sc.lower(j + 1), "point" | "points") => {
            return (Unit::BasisPoint, j + 2)
        }
        "bps" | "bp" => return (Unit::BasisPoint, j + 1),
        "cents" | "cent" if sc.lower(j + 1) != "of" => return (Unit::Cents(Currency::Usd), j + 1),
        _ => {}
    }
    match currency(sc, j) {
        Some((c, k)) => (Unit::Money(c), k),
        None => (Unit::None, j),
    }
}

/// Number words: "three", "twenty-one", "thirteenth", "two-thirds".
fn number_words(sc: &mut Scan, i: usize) -> Option<usize> {
    let wn = words_en::parse(&sc.items[i..])?;
    if wn.words == 0 {
        return None;
    }
    let j = i + wn.len;
    let v = wn.value;
    let single = wn.words == 1 && !wn.scaled && !wn.literal;
    let next = sc.lower(j);
    if wn.ordinal {
        // "first half", "second half": halves of a year or a match, not ranks.
        if next == "half" {
            return Some(j + 1);
        }
        let w = sc.lower(j - 1);
        if w == "second" && single {
            // "a second", "per second", "the split second": a unit of time.
            let prev = sc.prev(i);
            if matches!(
                prev,
                "a" | "one" | "per" | "split" | "each" | "every" | "fraction"
            ) || sc.word(j).is_none()
            {
                return None;
            }
        }
        let mut m = sc.mention(i, j - 1, NumberKind::Ordinal, NumberValue::Number(v));
        m.strength = if matches!(next, "quarter" | "century" | "anniversary") {
            Strength::Strong
        } else if v == 1.0 {
            Strength::Vague
        } else {
            strength_of(v, wn.scaled)
        };
        sc.push(m, i, j - 1);
        return Some(j);
    }
    // "two-thirds", "three quarters": a fraction.
    if single && (1.0..10.0).contains(&v) {
        if let Some(den) = fraction_denominator(next).filter(|_| {
            sc.tok(j)
                .is_some_and(|t| t.hyphen_before || next.ends_with('s'))
        }) {
            let fraction = Reading {
                kind: NumberKind::Decimal,
                value: NumberValue::Number(v / den),
                foreign: false,
            };
            let count = Reading {
                kind: NumberKind::Cardinal,
                value: NumberValue::Number(v),
                foreign: false,
            };
            // "the last two quarters" counts quarters of a year; "three
            // quarters of voters" is a fraction. Only "of" tells them apart,
            // so the other reading stays as an alternative.
            let hyphenated = sc.tok(j).is_some_and(|t| t.hyphen_before);
            let (first, other) = match (next, hyphenated) {
                ("quarters", false) if sc.lower(j + 1) == "of" => (fraction, Some(count)),
                ("quarters", false) => (count, Some(fraction)),
                _ => (fraction, None),
            };
            let mut m = sc.mention(i, j, first.kind, first.value);
            m.strength = Strength::Weak;
            m.alternatives.extend(other);
            sc.push(m, i, j);
            return Some(j + 1);
        }
    }
    // "two and a half billion": the half belongs to the scale that follows.
    if !wn.scaled && next == "and" && sc.lower(j + 1) == "a" && sc.lower(j + 2) == "half" {
        let (s, k) = scale_words(sc, j + 3);
        if s > 1.0 {
            let (unit, end) = tail(sc, k);
            let (kind, value) = with_unit((v + 0.5) * s, unit);
            let mut m = sc.mention(i, end - 1, kind, value);
            m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
            sc.push_scaled(m, i, end - 1, v + 0.5, s, unit);
            return Some(end);
        }
    }
    // "eight o'clock": a time of day.
    if next == "o'clock" && v.fract() == 0.0 && (1.0..=12.0).contains(&v) {
        return push_time(sc, i, j, v as u8, 0, None);
    }
    let (unit, end) = tail(sc, j);
    let (kind, value) = with_unit(v, unit);
    let mut m = sc.mention(i, end - 1, kind, value);
    m.strength = if single {
        // "one" is mostly the pronoun or the article; "twelve" is specific.
        if v == 1.0 {
            Strength::Vague
        } else {
            strength_of(v, false)
        }
    } else {
        strength_of(v, wn.scaled)
    };
    if unit == Unit::None {
        if let Some(f) = period_factor(sc, end) {
            in_years(&mut m, f);
        }
    }
    m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
    let (base, scale) = match wn.tail_scale {
        Some(s) => (v / s, s),
        None => (v, 1.0),
    };
    sc.push_scaled(m, i, end - 1, base, scale, unit);
    Some(end)
}

/// "decades" or "centuries" right after a count ("two decades" = 20 years).
fn period_factor(sc: &Scan, j: usize) -> Option<f64> {
    match sc.lower(j) {
        "decades" | "decade" => Some(10.0),
        "centuries" | "century" => Some(100.0),
        _ => None,
    }
}

/// A day number at `j`: "14" or "14th".
fn day_at(sc: &Scan, j: usize) -> Option<u32> {
    let t = sc.tok(j)?;
    if t.kind != TokKind::Lit {
        return None;
    }
    let s = t.lower.as_ref();
    let digits = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year_at(sc: &Scan, j: usize) -> Option<u32> {
    sc.plain_int(j, 4)
        .filter(|y| (1000..=2999).contains(y) && sc.raw(j).len() == 4)
}

fn date_value(day: Option<u32>, month: u8, year: Option<u32>) -> NumberValue {
    NumberValue::Date(DateValue {
        day: day.map(|d| d as u8),
        month: Some(month),
        year: year.map(|y| y as i32),
    })
}

fn push_date(
    sc: &mut Scan,
    first: usize,
    last: usize,
    v: NumberValue,
    order: Option<DateOrder>,
) -> Option<usize> {
    let kind = match &v {
        NumberValue::Range { .. } => NumberKind::Range,
        NumberValue::Date(d) if d.day.is_none() && d.year.is_none() => NumberKind::Month,
        _ => NumberKind::Date,
    };
    let mut m = sc.mention(first, last, kind, v);
    m.date_order = order;
    m.approximate = matches!(sc.prev(first), "mid" | "early" | "late");
    sc.push(m, first, last);
    Some(last + 1)
}

/// "February 14", "Feb. 14, 2023", "November 2023", "June 10-12",
/// "June 10 to 12", "in May".
fn month_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let month = month_of(sc, i)?;
    let mut j = i + 1;
    if sc.lower(j) == "." {
        j += 1;
    }
    let order = Some(DateOrder::MonthDay);
    if let Some(d) = day_at(sc, j) {
        if sc.lower(j + 1) == "," {
            if let Some(y) = year_at(sc, j + 2) {
                return push_date(sc, i, j + 2, date_value(Some(d), month, Some(y)), order);
            }
        }
        if let Some(y) = year_at(sc, j + 1) {
            return push_date(sc, i, j + 1, date_value(Some(d), month, Some(y)), order);
        }
        // "June 10 to 12", "June 10 through 12": a range within the month.
        if matches!(sc.lower(j + 1), "to" | "through" | "until" | "till" | "-") {
            if let Some(d2) = day_at(sc, j + 2).filter(|&d2| d2 > d) {
                if month_of(sc, j + 3).is_none() {
                    let v = NumberValue::Range {
                        lo: Box::new(date_value(Some(d), month, None)),
                        hi: Box::new(date_value(Some(d2), month, None)),
                        kind: NumberKind::Date,
                    };
                    return push_date(sc, i, j + 2, v, order);
                }
            }
        }
        // "June 10 and 12": the second day takes the same month.
        if matches!(sc.lower(j + 1), "and" | "or") {
            if let Some(d2) = day_at(sc, j + 2) {
                if month_of(sc, j + 3).is_none() && year_at(sc, j + 2).is_none() {
                    push_date(sc, i, j, date_value(Some(d), month, None), order);
                    return push_date(sc, j + 2, j + 2, date_value(Some(d2), month, None), order);
                }
            }
        }
        return push_date(sc, i, j, date_value(Some(d), month, None), order);
    }
    // "April 30-May 1": a range across two months.
    if let Some((d1, m2)) = sc.raw(j).split_once('-') {
        let m2 = EN_MONTHS.iter().position(|m| *m == m2).map(|p| p as u8 + 1);
        if let (Ok(d1), Some(m2), Some(d2)) = (d1.parse::<u32>(), m2, day_at(sc, j + 1)) {
            if valid_day_month(d1, u32::from(month)) && valid_day_month(d2, u32::from(m2)) {
                let v = NumberValue::Range {
                    lo: Box::new(date_value(Some(d1), month, None)),
                    hi: Box::new(date_value(Some(d2), m2, None)),
                    kind: NumberKind::Date,
                };
                return push_date(sc, i, j + 1, v, order);
            }
        }
    }
    // "June 10-12"
    if let Some(runs) = digit_runs(sc.raw(j), &['-']) {
        if let [(d1, _), (d2, '-')] = runs.as_slice() {
            if (1..=31).contains(d1) && (1..=31).contains(d2) && d1 < d2 {
                let v = NumberValue::Range {
                    lo: Box::new(date_value(Some(*d1), month, None)),
                    hi: Box::new(date_value(Some(*d2), month, None)),
                    kind: NumberKind::Date,
                };
                return push_date(sc, i, j, v, order);
            }
        }
    }
    if let Some(y) = year_at(sc, j) {
        return push_date(sc, i, j, date_value(None, month, Some(y)), None);
    }
    if sc.lower(j) == "of" {
        if let Some(y) = year_at(sc, j + 1) {
            return push_date(sc, i, j + 1, date_value(None, month, Some(y)), None);
        }
    }
    // A capitalised full month name is a month; "May" and the
    // abbreviations ("Jan", "Mar") need context: "in May", not "May I".
    let prev = sc.prev(i);
    let hyphen = sc.tok(i).is_some_and(|t| t.hyphen_before);
    let full = sc.lower(i).len() > 3 && sc.lower(i) != "sept";
    // "Jan Mayen", "May Day": a capitalised word after it makes a name.
    let starts_name = sc.raw(j).chars().next().is_some_and(char::is_uppercase);
    if starts_name && !full && sc.lower(i) != "may" {
        return None;
    }
    if full
        || MONTH_CONTEXT.contains(&prev)
        || hyphen
        || matches!(sc.lower(j), "last" | "this" | "next")
    {
        return push_date(sc, i, i, date_value(None, month, None), None);
    }
    None
}

fn currency_prefix(p: &str) -> Option<Currency> {
    Some(match p {
        "$" | "US$" | "USD" | "U.S.$" => Currency::Usd,
        "€" | "EUR" => Currency::Eur,
        "£" | "GBP" => Currency::Gbp,
        "¥" | "JPY" => Currency::Jpy,
        "₫" | "VND" | "VNĐ" => Currency::Vnd,
        "₩" | "KRW" => Currency::Krw,
        "₽" | "RUB" => Currency::Rub,
        "₹" | "Rs" | "INR" => Currency::Inr,
        "A$" | "AU$" | "AUD" => Currency::Aud,
        "C$" | "CA$" | "CAD" => Currency::Cad,
        "S$" | "SGD" => Currency::Sgd,
        "HK$" | "HKD" => Currency::Hkd,
        "NT$" | "TWD" => Currency::Twd,
        "CNY" | "RMB" => Currency::Cny,
        _ => return None,
    })
}

/// "3:45", "15:45", "3:45pm", "3pm", "3p.m".
fn time_literal(s: &str) -> Option<(u8, u8, Option<bool>)> {
    let lower = s.to_lowercase();
    let (body, pm) = if let Some(b) = lower
        .strip_suffix("pm")
        .or_else(|| lower.strip_suffix("p.m"))
    {
        (b, Some(true))
    } else if let Some(b) = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("a.m"))
    {
        (b, Some(false))
    } else {
        (lower.as_str(), None)
    };
    let (h, m) = match body.split_once(':') {
        Some((h, m)) => (h, m),
        None if pm.is_some() => (body, "00"),
        None => return None,
    };
    if h.is_empty()
        || h.len() > 2
        || m.len() != 2
        || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
    if m >= 60 || h > 24 || (pm.is_some() && !(1..=12).contains(&h)) {
        return None;
    }
    Some((h, m, pm))
}

fn push_time(
    sc: &mut Scan,
    first: usize,
    last: usize,
    h: u8,
    m: u8,
    pm: Option<bool>,
) -> Option<usize> {
    let mut end = last;
    let mut pm = pm;
    if pm.is_none() {
        match sc.lower(last + 1) {
            "p.m" | "pm" => {
                pm = Some(true);
                end = last + 1;
            }
            "a.m" | "am" => {
                pm = Some(false);
                end = last + 1;
            }
            _ => {}
        }
    }
    // "p.m." keeps its final dot, which the lexer split off as punctuation.
    if matches!(sc.lower(end), "p.m" | "a.m")
        && sc.lower(end + 1) == "."
        && sc.tok(end + 1).map(|t| t.start) == sc.tok(end).map(|t| t.end)
    {
        end += 1;
    }
    let (hour, known) = match pm {
        Some(true) => (if h == 12 { 12 } else { h + 12 }, true),
        Some(false) => (if h == 12 { 0 } else { h }, true),
        None => (h, h > 12 || h == 0),
    };
    let t = TimeValue {
        hour,
        minute: m,
        meridiem_known: known,
    };
    let mention = sc.mention(first, end, NumberKind::Time, NumberValue::Time(t));
    sc.push(mention, first, end);
    Some(end + 1)
}

/// Slash forms, US order first: "9/11", "4/8/2023", "5/2022", "1/3".
fn slash_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    if text == "24/7" {
        return Some(i + 1);
    }
    let runs = digit_runs(text, &['/'])?;
    let dv = |d: u32, m: u32, y: Option<u32>| {
        NumberValue::Date(DateValue {
            day: Some(d as u8),
            month: Some(m as u8),
            year: y.map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 }),
        })
    };
    let (a, b, y) = match runs.as_slice() {
        [(a, _), (b, _)] => (*a, *b, None),
        [(a, _), (b, _), (y, _)] if *y >= 1000 || *y < 100 => (*a, *b, Some(*y)),
        _ => return Some(i + 1),
    };
    let us = valid_day_month(b, a);
    let continental = valid_day_month(a, b);
    let mut m = if us {
        let mut m = sc.mention(i, i, NumberKind::Date, dv(b, a, y));
        if continental && a != b {
            m.alternatives.push(Reading {
                kind: NumberKind::Date,
                value: dv(a, b, y),
                foreign: true,
            });
        }
        m
    } else if continental {
        let mut m = sc.mention(i, i, NumberKind::Date, dv(a, b, y));
        m.foreign = true;
        m
    } else if y.is_none() && (1..=12).contains(&a) && (1000..=2999).contains(&b) {
        let v = NumberValue::Date(DateValue {
            day: None,
            month: Some(a as u8),
            year: Some(b as i32),
        });
        sc.mention(i, i, NumberKind::Date, v)
    } else if y.is_none() && a <= b && b > 10 {
        // "46/132": a part of a whole.
        let v = NumberValue::Range {
            lo: Box::new(NumberValue::Number(f64::from(a))),
            hi: Box::new(NumberValue::Number(f64::from(b))),
            kind: NumberKind::Cardinal,
        };
        sc.mention(i, i, NumberKind::Ratio, v)
    } else if y.is_none() && a < b && b > 0 {
        let mut m = sc.mention(
            i,
            i,
            NumberKind::Decimal,
            NumberValue::Number(f64::from(a) / f64::from(b)),
        );
        m.strength = Strength::Weak;
        m
    } else {
        return Some(i + 1);
    };
    if y.is_none() {
        if let Some(f) = small_fraction(a, b) {
            m.alternatives.push(Reading {
                kind: NumberKind::Decimal,
                value: NumberValue::Number(f),
                foreign: false,
            });
        }
    }
    sc.push(m, i, i);
    Some(i + 1)
}

fn range_end(s: &str) -> Option<(Option<Currency>, Num, &str)> {
    let (p, core, suffix) = split_number(s);
    let c = if p.is_empty() {
        None
    } else {
        Some(currency_prefix(p)?)
    };
    let n = parse_num(core, Conv::En)?;
    Some((c, n, suffix))
}

/// "2019-2023", "2023-12-28", "10-15%", "$2-3", "10-12 June", "10-year".
fn dash_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    if let Some(runs) = digit_runs(text, &['-']) {
        match runs.as_slice() {
            [(y, _), (m, '-'), (d, '-')] if *y >= 1000 && valid_day_month(*d, *m) => {
                let v = date_value(Some(*d), *m as u8, Some(*y));
                return push_date(sc, i, i, v, None);
            }
            [(d, _), (m, '-'), (y, '-')] if *y >= 1000 && valid_day_month(*d, *m) => {
                let v = date_value(Some(*d), *m as u8, Some(*y));
                return push_date(sc, i, i, v, None);
            }
            [(a, _), (b, '-')] => {
                // "10-12 June"
                let mut j = i + 1;
                if sc.lower(j) == "of" {
                    j += 1;
                }
                if let Some(month) = month_of(sc, j) {
                    if valid_day_month(*a, u32::from(month))
                        && valid_day_month(*b, u32::from(month))
                    {
                        let v = NumberValue::Range {
                            lo: Box::new(date_value(Some(*a), month, None)),
                            hi: Box::new(date_value(Some(*b), month, None)),
                            kind: NumberKind::Date,
                        };
                        return push_date(sc, i, j, v, Some(DateOrder::DayMonth));
                    }
                }
                let b_full = if *b < 100 && *a >= 1000 && text.len() == 7 {
                    a - a % 100 + b
                } else {
                    *b
                };
                if (1000..=2999).contains(a)
                    && (1000..=2999).contains(&b_full)
                    && b_full > *a
                    && sc.word(i + 1).and_then(words_en::scale).is_none()
                {
                    let v = NumberValue::Range {
                        lo: Box::new(NumberValue::Number(f64::from(*a))),
                        hi: Box::new(NumberValue::Number(f64::from(b_full))),
                        kind: NumberKind::Year,
                    };
                    let m = sc.mention(i, i, NumberKind::Range, v);
                    sc.push(m, i, i);
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    let (left, right) = text.split_once('-')?;
    if right.contains('-') {
        // "40-year-old" keeps its number; "SARS-CoV-2" does not have one.
        if let Some((_, n, "")) = range_end(left) {
            if right
                .split('-')
                .all(|p| p.chars().all(char::is_alphabetic) && !p.is_empty())
            {
                let m = sc.mention(i, i, NumberKind::Cardinal, NumberValue::Number(n.value));
                sc.push(m, i, i);
            }
        }
        return Some(i + 1);
    }
    let Some((c1, n1, s1)) = range_end(left) else {
        return Some(i + 1);
    };
    let Some((c2, n2, s2)) = range_end(right) else {
        // "the $1.5-billion project": a scale word glued by a hyphen.
        if let Some((s, false)) = words_en::scale(&right.to_lowercase()) {
            if s1.is_empty() {
                let unit = c1.map_or(Unit::None, Unit::Money);
                let (k, v) = with_unit(n1.value * s, unit);
                let m = sc.mention(i, i, k, v);
                sc.push(m, i, i);
            }
            return Some(i + 1);
        }
        if s1.is_empty()
            && c1.is_none()
            && right.chars().all(char::is_alphabetic)
            && !right.is_empty()
        {
            let (k, v) = with_unit(n1.value, Unit::None);
            let m = sc.mention(i, i, k, v);
            sc.push(m, i, i);
        }
        return Some(i + 1);
    };
    if !(s1.is_empty() || s1 == s2) || !(s2.is_empty() || s2 == "%" || measure_suffix(s2)) {
        return Some(i + 1);
    }
    let (scale, mut j) = scale_words(sc, i + 1);
    let mut unit = if s2 == "%" { Unit::Percent } else { Unit::None };
    if let Some(c) = c1.or(c2) {
        unit = Unit::Money(c);
    }
    if s2.is_empty() {
        let (u, k) = tail(sc, j);
        if u != Unit::None {
            unit = u;
            j = k;
        }
    }
    let (k1, v1) = with_unit(n1.value * scale, unit);
    let (_, v2) = with_unit(n2.value * scale, unit);
    let v = NumberValue::Range {
        lo: Box::new(v1),
        hi: Box::new(v2),
        kind: k1,
    };
    let mut m = sc.mention(i, j - 1, NumberKind::Range, v);
    m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
    m.foreign = n1.foreign || n2.foreign;
    sc.push(m, i, j - 1);
    Some(j)
}

fn scale_words(sc: &Scan, mut j: usize) -> (f64, usize) {
    let mut s = 1.0;
    while let Some((f, false)) = sc.word(j).and_then(words_en::scale) {
        s *= f;
        j += 1;
    }
    (s, j)
}

/// "'71", "’71": a year with its century dropped, read in the 1900s with
/// the 2000s as the other reading. "'90s" is a decade (see `lit_rules`).
fn abbreviated_year(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    let before = sc.text[..sc.tok(i)?.start].trim_end();
    let (digits, first) = match text.strip_prefix('\'').or_else(|| text.strip_prefix('’')) {
        Some(d) => (d, i),
        None if before.ends_with(['\'', '’']) || before.ends_with("&apos;") => (text, i),
        None => return None,
    };
    if digits.len() != 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    let mut m = sc.mention(
        first,
        i,
        NumberKind::Year,
        NumberValue::Number(f64::from(1900 + d)),
    );
    for century in [2000, 1800] {
        m.alternatives.push(Reading {
            kind: NumberKind::Year,
            value: NumberValue::Number(f64::from(century + d)),
            foreign: false,
        });
    }
    sc.push(m, first, i);
    Some(i + 1)
}

fn lit_rules(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    // "&#91;": a character reference left in the text, not a number.
    if text.starts_with("&#") || sc.char_reference(i) {
        return Some(i + 1);
    }
    if let Some(next) = abbreviated_year(sc, i) {
        return Some(next);
    }
    if let Some((h, m, pm)) = time_literal(text) {
        return push_time(sc, i, i, h, m, pm);
    }
    // "60km/h" is a speed, not a slash date.
    if text.contains('/') {
        if let Some(next) = slash_rule(sc, i) {
            return Some(next);
        }
    }
    let (prefix, core, suffix) = split_number(text);
    // "2024's": a possessive does not change the number.
    let suffix = suffix
        .strip_suffix("'s")
        .or_else(|| suffix.strip_suffix('\''))
        .unwrap_or(suffix);
    // "7%/năm", "15.000đ/kg": a rate per unit keeps its own suffix.
    let suffix = match suffix.split_once('/') {
        Some((head, per)) if !per.is_empty() && per.chars().all(char::is_alphabetic) => head,
        _ => suffix,
    };
    let era = prefix.ends_with('-') && suffix == "s";
    if text.contains('-') && !core.is_empty() && core.len() + prefix.len() < text.len() && !era {
        return dash_rule(sc, i);
    }
    if core.is_empty() {
        return Some(i + 1);
    }
    // "Q3": a quarter.
    if (prefix == "Q" || prefix == "q") && suffix.is_empty() {
        let q: u32 = core.parse().ok()?;
        if (1..=4).contains(&q) {
            let m = sc.mention(i, i, NumberKind::Ordinal, NumberValue::Number(f64::from(q)));
            sc.push(m, i, i);
        }
        return Some(i + 1);
    }
    // "mid-2024", "pre-1990s": a year, loosely.
    if let Some(word) = prefix.strip_suffix('-') {
        let decade = suffix == "s" && matches!(core.len(), 2 | 4) && core.ends_with('0');
        let year_like = core.len() == 4 && suffix.is_empty() || decade;
        if year_like
            && matches!(
                word.to_lowercase().as_str(),
                "mid" | "early" | "late" | "pre" | "post"
            )
        {
            if let Some(y) = core
                .parse::<u32>()
                .ok()
                .filter(|y| (1000..=2999).contains(y) || decade)
            {
                let start = prefix.len();
                let kind = if decade {
                    NumberKind::Decade
                } else {
                    NumberKind::Year
                };
                let end = start + core.len() + usize::from(decade);
                let mut m = sc.mention_in(i, start, end, kind, NumberValue::Number(f64::from(y)));
                m.approximate = true;
                sc.push(m, i, i);
            }
            return Some(i + 1);
        }
    }
    // "magnitude-7.8", "category-5": a measure word glued to its number.
    if let Some(word) = prefix.strip_suffix('-') {
        if MEASURE_PREFIXES.contains(&word.to_lowercase().as_str()) && suffix.is_empty() {
            if let Some(n) = parse_num(core, Conv::En) {
                let kind = if n.value.fract() == 0.0 {
                    NumberKind::Cardinal
                } else {
                    NumberKind::Decimal
                };
                let start = prefix.len();
                let m = sc.mention_in(i, start, text.len(), kind, NumberValue::Number(n.value));
                sc.push(m, i, i);
            }
            return Some(i + 1);
        }
    }
    let prefix_currency = if prefix.is_empty() {
        None
    } else {
        match currency_prefix(prefix) {
            Some(c) => Some(c),
            None => return Some(i + 1),
        }
    };
    let Some(num) = parse_num(core, Conv::En) else {
        return Some(i + 1);
    };
    let plain_int = num.plain && num.integer;
    let suffix_lower = suffix.to_lowercase();
    // Ordinal digits: "13th", "21st"; also "14th of February", "14th February".
    if plain_int && prefix.is_empty() && matches!(suffix_lower.as_str(), "st" | "nd" | "rd" | "th")
    {
        if let Some(r) = day_first_date(sc, i, num.value as u32) {
            return Some(r);
        }
        let mut m = sc.mention(i, i, NumberKind::Ordinal, NumberValue::Number(num.value));
        if num.value == 1.0 {
            m.strength = Strength::Weak;
        }
        sc.push(m, i, i);
        return Some(i + 1);
    }
    // "1990s" and "'90s": a decade.
    if plain_int
        && prefix.is_empty()
        && suffix == "s"
        && (core.len() == 4 || core.len() == 2 && num.value % 10.0 == 0.0)
    {
        let mut m = sc.mention(i, i, NumberKind::Decade, NumberValue::Number(num.value));
        m.approximate = true;
        sc.push(m, i, i);
        return Some(i + 1);
    }
    // Glued scale abbreviations: "$2bn", "£5m", "2.5m".
    let glued_scale = match suffix_lower.as_str() {
        "bn" | "b" => Some(1e9),
        "m" | "mn" | "mln" => Some(1e6),
        "tn" | "trn" => Some(1e12),
        "k" => Some(1e3),
        _ => None,
    };
    if suffix.is_empty() && prefix.is_empty() {
        if plain_int {
            if let Some(r) = day_first_date(sc, i, num.value as u32) {
                return Some(r);
            }
            // "10 and 12 June", "10 to 12 June": the first day shares the month.
            if matches!(sc.lower(i + 1), "and" | "to" | "or" | "-" | "," | "through") {
                let d = num.value as u32;
                if let (Some(_), Some(month)) = (day_at(sc, i + 2), month_of(sc, i + 3)) {
                    if valid_day_month(d, u32::from(month)) {
                        let v = date_value(Some(d), month, None);
                        return push_date(sc, i, i, v, Some(DateOrder::DayMonth));
                    }
                }
            }
        }
        if matches!(sc.lower(i + 1), "o'clock" | "p.m" | "a.m" | "pm" | "am")
            && plain_int
            && (1.0..=12.0).contains(&num.value)
        {
            return push_time(sc, i, i, num.value as u8, 0, None).map(|e| {
                if sc.lower(i + 1) == "o'clock" {
                    e + 1
                } else {
                    e
                }
            });
        }
    }
    let unit_suffix = match suffix_lower.as_str() {
        "" => Unit::None,
        "%" => Unit::Percent,
        s if glued_scale.is_some() && s != "m" && s != "k" => Unit::None,
        "m" | "k" => Unit::None,
        _ if measure_suffix(suffix) => Unit::None,
        _ => return Some(i + 1),
    };
    let (value, mut j, tail_scale, scaled) = if prefix.is_empty() && suffix.is_empty() {
        match words_en::parse(&sc.items[i..]) {
            Some(wn) if !wn.ordinal => (wn.value, i + wn.len, wn.tail_scale, wn.scaled),
            _ => (num.value, i + 1, None, false),
        }
    } else if suffix.is_empty() {
        let (s, k) = scale_words(sc, i + 1);
        (num.value * s, k, (s > 1.0).then_some(s), s > 1.0)
    } else {
        match glued_scale {
            // "5m" and "5k" without a currency may be metres or a count.
            Some(s) if prefix_currency.is_some() || !matches!(suffix_lower.as_str(), "m" | "k") => {
                (num.value * s, i + 1, Some(s), true)
            }
            _ => (num.value, i + 1, None, false),
        }
    };
    let mut unit = unit_suffix;
    if let Some(c) = prefix_currency {
        unit = Unit::Money(c);
    }
    if suffix.is_empty() || glued_scale.is_some() {
        let (u, k) = tail(sc, j);
        if u != Unit::None
            && (unit == Unit::None || matches!(u, Unit::Money(_)) && prefix_currency.is_none())
        {
            unit = u;
            j = k;
        }
    }
    let (mut kind, v) = with_unit(value, unit);
    if plain_int
        && !scaled
        && unit == Unit::None
        && suffix.is_empty()
        && (1800.0..=2100.0).contains(&value)
    {
        kind = NumberKind::Year;
    }
    let mut m = sc.mention(i, j - 1, kind, v);
    m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
    m.foreign = num.foreign;
    if let Some(alt) = num.alt {
        let (k, v) = with_unit(alt * if scaled { value / num.value } else { 1.0 }, unit);
        m.alternatives.push(Reading {
            kind: k,
            value: v,
            foreign: true,
        });
    }
    if glued_scale.is_some() && !scaled {
        let s = glued_scale.unwrap_or(1.0);
        let (k, v) = with_unit(num.value * s, unit);
        m.alternatives.push(Reading {
            kind: k,
            value: v,
            foreign: false,
        });
    }
    if kind == NumberKind::Cardinal && value == 1.0 {
        m.strength = Strength::Weak;
    }
    let (base, scale) = match tail_scale {
        Some(s) if s > 0.0 => (value / s, s),
        _ => (value, 1.0),
    };
    sc.push_scaled(m, i, j - 1, base, scale, unit);
    Some(j)
}

/// "14 February [2023]", "14th of February": day-first dates from a day literal.
fn day_first_date(sc: &mut Scan, i: usize, d: u32) -> Option<usize> {
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if sc.lower(j) == "of" {
        j += 1;
    }
    let month = month_of(sc, j)?;
    if !valid_day_month(d, u32::from(month)) {
        return None;
    }
    let mut last = j;
    if sc.lower(last + 1) == "." {
        last += 1;
    }
    let year = year_at(sc, last + 1);
    if year.is_some() {
        last += 1;
    }
    push_date(
        sc,
        i,
        last,
        date_value(Some(d), month, year),
        Some(DateOrder::DayMonth),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let ms = extract(text);
        assert_eq!(ms.len(), 1, "{text:?} → {ms:#?}");
        ms.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    fn num(text: &str) -> (NumberKind, f64) {
        let m = one(text);
        match m.value {
            NumberValue::Number(v) => (m.kind, v),
            NumberValue::Money { amount, .. } => (m.kind, amount),
            ref other => panic!("{text:?}: {other:?}"),
        }
    }

    fn d(day: Option<u8>, month: Option<u8>, year: Option<i32>) -> NumberValue {
        NumberValue::Date(DateValue { day, month, year })
    }

    #[test]
    fn digits_words_and_scales() {
        use NumberKind::*;
        let cases: &[(&str, NumberKind, f64)] = &[
            ("25,000 containers", Cardinal, 25000.0),
            ("2.7 million", Cardinal, 2.7e6),
            ("$120.4 billion", Money, 120.4e9),
            ("$2.5 trillion", Money, 2.5e12),
            ("7 trillion dong", Money, 7e12),
            ("2 quadrillion dong", Money, 2e15),
            ("VND7 trillion", Money, 7e12),
            ("US$2 billion", Money, 2e9),
            ("$2bn", Money, 2e9),
            ("6.1%", Percent, 6.1),
            ("5 percent", Percent, 5.0),
            ("5 per cent", Percent, 5.0),
            ("0.15 percentage points", PercentagePoint, 0.15),
            ("25 basis points", PercentagePoint, 0.25),
            ("three weeks", Cardinal, 3.0),
            ("twenty-one", Cardinal, 21.0),
            ("thirty-one", Cardinal, 31.0),
            ("13th", Ordinal, 13.0),
            ("thirteenth", Ordinal, 13.0),
            ("32nd", Ordinal, 32.0),
            ("the third sanctions package", Ordinal, 3.0),
            ("the third quarter", Ordinal, 3.0),
            ("Q3", Ordinal, 3.0),
            ("since 1998", Year, 1998.0),
            ("about 450km", Cardinal, 450.0),
            ("six fishing boats", Cardinal, 6.0),
            ("a dozen", Cardinal, 12.0),
            ("a third of", Decimal, 1.0 / 3.0),
            ("the last two quarters", Cardinal, 2.0),
            ("three quarters of voters", Decimal, 0.75),
            ("two-thirds", Decimal, 2.0 / 3.0),
            ("up by a third from the start", Decimal, 1.0 / 3.0),
            ("cut by a quarter over the period", Decimal, 0.25),
            ("lasted half an hour", Cardinal, 30.0),
            ("about half a million people", Cardinal, 500_000.0),
            ("World War II", Ordinal, 2.0),
            ("a 40-year-old man", Cardinal, 40.0),
            ("the 21st century", Ordinal, 21.0),
        ];
        for &(text, kind, v) in cases {
            let (k, got) = num(text);
            assert_eq!(k, kind, "{text}");
            assert!(
                (got - v).abs() <= 1e-9 * v.abs().max(1.0),
                "{text}: {got} != {v}"
            );
        }
    }

    #[test]
    fn foreign_formats() {
        let m = one("more than 5.000 businesses");
        assert_eq!(m.value, NumberValue::Number(5.0));
        assert_eq!(m.alternatives[0].value, NumberValue::Number(5000.0));
        assert!(m.alternatives[0].foreign);
        let m = one("rose 2,5%");
        assert_eq!(m.value, NumberValue::Number(2.5));
        assert!(m.foreign);
        let m = one("1.234.567 people");
        assert!(m.foreign);
    }

    #[test]
    fn dates_and_times() {
        let md = Some(DateOrder::MonthDay);
        let cases: Vec<(&str, NumberValue, Option<DateOrder>)> = vec![
            ("February 14", d(Some(14), Some(2), None), md),
            (
                "14 February",
                d(Some(14), Some(2), None),
                Some(DateOrder::DayMonth),
            ),
            ("Feb. 14", d(Some(14), Some(2), None), md),
            ("February 14th", d(Some(14), Some(2), None), md),
            (
                "the 14th of February",
                d(Some(14), Some(2), None),
                Some(DateOrder::DayMonth),
            ),
            ("February 14, 2023", d(Some(14), Some(2), Some(2023)), md),
            ("November 2023", d(None, Some(11), Some(2023)), None),
            ("in May", d(None, Some(5), None), None),
            ("9/11", d(Some(11), Some(9), None), None),
        ];
        for (text, v, order) in cases {
            let m = one(text);
            assert_eq!((&m.value, m.date_order), (&v, order), "{text}");
        }
        let ms = extract("December 28, January 3 and January 9");
        assert_eq!(ms.len(), 3);
        let ms = extract("from June 10 to 12");
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].kind, NumberKind::Range);
        assert_eq!(one("June 10-12").kind, NumberKind::Range);
        assert_eq!(one("2019-2023").kind, NumberKind::Range);
        let t = |h, m| {
            NumberValue::Time(TimeValue {
                hour: h,
                minute: m,
                meridiem_known: true,
            })
        };
        assert_eq!(one("3:45 p.m.").value, t(15, 45));
        assert_eq!(one("3:45pm").value, t(15, 45));
        assert_eq!(one("3 p.m.").value, t(15, 0));
        assert_eq!(one("15:45").value, t(15, 45));
    }

    #[test]
    fn not_numbers() {
        for text in [
            "May I come in?",
            "on Friday",
            "last year",
            "Covid-19",
            "F-16",
            "G7 summit",
            "H5N1",
            "MH17",
            "A321",
            "5G networks",
            "one of them",
            "for the first time",
            "wait a second",
            "the first half",
            "dozens of aircraft",
            "several dozen",
            "hundreds of thousands",
            "SARS-CoV-2",
        ] {
            let ms = extract(text);
            assert!(
                // A weekday is weak, so a changed one is reported, a dropped one never.
                ms.iter().all(|m| m.strength == Strength::Vague
                    || matches!(m.value, NumberValue::Weekday(_)) && m.strength == Strength::Weak),
                "{text:?} → {ms:#?}"
            );
        }
    }

    #[test]
    fn ranges_share_scales() {
        let ms = extract("2 to 3 million");
        assert_eq!(ms[0].value, NumberValue::Number(2e6));
        let ms = extract("between 10 and 15 percent");
        assert_eq!(ms[0].kind, NumberKind::Percent);
        let ms = extract("$2 to $3 billion");
        assert_eq!(
            ms[0].value,
            NumberValue::Money {
                amount: 2e9,
                currency: Currency::Usd
            }
        );
    }

    #[test]
    fn hedges() {
        assert!(one("more than 5,000").approximate);
        assert!(one("about 450km").approximate);
        assert!(one("nearly 3,000").approximate);
        assert!(!one("5,000").approximate);
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text =
            "On Feb. 14, more than 5,000 people — about €2.7 million — left.\n“Twenty-one” of them";
        for m in extract(text) {
            assert_eq!(&text[m.span.clone()], m.text);
        }
    }
}
