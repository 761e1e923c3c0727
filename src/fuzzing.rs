//! Bodies of the fuzz targets in `fuzz/`, kept in the library so that
//! `cargo test` replays every saved crash and the seed corpora through the
//! very same assertions (tests/fuzz_regressions.rs) on a stable toolchain.
//!
//! Each function takes arbitrary bytes, runs one part of transcheck on them
//! and panics when an invariant breaks; an error *result* for bad input is
//! fine, a panic, a hang or a wrong span is not.

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::align::{align as align_paragraphs, ParagraphFeatures};
use crate::checker::{Checker, PairReport};
use crate::finding::{Location, RuleConfig};
use crate::glossary::{load_str, Glossary, GlossaryIndex, Limits};
use crate::input::{decode, SourceText};
use crate::normalize::{normalize as normalize_range, NormText};
use crate::numbers::{compare, language};
use crate::report::{render, Format, RenderOptions, Report};

/// Every report format, so a target can render each one.
pub const FORMATS: [Format; 8] = [
    Format::Human,
    Format::Json,
    Format::Jsonl,
    Format::Sarif,
    Format::Github,
    Format::Junit,
    Format::Markdown,
    Format::Html,
];

/// Text for the targets that want a `&str`: the bytes decoded as a file
/// would be, else read leniently so that every input still exercises them.
fn text_of(data: &[u8]) -> String {
    decode(data).unwrap_or_else(|_| String::from_utf8_lossy(data).into_owned())
}

/// Glossary loading: a file of any content loads or fails with a
/// positioned error; a loaded glossary indexes and matches text.
pub fn glossary(data: &[u8]) {
    let text = text_of(data);
    let limits = Limits {
        // Small enough that the limits themselves are reached while fuzzing.
        max_entries: 2_000,
        yaml: crate::glossary::yaml::Limits {
            max_depth: 64,
            max_alias_nodes: 20_000,
        },
        ..Limits::default()
    };
    let Ok(glossary) = load_str(&text, "fuzz.yaml", &limits) else {
        return;
    };
    let languages = glossary.languages.clone();
    let (from, to) = match languages.as_slice() {
        [a, b, ..] => (a.clone(), b.clone()),
        _ => ("vi".to_string(), "en".to_string()),
    };
    let index = GlossaryIndex::new(glossary, &from, &to);
    for m in index
        .source_matches(&text)
        .into_iter()
        .chain(index.target_matches(&text))
        .chain(index.forbidden_matches(&text))
    {
        assert!(
            text.get(m.range.clone()).is_some(),
            "match off a char boundary"
        );
    }
}

/// One number extractor: mentions quote their own span, come in text order
/// without overlaps, and render and compare without panicking.
pub fn numbers(code: &str, data: &[u8]) {
    let text = text_of(data);
    let text = crate::normalize::normalize_str(&text);
    let lang = language(code).expect("a registered number language");
    let other = language(if code == "vi" { "en" } else { "vi" }).expect("registered");
    let mentions = lang.extract(&text);
    let mut last_end = 0;
    for m in &mentions {
        assert_eq!(text.get(m.span.clone()), Some(m.text.as_str()), "{m:?}");
        assert!(
            m.span.start >= last_end,
            "overlapping mentions: {mentions:?}"
        );
        last_end = m.span.end;
        let _ = lang.render(&m.value, m.kind);
        let _ = other.render(&m.value, m.kind);
    }
    let theirs = other.extract(&text);
    for issue in compare(&mentions, &theirs, lang, other) {
        assert!(issue.source.is_none_or(|i| i < mentions.len()));
        assert!(issue.target.is_none_or(|i| i < theirs.len()));
    }
}

/// Normalization: the offset map sends every character to a non-empty,
/// in-order, char-aligned range of the original inside the normalized
/// range, and normalizing again changes nothing.
pub fn normalize(data: &[u8]) {
    let text = text_of(data);
    // The first byte picks a sub-range, as segmentation normalizes one
    // paragraph of a file at a time.
    let skip = data.first().map_or(0, |&b| b as usize % 8);
    let start = text.char_indices().nth(skip).map_or(text.len(), |(i, _)| i);
    let norm = normalize_range(&text, start..text.len());
    check_offset_map(&text, start..text.len(), &norm);
    assert_eq!(
        crate::normalize::normalize_str(&norm.text),
        norm.text,
        "normalization is not idempotent"
    );
}

/// The offset-map invariants of a normalized `range` of `original`.
pub fn check_offset_map(original: &str, range: Range<usize>, norm: &NormText) {
    let mut previous = range.start;
    for (i, c) in norm.text.char_indices() {
        let r = norm.original_range(i..i + c.len_utf8());
        assert!(
            range.start <= r.start && r.start <= r.end && r.end <= range.end,
            "{c:?} maps to {r:?}, outside {range:?}"
        );
        assert!(
            original.is_char_boundary(r.start) && original.is_char_boundary(r.end),
            "{c:?} maps to {r:?}, off a char boundary"
        );
        assert!(r.start >= previous || c == ' ', "{c:?} maps backwards");
        if c != ' ' {
            assert!(r.start < r.end, "{c:?} maps to an empty range");
            previous = r.start;
        }
    }
    // Whole words map to the original words they came from.
    if !norm.text.is_empty() {
        let all = norm.original_range(0..norm.text.len());
        assert!(original.get(all).is_some());
    }
}

/// Alignment: every paragraph of both sides is in exactly one block, the
/// blocks are in order, and none is empty on both sides.
pub fn align(data: &[u8]) {
    let (source, target) = features(data);
    let blocks = align_paragraphs(&source, &target);
    check_alignment(source.len(), target.len(), &blocks);
}

/// Paragraph features from bytes: the first byte splits the rest between
/// the sides, then three bytes per paragraph give its length, an anchor and
/// a fingerprint (few distinct values, so that they collide).
fn features(data: &[u8]) -> (Vec<ParagraphFeatures>, Vec<ParagraphFeatures>) {
    let Some((&split, rest)) = data.split_first() else {
        return (Vec::new(), Vec::new());
    };
    let paragraphs: Vec<ParagraphFeatures> = rest
        .chunks(3)
        .map(|c| {
            let len = c[0] as usize * c.get(1).map_or(1, |&b| b as usize + 1);
            let tag = c.get(2).copied().unwrap_or(0);
            let anchors = if tag & 0x80 != 0 {
                vec![format!("#{}", tag & 0x0F)]
            } else {
                Vec::new()
            };
            ParagraphFeatures {
                chars: len,
                anchors,
                fingerprint: u64::from(tag & 0x70),
                role: match tag & 0x30 {
                    0x10 => crate::lang::layout::Role::Caption,
                    0x20 => crate::lang::layout::Role::Credit,
                    _ => crate::lang::layout::Role::Body,
                },
            }
        })
        .collect();
    let at = (split as usize * paragraphs.len() / 255).min(paragraphs.len());
    let (a, b) = paragraphs.split_at(at);
    (a.to_vec(), b.to_vec())
}

/// The totality invariants of an alignment of `n` source and `m` target
/// paragraphs.
pub fn check_alignment(n: usize, m: usize, blocks: &[crate::align::Block]) {
    let (mut s, mut t) = (0, 0);
    for b in blocks {
        assert_eq!(
            b.source.start, s,
            "source paragraphs skipped or repeated: {blocks:?}"
        );
        assert_eq!(
            b.target.start, t,
            "target paragraphs skipped or repeated: {blocks:?}"
        );
        assert!(
            !(b.source.is_empty() && b.target.is_empty()),
            "an empty block: {blocks:?}"
        );
        s = b.source.end;
        t = b.target.end;
    }
    assert_eq!((s, t), (n, m), "not every paragraph is aligned: {blocks:?}");
}

/// The checker every `check` run shares: the embedded glossary, vi → en.
fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let glossary = Glossary::default_vi_en().expect("the embedded glossary loads");
        Checker::new(glossary, "vi", "en", RuleConfig::default())
    })
}

/// A whole check of two files: the first two bytes give the source's
/// length, the rest is the target. Undecodable files must be refused with
/// a message; decodable ones give a report whose spans quote the original
/// files, and every format renders it safely.
pub fn check(data: &[u8]) {
    let (source, target) = match data {
        [a, b, rest @ ..] => {
            let at = (usize::from(*a) << 8 | usize::from(*b)).min(rest.len());
            rest.split_at(at)
        }
        _ => (data, &[][..]),
    };
    let (Ok(source), Ok(target)) = (decode(source), decode(target)) else {
        return;
    };
    let pair = checker().check(
        SourceText::new("a.vi.txt", source),
        SourceText::new("a.en.txt", target),
    );
    check_report(&pair);
}

/// Largest pair [`check_big`] builds, both sides together.
pub const BIG_BYTES: usize = 1 << 20;

/// A whole check of two big files built from a small input, so that fuzzing
/// reaches the sizes where quadratic work and quadratic reports hide (plain
/// inputs stay under a few kilobytes). The input is a layout byte, a
/// repetition byte, then a source unit and a target unit split like
/// [`check`]'s pair. Each file repeats its unit up to [`BIG_BYTES`] / 2,
/// joined by a line break, a blank line or a space (one huge paragraph)
/// as the layout says, with or without a final line break; the target's
/// middle copy may be dropped. Besides [`check_report`]'s invariants, the
/// report may quote each file only a bounded number of times.
pub fn check_big(data: &[u8]) {
    let [layout, times, rest @ ..] = data else {
        return;
    };
    let (source_unit, target_unit) = match rest {
        [a, rest @ ..] => rest.split_at(usize::from(*a).min(rest.len())),
        _ => (rest, &[][..]),
    };
    let (Ok(source_unit), Ok(target_unit)) = (decode(source_unit), decode(target_unit)) else {
        return;
    };
    let separator = ["\n", "\n\n", " ", "\r\n"][usize::from(layout & 3)];
    let final_break = layout & 4 != 0;
    let drop_middle = layout & 8 != 0;
    let build = |unit: &str, drop: bool| -> String {
        let unit_len = unit.len() + separator.len();
        let wanted = (usize::from(*times) + 1) * 1_000;
        let copies = wanted.min(BIG_BYTES / 2 / unit_len.max(1)).max(1);
        let mut text = String::with_capacity(copies * unit_len + 2);
        for k in 0..copies {
            if drop && k == copies / 2 {
                continue;
            }
            if !text.is_empty() {
                text.push_str(separator);
            }
            text.push_str(unit);
        }
        if final_break {
            text.push('\n');
        }
        text
    };
    let source = build(&source_unit, false);
    let target = build(&target_unit, drop_middle);
    let size = source.len() + target.len();
    let pair = checker().check(
        SourceText::new("a.vi.txt", source),
        SourceText::new("a.en.txt", target),
    );
    // Quoting a whole block in every finding of it made reports quadratic.
    let quoted: usize = pair
        .findings
        .iter()
        .flat_map(|f| f.source.iter().chain(&f.target))
        .map(|l| l.text.len())
        .sum();
    assert!(
        quoted <= 4 * size + 256 * pair.findings.len(),
        "{quoted} bytes quoted from {size} bytes of input in {} findings",
        pair.findings.len()
    );
    check_report(&pair);
}

/// Invariants of a checked pair and of its rendering in every format.
pub fn check_report(pair: &PairReport) {
    let spans = |file: &SourceText, l: &Location| {
        assert_eq!(file.text.get(l.range.clone()), Some(l.text.as_str()));
        assert_eq!(file.position(l.range.start), l.start);
        assert_eq!(file.position(l.range.end), l.end);
    };
    for f in &pair.findings {
        if let Some(l) = &f.source {
            spans(&pair.source, l);
        }
        if let Some(l) = &f.target {
            spans(&pair.target, l);
        }
    }
    check_alignment(
        pair.blocks
            .iter()
            .map(|b| b.block.source.end)
            .max()
            .unwrap_or(0),
        pair.blocks
            .iter()
            .map(|b| b.block.target.end)
            .max()
            .unwrap_or(0),
        &pair
            .blocks
            .iter()
            .map(|b| b.block.clone())
            .collect::<Vec<_>>(),
    );
    let report = Report {
        pairs: vec![pair.clone()],
    };
    for format in FORMATS {
        let text = render(&report, format, RenderOptions::default());
        check_rendering(format, &text, &report);
    }
}

/// What every rendering must be, whatever the files said: parseable JSON,
/// one annotation per line, exactly transcheck's own script in the page, no
/// control character from a file.
pub fn check_rendering(format: Format, text: &str, report: &Report) {
    let findings: usize = report.pairs.iter().map(|p| p.findings.len()).sum();
    match format {
        Format::Json | Format::Sarif => {
            serde_json::from_str::<serde_json::Value>(text).expect("valid JSON");
        }
        Format::Jsonl => {
            assert_eq!(text.lines().count(), findings);
            for line in text.lines() {
                serde_json::from_str::<serde_json::Value>(line).expect("valid JSON line");
            }
        }
        Format::Github => assert_eq!(text.lines().count(), findings + 1, "{text}"),
        Format::Html => {
            assert_eq!(
                text.matches("<script").count(),
                1,
                "a file's markup in the page"
            );
            assert_eq!(
                text.matches("</script").count(),
                1,
                "a file's markup in the page"
            );
        }
        Format::Markdown => {
            // Every table row keeps its columns: no pipe from a file is
            // left unescaped.
            for line in text.lines().filter(|l| l.starts_with('|')) {
                let pipes = line
                    .char_indices()
                    .filter(|&(i, c)| c == '|' && !line[..i].ends_with('\\'))
                    .count();
                assert!(pipes == 5 || pipes == 6, "a broken table row: {line}");
            }
        }
        Format::Human | Format::Junit => {}
    }
    // JSON escapes C0 controls (the only ones it must); the text formats
    // show every control character as a symbol.
    let forbidden = |c: char| match format {
        Format::Json | Format::Jsonl | Format::Sarif => c < ' ' && c != '\n',
        _ => {
            (c.is_control() && !matches!(c, '\n' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        }
    };
    let bad = text.chars().find(|&c| forbidden(c));
    assert!(
        bad.is_none(),
        "{format:?} report has control character {bad:?}"
    );
}

/// The configuration loader: any file parses or fails with a message.
pub fn config(data: &[u8]) {
    let _ = crate::config::Config::parse(&text_of(data), Path::new("dir/transcheck.yaml"));
}

/// The baseline loader: any file parses or fails with a message.
pub fn baseline(data: &[u8]) {
    let _ = crate::baseline::Baseline::parse(&text_of(data), Path::new("baseline.yaml"));
}
