//! Vietnamese number extraction.
//!
//! Digits follow the Vietnamese convention ("25.000", "1.234,5"); a form
//! that cannot be Vietnamese ("1.5", "1,234,567") is read the US way.
//! Dates are day first ("14/2", "28-12-2023", "7-8/9"); "tháng 5/2022" is a
//! month and year; "thứ Hai" … "thứ Bảy" and "Chủ nhật" are weekdays, not
//! ordinals. Words that are also ordinary words ("năm" = year, "ba" =
//! father, "tư" = private, "một" = a, "chín" = ripe) count as numbers only
//! where the next word makes them numbers (a classifier or measure noun).

use std::borrow::Cow;

use super::lexer::{tokenize, TokKind, Token};
use super::literal::{digit_runs, parse_num, roman, split_number, Conv, Num};
use super::render;
use super::scan::{
    in_years, make_items, measure_suffix, small_fraction, valid_day_month, with_unit, Scan, Unit,
};
use super::words_vi::{self, digit};
use super::{
    Currency, DateValue, Mention, NumberKind, NumberLanguage, NumberValue, Reading, Strength,
    TimeValue,
};
use crate::lang::vi_units;

/// The Vietnamese number reader.
pub(crate) struct Vietnamese;

impl NumberLanguage for Vietnamese {
    fn code(&self) -> &'static str {
        "vi"
    }

    fn extract(&self, text: &str) -> Vec<Mention> {
        extract(text)
    }

    fn render(&self, value: &NumberValue, kind: NumberKind) -> String {
        render::vietnamese(value, kind)
    }
}

/// Words before a number that hedge it.
const HEDGES: &[&str] = &[
    "hơn", "trên", "khoảng", "gần", "tầm", "chừng", "ngót", "dưới", "độ", "cỡ", "ước", "vượt",
    "suýt", "xấp",
];
/// Two-word hedges ("ít nhất", "xấp xỉ").
const HEDGE_PAIRS: &[(&str, &str)] = &[
    ("ít", "nhất"),
    ("tối", "thiểu"),
    ("tối", "đa"),
    ("xấp", "xỉ"),
    ("chưa", "đầy"),
    ("chưa", "tới"),
    ("chưa", "đến"),
    ("gần", "như"),
    ("ước", "tính"),
    ("ước", "khoảng"),
    ("lên", "tới"),
    ("lên", "đến"),
    ("khoảng", "chừng"),
];

/// Nouns and classifiers that make an ambiguous word ("năm", "ba", "chín")
/// a number when they follow it.
const COUNTED: &[&str] = &[
    "người",
    "con",
    "cái",
    "chiếc",
    "quả",
    "trái",
    "cuốn",
    "quyển",
    "tờ",
    "bức",
    "ngôi",
    "căn",
    "tòa",
    "toà",
    "ngày",
    "tuần",
    "tháng",
    "năm",
    "giờ",
    "tiếng",
    "phút",
    "giây",
    "lần",
    "km",
    "mét",
    "cây",
    "bộ",
    "đôi",
    "cặp",
    "nước",
    "tỉnh",
    "thành",
    "đứa",
    "học",
    "sinh",
    "tàu",
    "máy",
    "xe",
    "chai",
    "ly",
    "cốc",
    "bát",
    "chén",
    "điểm",
    "bàn",
    "trận",
    "vòng",
    "tầng",
    "phòng",
    "gói",
    "vụ",
    "ca",
    "chuyến",
    "bước",
    "phần",
    "loại",
    "kiểu",
    "câu",
    "bài",
    "trang",
    "chữ",
    "từ",
    "điều",
    "lá",
    "hộp",
    "túi",
    "bao",
    "kg",
    "ký",
    "cân",
    "lít",
    "tấn",
    "ha",
    "hécta",
    "mẫu",
    "sào",
    "nhà",
    "gia",
    "hộ",
    "công",
    "ty",
    "doanh",
    "nghiệp",
    "dự",
    "án",
    "mục",
    "đợt",
    "cuộc",
    "chương",
    "tập",
    "kỳ",
    "mùa",
    "thế",
    "hệ",
    "tuổi",
    "đồng",
    "triệu",
    "tỷ",
    "nghìn",
    "ngàn",
    "trăm",
    "chục",
    "anh",
    "chị",
    "em",
    "cô",
    "bác",
    "chú",
    "ông",
    "bà",
    "thằng",
    "cậu",
    "vị",
    "binh",
    "lính",
    "quân",
    "sư",
    "đoàn",
    "tiểu",
    "khu",
    "quận",
    "huyện",
    "xã",
    "làng",
    "bản",
    "đảo",
    "quốc",
    "gia",
    "tuyến",
    "đường",
    "cầu",
    "hạng",
    "mặt",
    "chiều",
    "cạnh",
    "góc",
    "bên",
    "phía",
    "miền",
    "lớp",
    "khối",
    "đội",
    "nhóm",
    "ban",
    "bộ",
    "ngành",
    "thứ",
    "món",
    "ván",
    "hiệp",
    "set",
    "giải",
    "huy",
    "chương",
    "viên",
    "hạt",
    "cành",
    "bông",
    "tên",
    "đêm",
    "buổi",
    "sáng",
    "tối",
    "mươi",
    "quý",
    "thập",
    "nhiệm",
    "phiên",
    "khóa",
    "khoá",
    "đời",
    "lượt",
    "mũi",
    "liều",
    "phiếu",
    "ghế",
    "hãng",
    "trường",
    "bệnh",
    "sông",
    "hòn",
];

/// After "ba", these nouns mean "father" ("ba tôi", "ba mẹ"), not three.
const NOT_AFTER_BA: &[&str] = &[
    "mẹ", "má", "tôi", "của", "ơi", "ấy", "nó", "mình", "em", "anh", "chị",
];

/// Connectors of a range whose scale or unit sits on the second end.
const RANGE_CONNECTORS: &[&str] = &["đến", "tới", "-", "hoặc", "và", "lên", "xuống"];

/// Words before a slash form that make it a date ("ngày 9/10 người dân …").
const DATE_CONTEXT: &[&str] = &[
    "ngày", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "từ", "đến", "tới", "và", "vào", "lúc",
    "trước", "sau", "(",
];

/// Words right before "thứ" that make "thứ hai" … "thứ bảy" a weekday.
const WEEKDAY_CONTEXT: &[&str] = &[
    "vào", "hôm", "sáng", "trưa", "chiều", "tối", "đêm", "ngày", "các", "mỗi", "từ", "đến", "tới",
    "và", "hoặc", "sang", "cuối", "đầu", "là", "nay", "qua", "mai", "(", ",",
];

fn extract(text: &str) -> Vec<Mention> {
    let mut toks = tokenize(text);
    mask_scale_compounds(&mut toks);
    let items = make_items(&toks, Conv::Vi);
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
    dozens(&mut sc);
    sc.attach_units(vi_units::UNIT_WORDS, vi_units::UNITS_BEFORE, false);
    sc.attach_bounds(vi_units::ABOVE, vi_units::BELOW);
    sc.finish(RANGE_CONNECTORS)
}

/// "2 tá", "ba tá trứng": dozens, so the amount is twelve times the count
/// ("two dozen" is 24 in English too). "tá điền", "tá hỏa" are other words.
fn dozens(sc: &mut Scan) {
    for f in &mut sc.found {
        let (NumberKind::Cardinal, NumberValue::Number(v)) = (f.m.kind, &mut f.m.value) else {
            continue;
        };
        let next = f.last + 1;
        let is_dozen = sc.toks.get(next).is_some_and(|t| t.lower == "tá")
            && !matches!(
                sc.toks.get(next + 1).map(|t| t.lower.as_ref()),
                Some("điền" | "hỏa" | "hoả" | "túc" | "lả" | "dược")
            );
        if is_dozen {
            *v *= 12.0;
            f.base *= 12.0;
            f.last = next;
            f.m.span.end = sc.toks[next].end;
            f.m.text = sc.text[f.m.span.clone()].to_string();
        }
    }
}

/// "tỷ lệ", "triệu chứng": a word that begins with a scale syllable is no
/// scale. Its first token is read as the whole word, so no rule sees "tỷ".
fn mask_scale_compounds(toks: &mut [Token<'_>]) {
    for i in 1..toks.len() {
        let (head, tail) = toks.split_at_mut(i);
        let (first, second) = (&mut head[i - 1], &tail[0]);
        let pair = (first.lower.as_ref(), second.lower.as_ref());
        if vi_units::SCALE_COMPOUNDS.contains(&pair) {
            first.lower = Cow::Owned(format!("{} {}", pair.0, pair.1));
        }
    }
}

fn strength_of(value: f64, scaled: bool) -> Strength {
    if value >= 11.0 || scaled {
        Strength::Strong
    } else {
        Strength::Weak
    }
}

/// A day of the week (1 = Monday): weak, so a changed weekday is reported
/// against the translation's, but a dropped one is never missing.
fn weekday(sc: &mut Scan, first: usize, last: usize, day: u8) -> Option<usize> {
    let mut m = sc.mention(first, last, NumberKind::Date, NumberValue::Weekday(day));
    m.strength = Strength::Weak;
    sc.push(m, first, last);
    Some(last + 1)
}

fn relative(sc: &mut Scan, first: usize, last: usize, kind: NumberKind) -> Option<usize> {
    let mut m = sc.mention(first, last, kind, NumberValue::Relative);
    m.strength = Strength::Vague;
    sc.push(m, first, last);
    Some(last + 1)
}

fn word_rules(sc: &mut Scan, i: usize) -> Option<usize> {
    let w = sc.lower(i);
    let next = sc.lower(i + 1);
    match w {
        "thứ" => ordinal_thu(sc, i),
        "chủ" if next == "nhật" => weekday(sc, i, i + 1, 7),
        "tháng" => month_rule(sc, i),
        "ngày" => day_rule(sc, i),
        "hôm" if matches!(next, "qua" | "nay" | "kia" | "trước" | "sau") => {
            relative(sc, i, i + 1, NumberKind::Date)
        }
        "sáng" | "trưa" | "chiều" | "tối" | "đêm" if matches!(next, "nay" | "qua" | "mai") => {
            relative(sc, i, i + 1, NumberKind::Date)
        }
        "năm" => year_rule(sc, i).or_else(|| number_words(sc, i)),
        "những" | "các" if next == "năm" && sc.plain_int(i + 2, 4).is_some() => {
            // "những năm 1990", "những năm 80": the 1990s, the '80s.
            let y = sc.plain_int(i + 2, 4)?;
            let decade = y % 10 == 0 && ((10..100).contains(&y) || (1000..=2990).contains(&y));
            let kind = if decade {
                NumberKind::Decade
            } else {
                NumberKind::Year
            };
            let mut m = sc.mention(i + 1, i + 2, kind, NumberValue::Number(f64::from(y)));
            m.approximate = true;
            sc.push(m, i + 1, i + 2);
            Some(i + 3)
        }
        "quý" => quarter_rule(sc, i),
        // "thập niên 1990", "thập kỷ 80": a decade, read as its first year.
        "thập" if matches!(next, "niên" | "kỷ" | "kỉ") => {
            let d = sc.plain_int(i + 2, 4)?;
            if !matches!(d, 1000..=2999 | 10..=99) || d % 10 != 0 {
                return None;
            }
            let mut m = sc.mention(
                i,
                i + 2,
                NumberKind::Decade,
                NumberValue::Number(f64::from(d)),
            );
            m.approximate = true;
            sc.push(m, i, i + 2);
            Some(i + 3)
        }
        "thế" if matches!(next, "kỷ" | "kỉ") => century_rule(sc, i + 1),
        "khóa" | "khoá" | "hội" | "chiến" | "phần" | "chương" | "tập" | "kỳ" | "kì" => {
            roman_after(sc, i).or_else(|| number_words(sc, i))
        }
        "hàng" | "vài" | "mấy" | "dăm" => approx_rule(sc, i),
        // "gấp đôi", "gấp ba": a multiplier ("double", "three times").
        "gấp"
            if matches!(next, "đôi" | "rưỡi")
                || sc.word(i + 1).and_then(digit).is_some_and(|d| d >= 2) =>
        {
            let v = match next {
                "đôi" => 2.0,
                "rưỡi" => 1.5,
                w => f64::from(digit(w)?),
            };
            let mut m = sc.mention(i, i + 1, NumberKind::Cardinal, NumberValue::Number(v));
            m.strength = Strength::Weak;
            sc.push(m, i, i + 1);
            Some(i + 2)
        }
        "một" if next == "vài" => approx_rule(sc, i),
        "nửa" => {
            if matches!(next, "đêm" | "chừng" | "vời") {
                return None;
            }
            let first = if sc.prev(i) == "một" { i - 1 } else { i };
            let mut m = sc.mention(first, i, NumberKind::Decimal, NumberValue::Number(0.5));
            m.strength = Strength::Vague;
            sc.push(m, first, i);
            Some(i + 1)
        }
        _ => number_words(sc, i),
    }
}

/// "thứ 12", "thứ nhất", "lần thứ tư", "thứ hai mươi"; weekdays are relative dates.
fn ordinal_thu(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    let tok = sc.tok(n)?;
    let weekday_ctx = i == 0
        || WEEKDAY_CONTEXT.contains(&sc.prev(i))
        || sc.tok(i - 1).is_some_and(|t| t.kind != TokKind::Word);
    let ordinal = |sc: &mut Scan, last: usize, v: f64, strength: Strength| {
        let mut m = sc.mention(i, last, NumberKind::Ordinal, NumberValue::Number(v));
        m.strength = strength;
        sc.push(m, i, last);
        Some(last + 1)
    };
    if tok.kind == TokKind::Word {
        let lw = tok.lower.as_ref();
        let weekday_word = matches!(lw, "hai" | "ba" | "tư" | "năm" | "sáu" | "bảy");
        // A capitalised weekday is always a weekday; a lower-case one only
        // where the context says "on …" ("vào thứ năm").
        if weekday_word
            && (tok.capitalized() || weekday_ctx)
            && !matches!(sc.lower(n + 1), "mươi" | "trăm")
        {
            let day = match lw {
                "tư" => 3,
                w => digit(w)? as u8 - 1,
            };
            return weekday(sc, i, n, day);
        }
        return match lw {
            "nhất" => ordinal(sc, n, 1.0, Strength::Vague),
            "nhì" => ordinal(sc, n, 2.0, Strength::Weak),
            "tư" => ordinal(sc, n, 4.0, Strength::Weak),
            _ => {
                let wn = words_vi::parse(&sc.items[n..])?;
                if wn.words == 0 || wn.value.fract() != 0.0 {
                    return None;
                }
                // "thứ năm mươi" is 50th; "thứ mười năm" keeps the year reading.
                let strength = strength_of(wn.value, wn.scaled);
                ordinal(sc, n + wn.len - 1, wn.value, strength)
            }
        };
    }
    let v = sc.plain_int(n, 4)?;
    if (2..=7).contains(&v) {
        let after = sc.lower(n + 1);
        let dated = after == "("
            || after == "tuần"
            || sc
                .tok(n + 1)
                .is_some_and(|t| t.kind == TokKind::Lit && t.text.contains('/'));
        if weekday_ctx
            && (dated
                || sc
                    .tok(i.wrapping_sub(1))
                    .is_none_or(|t| t.kind == TokKind::Word))
        {
            return weekday(sc, i, n, v as u8 - 1);
        }
        if weekday_ctx {
            return ordinal(sc, n, f64::from(v), Strength::Vague);
        }
    }
    let strength = if v == 1 {
        Strength::Vague
    } else {
        Strength::Strong
    };
    ordinal(sc, n, f64::from(v), strength)
}

/// A month number or name after "tháng": "tháng 11", "tháng Giêng", "tháng mười hai".
fn month_at(sc: &Scan, j: usize) -> Option<(u8, usize)> {
    if let Some(m) = sc.plain_int(j, 2) {
        return (1..=12).contains(&m).then_some((m as u8, j + 1));
    }
    let w = sc.word(j)?;
    let single = |m: u8| Some((m, j + 1));
    match w {
        "giêng" => single(1),
        "chạp" => single(12),
        "tư" => single(4),
        "năm" => single(5),
        _ => {
            let wn = words_vi::parse(&sc.items[j..])?;
            if wn.literal || wn.value.fract() != 0.0 || !(1.0..=12.0).contains(&wn.value) {
                return None;
            }
            Some((wn.value as u8, j + wn.len))
        }
    }
}

/// "năm 2023" (or ", 2023", after English usage) after a month: the year.
fn year_after(sc: &Scan, j: usize) -> Option<(i32, usize)> {
    if matches!(sc.lower(j), "năm" | ",") {
        let y = sc.plain_int(j + 1, 4)?;
        let scaled = sc.word(j + 2).and_then(words_vi::scale).is_some();
        return ((1000..=2999).contains(&y) && !scaled).then_some((y as i32, j + 2));
    }
    None
}

/// Nouns after a month-like number that make it a duration ("2 tháng 3 ngày").
fn duration_follows(sc: &Scan, j: usize) -> bool {
    matches!(
        sc.lower(j),
        "ngày" | "tuần" | "giờ" | "phút" | "tháng" | "lần" | "năm"
    ) && sc.plain_int(j + 1, 4).is_none()
}

fn month_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    // "mỗi tháng một lần", "hai tháng" (a duration) are not months.
    if matches!(sc.prev(i), "mỗi" | "hàng" | "vài" | "mấy" | "từng" | "một") {
        return None;
    }
    if matches!(sc.lower(n), "này" | "trước" | "sau" | "tới" | "qua") {
        return relative(sc, i, n, NumberKind::Month);
    }
    if sc.is_lit(n) && sc.num(n).is_none() {
        let text = sc.raw(n);
        let runs = digit_runs(text, &['/', '-', '.'])?;
        return match runs.as_slice() {
            [(m, _), (y, '/' | '-' | '.')] if (1..=12).contains(m) && (1000..=2999).contains(y) => {
                let d = DateValue {
                    day: None,
                    month: Some(*m as u8),
                    year: Some(*y as i32),
                };
                let m = sc.mention(i, n, NumberKind::Date, NumberValue::Date(d));
                sc.push(m, i, n);
                Some(n + 1)
            }
            [(a, _), (b, '-')] if (1..=12).contains(a) && (1..=12).contains(b) && a < b => {
                let month = |m: u32| {
                    Box::new(NumberValue::Date(DateValue {
                        day: None,
                        month: Some(m as u8),
                        year: None,
                    }))
                };
                let v = NumberValue::Range {
                    lo: month(*a),
                    hi: month(*b),
                    kind: NumberKind::Month,
                };
                let m = sc.mention(i, n, NumberKind::Range, v);
                sc.push(m, i, n);
                Some(n + 1)
            }
            _ => None,
        };
    }
    let (month, j) = month_at(sc, n)?;
    if sc.lower(j) == "lần" {
        return None;
    }
    let mut d = DateValue {
        day: None,
        month: Some(month),
        year: None,
    };
    let mut last = j - 1;
    let mut kind = NumberKind::Month;
    if let Some((y, k)) = year_after(sc, j) {
        d.year = Some(y);
        last = k - 1;
        kind = NumberKind::Date;
    }
    let m = sc.mention(i, last, kind, NumberValue::Date(d));
    sc.push(m, i, last);
    Some(last + 1)
}

fn date(day: Option<u32>, month: Option<u32>, year: Option<u32>) -> NumberValue {
    NumberValue::Date(DateValue {
        day: day.map(|d| d as u8),
        month: month.map(|m| m as u8),
        year: year.map(|y| if y < 100 { 2000 + y as i32 } else { y as i32 }),
    })
}

/// "ngày 14 tháng 2 [năm 2023]", "ngày 3-4", "ngày 10 và 12/6", "ngày 14".
fn day_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    if sc.lower(n) == "mai" {
        return relative(sc, i, n, NumberKind::Date);
    }
    if sc.lower(n) == "hôm" && matches!(sc.lower(n + 1), "qua" | "nay" | "kia") {
        return relative(sc, i, n + 1, NumberKind::Date);
    }
    if !sc.is_lit(n) {
        return None;
    }
    if let Some(d) = sc.plain_int(n, 2) {
        // "ngày 3 lần" is three times a day, not the 3rd.
        if sc.lower(n + 1) != "tháng" && COUNTED.contains(&sc.lower(n + 1)) {
            return None;
        }
        if sc.lower(n + 1) == "tháng" {
            if let Some((m, j)) = month_at(sc, n + 2) {
                if valid_day_month(d, u32::from(m)) {
                    let (year, last) = match year_after(sc, j) {
                        Some((y, k)) => (Some(y as u32), k - 1),
                        None => (None, j - 1),
                    };
                    let v = date(Some(d), Some(u32::from(m)), year);
                    let mention = sc.mention(n, last, NumberKind::Date, v);
                    sc.push(mention, n, last);
                    return Some(last + 1);
                }
            }
        }
        if !(1..=31).contains(&d) {
            return None;
        }
        // "ngày 10 và 12/6": the first day takes the month of the second.
        if matches!(sc.lower(n + 1), "và" | "," | "đến" | "tới" | "-" | "hoặc") {
            if let Some(runs) = digit_runs(sc.raw(n + 2), &['/']) {
                if let [(_, _), (m, '/')] | [(_, _), (m, '/'), (_, '/')] = runs.as_slice() {
                    let year = runs.get(2).map(|r| r.0);
                    if valid_day_month(d, *m) {
                        let mention =
                            sc.mention(n, n, NumberKind::Date, date(Some(d), Some(*m), year));
                        sc.push(mention, n, n);
                        return Some(n + 1);
                    }
                }
            }
        }
        let mention = sc.mention(n, n, NumberKind::Date, date(Some(d), None, None));
        sc.push(mention, n, n);
        return Some(n + 1);
    }
    // "ngày 3-4" and "ngày 28-12-2023": hyphenated day-first dates.
    let runs = digit_runs(sc.raw(n), &['-', '.'])?;
    match runs.as_slice() {
        [(d, _), (m, '-' | '.')] if valid_day_month(*d, *m) => {
            let mention = sc.mention(n, n, NumberKind::Date, date(Some(*d), Some(*m), None));
            sc.push(mention, n, n);
            Some(n + 1)
        }
        _ => None,
    }
}

/// "năm 1998", "năm 2019-2023", "năm ngoái".
fn year_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    if matches!(
        sc.lower(n),
        "ngoái" | "nay" | "trước" | "sau" | "tới" | "qua" | "kia" | "ấy" | "đó" | "này" | "rồi"
    ) {
        return relative(sc, i, n, NumberKind::Year);
    }
    if let Some(y) = sc.plain_int(n, 4) {
        if !(100..=2999).contains(&y) || sc.word(n + 1).and_then(words_vi::scale).is_some() {
            return None;
        }
        let mut m = sc.mention(i, n, NumberKind::Year, NumberValue::Number(f64::from(y)));
        m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
        sc.push(m, i, n);
        return Some(n + 1);
    }
    let runs = digit_runs(sc.raw(n), &['-'])?;
    if let [(a, _), (b, '-')] = runs.as_slice() {
        let b = if *b < 100 && *a >= 1000 {
            a - a % 100 + b
        } else {
            *b
        };
        if (1000..=2999).contains(a) && (1000..=2999).contains(&b) {
            let v = NumberValue::Range {
                lo: Box::new(NumberValue::Number(f64::from(*a))),
                hi: Box::new(NumberValue::Number(f64::from(b))),
                kind: NumberKind::Year,
            };
            let m = sc.mention(i, n, NumberKind::Range, v);
            sc.push(m, i, n);
            return Some(n + 1);
        }
    }
    None
}

/// An ordinal written as a Roman numeral, a small integer or a word.
fn small_ordinal_word(w: &str) -> Option<u32> {
    match w {
        "nhất" | "một" => Some(1),
        "tư" => Some(4),
        _ => digit(w),
    }
}

/// "quý III", "quý 2/2023", "quý II-2023", "quý tư".
fn quarter_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    let t = sc.tok(n)?;
    let text = t.text;
    let push_q = |sc: &mut Scan, q: u32, strength: Strength, to: Option<usize>| {
        let mut m = match to {
            Some(end) => {
                let mut m =
                    sc.mention(i, n, NumberKind::Ordinal, NumberValue::Number(f64::from(q)));
                let start = m.span.start;
                m.span = start..sc.toks[n].start + end;
                m.text = sc.text[m.span.clone()].to_string();
                m
            }
            None => sc.mention(i, n, NumberKind::Ordinal, NumberValue::Number(f64::from(q))),
        };
        m.strength = strength;
        sc.push(m, i, n);
    };
    if t.kind == TokKind::Word {
        if let Some(q) = roman(text) {
            if (1..=4).contains(&q) {
                push_q(sc, q, Strength::Strong, None);
                return Some(n + 1);
            }
        }
        let q = small_ordinal_word(&t.lower)?;
        if (1..=4).contains(&q) {
            push_q(sc, q, Strength::Strong, None);
            return Some(n + 1);
        }
        return None;
    }
    if let Some(q) = sc.plain_int(n, 1) {
        if (1..=4).contains(&q) {
            push_q(sc, q, Strength::Strong, None);
            return Some(n + 1);
        }
        return None;
    }
    // "II/2023", "2/2023", "III-2023": quarter and year in one token.
    let cut = text.find(['/', '-'])?;
    let (head, tail) = (&text[..cut], &text[cut + 1..]);
    let q = roman(head).or_else(|| head.parse().ok())?;
    let y: u32 = tail.parse().ok()?;
    if !(1..=4).contains(&q) || !(1000..=2999).contains(&y) || tail.len() != 4 {
        return None;
    }
    push_q(sc, q, Strength::Strong, Some(cut));
    let mut ym = sc.mention_in(
        n,
        cut + 1,
        text.len(),
        NumberKind::Year,
        NumberValue::Number(f64::from(y)),
    );
    ym.strength = Strength::Strong;
    sc.push(ym, n, n);
    Some(n + 1)
}

/// "thế kỷ XXI", "thế kỷ 21", "thế kỷ hai mươi mốt"; `k` is "kỷ".
fn century_rule(sc: &mut Scan, k: usize) -> Option<usize> {
    let n = k + 1;
    let t = sc.tok(n)?;
    let (v, last) = if let Some(r) = roman(t.text) {
        (r, n)
    } else if let Some(v) = sc.plain_int(n, 2) {
        (v, n)
    } else {
        let wn = words_vi::parse(&sc.items[n..])?;
        if wn.literal || wn.value.fract() != 0.0 {
            return None;
        }
        (wn.value as u32, n + wn.len - 1)
    };
    if !(1..=30).contains(&v) {
        return None;
    }
    let m = sc.mention(
        k - 1,
        last,
        NumberKind::Ordinal,
        NumberValue::Number(f64::from(v)),
    );
    sc.push(m, k - 1, last);
    Some(last + 1)
}

/// "Quốc hội khóa XV", "Đại hội XIII", "Thế chiến II".
fn roman_after(sc: &mut Scan, i: usize) -> Option<usize> {
    let n = i + 1;
    let t = sc.tok(n)?;
    if t.kind != TokKind::Word {
        return None;
    }
    let v = roman(t.text)?;
    let mut m = sc.mention(i, n, NumberKind::Ordinal, NumberValue::Number(f64::from(v)));
    if sc.lower(i) == "chiến" {
        m.strength = Strength::Weak;
    }
    sc.push(m, i, n);
    Some(n + 1)
}

/// Scale words and "chục" after a vague quantity word, multiplied.
fn vague_scale(sc: &Scan, mut j: usize) -> (f64, usize) {
    let mut s = 1.0;
    loop {
        let f = match sc.lower(j) {
            "chục" => 10.0,
            "trăm" => 100.0,
            w => match words_vi::scale(w) {
                Some(f) => f,
                None => break,
            },
        };
        s *= f;
        j += 1;
    }
    (s, j)
}

/// "hàng chục", "vài trăm", "hàng chục nghìn", "một vài", "dăm ba": vague.
fn approx_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let w = sc.lower(i);
    let mut j = if w == "một" { i + 2 } else { i + 1 };
    let head = if w == "một" { "vài" } else { w };
    let (mut lo, mut hi) = match head {
        "hàng" => (1.0, 10.0),
        "dăm" => (3.0, 9.0),
        _ => (2.0, 9.0),
    };
    if matches!(head, "vài" | "dăm") && sc.lower(j) == "ba" {
        (lo, hi) = (2.0, 5.0);
        j += 1;
    }
    let (s, k) = vague_scale(sc, j);
    if k == j && !matches!(head, "vài" | "dăm") {
        return None;
    }
    let (unit, mut end) = tail(sc, k);
    // "hàng trăm năm tuổi": "năm" is the years counted, never five.
    if matches!(unit, Unit::None) && end == k && s > 1.0 && sc.lower(end) == "năm" {
        end += if sc.lower(end + 1) == "tuổi" { 2 } else { 1 };
    }
    let value = NumberValue::Approx {
        lo: lo * s,
        hi: hi * s,
    };
    let kind = match unit {
        Unit::Percent => NumberKind::Percent,
        Unit::Money(_) => NumberKind::Money,
        _ => NumberKind::Cardinal,
    };
    let mut m = sc.mention(i, end - 1, kind, value);
    m.approximate = true;
    m.strength = Strength::Vague;
    sc.push(m, i, end - 1);
    Some(end)
}

/// A currency name at `j`: (currency, index after it).
fn currency(sc: &Scan, j: usize) -> Option<(Currency, usize)> {
    // "đồng/tháng", "USD/tấn": the unit before a per-unit slash.
    let w = sc.lower(j);
    let w = w.split_once('/').map_or(w, |(head, _)| head);
    let n1 = sc.lower(j + 1);
    let one = |c| Some((c, j + 1));
    match w {
        "usd" | "us$" | "$" => one(Currency::Usd),
        "đô" | "đôla" => {
            let mut k = if w == "đô" && n1 == "la" {
                j + 2
            } else {
                j + 1
            };
            let c = match sc.lower(k) {
                "mỹ" => Currency::Usd,
                "úc" => Currency::Aud,
                "singapore" => Currency::Sgd,
                "canada" => Currency::Cad,
                "hồng" if sc.lower(k + 1) == "kông" => {
                    k += 1;
                    Currency::Hkd
                }
                "đài" if sc.lower(k + 1) == "loan" => {
                    k += 1;
                    Currency::Twd
                }
                _ => return Some((Currency::Usd, k)),
            };
            Some((c, k + 1))
        }
        "đồng" => {
            // "5 đồng chí", "đồng ý" are not money.
            if matches!(
                n1,
                "chí" | "ý" | "bào" | "hồ" | "xu" | "minh" | "thời" | "loạt"
            ) {
                return None;
            }
            if n1 == "việt" && sc.lower(j + 2) == "nam" {
                return Some((Currency::Vnd, j + 3));
            }
            one(Currency::Vnd)
        }
        "vnd" | "vnđ" | "đ" | "₫" => one(Currency::Vnd),
        "euro" | "eur" | "€" => one(Currency::Eur),
        "yen" | "yên" | "jpy" => {
            if n1 == "nhật" {
                return Some((Currency::Jpy, j + 2));
            }
            one(Currency::Jpy)
        }
        "nhân" if n1 == "dân" && sc.lower(j + 2) == "tệ" => Some((Currency::Cny, j + 3)),
        "ndt" | "cny" | "tệ" => one(Currency::Cny),
        "đài" if n1 == "tệ" => Some((Currency::Twd, j + 2)),
        "won" | "krw" => one(Currency::Krw),
        "rúp" | "ruble" | "rub" => one(Currency::Rub),
        "bảng" if n1 == "anh" => Some((Currency::Gbp, j + 2)),
        // Right after an amount, "bảng" is the pound ("5 triệu bảng").
        "bảng" => one(Currency::Gbp),
        "gbp" | "£" => one(Currency::Gbp),
        "aud" => one(Currency::Aud),
        "sgd" => one(Currency::Sgd),
        "cad" => one(Currency::Cad),
        "hkd" => one(Currency::Hkd),
        "twd" => one(Currency::Twd),
        "thb" | "bạt" | "baht" => one(Currency::Thb),
        "chf" => one(Currency::Chf),
        "franc" if n1 == "thụy" => Some((Currency::Chf, j + 3)),
        "inr" | "rupee" => one(Currency::Inr),
        _ => None,
    }
}

/// The unit after an amount ending before `j`: percent, percentage points,
/// basis points or a currency.
fn tail(sc: &Scan, j: usize) -> (Unit, usize) {
    let w = sc.lower(j);
    match w {
        "%" => return (Unit::Percent, j + 1),
        "phần" if sc.lower(j + 1) == "trăm" => return (Unit::Percent, j + 2),
        "điểm" => {
            if sc.lower(j + 1) == "phần" && sc.lower(j + 2) == "trăm" {
                return (Unit::PercentagePoint, j + 3);
            }
            if sc.lower(j + 1) == "%" {
                return (Unit::PercentagePoint, j + 2);
            }
            if sc.lower(j + 1) == "cơ" && sc.lower(j + 2) == "bản" {
                return (Unit::BasisPoint, j + 3);
            }
        }
        _ => {}
    }
    match currency(sc, j) {
        Some((c, k)) => (Unit::Money(c), k),
        None => (Unit::None, j),
    }
}

/// "thập kỷ" (decade) or "thế kỷ" (century) right after a count.
fn period_factor(sc: &Scan, j: usize) -> Option<f64> {
    match (sc.lower(j), sc.lower(j + 1)) {
        ("thập", "kỷ" | "kỉ" | "niên") => Some(10.0),
        ("thế", "kỷ" | "kỉ") => Some(100.0),
        _ => None,
    }
}

/// "6 tháng đầu năm" is often "the first half": the count may vanish.
fn period_of_year(sc: &Scan, j: usize) -> bool {
    sc.lower(j) == "tháng" && matches!(sc.lower(j + 1), "đầu" | "cuối")
}

/// Number words: "hai mươi lăm nghìn", "ba tuần", "năm phần trăm".
fn number_words(sc: &mut Scan, i: usize) -> Option<usize> {
    let wn = words_vi::parse(&sc.items[i..])?;
    if wn.words == 0 {
        return None;
    }
    let j = i + wn.len;
    let v = wn.value;
    let single = wn.words == 1 && !wn.scaled && !wn.literal;
    if single {
        // "hai ba người", "ba bốn ngày": two neighbouring digits are an estimate.
        if let Some(d2) = sc.word(j).and_then(digit) {
            let d1 = v as u32;
            if d2 == d1 + 1
                && sc
                    .word(j + 1)
                    .is_none_or(|w| words_vi::scale(w).is_none() && !matches!(w, "mươi" | "trăm"))
            {
                let mut m = sc.mention(
                    i,
                    j,
                    NumberKind::Cardinal,
                    NumberValue::Approx {
                        lo: f64::from(d1),
                        hi: f64::from(d2),
                    },
                );
                m.approximate = true;
                m.strength = Strength::Vague;
                sc.push(m, i, j);
                return Some(j + 1);
            }
        }
        // "một phần ba", "hai phần năm": a fraction.
        if sc.lower(j) == "phần" && sc.lower(j + 1) != "trăm" {
            let den = sc.word(j + 1).and_then(|w| match w {
                "tư" => Some(4),
                "mười" => Some(10),
                _ => digit(w),
            })?;
            if den < 2 {
                return None;
            }
            let mut m = sc.mention(
                i,
                j + 1,
                NumberKind::Decimal,
                NumberValue::Number(v / f64::from(den)),
            );
            m.strength = Strength::Weak;
            sc.push(m, i, j + 1);
            return Some(j + 2);
        }
    }
    let (unit, end) = tail(sc, j);
    if single && unit == Unit::None {
        let w = sc.lower(i);
        let next = sc.lower(j);
        let counted = COUNTED.contains(&next);
        let ok = match w {
            "một" | "tư" | "không" => false,
            // "năm thứ 20" is the 20th year.
            "năm" => counted && next != "thứ",
            "chín" => counted,
            // "ông ba bà mẹ", "bố ba": the father.
            "ba" => {
                counted
                    && !NOT_AFTER_BA.contains(&next)
                    && !matches!(sc.prev(i), "ông" | "bố" | "cha" | "mẹ" | "má")
            }
            _ => true,
        };
        if !ok {
            return None;
        }
    }
    let (kind, value) = with_unit(v, unit);
    let mut m = sc.mention(i, end - 1, kind, value);
    m.strength = if single {
        Strength::Weak
    } else {
        strength_of(v, wn.scaled || wn.literal)
    };
    if unit == Unit::None {
        if let Some(f) = period_factor(sc, end) {
            in_years(&mut m, f);
        }
    }
    if period_of_year(sc, end) {
        m.strength = m.strength.min(Strength::Weak);
    }
    m.approximate = sc.hedged(i, HEDGES, HEDGE_PAIRS);
    if let Some(alt) = wn.alt {
        let (k, v) = with_unit(alt, unit);
        m.alternatives.push(Reading {
            kind: k,
            value: v,
            foreign: false,
        });
    }
    let (base, scale) = match wn.tail_scale {
        Some(s) => (v / s, s),
        None => (v, 1.0),
    };
    sc.push_scaled(m, i, end - 1, base, scale, unit);
    Some(end)
}

/// Currency signs before a number.
fn currency_prefix(p: &str) -> Option<Currency> {
    Some(match p {
        "$" | "US$" | "USD" => Currency::Usd,
        "€" => Currency::Eur,
        "£" => Currency::Gbp,
        "¥" => Currency::Jpy,
        "₫" | "VND" => Currency::Vnd,
        "₩" => Currency::Krw,
        "₽" => Currency::Rub,
        "₹" => Currency::Inr,
        "A$" => Currency::Aud,
        "C$" => Currency::Cad,
        "S$" => Currency::Sgd,
        "HK$" => Currency::Hkd,
        "NT$" => Currency::Twd,
        _ => return None,
    })
}

/// Clock times: "15h45", "15h", "8g30", "15:45".
fn time_literal(s: &str) -> Option<(u8, u8)> {
    let lower = s.to_lowercase();
    let (h, m) = if let Some((h, m)) = lower.split_once(':') {
        (h, m)
    } else if let Some(p) = lower.find('h') {
        (&lower[..p], &lower[p + 1..])
    } else if let Some(p) = lower.find('g').filter(|&p| p + 1 < lower.len()) {
        // "8g30"; a bare "5g" is five grams.
        (&lower[..p], &lower[p + 1..])
    } else {
        return None;
    };
    let m = m.trim_end_matches('\'');
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "19h04", and "19h4" as news sites write it with the hour form.
    let hour_form = lower.contains(['h', 'g']);
    let minute_len_ok = m.len() == 2 || hour_form && m.len() == 1;
    if !(m.is_empty() || (minute_len_ok && m.bytes().all(|b| b.is_ascii_digit()))) {
        return None;
    }
    let h: u8 = h.parse().ok()?;
    let m: u8 = if m.is_empty() { 0 } else { m.parse().ok()? };
    (h <= 24 && m < 60).then_some((h, m))
}

/// Apply "sáng/chiều/tối/đêm" after a time; returns the time and tokens used.
fn time_of_day(sc: &Scan, j: usize, h: u8, m: u8) -> (TimeValue, usize) {
    let pm = |h: u8| if h < 12 { h + 12 } else { h };
    let (hour, known, used) = match sc.lower(j) {
        "sáng" => (h, true, 1),
        "trưa" => (if h <= 5 { h + 12 } else { h }, true, 1),
        "chiều" | "tối" => (pm(h), true, 1),
        "đêm" => (if (6..12).contains(&h) { h + 12 } else { h }, true, 1),
        _ => (h, h > 12 || h == 0, 0),
    };
    (
        TimeValue {
            hour,
            minute: m,
            meridiem_known: known,
        },
        j + used,
    )
}

fn push_time(sc: &mut Scan, first: usize, last_tok: usize, h: u8, m: u8) -> Option<usize> {
    let (t, end) = time_of_day(sc, last_tok + 1, h, m);
    let mention = sc.mention(first, end - 1, NumberKind::Time, NumberValue::Time(t));
    sc.push(mention, first, end - 1);
    Some(end)
}

/// Slash forms: "14/2", "28/12/2023", "5/2022", "7-8/9", "10/6-12/6", "1/3".
fn slash_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    // "24/7" is round the clock, unless a date word announces a date
    // ("sáng 24/7" is the morning of 24 July). Without one it may still be
    // the date ("phiên 24/7", the session of 24 July): a vague mention
    // that pairs with "July 24" in the translation and is never reported
    // on its own.
    if text == "24/7" && !DATE_CONTEXT.contains(&sc.prev(i)) {
        let mut m = sc.mention(i, i, NumberKind::Date, date(Some(24), Some(7), None));
        m.strength = Strength::Vague;
        sc.push(m, i, i);
        return Some(i + 1);
    }
    let runs = digit_runs(text, &['/', '-', '.'])?;
    let d = |day: u32, month: u32| date(Some(day), Some(month), None);
    let (kind, value, alt) = match runs.as_slice() {
        [(a, _), (b, '/')] => {
            // "xếp thứ 46/132", "9/10 người", "46/132": a part of a whole.
            let before = sc.prev(i);
            let counted = COUNTED.contains(&sc.lower(i + 1)) && !DATE_CONTEXT.contains(&before);
            let is_date =
                valid_day_month(*a, *b) || (1..=12).contains(a) && (1000..=2999).contains(b);
            if a <= b && (before == "thứ" || counted || (!is_date && *b > 10)) {
                let v = NumberValue::Range {
                    lo: Box::new(NumberValue::Number(f64::from(*a))),
                    hi: Box::new(NumberValue::Number(f64::from(*b))),
                    kind: NumberKind::Cardinal,
                };
                let m = sc.mention(i, i, NumberKind::Ratio, v);
                sc.push(m, i, i);
                return Some(i + 1);
            }
            if valid_day_month(*a, *b) {
                let alt = small_fraction(*a, *b);
                (NumberKind::Date, d(*a, *b), alt)
            } else if (1..=12).contains(a) && (1000..=2999).contains(b) {
                (NumberKind::Date, date(None, Some(*a), Some(*b)), None)
            } else if a < b {
                (
                    NumberKind::Decimal,
                    NumberValue::Number(f64::from(*a) / f64::from(*b)),
                    None,
                )
            } else {
                return Some(i + 1);
            }
        }
        [(dd, _), (m, s1), (y, s2)]
            if s1 == s2 && valid_day_month(*dd, *m) && (*y >= 1000 || *y < 100) =>
        {
            (NumberKind::Date, date(Some(*dd), Some(*m), Some(*y)), None)
        }
        [(d1, _), (d2, '-'), (m, '/')] if valid_day_month(*d1, *m) && valid_day_month(*d2, *m) => (
            NumberKind::Range,
            NumberValue::Range {
                lo: Box::new(d(*d1, *m)),
                hi: Box::new(d(*d2, *m)),
                kind: NumberKind::Date,
            },
            None,
        ),
        [(d1, _), (m1, '/'), (d2, '-'), (m2, '/')]
            if valid_day_month(*d1, *m1) && valid_day_month(*d2, *m2) =>
        {
            (
                NumberKind::Range,
                NumberValue::Range {
                    lo: Box::new(d(*d1, *m1)),
                    hi: Box::new(d(*d2, *m2)),
                    kind: NumberKind::Date,
                },
                None,
            )
        }
        _ => return Some(i + 1),
    };
    let mut m = sc.mention(i, i, kind, value);
    if let Some(f) = alt {
        m.alternatives.push(Reading {
            kind: NumberKind::Decimal,
            value: NumberValue::Number(f),
            foreign: false,
        });
    }
    sc.push(m, i, i);
    Some(i + 1)
}

/// "7%/năm", "15.000đ/kg": a rate per unit keeps its own suffix.
fn without_per_unit(suffix: &str) -> &str {
    match suffix.split_once('/') {
        Some((head, per)) if !per.is_empty() && per.chars().all(char::is_alphabetic) => head,
        _ => suffix,
    }
}

/// One end of a hyphenated range: optional currency sign, number, optional
/// suffix ("9-11%/năm": the rate's unit is not part of it).
fn range_end(s: &str) -> Option<(Option<Currency>, Num, &str)> {
    let (p, core, suffix) = split_number(s);
    let suffix = without_per_unit(suffix);
    let c = if p.is_empty() {
        None
    } else {
        Some(currency_prefix(p)?)
    };
    let n = parse_num(core, Conv::Vi)?;
    Some((c, n, suffix))
}

/// Hyphen forms: "2019-2023", "28-12-2023", "3-5", "10-15%", "10-year".
fn dash_rule(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    if let Some(runs) = digit_runs(text, &['-']) {
        if let [(dd, _), (m, '-'), (y, '-')] = runs.as_slice() {
            if valid_day_month(*dd, *m) && *y >= 1000 {
                let mention =
                    sc.mention(i, i, NumberKind::Date, date(Some(*dd), Some(*m), Some(*y)));
                sc.push(mention, i, i);
            }
            return Some(i + 1);
        }
        if let [(a, _), (b, '-')] = runs.as_slice() {
            let b_full = if *b < 100 && *a >= 1000 && text.len() == 7 {
                a - a % 100 + b
            } else {
                *b
            };
            if (1000..=2999).contains(a)
                && (1000..=2999).contains(&b_full)
                && b_full > *a
                && sc.word(i + 1).and_then(words_vi::scale).is_none()
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
    }
    let (left, right) = text.split_once('-')?;
    if right.contains('-') {
        return Some(i + 1);
    }
    let Some((c1, n1, s1)) = range_end(left) else {
        // "Covid-19", "F-16", "SARS-CoV-2": identifiers.
        return Some(i + 1);
    };
    let Some((c2, n2, s2)) = range_end(right) else {
        // "10-year", "5-sao": a number glued to a noun.
        if s1.is_empty() && c1.is_none() && right.chars().all(char::is_alphabetic) {
            let (k, v) = with_unit(n1.value, Unit::None);
            let m = sc.mention(i, i, k, v);
            sc.push(m, i, i);
        }
        return Some(i + 1);
    };
    if !(s1.is_empty() || s1 == s2) || !(s2.is_empty() || s2 == "%" || measure_suffix(s2)) {
        return Some(i + 1);
    }
    // Scale words after the range apply to both ends ("3-5 triệu").
    let (scale, mut j) = scale_words(sc, i + 1);
    let mut unit = if s2 == "%" { Unit::Percent } else { Unit::None };
    if let Some(c) = c1.or(c2) {
        unit = Unit::Money(c);
    } else if s2.is_empty() {
        let (u, k) = tail(sc, j);
        unit = u;
        j = k;
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
    sc.push(m, i, j - 1);
    Some(j)
}

/// Consecutive scale words after an amount: (product, index after them).
fn scale_words(sc: &Scan, mut j: usize) -> (f64, usize) {
    let mut s = 1.0;
    while let Some(f) = sc.word(j).and_then(words_vi::scale) {
        s *= f;
        j += 1;
    }
    (s, j)
}

fn lit_rules(sc: &mut Scan, i: usize) -> Option<usize> {
    let text = sc.raw(i);
    // "&#91;": a character reference left in the text, not a number.
    if text.starts_with("&#") || sc.char_reference(i) {
        return Some(i + 1);
    }
    if let Some((h, m)) = time_literal(text) {
        return push_time(sc, i, i, h, m);
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
    let suffix = without_per_unit(suffix);
    if text.contains('-') && !core.is_empty() && (core.len() + prefix.len() < text.len()) {
        return dash_rule(sc, i);
    }
    if core.is_empty() {
        return Some(i + 1);
    }
    let prefix_currency = if prefix.is_empty() {
        None
    } else {
        match currency_prefix(prefix) {
            Some(c) => Some(c),
            // "G7", "MH17", "A321", "H5N1", "U23": identifiers.
            None => return Some(i + 1),
        }
    };
    let suffix_lower = suffix.to_lowercase();
    let suffix_unit = match suffix_lower.as_str() {
        "" => Unit::None,
        "%" => Unit::Percent,
        "đ" | "₫" | "vnđ" | "vnd" => Unit::Money(Currency::Vnd),
        "$" | "usd" => Unit::Money(Currency::Usd),
        _ if measure_suffix(suffix) => Unit::None,
        // "5G", "4K", "3D", "H5N1"…: identifiers.
        _ => return Some(i + 1),
    };
    let Some(num) = parse_num(core, Conv::Vi) else {
        return Some(i + 1);
    };
    let plain_int = num.plain && num.integer;
    // "từ 10 đến 12/6", "10 và 12/6": the first day shares the month.
    if plain_int && suffix.is_empty() && prefix.is_empty() {
        let d = num.value as u32;
        if matches!(sc.lower(i + 1), "đến" | "tới" | "-" | "và" | "," | "hoặc") {
            if let Some(runs) = digit_runs(sc.raw(i + 2), &['/']) {
                if let [(d2, _), (m, '/')] | [(d2, _), (m, '/'), (_, '/')] = runs.as_slice() {
                    if valid_day_month(d, *m) && valid_day_month(*d2, *m) && d != *d2 {
                        let year = runs.get(2).map(|r| r.0);
                        let mention =
                            sc.mention(i, i, NumberKind::Date, date(Some(d), Some(*m), year));
                        sc.push(mention, i, i);
                        return Some(i + 1);
                    }
                }
            }
        }
    }
    // Day-first date without "ngày": "3 tháng 2".
    if plain_int && suffix.is_empty() && prefix.is_empty() && sc.lower(i + 1) == "tháng" {
        let d = num.value as u32;
        if let Some((m, j)) = month_at(sc, i + 2) {
            if valid_day_month(d, u32::from(m)) && !duration_follows(sc, j) {
                let (year, last) = match year_after(sc, j) {
                    Some((y, k)) => (Some(y as u32), k - 1),
                    None => (None, j - 1),
                };
                let mention = sc.mention(
                    i,
                    last,
                    NumberKind::Date,
                    date(Some(d), Some(u32::from(m)), year),
                );
                sc.push(mention, i, last);
                return Some(last + 1);
            }
        }
    }
    // Clock time in words: "15 giờ 45 [phút]", "3 giờ chiều", "lúc 8 giờ".
    if plain_int && suffix.is_empty() && sc.lower(i + 1) == "giờ" && num.value <= 24.0 {
        let h = num.value as u8;
        if let Some(mm) = sc.plain_int(i + 2, 2).filter(|&m| m < 60) {
            let last = if sc.lower(i + 3) == "phút" {
                i + 3
            } else {
                i + 2
            };
            return push_time(sc, i, last, h, mm as u8);
        }
        if matches!(sc.lower(i + 2), "rưỡi" | "rưởi") {
            return push_time(sc, i, i + 2, h, 30);
        }
        let at = matches!(sc.prev(i), "lúc" | "đến" | "từ");
        if at || matches!(sc.lower(i + 2), "sáng" | "trưa" | "chiều" | "tối" | "đêm") {
            return push_time(sc, i, i + 1, h, 0);
        }
    }
    // Amount, scale words and unit.
    let (value, mut j, tail_scale, scaled) = if prefix.is_empty() && suffix.is_empty() {
        match words_vi::parse(&sc.items[i..]) {
            Some(wn) => (wn.value, i + wn.len, wn.tail_scale, wn.scaled),
            None => (num.value, i + 1, None, false),
        }
    } else if suffix.is_empty() {
        let (s, k) = scale_words(sc, i + 1);
        (num.value * s, k, (s > 1.0).then_some(s), s > 1.0)
    } else {
        (num.value, i + 1, None, false)
    };
    let mut unit = suffix_unit;
    if let Some(c) = prefix_currency {
        unit = Unit::Money(c);
    } else if suffix.is_empty() {
        let (u, k) = tail(sc, j);
        unit = u;
        j = k;
    }
    let (mut kind, v) = with_unit(value, unit);
    // A bare four-digit number in the calendar range reads as a year.
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
    if unit == Unit::None && suffix.is_empty() {
        if let Some(f) = period_factor(sc, j) {
            in_years(&mut m, f);
        }
    }
    if let Some(alt) = num.alt {
        let factor = if num.value != 0.0 {
            value / num.value
        } else {
            1.0
        };
        let (k, v) = with_unit(alt * factor, unit);
        m.alternatives.push(Reading {
            kind: k,
            value: v,
            foreign: true,
        });
    }
    // "bão số 3", "kẻ thù số 1": a label the translation may name otherwise.
    let label = sc.prev(i) == "số";
    // "12 tháng" is often "a year", "24 giờ" "a day", "7 ngày" "a week".
    let whole_unit = plain_int
        && matches!(
            (value as u32, sc.lower(j)),
            (12, "tháng")
                | (24, "giờ")
                | (7, "ngày")
                | (60, "phút")
                | (30, "ngày")
                | (52, "tuần")
                | (365, "ngày")
                | (100, "năm")
                | (10, "năm")
        );
    if kind == NumberKind::Cardinal && value == 1.0 || period_of_year(sc, j) || label || whole_unit
    {
        m.strength = Strength::Weak;
    }
    let (base, scale) = match tail_scale {
        Some(s) => (value / s, s),
        None => (value, 1.0),
    };
    sc.push_scaled(m, i, j - 1, base, scale, unit);
    Some(j)
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
    fn digits_and_scales() {
        use NumberKind::*;
        let cases: &[(&str, NumberKind, f64)] = &[
            ("25.000 container", Cardinal, 25000.0),
            ("1.234,5 tấn", Decimal, 1234.5),
            ("0,5 điểm", Decimal, 0.5),
            ("2,7 triệu người", Cardinal, 2_700_000.0),
            ("2.500 tỷ USD", Money, 2.5e12),
            ("7.000 tỷ đồng", Money, 7e12),
            ("2 triệu tỷ đồng", Money, 2e15),
            ("120,4 tỷ USD", Money, 120.4e9),
            ("45,2 tỷ USD", Money, 45.2e9),
            ("1 tỷ 200 triệu đồng", Money, 1.2e9),
            ("12,6%", Percent, 12.6),
            ("12,6 %", Percent, 12.6),
            ("5 phần trăm", Percent, 5.0),
            ("0,25 điểm phần trăm", PercentagePoint, 0.25),
            ("0,15 điểm phần trăm", PercentagePoint, 0.15),
            ("25 điểm cơ bản", PercentagePoint, 0.25),
            ("khoảng 450 km", Cardinal, 450.0),
            ("450km", Cardinal, 450.0),
            ("1.5 lần", Decimal, 1.5),
            ("1,234,567 người", Cardinal, 1_234_567.0),
            ("$5 triệu", Money, 5e6),
            ("50.000đ", Money, 50000.0),
            ("hai mươi lăm nghìn", Cardinal, 25000.0),
            ("ba mươi mốt", Cardinal, 31.0),
            ("mười lăm", Cardinal, 15.0),
            ("ba tuần", Cardinal, 3.0),
            ("trong ba quý gần đây", Cardinal, 3.0),
            ("năm nhiệm kỳ", Cardinal, 5.0),
            ("6 tàu cá", Cardinal, 6.0),
            ("bốn tàu", Cardinal, 4.0),
            ("năm phần trăm", Percent, 5.0),
            ("năm người", Cardinal, 5.0),
            ("từ năm 1998", Year, 1998.0),
            ("năm 1995", Year, 1995.0),
            ("2023", Year, 2023.0),
            ("thứ 12", Ordinal, 12.0),
            ("lần thứ 32", Ordinal, 32.0),
            ("gói trừng phạt thứ 13", Ordinal, 13.0),
            ("lần thứ tư", Ordinal, 4.0),
            ("lần thứ năm", Ordinal, 5.0),
            ("thứ hai mươi", Ordinal, 20.0),
            ("quý III", Ordinal, 3.0),
            ("thế kỷ XXI", Ordinal, 21.0),
            ("thế kỷ 21", Ordinal, 21.0),
            ("Quốc hội khóa XV", Ordinal, 15.0),
            ("một phần ba", Decimal, 1.0 / 3.0),
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
    fn currencies() {
        let cases: &[(&str, Currency)] = &[
            ("5 USD", Currency::Usd),
            ("5 đô la", Currency::Usd),
            ("5 đô la Mỹ", Currency::Usd),
            ("5 đô-la Mỹ", Currency::Usd),
            ("5 đồng", Currency::Vnd),
            ("5 VND", Currency::Vnd),
            ("5 euro", Currency::Eur),
            ("5 yen", Currency::Jpy),
            ("5 yên Nhật", Currency::Jpy),
            ("5 nhân dân tệ", Currency::Cny),
            ("5 NDT", Currency::Cny),
            ("5 won", Currency::Krw),
            ("5 rúp", Currency::Rub),
            ("5 bảng Anh", Currency::Gbp),
            ("5 đô la Úc", Currency::Aud),
        ];
        for &(text, c) in cases {
            let m = one(text);
            assert_eq!(
                m.value,
                NumberValue::Money {
                    amount: 5.0,
                    currency: c
                },
                "{text}"
            );
        }
    }

    #[test]
    fn dates_months_times() {
        let cases: Vec<(&str, NumberKind, NumberValue)> = vec![
            ("14/2", NumberKind::Date, d(Some(14), Some(2), None)),
            ("ngày 28/12", NumberKind::Date, d(Some(28), Some(12), None)),
            (
                "28-12-2023",
                NumberKind::Date,
                d(Some(28), Some(12), Some(2023)),
            ),
            ("ngày 3-4", NumberKind::Date, d(Some(3), Some(4), None)),
            (
                "ngày 14 tháng 2",
                NumberKind::Date,
                d(Some(14), Some(2), None),
            ),
            (
                "ngày 14 tháng 2 năm 2023",
                NumberKind::Date,
                d(Some(14), Some(2), Some(2023)),
            ),
            ("tháng 11", NumberKind::Month, d(None, Some(11), None)),
            ("tháng Giêng", NumberKind::Month, d(None, Some(1), None)),
            ("tháng mười hai", NumberKind::Month, d(None, Some(12), None)),
            (
                "tháng 5/2022",
                NumberKind::Date,
                d(None, Some(5), Some(2022)),
            ),
            (
                "tháng 5 năm 2022",
                NumberKind::Date,
                d(None, Some(5), Some(2022)),
            ),
            (
                "15h45",
                NumberKind::Time,
                NumberValue::Time(TimeValue {
                    hour: 15,
                    minute: 45,
                    meridiem_known: true,
                }),
            ),
            (
                "3 giờ chiều",
                NumberKind::Time,
                NumberValue::Time(TimeValue {
                    hour: 15,
                    minute: 0,
                    meridiem_known: true,
                }),
            ),
            (
                "15 giờ 45 phút",
                NumberKind::Time,
                NumberValue::Time(TimeValue {
                    hour: 15,
                    minute: 45,
                    meridiem_known: true,
                }),
            ),
        ];
        for (text, kind, value) in cases {
            let m = one(text);
            assert_eq!((m.kind, &m.value), (kind, &value), "{text}");
        }
        let m = one("7-8/9");
        assert_eq!(
            m.value,
            NumberValue::Range {
                lo: Box::new(d(Some(7), Some(9), None)),
                hi: Box::new(d(Some(8), Some(9), None)),
                kind: NumberKind::Date
            }
        );
        let m = one("2019-2023");
        assert_eq!(m.kind, NumberKind::Range);
        let ms = extract("từ ngày 10/6 đến 12/6");
        assert_eq!(ms.len(), 2);
        let ms = extract("ngày 10 và 12/6");
        assert_eq!(ms[0].value, d(Some(10), Some(6), None));
        let ms = extract("quý II/2023");
        assert_eq!(ms.len(), 2, "{ms:?}");
        assert_eq!(ms[0].value, NumberValue::Number(2.0));
        assert_eq!(ms[1].value, NumberValue::Number(2023.0));
        assert_eq!(ms[1].text, "2023");
    }

    #[test]
    fn not_numbers() {
        for text in [
            "hôm thứ Sáu",
            "vào thứ Hai",
            "thứ Tư tuần trước",
            "Chủ nhật",
            "năm ngoái",
            "Ba tôi là bác sĩ.",
            "Ba mẹ tôi",
            "Tôi không biết.",
            "Một ngày nọ",
            "quả chín",
            "Covid-19",
            "F-16",
            "G7",
            "H5N1",
            "MH17",
            "A321",
            "5G",
            "tư nhân",
            "mọi thứ",
            "hàng hóa",
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
    fn hedges_and_vague() {
        assert!(one("hơn 5.000 doanh nghiệp").approximate);
        assert!(one("khoảng 450 km").approximate);
        assert!(one("ít nhất 3 người").approximate);
        let m = one("hàng chục máy bay");
        assert_eq!(m.strength, Strength::Vague);
        assert_eq!(
            m.value,
            NumberValue::Approx {
                lo: 10.0,
                hi: 100.0
            }
        );
        let m = one("hàng chục nghìn người");
        assert_eq!(m.value, NumberValue::Approx { lo: 1e4, hi: 1e5 });
        assert_eq!(one("vài chục").strength, Strength::Vague);
        assert_eq!(one("hai ba người").strength, Strength::Vague);
    }

    #[test]
    fn ranges_share_scales() {
        let ms = extract("từ 2 đến 3 triệu");
        assert_eq!(ms[0].value, NumberValue::Number(2e6));
        assert_eq!(ms[1].value, NumberValue::Number(3e6));
        let ms = extract("từ 10 đến 15%");
        assert_eq!(ms[0].kind, NumberKind::Percent);
        let m = one("3-5 triệu USD");
        assert_eq!(
            m.value,
            NumberValue::Range {
                lo: Box::new(NumberValue::Money {
                    amount: 3e6,
                    currency: Currency::Usd
                }),
                hi: Box::new(NumberValue::Money {
                    amount: 5e6,
                    currency: Currency::Usd
                }),
                kind: NumberKind::Money
            }
        );
    }

    #[test]
    fn spans_are_on_char_boundaries() {
        let text = "Ngày 14/2, hơn 5.000 người đến thứ Hai.\nTháng Giêng năm 2024 — quý II/2023 đạt 2,7 triệu USD.";
        for m in extract(text) {
            assert_eq!(&text[m.span.clone()], m.text);
        }
    }
}
