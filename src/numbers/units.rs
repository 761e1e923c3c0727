//! Units of measure: one table, language-neutral, keyed by a short code.
//!
//! Each unit belongs to a dimension and converts to that dimension's base
//! unit (metre, square metre, kilogram, litre, kelvin, metre per second,
//! second, watt, watt-hour, byte, year of age) by a factor and, for
//! temperatures, an offset. The words that name a unit in a language live
//! with that language (`crate::lang::vi_units`, `crate::lang::en_units`)
//! and map to these codes, so adding a language adds words, not units.
//!
//! Money stays with [`super::Currency`]: a currency is a unit whose
//! conversion rate is not a constant, so two currencies never convert.
//!
//! Why a table and not the `uom` crate: see docs/units.md.

/// What a unit measures. Two quantities of different dimensions are never
/// counterparts; two of one dimension compare after conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    Length,
    Area,
    Mass,
    Volume,
    Temperature,
    Speed,
    Duration,
    Power,
    Energy,
    Data,
    /// "5 tuổi", "five-year-old": years of age, kept apart from durations
    /// so an age never pairs with a school grade.
    Age,
    /// "lớp 5", "fifth grade": a school year, a rank rather than an amount.
    Grade,
}

impl Dimension {
    /// Lower-case English name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Length => "length",
            Dimension::Area => "area",
            Dimension::Mass => "mass",
            Dimension::Volume => "volume",
            Dimension::Temperature => "temperature",
            Dimension::Speed => "speed",
            Dimension::Duration => "duration",
            Dimension::Power => "power",
            Dimension::Energy => "energy",
            Dimension::Data => "data",
            Dimension::Age => "age",
            Dimension::Grade => "grade",
        }
    }
}

/// One unit: its code, dimension, conversion to the base unit, and how
/// English and Vietnamese write it after a number.
#[derive(Debug, PartialEq)]
pub struct UnitDef {
    pub code: &'static str,
    pub dimension: Dimension,
    /// Base units per unit.
    pub factor: f64,
    /// Added after scaling (temperatures): base = value × factor + offset.
    pub offset: f64,
    /// English form after a number ("km", "miles", "°F").
    pub en: &'static str,
    /// Vietnamese form after a number ("km", "dặm", "độ F").
    pub vi: &'static str,
}

const fn unit(
    code: &'static str,
    dimension: Dimension,
    factor: f64,
    en: &'static str,
    vi: &'static str,
) -> UnitDef {
    UnitDef {
        code,
        dimension,
        factor,
        offset: 0.0,
        en,
        vi,
    }
}

use Dimension::*;

const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.25 * DAY;

/// Every unit the languages can name. Codes are what the language tables
/// refer to; a test checks that every code they use is here.
pub static UNITS: &[UnitDef] = &[
    // Length (metre).
    unit("mm", Length, 0.001, "mm", "mm"),
    unit("cm", Length, 0.01, "cm", "cm"),
    unit("m", Length, 1.0, "m", "m"),
    unit("km", Length, 1000.0, "km", "km"),
    unit("inch", Length, 0.0254, "inches", "inch"),
    unit("ft", Length, 0.3048, "feet", "feet"),
    unit("yd", Length, 0.9144, "yards", "yard"),
    unit("mile", Length, 1609.344, "miles", "dặm"),
    unit("nmi", Length, 1852.0, "nautical miles", "hải lý"),
    // Area (square metre).
    unit("m2", Area, 1.0, "square meters", "m2"),
    unit("km2", Area, 1e6, "square kilometers", "km2"),
    unit("ha", Area, 1e4, "hectares", "ha"),
    // A sào and a mẫu of northern Vietnam (360 m², 3,600 m²).
    unit("sao", Area, 360.0, "sao", "sào"),
    unit("mau", Area, 3600.0, "mau", "mẫu"),
    unit("acre", Area, 4_046.856_422_4, "acres", "mẫu Anh"),
    unit("sqft", Area, 0.092_903_04, "square feet", "feet vuông"),
    unit("sqmi", Area, 2_589_988.110_336, "square miles", "dặm vuông"),
    // Mass (kilogram).
    unit("mg", Mass, 1e-6, "mg", "mg"),
    unit("g", Mass, 0.001, "grams", "gram"),
    unit("lang", Mass, 0.1, "lang", "lạng"),
    unit("kg", Mass, 1.0, "kg", "kg"),
    unit("yen", Mass, 10.0, "yen", "yến"),
    unit("ta", Mass, 100.0, "quintals", "tạ"),
    unit("t", Mass, 1000.0, "tons", "tấn"),
    unit("oz", Mass, 0.028_349_523_125, "ounces", "ounce"),
    unit("lb", Mass, 0.453_592_37, "pounds", "pound"),
    // Volume (litre).
    unit("ml", Volume, 0.001, "ml", "ml"),
    unit("l", Volume, 1.0, "liters", "lít"),
    unit("m3", Volume, 1000.0, "cubic meters", "m3"),
    unit("gal", Volume, 3.785_411_784, "gallons", "gallon"),
    unit("bbl", Volume, 158.987_294_928, "barrels", "thùng"),
    // Temperature (kelvin).
    UnitDef {
        code: "c",
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
        en: "°C",
        vi: "độ C",
    },
    UnitDef {
        code: "f",
        dimension: Temperature,
        factor: 5.0 / 9.0,
        offset: 273.15 - 32.0 * 5.0 / 9.0,
        en: "°F",
        vi: "độ F",
    },
    // "degrees" with no scale: compared as Celsius or Fahrenheit, whichever
    // fits (see `matching`).
    UnitDef {
        code: "deg",
        dimension: Temperature,
        factor: 1.0,
        offset: 273.15,
        en: "degrees",
        vi: "độ",
    },
    // Speed (metre per second).
    unit("kmh", Speed, 1000.0 / 3600.0, "km/h", "km/h"),
    unit("ms", Speed, 1.0, "m/s", "m/s"),
    unit("mph", Speed, 1609.344 / 3600.0, "mph", "dặm/giờ"),
    unit("kn", Speed, 1852.0 / 3600.0, "knots", "hải lý/giờ"),
    // Duration (second).
    unit("s", Duration, 1.0, "seconds", "giây"),
    unit("min", Duration, 60.0, "minutes", "phút"),
    unit("h", Duration, 3600.0, "hours", "giờ"),
    unit("day", Duration, DAY, "days", "ngày"),
    unit("week", Duration, 7.0 * DAY, "weeks", "tuần"),
    unit("month", Duration, YEAR / 12.0, "months", "tháng"),
    unit("year", Duration, YEAR, "years", "năm"),
    unit("decade", Duration, 10.0 * YEAR, "decades", "thập kỷ"),
    unit("century", Duration, 100.0 * YEAR, "centuries", "thế kỷ"),
    // Power (watt) and energy (watt-hour).
    unit("w", Power, 1.0, "W", "W"),
    unit("kw", Power, 1e3, "kW", "kW"),
    unit("mw", Power, 1e6, "MW", "MW"),
    unit("gw", Power, 1e9, "GW", "GW"),
    unit("hp", Power, 745.699_872, "hp", "mã lực"),
    unit("wh", Energy, 1.0, "Wh", "Wh"),
    unit("kwh", Energy, 1e3, "kWh", "kWh"),
    unit("mwh", Energy, 1e6, "MWh", "MWh"),
    unit("gwh", Energy, 1e9, "GWh", "GWh"),
    unit("twh", Energy, 1e12, "TWh", "TWh"),
    // Data (byte, decimal prefixes as storage is sold).
    unit("kb", Data, 1e3, "KB", "KB"),
    unit("mb", Data, 1e6, "MB", "MB"),
    unit("gb", Data, 1e9, "GB", "GB"),
    unit("tb", Data, 1e12, "TB", "TB"),
    // Age and grade.
    unit("age", Age, 1.0, "years old", "tuổi"),
    unit("grade", Grade, 1.0, "grade", "lớp"),
];

/// The unit with this code.
pub fn by_code(code: &str) -> Option<&'static UnitDef> {
    UNITS.iter().find(|u| u.code == code)
}

impl UnitDef {
    /// `value` of this unit in the dimension's base unit.
    pub fn to_base(&self, value: f64) -> f64 {
        value * self.factor + self.offset
    }

    /// A base-unit amount in this unit.
    pub fn from_base(&self, base: f64) -> f64 {
        (base - self.offset) / self.factor
    }
}

/// How a unit's words are written in a language: (lower-case phrase as
/// written after a number, unit code). Phrases of one or two characters
/// match case-sensitively ("C" after "độ", "m" but not "M").
pub type UnitWords = &'static [(&'static str, &'static str)];

/// The longest unit phrase of `words` at the start of `rest` (the text
/// right after a number), with its byte length. A phrase must end at a
/// word boundary ("m" is not the start of "mẹ").
///
/// After a space (`spaced`), a lone capital ("C", "F", "W") is a letter of
/// the text, not a unit; glued to the number ("37C") it is one.
pub fn unit_at(rest: &str, words: UnitWords, spaced: bool) -> Option<(&'static UnitDef, usize)> {
    let mut best: Option<(&'static UnitDef, usize)> = None;
    for &(phrase, code) in words {
        if spaced && phrase.len() == 1 && phrase.bytes().all(|b| b.is_ascii_uppercase()) {
            continue;
        }
        let Some(len) = prefix_len(rest, phrase) else {
            continue;
        };
        let boundary = rest[len..]
            .chars()
            .next()
            .is_none_or(|c| !crate::chars::is_alphanumeric(c) && !crate::chars::is_combining(c));
        if boundary && best.is_none_or(|(_, l)| len > l) {
            if let Some(u) = by_code(code) {
                best = Some((u, len));
            }
        }
    }
    best
}

/// Byte length of `phrase` at the start of `rest`, compared
/// case-insensitively unless the phrase is one or two characters long.
fn prefix_len(rest: &str, phrase: &str) -> Option<usize> {
    let short = phrase.chars().count() <= 2;
    let mut rc = rest.char_indices();
    for p in phrase.chars() {
        let (_, r) = rc.next()?;
        let same = if short {
            r == p
        } else {
            r == p || r.to_lowercase().eq(p.to_lowercase())
        };
        if !same {
            return None;
        }
    }
    Some(rc.next().map_or(rest.len(), |(i, _)| i))
}

/// Whether two written amounts of one dimension say the same thing within
/// the precision the writer used: each side may be the other rounded to its
/// last significant digit, at most 5 % off (10 % when hedged: "about 3
/// miles" for "5 km"). `rounding` is the place value of a number's last
/// significant digit.
pub fn converts(
    a: f64,
    ua: &UnitDef,
    b: f64,
    ub: &UnitDef,
    hedged: bool,
    rounding: fn(f64) -> f64,
) -> bool {
    let (base_a, base_b) = (ua.to_base(a), ub.to_base(b));
    let share = if hedged { 0.10 } else { 0.05 };
    // Half a rounding step of each side, in base units, capped at a share
    // of the amount as written (a round "1.000 ha" is not ±500 ha).
    // A temperature's share means nothing (0 °C is not exact); a degree is
    // the most a writer rounds one by.
    let cap = |v: f64, u: &UnitDef| {
        if u.dimension == Dimension::Temperature {
            1.0
        } else {
            share * v.abs()
        }
    };
    let slack = |v: f64, u: &UnitDef| (0.5 * rounding(v)).min(cap(v, u)) * u.factor;
    let tolerance = slack(a, ua).max(slack(b, ub)) + 1e-9 * base_a.abs().max(1.0);
    (base_a - base_b).abs() <= tolerance
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(x: f64) -> f64 {
        // Place value of the last significant digit, as `matching` does.
        let mut unit = 1.0;
        if x.fract().abs() > 1e-9 {
            while (x / unit).fract().abs() > 1e-6 && unit > 1e-6 {
                unit /= 10.0;
            }
            return unit;
        }
        let mut n = x.abs().round();
        while n >= 10.0 && n % 10.0 == 0.0 {
            n /= 10.0;
            unit *= 10.0;
        }
        unit
    }

    #[test]
    fn conversions_within_written_precision() {
        let u = |c| by_code(c).expect("unit");
        let cases = [
            (5.0, "km", 3.0, "mile", true),
            (5.0, "km", 5.0, "mile", false),
            (5.0, "km", 3.1, "mile", true),
            (5.0, "km", 3.5, "mile", false),
            (30.0, "c", 86.0, "f", true),
            (30.0, "c", 30.0, "f", false),
            (30.0, "c", 90.0, "f", false),
            (2.0, "kg", 4.4, "lb", true),
            (2.0, "kg", 5.0, "lb", false),
            (12.0, "nmi", 22.0, "km", true),
            (12.0, "nmi", 12.0, "km", false),
            (1000.0, "ha", 2470.0, "acre", true),
            (1000.0, "ha", 2000.0, "acre", false),
            (100.0, "m", 330.0, "ft", true),
            (100.0, "m", 100.0, "ft", false),
            (2.0, "t", 2.0, "kg", false),
            (2.0, "t", 2000.0, "kg", true),
            (12.0, "month", 1.0, "year", true),
            (3.0, "week", 3.0, "month", false),
            (24.0, "h", 1.0, "day", true),
            (60.0, "kmh", 37.0, "mph", true),
            (60.0, "kmh", 60.0, "mph", false),
        ];
        for (a, ua, b, ub, want) in cases {
            assert_eq!(
                converts(a, u(ua), b, u(ub), false, r),
                want,
                "{a} {ua} ⇔ {b} {ub}"
            );
        }
    }

    #[test]
    fn language_tables_name_known_units() {
        for (phrase, code) in crate::lang::vi_units::UNIT_WORDS
            .iter()
            .chain(crate::lang::en_units::UNIT_WORDS)
        {
            assert!(
                by_code(code).is_some(),
                "{phrase:?} → unknown unit {code:?}"
            );
        }
    }

    #[test]
    fn phrases_end_at_word_boundaries() {
        let words: UnitWords = &[("m", "m"), ("mét", "m"), ("km", "km"), ("km/h", "kmh")];
        assert_eq!(
            unit_at("m dài", words, true).map(|(u, l)| (u.code, l)),
            Some(("m", 1))
        );
        assert_eq!(unit_at("mẹ", words, true), None);
        assert_eq!(unit_at("M", words, true), None);
        assert_eq!(
            unit_at("km/h.", words, true).map(|(u, _)| u.code),
            Some("kmh")
        );
        assert_eq!(unit_at("Mét", words, true).map(|(u, _)| u.code), Some("m"));
    }
}
