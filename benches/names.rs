//! Scaling of the name rules with glossary size: the same article checked
//! against a 1,000-entry and a 100,000-entry glossary. The glossaries hold
//! the article's real entries (taken from the default glossary) and
//! deterministic synthetic person, place and organization entries, so both
//! find the same names in the article and differ only in size. Per-word
//! cost must not grow with the glossary: the two may differ by at most 2×.
//!
//! Run: `cargo bench --bench names` (figures in BENCHMARKS.md).

use std::path::Path;

use divan::Bencher;
use transcheck::glossary::{load_str, Limits};
use transcheck::input::SourceText;
use transcheck::{Checker, Glossary};

fn main() {
    divan::main();
}

/// The article: the fixture with a typo, romanizations, a surname alone
/// and a dozen correct names, so every name rule does its work.
const ARTICLE: &str = "tests/fixtures/names-mishustin-beijing";

/// Default-glossary entries the article names.
const ARTICLE_ENTRIES: &[&str] = &[
    "mikhail-mishustin",
    "xi-jinping",
    "li-qiang",
    "li-keqiang",
    "dmitry-peskov",
    "vladimir-putin",
    "dmitry-medvedev",
    "sergei-shoigu",
    "sergei-lavrov",
    "volodymyr-zelensky",
    "russia",
    "china",
    "ukraine",
    "moscow",
    "beijing",
    "brazil",
    "kremlin",
    "asia",
];

/// Deterministic xorshift, so both glossaries are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A pronounceable foreign word of `min..=max` syllables.
    fn word(&mut self, min: usize, max: usize) -> String {
        const C: &[u8] = b"bcdfghjklmnprstvwz";
        const V: &[u8] = b"aeiou";
        const F: &[u8] = b"nrslmtk";
        let n = min + self.below(max - min + 1);
        let mut w = String::new();
        for k in 0..n {
            let c = C[self.below(C.len())] as char;
            w.push(if k == 0 { c.to_ascii_uppercase() } else { c });
            w.push(V[self.below(V.len())] as char);
            if self.below(2) == 0 {
                w.push(F[self.below(F.len())] as char);
            }
        }
        w
    }
}

/// Vietnamese name syllables with their English (diacritic-free) spelling;
/// none of the article's own Vietnamese names can be formed from them.
const VI_SURNAMES: &[(&str, &str)] = &[
    ("Nguyễn", "Nguyen"),
    ("Trần", "Tran"),
    ("Lê", "Le"),
    ("Hoàng", "Hoang"),
    ("Huỳnh", "Huynh"),
    ("Vũ", "Vu"),
    ("Đặng", "Dang"),
    ("Bùi", "Bui"),
    ("Đỗ", "Do"),
    ("Ngô", "Ngo"),
];
const VI_MIDDLE: &[(&str, &str)] = &[
    ("Văn", "Van"),
    ("Thị", "Thi"),
    ("Đức", "Duc"),
    ("Quốc", "Quoc"),
    ("Hữu", "Huu"),
    ("Thanh", "Thanh"),
    ("Ngọc", "Ngoc"),
    ("Xuân", "Xuan"),
];
const VI_GIVEN: &[(&str, &str)] = &[
    ("Hùng", "Hung"),
    ("Lan", "Lan"),
    ("Tuấn", "Tuan"),
    ("Dũng", "Dung"),
    ("Phương", "Phuong"),
    ("Hương", "Huong"),
    ("Hải", "Hai"),
    ("Khoa", "Khoa"),
    ("Thảo", "Thao"),
    ("Vinh", "Vinh"),
    ("Nga", "Nga"),
    ("Tâm", "Tam"),
];

/// `n` synthetic entries as glossary YAML: foreign people (given name and
/// a surname from a shared pool, with the surname alone accepted, as real
/// glossaries do), Vietnamese people (with diacritics in Vietnamese, without
/// in English), places and organizations.
fn synthetic_yaml(n: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let surnames: Vec<String> = (0..2_000).map(|_| rng.word(2, 3)).collect();
    let mut out = String::from("languages: [vi, en]\nentries:\n");
    for i in 0..n {
        let (kind, vi, en) = match i % 5 {
            0 | 1 => {
                let surname = &surnames[rng.below(surnames.len())];
                let full = format!("{} {surname}", rng.word(1, 3));
                (
                    "person",
                    format!("[{full}, {surname}]"),
                    format!("[{full}, {surname}]"),
                )
            }
            2 => {
                let s = VI_SURNAMES[rng.below(VI_SURNAMES.len())];
                let m = VI_MIDDLE[rng.below(VI_MIDDLE.len())];
                let g = VI_GIVEN[rng.below(VI_GIVEN.len())];
                (
                    "person",
                    format!("[{} {} {}]", s.0, m.0, g.0),
                    format!("[{} {} {}]", s.1, m.1, g.1),
                )
            }
            3 => {
                let place = match rng.below(3) {
                    0 => rng.word(2, 4),
                    1 => format!(
                        "{} {}",
                        rng.pick(&["Port", "San", "New", "Lake"]),
                        rng.word(2, 3)
                    ),
                    _ => format!(
                        "{} {}",
                        rng.word(2, 3),
                        rng.pick(&["Island", "Province", "City"])
                    ),
                };
                ("place", format!("[{place}]"), format!("[{place}]"))
            }
            _ => {
                let org = format!(
                    "{} {}",
                    rng.word(2, 3),
                    rng.pick(&["Group", "Holdings", "Bank", "Airlines", "Energy"])
                );
                ("organization", format!("[{org}]"), format!("[{org}]"))
            }
        };
        out.push_str(&format!(
            "  - id: synthetic-{i}\n    kind: {kind}\n    vi: {vi}\n    en: {en}\n"
        ));
    }
    out
}

/// The article's real entries plus synthetic ones, `size` in all.
fn glossary(size: usize) -> Glossary {
    let default = Glossary::default_vi_en().expect("the default glossary loads");
    let mut glossary = Glossary {
        languages: default.languages.clone(),
        entries: default
            .entries
            .into_iter()
            .filter(|e| {
                e.id.as_deref()
                    .is_some_and(|id| ARTICLE_ENTRIES.contains(&id))
            })
            .collect(),
    };
    let synthetic = synthetic_yaml(size - glossary.entries.len());
    let synthetic = load_str(&synthetic, "synthetic.yaml", &Limits::default())
        .expect("the synthetic glossary loads");
    glossary.merge(synthetic).expect("ids are unique");
    assert_eq!(glossary.entries.len(), size);
    glossary
}

fn read(lang: &str) -> SourceText {
    SourceText::read(Path::new(&format!("{ARTICLE}.{lang}.txt"))).expect("the article is readable")
}

#[divan::bench(args = [1_000, 100_000], sample_count = 60)]
fn check_article(bencher: Bencher, entries: usize) {
    let checker = Checker::new(glossary(entries), "vi", "en", Default::default());
    let (source, target) = (read("vi"), read("en"));
    // Both glossaries must see the same article the same way.
    let names = checker
        .check(source.clone(), target.clone())
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("name."))
        .count();
    assert_eq!(names, 4, "the article's four planted name errors");
    bencher.bench_local(|| checker.check(source.clone(), target.clone()));
}
