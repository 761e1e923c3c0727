//! Properties that must hold for any input (proptest): spans quote the
//! original file exactly, normalization is idempotent and its offset map
//! sound, matching ignores Unicode normalization form and Vietnamese
//! tone-mark placement, alignment is total, reports are the same bytes
//! whatever the thread count, and number words read back to their value.

use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use transcheck::align::{align, ParagraphFeatures};
use transcheck::finding::{Finding, RuleConfig};
use transcheck::fuzzing::{check_alignment, check_offset_map, check_report};
use transcheck::input::{decode, SourceText};
use transcheck::lang::layout::Role;
use transcheck::normalize::{normalize, normalize_str};
use transcheck::numbers::{language, NumberKind, NumberValue};
use transcheck::{Checker, Glossary, PairReport};
use unicode_normalization::UnicodeNormalization;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        Checker::new(
            Glossary::default_vi_en().unwrap(),
            "vi",
            "en",
            RuleConfig::default(),
        )
    })
}

/// Glossary forms of the embedded glossary: (Vietnamese, English) pairs,
/// so generated articles name real entries and raise real findings.
fn forms() -> &'static [(String, String)] {
    static FORMS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let glossary = Glossary::default_vi_en().unwrap();
        glossary
            .entries
            .iter()
            .filter_map(|e| {
                Some((
                    e.forms("vi").first()?.clone(),
                    e.forms("en").first()?.clone(),
                ))
            })
            .collect()
    })
}

/// One piece of a generated article: a glossary term rendered right or
/// wrong, a number rendered right or wrong, plain words, or arbitrary
/// Unicode (controls, marks, emoji, bidi, whatever proptest finds).
#[derive(Debug, Clone)]
enum Piece {
    Term { index: usize, wrong: bool },
    Number { value: u32, wrong: bool },
    Words,
    Noise(String),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        3 => (any::<usize>(), any::<bool>()).prop_map(|(index, wrong)| Piece::Term { index, wrong }),
        2 => (1u32..100_000, any::<bool>()).prop_map(|(value, wrong)| Piece::Number { value, wrong }),
        2 => Just(Piece::Words),
        1 => "\\PC{0,12}".prop_map(|s| Piece::Noise(s.replace('\0', ""))),
        1 => prop::collection::vec(any::<char>(), 0..6).prop_map(|c| Piece::Noise(c.into_iter().filter(|&c| c != '\0').collect())),
    ]
}

/// A paragraph as (Vietnamese, English) text.
fn paragraph(pieces: &[Piece]) -> (String, String) {
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    for p in pieces {
        match p {
            Piece::Term { index, wrong } => {
                let (v, e) = &forms()[index % forms().len()];
                vi.push(v.clone());
                en.push(if *wrong {
                    format!("the {}", e.to_lowercase().replace(' ', "-"))
                } else {
                    e.clone()
                });
            }
            Piece::Number { value, wrong } => {
                let v = if *wrong { value + 1 } else { *value };
                vi.push(format!("{} người", thousands(*value, '.')));
                en.push(format!("{} people", thousands(v, ',')));
            }
            Piece::Words => {
                vi.push("và đã gặp nhau tại hội nghị".to_string());
                en.push("and met at the conference".to_string());
            }
            Piece::Noise(s) => {
                vi.push(s.clone());
                en.push(s.clone());
            }
        }
    }
    (vi.join(" "), en.join(" "))
}

fn thousands(n: u32, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// How a generated file is written to disk.
#[derive(Debug, Clone, Copy)]
struct Style {
    nfd: bool,
    crlf: bool,
    bom: bool,
    /// Drop or duplicate a target paragraph so that alignment has work.
    drop_target: Option<usize>,
}

fn style() -> impl Strategy<Value = Style> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::option::of(0usize..8),
    )
        .prop_map(|(nfd, crlf, bom, drop_target)| Style {
            nfd,
            crlf,
            bom,
            drop_target,
        })
}

fn article() -> impl Strategy<Value = Vec<Vec<Piece>>> {
    prop::collection::vec(prop::collection::vec(piece(), 1..6), 1..8)
}

/// The file bytes of both sides.
fn files(paragraphs: &[Vec<Piece>], style: Style) -> (Vec<u8>, Vec<u8>) {
    let (vi, mut en): (Vec<String>, Vec<String>) = paragraphs.iter().map(|p| paragraph(p)).unzip();
    if let Some(i) = style.drop_target {
        if i < en.len() && en.len() > 1 {
            en.remove(i);
        }
    }
    let write = |lines: Vec<String>| {
        let eol = if style.crlf { "\r\n" } else { "\n" };
        let text = lines.join(eol) + eol;
        let text: String = if style.nfd {
            text.nfd().collect()
        } else {
            text
        };
        let mut bytes = if style.bom {
            vec![0xEF, 0xBB, 0xBF]
        } else {
            Vec::new()
        };
        bytes.extend(text.into_bytes());
        bytes
    };
    (write(vi), write(en))
}

fn check_bytes(vi: &[u8], en: &[u8]) -> PairReport {
    checker().check(
        SourceText::new("a.vi.txt", decode(vi).unwrap()),
        SourceText::new("a.en.txt", decode(en).unwrap()),
    )
}

/// The bytes of the file a decoded offset points into (after the BOM).
fn file_slice(bytes: &[u8], range: std::ops::Range<usize>) -> &[u8] {
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    &bytes[bom + range.start..bom + range.end]
}

/// What a finding is about, independent of how the files spell it: the
/// rule, the lines and the normalized quoted texts.
type Gist = (String, Option<(usize, String)>, Option<(usize, String)>);

fn gist(f: &Finding) -> Gist {
    let side = |l: &Option<transcheck::finding::Location>| {
        l.as_ref().map(|l| (l.start.line, normalize_str(&l.text)))
    };
    (f.rule.to_string(), side(&f.source), side(&f.target))
}

fn quote(s: &str) -> String {
    format!("\u{201C}{s}\u{201D}")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Every span slices the original file bytes (BOM, CRLF and NFD as
    /// written) to exactly the text the finding quotes, and line and column
    /// count characters of the original line.
    #[test]
    fn spans_quote_the_original_file(paragraphs in article(), style in style()) {
        let (vi, en) = files(&paragraphs, style);
        let report = check_bytes(&vi, &en);
        check_report(&report);
        for f in &report.findings {
            for (loc, bytes, exact) in [(&f.source, &vi, true), (&f.target, &en, f.exact_target().is_some())] {
                let Some(l) = loc else { continue };
                prop_assert_eq!(file_slice(bytes, l.range.clone()), l.text.as_bytes());
                let text = decode(bytes).unwrap();
                let line_start = text[..l.range.start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                prop_assert_eq!(l.start.column, text[line_start..l.range.start].chars().count() + 1);
                prop_assert_eq!(
                    l.start.line,
                    transcheck::input::LineIndex::new(&text[..l.range.start]).line_count()
                );
                // A message quotes the text at fault, not the clause or
                // paragraph a finding without one points into.
                if exact && (f.rule.starts_with("term.") || f.rule.starts_with("number.")) {
                    prop_assert!(
                        f.message.contains(&quote(&l.text)),
                        "{} does not quote {:?}", f.message, l.text
                    );
                }
            }
        }
    }

    /// NFC or NFD, old or new tone placement: the same findings.
    #[test]
    fn matching_ignores_normalization_form_and_tone_placement(paragraphs in article(), style in style()) {
        let plain = Style { nfd: false, ..style };
        let (vi, en) = files(&paragraphs, plain);
        let expected: Vec<_> = check_bytes(&vi, &en).findings.iter().map(gist).collect();
        let (nfd_vi, nfd_en) = files(&paragraphs, Style { nfd: true, ..plain });
        let nfd: Vec<_> = check_bytes(&nfd_vi, &nfd_en).findings.iter().map(gist).collect();
        prop_assert_eq!(&nfd, &expected);
        let old_vi = old_tone_placement(&String::from_utf8(vi.clone()).unwrap());
        let old: Vec<_> = check_bytes(old_vi.as_bytes(), &en).findings.iter().map(gist).collect();
        prop_assert_eq!(&old, &expected);
    }

    /// Normalizing twice changes nothing, and the offset map of every
    /// character is a non-empty, in-order range of the original.
    #[test]
    fn normalization_is_idempotent_with_a_sound_offset_map(
        text in prop_oneof!["\\PC{0,40}", vietnamese_text(), any::<String>()],
        nfd in any::<bool>(),
    ) {
        let text: String = if nfd { text.nfd().collect() } else { text };
        let once = normalize(&text, 0..text.len());
        check_offset_map(&text, 0..text.len(), &once);
        prop_assert_eq!(normalize_str(&once.text), once.text.clone());
        let nfc: String = text.nfc().collect();
        prop_assert_eq!(normalize_str(&nfc), once.text);
    }

    /// Every source and target paragraph is in exactly one aligned block.
    #[test]
    fn alignment_is_total(
        source in prop::collection::vec(features(), 0..120),
        target in prop::collection::vec(features(), 0..120),
    ) {
        let blocks = align(&source, &target);
        check_alignment(source.len(), target.len(), &blocks);
    }

    /// Vietnamese number words written by this test's own generator read
    /// back to their value.
    #[test]
    fn vietnamese_number_words_read_back(value in number_value(), style in any::<u8>()) {
        let words = vietnamese_words(value, style);
        let text = format!("{words} phần trăm");
        let mentions = language("vi").unwrap().extract(&text);
        prop_assert!(
            matches!(mentions.as_slice(), [m] if m.kind == NumberKind::Percent && m.value == NumberValue::Number(value as f64)),
            "{text:?} → {mentions:?}"
        );
    }

    /// English cardinal and ordinal words read back to their value.
    #[test]
    fn english_number_words_read_back(value in number_value(), style in any::<u8>()) {
        let words = english_words(value, style);
        let text = format!("{words} percent");
        let mentions = language("en").unwrap().extract(&text);
        prop_assert!(
            matches!(mentions.as_slice(), [m] if m.kind == NumberKind::Percent && m.value == NumberValue::Number(value as f64)),
            "{text:?} → {mentions:?}"
        );
        let ordinal = format!("the {} place", english_ordinal(value, style));
        let mentions = language("en").unwrap().extract(&ordinal);
        prop_assert!(
            matches!(mentions.as_slice(), [m] if m.kind == NumberKind::Ordinal && m.value == NumberValue::Number(value as f64)),
            "{ordinal:?} → {mentions:?}"
        );
    }
}

proptest! {
    // Each case runs the binary twice on a batch: few cases.
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    /// The same batch gives the same bytes in every format with one thread
    /// and with several.
    #[test]
    fn reports_are_the_same_bytes_with_any_thread_count(
        articles in prop::collection::vec((article(), style()), 2..7),
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (paragraphs, style)) in articles.iter().enumerate() {
            let (vi, en) = files(paragraphs, *style);
            std::fs::create_dir_all(dir.path().join("vi")).unwrap();
            std::fs::create_dir_all(dir.path().join("en")).unwrap();
            std::fs::write(dir.path().join(format!("vi/{i}.txt")), vi).unwrap();
            std::fs::write(dir.path().join(format!("en/{i}.txt")), en).unwrap();
        }
        for format in ["json", "jsonl", "sarif", "github", "junit", "markdown", "html"] {
            let one = batch(dir.path(), format, "1");
            let many = batch(dir.path(), format, "4");
            prop_assert_eq!(one, many, "{}", format);
        }
    }
}

fn batch(dir: &Path, format: &str, jobs: &str) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args([
            "check",
            "--no-config",
            "vi",
            "en",
            "--format",
            format,
            "-j",
            jobs,
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn features() -> impl Strategy<Value = ParagraphFeatures> {
    (
        0usize..2000,
        prop::collection::vec("[#a-c][0-9]", 0..3),
        0u64..4,
        prop::sample::select(vec![Role::Body, Role::Body, Role::Caption, Role::Credit]),
    )
        .prop_map(|(chars, anchors, fingerprint, role)| ParagraphFeatures {
            chars,
            anchors,
            fingerprint,
            role,
        })
}

/// Vietnamese-looking text: syllables with every tone on every vowel, in
/// NFC or with marks in odd orders, and punctuation and spaces between.
fn vietnamese_text() -> impl Strategy<Value = String> {
    let syllable = "(qu|gi|ng|nh|th|tr|kh|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}[\u{300}\u{301}\u{303}\u{309}\u{323}\u{302}\u{306}\u{31B}]{0,3}(ng|nh|ch|[cmnpt])?";
    prop::collection::vec((syllable, "[ ,.\u{A0}\u{200B}\t\r\n-]{1,2}"), 0..12)
        .prop_map(|parts| parts.into_iter().map(|(s, sep)| s + &sep).collect())
}

/// Old-style tone placement on open oa, oe and uy syllables: hòa → hoà,
/// khỏe → khoẻ, thủy → thuỷ (quý keeps its tone: qu is a consonant).
fn old_tone_placement(text: &str) -> String {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let chars: Vec<char> = text.nfd().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let pair = |a: char, b: char| {
            chars.get(i + 1).is_some_and(|t| tones.contains(t))
                && chars
                    .get(i + 2)
                    .is_some_and(|&n| n.to_lowercase().eq(b.to_lowercase()))
                && c.to_lowercase().eq(a.to_lowercase())
                && !chars
                    .get(i + 3)
                    .is_some_and(|n| n.is_alphabetic() || tones.contains(n))
        };
        let after_q = i > 0 && matches!(chars[i - 1], 'q' | 'Q');
        if pair('o', 'a') || pair('o', 'e') || (pair('u', 'y') && !after_q) {
            out.extend([c, chars[i + 2], chars[i + 1]]);
            i += 3;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out.into_iter().collect::<String>().nfc().collect()
}

#[test]
fn old_tone_placement_moves_open_syllable_tones() {
    assert_eq!(
        old_tone_placement("Hòa Bình, thủy điện, khỏe, quý, hoàn"),
        "Hoà Bình, thuỷ điện, khoẻ, quý, hoàn"
    );
}

fn number_value() -> impl Strategy<Value = u64> {
    prop_oneof![
        1u64..100,
        100u64..10_000,
        10_000u64..10_000_000,
        10_000_000u64..1_000_000_000_000
    ]
}

const VI_DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Vietnamese words for 0 < n < 10¹², in the standard spelling or its
/// common variants (`style` bits: ngàn for nghìn, lẻ for linh, tư for bốn
/// after a tens word).
fn vietnamese_words(n: u64, style: u8) -> String {
    let thousand = if style & 1 != 0 { "ngàn" } else { "nghìn" };
    let scales = [
        (1_000_000_000, "tỷ"),
        (1_000_000, "triệu"),
        (1_000, thousand),
        (1, ""),
    ];
    let mut words: Vec<&str> = Vec::new();
    let mut rest = n;
    for (scale, name) in scales {
        let group = rest / scale;
        rest %= scale;
        if group == 0 {
            continue;
        }
        vietnamese_group(group, !words.is_empty(), style, &mut words);
        if !name.is_empty() {
            words.push(name);
        }
    }
    words.join(" ")
}

/// One group below 1000; `inner` when a larger group came before, which
/// makes the hundreds explicit ("một nghìn không trăm linh năm").
fn vietnamese_group(g: u64, inner: bool, style: u8, out: &mut Vec<&str>) {
    let (h, r) = (g / 100, g % 100);
    if h > 0 || inner {
        out.extend([VI_DIGITS[h as usize], "trăm"]);
    }
    if r == 0 {
        return;
    }
    let (t, u) = (r / 10, (r % 10) as usize);
    if t == 0 {
        if h > 0 || inner {
            out.push(if style & 2 != 0 { "lẻ" } else { "linh" });
        }
        out.push(VI_DIGITS[u]);
        return;
    }
    if t == 1 {
        out.push("mười");
    } else {
        out.extend([VI_DIGITS[t as usize], "mươi"]);
    }
    match u {
        0 => {}
        1 if t > 1 => out.push("mốt"),
        4 if t > 1 && style & 4 != 0 => out.push("tư"),
        5 => out.push("lăm"),
        _ => out.push(VI_DIGITS[u]),
    }
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// English words for 0 < n < 10¹² (`style` bit 0: British "and" after the
/// hundreds and before a last group below 100).
fn english_words(n: u64, style: u8) -> String {
    let and = style & 1 != 0;
    let scales = [
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
        (1, ""),
    ];
    let mut words: Vec<String> = Vec::new();
    let mut rest = n;
    for (scale, name) in scales {
        let group = rest / scale;
        rest %= scale;
        if group == 0 {
            continue;
        }
        let (h, r) = (group / 100, group % 100);
        if h > 0 {
            words.push(format!("{} hundred", EN_UNITS[h as usize]));
        }
        if r > 0 {
            if and && (h > 0 || (scale == 1 && !words.is_empty())) {
                words.push("and".to_string());
            }
            words.push(below_hundred(r));
        }
        if !name.is_empty() {
            words.push(name.to_string());
        }
    }
    words.join(" ")
}

fn below_hundred(r: u64) -> String {
    if r < 20 {
        EN_UNITS[r as usize].to_string()
    } else if r.is_multiple_of(10) {
        EN_TENS[(r / 10) as usize].to_string()
    } else {
        format!(
            "{}-{}",
            EN_TENS[(r / 10) as usize],
            EN_UNITS[(r % 10) as usize]
        )
    }
}

/// The ordinal: the last word of the cardinal made ordinal.
fn english_ordinal(n: u64, style: u8) -> String {
    let words = english_words(n, style);
    let (head, last) = match words.rfind([' ', '-']) {
        Some(i) => words.split_at(i + 1),
        None => ("", words.as_str()),
    };
    let ordinal = match last {
        "one" => "first".to_string(),
        "two" => "second".to_string(),
        "three" => "third".to_string(),
        "five" => "fifth".to_string(),
        "eight" => "eighth".to_string(),
        "nine" => "ninth".to_string(),
        "twelve" => "twelfth".to_string(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    };
    format!("{head}{ordinal}")
}

#[test]
fn the_generators_write_what_a_reader_expects() {
    assert_eq!(
        vietnamese_words(25_306, 0),
        "hai mươi lăm nghìn ba trăm linh sáu"
    );
    assert_eq!(
        vietnamese_words(1_000_005, 2),
        "một triệu không trăm lẻ năm"
    );
    assert_eq!(vietnamese_words(21, 0), "hai mươi mốt");
    assert_eq!(vietnamese_words(34_000, 5), "ba mươi tư ngàn");
    assert_eq!(
        english_words(25_306, 1),
        "twenty-five thousand three hundred and six"
    );
    assert_eq!(english_words(1_000_005, 1), "one million and five");
    assert_eq!(english_words(1_000_005, 0), "one million five");
    assert_eq!(english_ordinal(21, 0), "twenty-first");
    assert_eq!(english_ordinal(40, 0), "fortieth");
    assert_eq!(english_ordinal(112, 0), "one hundred twelfth");
}
