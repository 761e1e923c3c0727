//! Performance benchmarks of issue 7 (figures and targets in BENCHMARKS.md):
//!
//! * `load`: glossary load + index build at 1k (the default glossary),
//!   20k and 100k entries, and the embedded default glossary;
//! * `one_pair`: one generated pair checked end to end with the default
//!   glossary (decoded texts in, findings out);
//! * `batch`: 200 generated pairs checked in parallel as the CLI does, in
//!   MB/s of source and target text, with the 1k and 100k glossaries;
//! * `family`: each stage of the pipeline alone on the same pair, so that a
//!   regression shows where it is: `normalize` (segmentation and
//!   normalization), `terms` (glossary matching), `numbers` (extraction and
//!   comparison), `names` (candidate names and near-miss lookups) and
//!   `alignment`.
//!
//! The inputs are generated, never committed: the first run writes them
//! with the generators' own code (`examples/gen_corpus.rs`,
//! `examples/gen_glossary.rs`, included below) under Cargo's target
//! temporary directory, and later runs reuse them. Both generators are
//! deterministic, so every machine benchmarks the same bytes.
//!
//! Run: `cargo bench --bench perf` (one group: `cargo bench --bench perf -- load`).

// Both generators include `examples/support/rng.rs` as their own module.
#![allow(clippy::duplicate_mod)]

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;
#[allow(dead_code)]
#[path = "../examples/gen_glossary.rs"]
mod gen_glossary;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::Bencher;
use rayon::prelude::*;
use transcheck::align::{align, ParagraphFeatures};
use transcheck::document::Document;
use transcheck::finding::RuleConfig;
use transcheck::glossary::{load_str, Limits};
use transcheck::input::SourceText;
use transcheck::names::candidates::candidates;
use transcheck::numbers::{compare, language};
use transcheck::{Checker, Glossary};

fn main() {
    divan::main();
}

/// Pairs in the batch benchmark's corpus.
const BATCH_PAIRS: usize = 200;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("perf-bench")
}

/// The generated corpus (seed 1, default error rate), written once.
fn corpus() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = data_dir().join(format!("corpus-{BATCH_PAIRS}"));
        let done = dir.join("manifest.tsv");
        if !done.exists() {
            gen_corpus::run(&gen_corpus::Args {
                pairs: BATCH_PAIRS,
                seed: 1,
                out: dir.clone(),
                error_rate: 0.05,
                force: true,
            })
            .expect("the corpus generator runs");
        }
        dir
    })
}

/// The text of a generated glossary of `entries` entries (seed 1), written
/// once.
fn glossary_text(entries: usize) -> String {
    let path = data_dir().join(format!("glossary-{entries}.yaml"));
    if !path.exists() {
        std::fs::create_dir_all(data_dir()).expect("a data directory");
        gen_glossary::run(&gen_glossary::Args {
            entries,
            seed: 1,
            out: path.clone(),
        })
        .expect("the glossary generator runs");
    }
    std::fs::read_to_string(path).expect("the generated glossary reads")
}

fn checker(glossary: Glossary) -> Checker {
    Checker::new(glossary, "vi", "en", RuleConfig::default())
}

/// Every pair of the corpus, decoded.
fn pairs() -> Vec<(SourceText, SourceText)> {
    let dir = corpus();
    (0..BATCH_PAIRS)
        .map(|i| {
            let rel = format!("{:04}/a{:05}.txt", i / 100 + 1, i + 1);
            let read = |side: &str| {
                SourceText::read(&dir.join(side).join(&rel)).expect("a generated file reads")
            };
            (read("vi"), read("en"))
        })
        .collect()
}

fn one_pair() -> (SourceText, SourceText) {
    pairs().swap_remove(0)
}

mod load {
    use super::*;

    /// Load + index: YAML text in, a ready checker out. 1000 is the default
    /// glossary (1,158 entries) read from a file like any other.
    #[divan::bench(args = [1_000, 20_000, 100_000], sample_count = 10, sample_size = 1)]
    fn glossary(bencher: Bencher, entries: usize) {
        let text = glossary_text(entries);
        bencher
            .counter(BytesCount::of_str(&text))
            .bench(|| checker(load_str(&text, "g.yaml", &Limits::default()).unwrap()));
    }

    /// The embedded default glossary, as a run without `--glossary` loads it.
    #[divan::bench(sample_count = 20, sample_size = 1)]
    fn embedded(bencher: Bencher) {
        bencher.bench(|| checker(Glossary::default_vi_en().unwrap()));
    }
}

/// One pair end to end with the default glossary (the checker is built
/// outside the timing).
#[divan::bench(sample_count = 50)]
fn one_pair_end_to_end(bencher: Bencher) {
    let checker = checker(Glossary::default_vi_en().unwrap());
    let (vi, en) = one_pair();
    bencher
        .counter(BytesCount::new(vi.text.len() + en.text.len()))
        .with_inputs(|| (vi.clone(), en.clone()))
        .bench_values(|(vi, en)| checker.check(vi, en));
}

/// The batch as the CLI runs it (parallel over pairs, then the checks
/// across pairs), on decoded texts; MB/s of both sides.
#[divan::bench(args = [1_000, 100_000], sample_count = 10, sample_size = 1)]
fn batch(bencher: Bencher, entries: usize) {
    let checker = checker(load_str(&glossary_text(entries), "g.yaml", &Limits::default()).unwrap());
    let pairs = pairs();
    let bytes: usize = pairs.iter().map(|(s, t)| s.text.len() + t.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| pairs.clone())
        .bench_values(|pairs| {
            let (mut reports, summaries): (Vec<_>, Vec<_>) = pairs
                .into_par_iter()
                .map(|(s, t)| checker.check_pair(s, t))
                .unzip();
            checker.finish_batch(&mut reports, summaries);
            reports
        });
}

/// Each stage alone on the one pair, default glossary.
mod family {
    use super::*;

    struct Prepared {
        checker: Checker,
        source: Document,
        target: Document,
    }

    fn prepared() -> &'static Prepared {
        static P: OnceLock<Prepared> = OnceLock::new();
        P.get_or_init(|| {
            let (vi, en) = one_pair();
            Prepared {
                checker: checker(Glossary::default_vi_en().unwrap()),
                source: Document::new(vi, "vi"),
                target: Document::new(en, "en"),
            }
        })
    }

    /// Segmentation and normalization of both sides.
    #[divan::bench(sample_count = 50)]
    fn normalize(bencher: Bencher) {
        let (vi, en) = one_pair();
        bencher
            .with_inputs(|| (vi.clone(), en.clone()))
            .bench_values(|(vi, en)| (Document::new(vi, "vi"), Document::new(en, "en")));
    }

    /// Glossary matching: source forms, target renderings and forbidden
    /// renderings of every paragraph.
    #[divan::bench(sample_count = 50)]
    fn terms(bencher: Bencher) {
        let p = prepared();
        let index = p.checker.glossary();
        bencher.bench(|| {
            let mut n = 0;
            for para in &p.source.paragraphs {
                n += index.source_matches(&para.norm.text).len();
            }
            for para in &p.target.paragraphs {
                n += index.target_matches(&para.norm.text).len();
                n += index.forbidden_matches(&para.norm.text).len();
            }
            n
        });
    }

    /// Number extraction on both sides and the comparison of the two lists.
    #[divan::bench(sample_count = 50)]
    fn numbers(bencher: Bencher) {
        let p = prepared();
        let (vi, en) = (language("vi").unwrap(), language("en").unwrap());
        bencher.bench(|| {
            let mut n = 0;
            for (s, t) in p.source.paragraphs.iter().zip(&p.target.paragraphs) {
                let source = vi.extract(&s.norm.text);
                let target = en.extract(&t.norm.text);
                n += compare(&source, &target, vi, en).len();
            }
            n
        });
    }

    /// Candidate names in the translation and their near-miss lookups.
    #[divan::bench(sample_count = 50)]
    fn names(bencher: Bencher) {
        let p = prepared();
        let index = p.checker.glossary();
        let exact: Vec<_> = p
            .target
            .paragraphs
            .iter()
            .map(|t| index.target_matches(&t.norm.text))
            .collect();
        bencher.bench(|| {
            let mut n = 0;
            for (t, exact) in p.target.paragraphs.iter().zip(&exact) {
                let names = candidates(&t.norm.text);
                n += index.near_matches(&names, exact.iter()).len();
            }
            n
        });
    }

    /// Paragraph features and the alignment (glossary matches found outside
    /// the timing).
    #[divan::bench(sample_count = 50)]
    fn alignment(bencher: Bencher) {
        let p = prepared();
        let index = p.checker.glossary();
        let entries = |doc: &Document, target: bool| -> Vec<Vec<usize>> {
            doc.paragraphs
                .iter()
                .map(|para| {
                    let found = if target {
                        index.target_matches(&para.norm.text)
                    } else {
                        index.source_matches(&para.norm.text)
                    };
                    found.iter().map(|m| m.entry).collect()
                })
                .collect()
        };
        let (source_entries, target_entries) =
            (entries(&p.source, false), entries(&p.target, true));
        bencher.bench(|| {
            let features = |doc: &Document, entries: &[Vec<usize>]| -> Vec<ParagraphFeatures> {
                doc.paragraphs
                    .iter()
                    .zip(entries)
                    .map(|(para, e)| ParagraphFeatures::of(&para.norm.text, e.iter().copied()))
                    .collect()
            };
            align(
                &features(&p.source, &source_entries),
                &features(&p.target, &target_entries),
            )
        });
    }
}
