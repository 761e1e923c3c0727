//! External-oracle tests for the number extractors: every `(value, words)`
//! vector generated with num2words (see tests/numbers/README.md) must be
//! read back to the same value, and every value the renderers write must be
//! read back by the extractor of the same language.

use transcheck::numbers::{language, Currency, Mention, NumberKind, NumberLanguage, NumberValue};

fn vectors(name: &str) -> Vec<(u64, String)> {
    let path = format!("{}/tests/numbers/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (v, w) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("bad line {l:?}"));
            (
                v.parse().unwrap_or_else(|_| panic!("bad value {l:?}")),
                w.to_string(),
            )
        })
        .collect()
}

fn lang(code: &str) -> &'static dyn NumberLanguage {
    language(code).unwrap_or_else(|| panic!("{code} is registered"))
}

fn number(m: &Mention) -> Option<f64> {
    match m.value {
        NumberValue::Number(v) => Some(v),
        NumberValue::Money { amount, .. } => Some(amount),
        _ => None,
    }
}

/// Read `text` and expect exactly one mention spanning `words`, of `kind`,
/// worth `value`.
fn expect(
    l: &dyn NumberLanguage,
    text: &str,
    words: &str,
    kind: NumberKind,
    value: f64,
) -> Result<(), String> {
    let ms = l.extract(text);
    match ms.as_slice() {
        [m] if m.kind == kind && number(m) == Some(value) && m.text.starts_with(words) => Ok(()),
        _ => Err(format!("{value}: {text:?} → {ms:?}")),
    }
}

fn run(code: &str, file: &str, frame: impl Fn(&str) -> String, kind: NumberKind) {
    let l = lang(code);
    let vs = vectors(file);
    assert!(vs.len() > 1000, "{file} has only {} vectors", vs.len());
    let failures: Vec<String> = vs
        .iter()
        .filter_map(|(v, w)| expect(l, &frame(w), w, kind, *v as f64).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} {file} vectors misread, e.g.:\n{}",
        failures.len(),
        vs.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

// A single ambiguous word ("một", "năm", "ba") is only a number in context,
// so each vector is framed with a unit that makes it one.

#[test]
fn vietnamese_cardinals_from_num2words() {
    run(
        "vi",
        "vi_cardinals.tsv",
        |w| format!("{w} phần trăm"),
        NumberKind::Percent,
    );
}

#[test]
fn vietnamese_convention_variants() {
    run(
        "vi",
        "vi_variants.tsv",
        |w| format!("{w} phần trăm"),
        NumberKind::Percent,
    );
}

#[test]
fn english_cardinals_from_num2words() {
    run(
        "en",
        "en_cardinals.tsv",
        |w| format!("{w} percent"),
        NumberKind::Percent,
    );
}

#[test]
fn english_ordinals_from_num2words() {
    run(
        "en",
        "en_ordinals.tsv",
        |w| format!("the {w} place"),
        NumberKind::Ordinal,
    );
}

#[test]
fn vietnamese_words_in_running_text() {
    let vi = lang("vi");
    for (v, w) in vectors("vi_cardinals.tsv")
        .into_iter()
        .filter(|(v, _)| *v >= 11)
    {
        let text = format!("Có {w} người tham gia.");
        if let Err(e) = expect(vi, &text, &w, NumberKind::Cardinal, v as f64) {
            panic!("{e}");
        }
    }
}

/// Equal up to float rounding, same currency.
fn same(a: &NumberValue, b: &NumberValue) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= 1e-9 * x.abs().max(y.abs());
    match (a, b) {
        (NumberValue::Number(x), NumberValue::Number(y)) => close(*x, *y),
        (
            NumberValue::Money {
                amount: x,
                currency: c,
            },
            NumberValue::Money {
                amount: y,
                currency: d,
            },
        ) => c == d && close(*x, *y),
        _ => false,
    }
}

/// Values spread over every magnitude, deterministic.
fn sample() -> Vec<f64> {
    let mut out: Vec<f64> = (1..=2100).map(f64::from).collect();
    let mut x: u64 = 99;
    for _ in 0..3000 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let digits = 1 + (x >> 59) % 15;
        let n = (x >> 8) % 10u64.pow(digits as u32);
        out.push(n as f64);
        // And a decimal with one to three places.
        let places = 1 + (x >> 3) % 3;
        out.push(n as f64 / 10f64.powi(places as i32));
    }
    out.retain(|v| *v > 0.0);
    out
}

#[test]
fn rendered_values_read_back() {
    for code in ["vi", "en"] {
        let l = lang(code);
        let mut failures = Vec::new();
        for v in sample() {
            let cases = [
                (NumberKind::Percent, NumberValue::Number(v)),
                (
                    NumberKind::Money,
                    NumberValue::Money {
                        amount: v,
                        currency: Currency::Usd,
                    },
                ),
                (
                    NumberKind::Money,
                    NumberValue::Money {
                        amount: v,
                        currency: Currency::Vnd,
                    },
                ),
            ];
            for (kind, value) in cases {
                let text = l.render(&value, kind);
                let ms = l.extract(&text);
                let ok = matches!(ms.as_slice(), [m] if m.kind == kind && same(&m.value, &value));
                if !ok {
                    failures.push(format!("{code} {value:?} → {text:?} → {ms:?}"));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} misread, e.g.:\n{}",
            failures.len(),
            failures[..failures.len().min(20)].join("\n")
        );
    }
}
