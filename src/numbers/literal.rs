//! Reading digit strings under the Vietnamese and English conventions.
//!
//! Vietnamese groups thousands with "." and marks decimals with ","; English
//! does the opposite. A form that is valid in only one convention is read
//! that way; a form valid in both ("1,234" in English, "5.000" in English)
//! gets the other convention's reading as a foreign alternative so that the
//! matcher can tell "the translator kept the source format" apart from "the
//! translator changed the number".

/// Which convention the surrounding text follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Conv {
    Vi,
    En,
}

/// A digit string read as a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Num {
    pub value: f64,
    /// No decimal part was written.
    pub integer: bool,
    /// Digits only, no separators ("2023", not "2.023").
    pub plain: bool,
    /// Read in the other convention because the form is invalid in this one.
    pub foreign: bool,
    /// The other convention's reading when the form is valid in both.
    pub alt: Option<f64>,
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// "1.234.567" with `sep` = '.': a 1–3 digit head (not a lone leading zero
/// group such as "0.500") followed by one or more 3-digit groups.
fn grouped(s: &str, sep: char) -> bool {
    let mut parts = s.split(sep);
    let Some(head) = parts.next() else {
        return false;
    };
    if !all_digits(head) || head.len() > 3 || (head.starts_with('0')) {
        return false;
    }
    let mut n = 0;
    for p in parts {
        if p.len() != 3 || !all_digits(p) {
            return false;
        }
        n += 1;
    }
    n > 0
}

fn strip(s: &str, sep: char) -> String {
    s.chars().filter(|&c| c != sep).collect()
}

fn to_f64(int: &str, frac: &str) -> Option<f64> {
    let s = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn num(value: f64, integer: bool, plain: bool, foreign: bool, alt: Option<f64>) -> Num {
    Num {
        value,
        integer,
        plain,
        foreign,
        alt,
    }
}

/// One token as the number-word parsers see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Item<'a> {
    /// A lower-cased word.
    Word(&'a str),
    /// A digit literal already read as a plain number ("2,7" in "2,7 triệu").
    Num(f64),
    /// A comma, which English allows between groups ("one million, two hundred").
    Comma,
    /// Anything else; ends a number.
    Other,
}

impl<'a> Item<'a> {
    pub fn word(self) -> Option<&'a str> {
        match self {
            Item::Word(w) => Some(w),
            _ => None,
        }
    }
}

/// Read a string of digits, '.' and ',' that starts and ends with a digit.
pub(crate) fn parse_num(s: &str, conv: Conv) -> Option<Num> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    if !s.starts_with(|c: char| c.is_ascii_digit()) || !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if all_digits(s) {
        return Some(num(to_f64(s, "")?, true, true, false, None));
    }
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    // Both separators: the last one is the decimal mark.
    let vi_mixed = |s: &str| -> Option<f64> {
        let (a, b) = s.split_once(',')?;
        (all_digits(b) && grouped(a, '.')).then(|| to_f64(&strip(a, '.'), b))?
    };
    let en_mixed = |s: &str| -> Option<f64> {
        let (a, b) = s.rsplit_once('.')?;
        (all_digits(b) && grouped(a, ',')).then(|| to_f64(&strip(a, ','), b))?
    };
    match conv {
        Conv::Vi => {
            if dots > 0 && commas > 0 {
                if let Some(v) = vi_mixed(s) {
                    return Some(num(v, false, false, false, None));
                }
                return en_mixed(s).map(|v| num(v, false, false, true, None));
            }
            if dots > 0 {
                if grouped(s, '.') {
                    return Some(num(to_f64(&strip(s, '.'), "")?, true, false, false, None));
                }
                if dots == 1 {
                    // "1.5" cannot be Vietnamese: read it the US way.
                    let (a, b) = s.split_once('.')?;
                    return Some(num(to_f64(a, b)?, false, false, true, None));
                }
                return None;
            }
            if commas == 1 {
                let (a, b) = s.split_once(',')?;
                // "1,000" is 1 by the book, but US grouping leaks into
                // Vietnamese text often enough to keep 1 000 as a reading.
                let alt = if grouped(s, ',') {
                    to_f64(&strip(s, ','), "")
                } else {
                    None
                };
                return Some(num(to_f64(a, b)?, false, false, false, alt));
            }
            if grouped(s, ',') {
                return Some(num(to_f64(&strip(s, ','), "")?, true, false, true, None));
            }
            None
        }
        Conv::En => {
            if dots > 0 && commas > 0 {
                if let Some(v) = en_mixed(s) {
                    return Some(num(v, false, false, false, None));
                }
                return vi_mixed(s).map(|v| num(v, false, false, true, None));
            }
            if dots == 1 {
                let (a, b) = s.split_once('.')?;
                let v = to_f64(a, b)?;
                let alt = if grouped(s, '.') {
                    to_f64(&strip(s, '.'), "")
                } else {
                    None
                };
                return Some(num(v, false, false, false, alt));
            }
            if dots > 1 {
                if grouped(s, '.') {
                    return Some(num(to_f64(&strip(s, '.'), "")?, true, false, true, None));
                }
                return None;
            }
            if grouped(s, ',') {
                let v = to_f64(&strip(s, ','), "")?;
                // "1,234" could be a Vietnamese decimal left in place; "25,000"
                // could not, as nobody writes trailing decimal zeros.
                let alt = if commas == 1 && !s.ends_with('0') {
                    let (a, b) = s.split_once(',')?;
                    to_f64(a, b)
                } else {
                    None
                };
                return Some(num(v, true, false, false, alt));
            }
            if commas == 1 {
                let (a, b) = s.split_once(',')?;
                return Some(num(to_f64(a, b)?, false, false, true, None));
            }
            None
        }
    }
}

/// Split "US$45.2bn" into ("US$", "45.2", "bn"): a non-digit head, the
/// longest run of digits and separators ending in a digit, and the rest.
pub(crate) fn split_number(s: &str) -> (&str, &str, &str) {
    let start = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let rest = &s[start..];
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if c.is_ascii_digit() {
            end = i + 1;
        } else if c != '.' && c != ',' {
            break;
        }
    }
    (&s[..start], &rest[..end], &rest[end..])
}

/// Digit runs separated by one of `seps`: "7-8/9" → [(7,' '),(8,'-'),(9,'/')].
/// None when anything else appears.
pub(crate) fn digit_runs(s: &str, seps: &[char]) -> Option<Vec<(u32, char)>> {
    let mut out = Vec::new();
    let mut sep = ' ';
    for part in s.split(|c| seps.contains(&c)) {
        if !all_digits(part) || part.len() > 4 {
            return None;
        }
        out.push((part.parse().ok()?, sep));
        // The separator that ends this part is the one right after it.
        let after = part.as_ptr() as usize - s.as_ptr() as usize + part.len();
        sep = s[after..].chars().next().unwrap_or(' ');
    }
    Some(out)
}

/// Value of a Roman numeral written in capitals ("XXI" → 21), 1..=3999.
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let val = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let vals: Option<Vec<u32>> = s.chars().map(val).collect();
    let vals = vals?;
    let mut total = 0i64;
    for (i, &v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|&n| n > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    // Only canonical spellings: "IIII" or "IC" are names, not numbers.
    let total = u32::try_from(total).ok()?;
    (total > 0 && total < 4000 && to_roman(total) == s).then_some(total)
}

/// Canonical Roman numeral for 1..=3999.
pub(crate) fn to_roman(mut n: u32) -> String {
    const T: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in T {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (value, foreign, alternative)
    type Reading = Option<(f64, bool, Option<f64>)>;

    fn v(s: &str, c: Conv) -> Reading {
        parse_num(s, c).map(|n| (n.value, n.foreign, n.alt))
    }

    #[test]
    fn vietnamese_convention() {
        let cases: &[(&str, Reading)] = &[
            ("25.000", Some((25000.0, false, None))),
            ("1.234,5", Some((1234.5, false, None))),
            ("0,5", Some((0.5, false, None))),
            ("12,6", Some((12.6, false, None))),
            ("1,234", Some((1.234, false, Some(1234.0)))),
            ("1,000", Some((1.0, false, Some(1000.0)))),
            ("2.500", Some((2500.0, false, None))),
            ("1.234.567", Some((1234567.0, false, None))),
            ("1.5", Some((1.5, true, None))),
            ("0.500", Some((0.5, true, None))),
            ("1,234,567", Some((1234567.0, true, None))),
            ("1,234.5", Some((1234.5, true, None))),
            ("2023", Some((2023.0, false, None))),
            ("1.2.3", None),
            ("1,2,3", None),
            ("0912.345.678", None),
            (".5", None),
            ("5.", None),
        ];
        for (s, want) in cases {
            assert_eq!(v(s, Conv::Vi), *want, "{s}");
        }
    }

    #[test]
    fn english_convention() {
        let cases: &[(&str, Reading)] = &[
            ("25,000", Some((25000.0, false, None))),
            ("1,234", Some((1234.0, false, Some(1.234)))),
            ("1,234,567", Some((1234567.0, false, None))),
            ("2.7", Some((2.7, false, None))),
            ("5.000", Some((5.0, false, Some(5000.0)))),
            ("0.125", Some((0.125, false, None))),
            ("1.234.567", Some((1234567.0, true, None))),
            ("2,5", Some((2.5, true, None))),
            ("1.234,5", Some((1234.5, true, None))),
            ("1,234.5", Some((1234.5, false, None))),
            ("1,2,3", None),
        ];
        for (s, want) in cases {
            assert_eq!(v(s, Conv::En), *want, "{s}");
        }
    }

    #[test]
    fn splitting_and_runs() {
        assert_eq!(split_number("US$45.2bn"), ("US$", "45.2", "bn"));
        assert_eq!(split_number("12,6%"), ("", "12,6", "%"));
        assert_eq!(split_number("2023."), ("", "2023", "."));
        assert_eq!(split_number("abc"), ("abc", "", ""));
        assert_eq!(
            digit_runs("7-8/9", &['-', '/']),
            Some(vec![(7, ' '), (8, '-'), (9, '/')])
        );
        assert_eq!(digit_runs("7-x", &['-']), None);
        assert_eq!(digit_runs("123456", &['-']), None);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman("XXI"), Some(21));
        assert_eq!(roman("III"), Some(3));
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("MIX"), Some(1009));
        assert_eq!(roman("ABC"), None);
        for n in 1..4000 {
            assert_eq!(roman(&to_roman(n)), Some(n));
        }
    }
}
