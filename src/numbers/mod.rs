//! Language-aware number extraction and matching.
//!
//! Every language module turns one aligned block of normalized text into a
//! list of [`Mention`]s: the numbers a reader of that language would see,
//! each with its value, kind, byte span and how much weight it deserves.
//! [`compare`] then pairs the source mentions of a block with the target
//! mentions by a minimum-cost assignment and reports only the pairs (or
//! leftovers) that a careful editor would call wrong.
//!
//! The design leans hard towards precision: a number spelled with one
//! ambiguous word ("năm", "one", "first") can confirm a match but is never
//! reported as missing or extra on its own, and vague quantities ("hàng
//! chục", "dozens") never produce findings at all.

mod en;
mod lexer;
mod literal;
mod matching;
mod render;
mod scan;
mod vi;
mod words_en;
mod words_vi;

#[cfg(test)]
mod tests;
pub mod units;

use std::ops::Range;

pub use matching::compare;

/// What a number means, independently of how it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A count or amount: "25.000", "hai mươi lăm", "three".
    Cardinal,
    /// A rank: "thứ 13", "13th", "quý III", "thế kỷ XXI".
    Ordinal,
    /// A non-integer amount: "2,5", "0.15", "a third".
    Decimal,
    /// "12,6%", "5 percent".
    Percent,
    /// "0,25 điểm phần trăm", "0.25 percentage points", "25 basis points".
    PercentagePoint,
    /// An amount with a currency: "45,2 tỷ USD", "$45.2 billion".
    Money,
    /// Day and month, day/month/year, month/year: "14/2", "February 14".
    Date,
    /// A month on its own: "tháng 11", "November".
    Month,
    /// A calendar year: "năm 1998", "in 1998".
    Year,
    /// A decade, by its first year as written: "những năm 80" (80),
    /// "thập niên 1990", "the 1990s", "the '90s", "the sixties" (60).
    Decade,
    /// A clock time: "15h45", "3:45 p.m.".
    Time,
    /// Two endpoints of the same kind: "2019-2023", "June 10-12", "7-8/9".
    Range,
    /// A part of a whole, kept as its two numbers (a `Range` value):
    /// "xếp thứ 46/132" ⇔ "46th out of 132", "9/10 người" ⇔ "nine out of 10".
    Ratio,
}

impl NumberKind {
    /// Lower-case English name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            NumberKind::Cardinal => "cardinal",
            NumberKind::Ordinal => "ordinal",
            NumberKind::Decimal => "decimal",
            NumberKind::Percent => "percent",
            NumberKind::PercentagePoint => "percentage points",
            NumberKind::Money => "money",
            NumberKind::Date => "date",
            NumberKind::Month => "month",
            NumberKind::Year => "year",
            NumberKind::Decade => "decade",
            NumberKind::Time => "time",
            NumberKind::Range => "range",
            NumberKind::Ratio => "ratio",
        }
    }
}

/// Currencies the extractors recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Currency {
    Usd,
    Vnd,
    Eur,
    Jpy,
    Cny,
    Krw,
    Rub,
    Gbp,
    Aud,
    Cad,
    Sgd,
    Hkd,
    Twd,
    Thb,
    Chf,
    Inr,
}

impl Currency {
    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::Usd => "USD",
            Currency::Vnd => "VND",
            Currency::Eur => "EUR",
            Currency::Jpy => "JPY",
            Currency::Cny => "CNY",
            Currency::Krw => "KRW",
            Currency::Rub => "RUB",
            Currency::Gbp => "GBP",
            Currency::Aud => "AUD",
            Currency::Cad => "CAD",
            Currency::Sgd => "SGD",
            Currency::Hkd => "HKD",
            Currency::Twd => "TWD",
            Currency::Thb => "THB",
            Currency::Chf => "CHF",
            Currency::Inr => "INR",
        }
    }
}

/// A calendar date; any part may be absent ("14/2" has no year,
/// "tháng 5/2022" has no day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct DateValue {
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
}

/// A clock time. `hour` is 0–23 when `meridiem_known`; otherwise it is the
/// hour as written ("3:45" could be 03:45 or 15:45).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeValue {
    pub hour: u8,
    pub minute: u8,
    pub meridiem_known: bool,
}

/// The value of a mention.
#[derive(Debug, Clone, PartialEq)]
pub enum NumberValue {
    /// Cardinal, ordinal, decimal, percent, percentage point and year values.
    Number(f64),
    Money {
        amount: f64,
        currency: Currency,
    },
    Date(DateValue),
    Time(TimeValue),
    /// Both endpoints carry the same `kind`; `lo` is the first one written
    /// (a score such as "2-1" keeps its order).
    Range {
        lo: Box<NumberValue>,
        hi: Box<NumberValue>,
        kind: NumberKind,
    },
    /// A vague quantity word such as "hàng chục" or "dozens": any value in
    /// `lo..=hi` is compatible with it.
    Approx {
        lo: f64,
        hi: f64,
    },
    /// A date, month or year named relative to the text ("năm ngoái",
    /// "last year", "thứ Sáu", "Monday"): compatible with any value of its
    /// kind, never itself a finding.
    Relative,
    /// A day of the week, 1 = Monday … 7 = Sunday ("thứ Hai", "thứ 5",
    /// "Chủ nhật", "Tuesday"): compatible with relative dates, compared
    /// with another weekday.
    Weekday(u8),
}

/// How much a mention can be trusted on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    /// Never a finding by itself; pairs only with a compatible value
    /// ("hàng chục", "dozens", "one", "first", "last year").
    Vague,
    /// A single ordinary word ("hai", "three", "twice"): may be reported as
    /// a mismatch against a leftover counterpart, never as missing or extra.
    Weak,
    /// Digits, compound number words, dates, money: reported when unmatched.
    Strong,
}

/// Another way a reader could understand the same written form.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub kind: NumberKind,
    pub value: NumberValue,
    /// True when this reading follows the other language's convention
    /// (English "5.000" read the Vietnamese way as 5,000): a match through
    /// it is a `number.format` finding when the mention is in the target.
    pub foreign: bool,
}

/// Day-month order of a written date, so suggestions can follow the
/// translation's own style ("4 August" vs "August 4").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateOrder {
    DayMonth,
    MonthDay,
}

/// One number found in a block of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range into the block, on char boundaries.
    pub span: Range<usize>,
    /// The text of `span`, quoted in messages.
    pub text: String,
    pub kind: NumberKind,
    pub value: NumberValue,
    /// Hedged ("hơn", "khoảng", "more than", "about") or a vague quantity.
    pub approximate: bool,
    pub strength: Strength,
    /// Other plausible readings of the same written form.
    pub alternatives: Vec<Reading>,
    /// True when the primary value was read in the other language's
    /// convention because the form is invalid in this one (English "2,5").
    pub foreign: bool,
    /// Day-month order for dates written with a month name.
    pub date_order: Option<DateOrder>,
    /// The unit of measure written after the amount ("10 mét", "3 miles").
    pub unit: Option<&'static units::UnitDef>,
    /// Which side of the number a hedge puts the amount on ("hơn 50" is
    /// above, "fewer than 50" below); None for "khoảng", "about" or none.
    pub bound: Option<Bound>,
}

/// The direction of a hedge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// "hơn", "trên", "ít nhất", "more than", "over", "at least".
    Above,
    /// "dưới", "chưa đầy", "tối đa", "fewer than", "under", "at most".
    Below,
}

impl Mention {
    /// A strong, exact mention with no alternatives; extractors adjust the
    /// fields they need.
    pub fn new(span: Range<usize>, text: &str, kind: NumberKind, value: NumberValue) -> Self {
        Mention {
            span,
            text: text.to_string(),
            kind,
            value,
            approximate: false,
            strength: Strength::Strong,
            alternatives: Vec::new(),
            foreign: false,
            date_order: None,
            unit: None,
            bound: None,
        }
    }
}

/// A language the checker can read numbers in.
pub trait NumberLanguage: Sync {
    /// BCP 47 code: "vi", "en".
    fn code(&self) -> &'static str;
    /// All number mentions in one normalized block, in text order, without
    /// overlaps.
    fn extract(&self, text: &str) -> Vec<Mention>;
    /// How this language writes `value` as a number of `kind`.
    fn render(&self, value: &NumberValue, kind: NumberKind) -> String;
    /// Like [`NumberLanguage::render`], following a date order already used
    /// in the text when there is one.
    fn render_styled(
        &self,
        value: &NumberValue,
        kind: NumberKind,
        date_order: Option<DateOrder>,
    ) -> String {
        let _ = date_order;
        self.render(value, kind)
    }
}

/// The number reader for a language code ("vi", "en").
pub fn language(code: &str) -> Option<&'static dyn NumberLanguage> {
    match code {
        "vi" => Some(&vi::Vietnamese),
        "en" => Some(&en::English),
        _ => None,
    }
}

/// The number rules, each with a stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberRule {
    Mismatch,
    Missing,
    Extra,
    Date,
    Format,
    Unit,
    Magnitude,
}

impl NumberRule {
    /// Stable rule id used in reports and configuration.
    pub fn id(self) -> &'static str {
        match self {
            NumberRule::Mismatch => "number.mismatch",
            NumberRule::Missing => "number.missing",
            NumberRule::Extra => "number.extra",
            NumberRule::Date => "number.date",
            NumberRule::Format => "number.format",
            NumberRule::Unit => "number.unit",
            NumberRule::Magnitude => "number.magnitude",
        }
    }
}

/// One finding about the numbers of a block.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberIssue {
    pub rule: NumberRule,
    /// Index into the source mentions.
    pub source: Option<usize>,
    /// Index into the target mentions.
    pub target: Option<usize>,
    pub message: String,
    /// The correct target rendering, when there is one.
    pub suggestion: Option<String>,
}
