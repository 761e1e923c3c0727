//! Alignment on real line-aligned corpora (issue 15, cause 6): writes each
//! corpus as two files with one sentence per paragraph, checks the pair as
//! one article, and counts the blocks that do not pair line i with line i,
//! and the findings per 100 lines.
//!
//! ```text
//! TRANSCHECK_TATOEBA=/work/shared/data/tatoeba-eng-vie-test.tsv \
//! TRANSCHECK_IWSLT=/work/data/iwslt/tst2012 \
//!   cargo run --example align_eval [-- --list]
//! ```
//!
//! `TRANSCHECK_TATOEBA` is a Tatoeba TSV (code, code, English, Vietnamese);
//! `TRANSCHECK_IWSLT` is the path prefix of `PREFIX.vi` and `PREFIX.en`.
//! A corpus whose variable is unset or whose files are absent is skipped.
//! The corpora are never committed (licenses); only this script is.

use std::collections::BTreeMap;

use transcheck::document::Document;
use transcheck::input::SourceText;
use transcheck::{Checker, Glossary};

struct Corpus {
    name: String,
    vi: Vec<String>,
    en: Vec<String>,
}

fn tatoeba() -> Option<Corpus> {
    let path = std::env::var("TRANSCHECK_TATOEBA").ok()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let (mut vi, mut en) = (Vec::new(), Vec::new());
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if let [_, _, e, v, ..] = cols[..] {
            en.push(e.to_string());
            vi.push(v.to_string());
        }
    }
    Some(Corpus {
        name: format!("tatoeba ({path})"),
        vi,
        en,
    })
}

fn iwslt() -> Option<Corpus> {
    let prefix = std::env::var("TRANSCHECK_IWSLT").ok()?;
    let read = |lang: &str| -> Option<Vec<String>> {
        let text = std::fs::read_to_string(format!("{prefix}.{lang}")).ok()?;
        Some(text.lines().map(str::to_string).collect())
    };
    Some(Corpus {
        name: format!("iwslt ({prefix})"),
        vi: read("vi")?,
        en: read("en")?,
    })
}

/// Keeps the pairs where both sides have text, so that paragraph i of
/// each side is line i of the corpus.
fn paired(corpus: &Corpus) -> (String, String) {
    let blank = |s: &str| s.trim().is_empty();
    let (mut vi, mut en) = (String::new(), String::new());
    for (v, e) in corpus.vi.iter().zip(&corpus.en) {
        if !blank(v) && !blank(e) {
            vi.push_str(v.trim());
            vi.push('\n');
            en.push_str(e.trim());
            en.push('\n');
        }
    }
    (vi, en)
}

fn evaluate(checker: &Checker, corpus: &Corpus, list: bool) {
    let (vi, en) = paired(corpus);
    let source = Document::new(SourceText::new("corpus.vi", vi.clone()), "vi");
    let target = Document::new(SourceText::new("corpus.en", en.clone()), "en");
    let lines = source.paragraphs.len();
    let blocks = checker.aligned_blocks(&source, &target);
    let wrong: Vec<_> = blocks
        .iter()
        .filter(|b| b.block.source != b.block.target || b.block.source.len() != 1)
        .collect();
    // A line is mis-paired when its block does not hold its own translation.
    let lost: usize = blocks
        .iter()
        .flat_map(|b| b.block.source.clone().map(move |i| (i, &b.block)))
        .filter(|(i, b)| !b.target.contains(i))
        .count();
    let report = checker.check(
        SourceText::new("corpus.vi", vi),
        SourceText::new("corpus.en", en),
    );
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &report.findings {
        *per_rule.entry(f.rule).or_default() += 1;
    }
    println!("{}", corpus.name);
    println!(
        "  {lines} lines, {} blocks not 1:1 on the same line, {lost} lines paired with another line's translation",
        wrong.len()
    );
    println!(
        "  {} findings, {:.2} per 100 lines: {per_rule:?}",
        report.findings.len(),
        report.findings.len() as f64 * 100.0 / lines.max(1) as f64
    );
    if list {
        for b in wrong {
            println!(
                "    lines {:?} ⇔ {:?}",
                b.block.source.start + 1..b.block.source.end + 1,
                b.block.target.start + 1..b.block.target.end + 1
            );
        }
    }
}

fn main() {
    let list = std::env::args().any(|a| a == "--list");
    let glossary = Glossary::default_vi_en().expect("the embedded glossary loads");
    let checker = Checker::new(glossary, "vi", "en", Default::default());
    let corpora: Vec<Corpus> = [tatoeba(), iwslt()].into_iter().flatten().collect();
    if corpora.is_empty() {
        println!("no corpus: set TRANSCHECK_TATOEBA and/or TRANSCHECK_IWSLT (skipped)");
        return;
    }
    for corpus in &corpora {
        evaluate(&checker, corpus, list);
    }
}
