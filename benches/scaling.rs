//! Size-scaling benchmarks (issue 14; figures in BENCHMARKS.md, *Scaling*):
//! the same kind of text at two sizes, ten or eight times apart, so that
//! the ratio of the times shows the growth (linear: about the size ratio).
//!
//! * `lines`: files of one unpunctuated headline per line, with a final
//!   line break (what used to become one paragraph), 10k and 100k lines;
//! * `one_line`: one paragraph of sentences on a single line, 128 KiB and
//!   1 MiB of source;
//! * `lint`: `glossary lint` of glossaries whose entries all share the
//!   source form "Nga", 100 and 1,000 entries.
//!
//! The inputs are built here from a few sentence pairs with the numbers and
//! made-up names varied, never committed. Run: `cargo bench --bench scaling`.
//! The CLI figures for 100k/1M lines and 1/8 MiB lines in BENCHMARKS.md
//! come from `target/release/transcheck` on files built the same way.

use divan::Bencher;
use transcheck::finding::RuleConfig;
use transcheck::glossary::lint::{lint_text, LintOptions};
use transcheck::input::SourceText;
use transcheck::{Checker, Glossary};

fn main() {
    divan::main();
}

/// A made-up name for `i`, far from the names of other numbers.
fn word(i: usize) -> String {
    let (consonants, vowels) = (b"bdghklmnprstvx", b"aeiou");
    let mut x = (i.wrapping_mul(2_654_435_761) + 13) % 10_000_000_000;
    let mut w = String::new();
    for k in 0..4 {
        let c = consonants[x % 14] as char;
        w.push(if k == 0 { c.to_ascii_uppercase() } else { c });
        w.push(vowels[(x / 14) % 5] as char);
        x /= 70;
    }
    w
}

/// Headline `i` in Vietnamese and English.
fn headline(i: usize) -> (String, String) {
    let (n, name) = (i % 997 + 3, word(i % 5_000));
    match i % 4 {
        0 => (
            format!("Hà Nội trồng mới {n} cây xanh"),
            format!("Hanoi to plant {n} new trees"),
        ),
        1 => (
            format!("Ông {name} gặp {n} phóng viên tại Tokyo"),
            format!("Mr {name} meets {n} reporters in Tokyo"),
        ),
        2 => (
            format!("Xuất khẩu gạo tăng {n}% trong năm"),
            format!("Rice exports up {n}% this year"),
        ),
        _ => (
            format!("Bà {name} thăm {n} trường học"),
            format!("Ms {name} visits {n} schools"),
        ),
    }
}

fn pair(count: usize, separator: &str, final_break: bool) -> (String, String) {
    let (mut vi, mut en) = (String::new(), String::new());
    for i in 0..count {
        if i > 0 {
            vi.push_str(separator);
            en.push_str(separator);
        }
        let (v, e) = headline(i);
        vi.push_str(&v);
        en.push_str(&e);
        if separator == " " {
            vi.push('.');
            en.push('.');
        }
    }
    if final_break {
        vi.push('\n');
        en.push('\n');
    }
    (vi, en)
}

fn checker() -> Checker {
    let glossary = Glossary::default_vi_en().expect("the embedded glossary loads");
    Checker::new(glossary, "vi", "en", RuleConfig::default())
}

fn run(bencher: Bencher, (vi, en): (String, String)) {
    let checker = checker();
    bencher.bench_local(|| {
        checker.check(
            SourceText::new("a.vi.txt", vi.clone()),
            SourceText::new("a.en.txt", en.clone()),
        )
    });
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn lines(bencher: Bencher, count: usize) {
    run(bencher, pair(count, "\n", true));
}

/// Sentences of about 40 bytes: 128 KiB and 1 MiB of source.
#[divan::bench(args = [3_300, 26_500], sample_count = 3, sample_size = 1)]
fn one_line(bencher: Bencher, sentences: usize) {
    run(bencher, pair(sentences, " ", true));
}

#[divan::bench(args = [100, 1_000], sample_count = 3, sample_size = 1)]
fn lint(bencher: Bencher, entries: usize) {
    let mut text = String::from("languages: [vi, en]\nentries:\n");
    for i in 0..entries {
        let w = word(i);
        text.push_str(&format!(
            "  - id: e{i}\n    kind: place\n    vi: [Nga, {w}ơ]\n    en: [{w}ia, {w}land]\n"
        ));
    }
    bencher.bench_local(|| lint_text("g.yaml", &text, &LintOptions::default()));
}
