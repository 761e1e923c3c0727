//! Benchmark corpus generator: deterministic Vietnamese/English news article
//! pairs with errors injected at a known rate (issue 7, "Workload").
//!
//! ```text
//! cargo run --release --example gen_corpus -- --pairs 2000 --seed 1 --out DIR
//! ```
//!
//! writes `DIR/vi/0001/a00001.txt` ⇔ `DIR/en/0001/a00001.txt` (100 pairs per
//! folder), one paragraph per line with the headline first, and
//! `DIR/manifest.tsv` listing every injected error. Articles are built from
//! the sentence templates in `support/corpus_templates.rs`, with names,
//! places, organisations and terms from the embedded default glossary and
//! numbers rendered by the checker's own number renderers, so a clean pair
//! reads back clean. See docs/benchmark-corpus.md.

#[path = "support/rng.rs"]
mod rng;
#[path = "support/corpus_templates.rs"]
mod templates;

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use transcheck::glossary::{Glossary, GlossaryIndex, Kind};
use transcheck::normalize::{fold_case, normalize_str};
use transcheck::numbers::{
    self, Currency, DateValue, NumberKind, NumberLanguage, NumberValue, TimeValue,
};
use unicode_normalization::is_nfc;

use rng::Rng;
use templates::{Pair, GENERAL, TOPICS};

#[derive(Debug, Parser)]
#[command(about = "Writes a deterministic vi/en benchmark corpus with injected errors.")]
pub(crate) struct Args {
    /// Number of article pairs.
    #[arg(long, default_value_t = 2000)]
    pub(crate) pairs: usize,
    /// Seed; the same arguments always give byte-identical output.
    #[arg(long, default_value_t = 1)]
    pub(crate) seed: u64,
    /// Output directory (gets vi/, en/ and manifest.tsv).
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// Probability that a paragraph receives one injected error.
    #[arg(long, default_value_t = 0.05)]
    pub(crate) error_rate: f64,
    /// Replace vi/, en/ and manifest.tsv if DIR already has them.
    #[arg(long)]
    pub(crate) force: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("gen_corpus: {message}");
            ExitCode::from(2)
        }
    }
}

/// Also called by the benchmarks (`benches/perf.rs`), which generate their
/// inputs under `target/` with the same code.
pub(crate) fn run(args: &Args) -> Result<(), String> {
    if !(0.0..=1.0).contains(&args.error_rate) {
        return Err(format!(
            "--error-rate must be between 0 and 1, got {}",
            args.error_rate
        ));
    }
    let started = Instant::now();
    let glossary = Glossary::default_vi_en().map_err(|e| e.to_string())?;
    let world = World::new(&glossary)?;
    prepare_out(&args.out, args.force)?;

    let mut manifest =
        BufWriter::new(fs::File::create(args.out.join("manifest.tsv")).map_err(|e| e.to_string())?);
    writeln!(manifest, "{}", ManifestRow::HEADER).map_err(|e| e.to_string())?;
    let mut stats = Stats::default();
    for i in 0..args.pairs {
        let mut article = world.article(args.seed, i as u64);
        let injected = world.inject(&mut article, args.seed, i as u64, args.error_rate);
        let rel = relative_path(i);
        let (vi, en) = (article.vi_text(&world), article.en_text(&world));
        write_file(&args.out.join("vi").join(&rel), &vi)?;
        write_file(&args.out.join("en").join(&rel), &en)?;
        stats.add(&vi, &en, article.paragraphs.len());
        for row in injected {
            *stats.errors.entry(row.kind.name()).or_default() += 1;
            writeln!(manifest, "{}", row.line(&rel, &article)).map_err(|e| e.to_string())?;
        }
    }
    manifest.flush().map_err(|e| e.to_string())?;
    stats.report(args.pairs, started);
    Ok(())
}

/// `0001/a00001.txt`: 100 pairs per folder so no folder gets huge; the same
/// relative path on both sides is how batch mode pairs files.
fn relative_path(i: usize) -> PathBuf {
    PathBuf::from(format!("{:04}", i / 100 + 1)).join(format!("a{:05}.txt", i + 1))
}

fn prepare_out(out: &Path, force: bool) -> Result<(), String> {
    let ours = [out.join("vi"), out.join("en"), out.join("manifest.tsv")];
    let existing: Vec<&PathBuf> = ours.iter().filter(|p| p.exists()).collect();
    if !existing.is_empty() {
        if !force {
            return Err(format!(
                "{} already exists; pass --force to replace vi/, en/ and manifest.tsv",
                existing[0].display()
            ));
        }
        for path in existing {
            let removed = if path.is_dir() {
                fs::remove_dir_all(path)
            } else {
                fs::remove_file(path)
            };
            removed.map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))
}

fn write_file(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------
// Templates

/// What a placeholder stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotSpec {
    /// The n-th distinct member of the article's cast of that kind.
    Cast(Kind, usize),
    /// A fixed glossary entry, by index.
    Fixed(usize),
    Number(Gen),
}

#[derive(Debug, Clone)]
enum Seg {
    Lit(String),
    /// A slot; `article` asks for "the" before names that need one.
    Slot {
        slot: usize,
        article: bool,
    },
}

#[derive(Debug)]
struct Template {
    vi: Vec<Seg>,
    en: Vec<Seg>,
    slots: Vec<SlotSpec>,
}

struct ParsedTopic {
    headlines: Vec<Template>,
    body: Vec<Template>,
}

/// Splits "a {x} b" into literal and slot segments; returns the segments
/// and the slot names with their `@` flag.
fn split(text: &str) -> Result<Vec<(bool, String, bool)>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push((false, rest[..open].to_string(), false));
        }
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| format!("unclosed placeholder in {text:?}"))?
            + open;
        let name = &rest[open + 1..close];
        let (article, name) = match name.strip_prefix('@') {
            Some(n) => (true, n),
            None => (false, name),
        };
        out.push((true, name.to_string(), article));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push((false, rest.to_string(), false));
    }
    Ok(out)
}

fn parse_slot(name: &str, glossary: &Glossary) -> Result<SlotSpec, String> {
    if let Some(id) = name.strip_prefix("e:") {
        return glossary
            .entries
            .iter()
            .position(|e| e.id.as_deref() == Some(id))
            .map(SlotSpec::Fixed)
            .ok_or_else(|| format!("no glossary entry with id {id:?}"));
    }
    let base = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let nth = if base.len() < name.len() { 1 } else { 0 };
    let cast = |kind| Ok(SlotSpec::Cast(kind, nth));
    match base {
        "p" => cast(Kind::Person),
        "l" => cast(Kind::Place),
        "o" => cast(Kind::Organization),
        "t" => cast(Kind::Term),
        _ => Gen::parse(base)
            .map(SlotSpec::Number)
            .ok_or_else(|| format!("unknown placeholder {{{name}}}")),
    }
}

impl Template {
    fn parse(pair: &Pair, glossary: &Glossary) -> Result<Template, String> {
        let (vi, en) = *pair;
        for side in [vi, en] {
            if !is_nfc(side) {
                return Err(format!("template is not NFC: {side:?}"));
            }
        }
        let mut names: Vec<String> = Vec::new();
        let mut slots = Vec::new();
        let mut segs_vi = Vec::new();
        for (is_slot, text, article) in split(vi)? {
            if !is_slot {
                segs_vi.push(Seg::Lit(text));
                continue;
            }
            if article {
                return Err(format!("`@` is for the English side only: {vi:?}"));
            }
            if names.contains(&text) {
                return Err(format!("{{{text}}} twice in {vi:?}"));
            }
            slots.push(parse_slot(&text, glossary)?);
            names.push(text);
            segs_vi.push(Seg::Slot {
                slot: names.len() - 1,
                article: false,
            });
        }
        let mut seen = vec![false; names.len()];
        let mut segs_en = Vec::new();
        for (is_slot, text, article) in split(en)? {
            if !is_slot {
                segs_en.push(Seg::Lit(text));
                continue;
            }
            let slot = names
                .iter()
                .position(|n| *n == text)
                .ok_or_else(|| format!("{{{text}}} is only on the English side of {en:?}"))?;
            if std::mem::replace(&mut seen[slot], true) {
                return Err(format!("{{{text}}} twice in {en:?}"));
            }
            segs_en.push(Seg::Slot { slot, article });
        }
        if let Some(missing) = seen.iter().position(|s| !s) {
            return Err(format!(
                "{{{}}} is only on the Vietnamese side of {vi:?}",
                names[missing]
            ));
        }
        Ok(Template {
            vi: segs_vi,
            en: segs_en,
            slots,
        })
    }
}

// ---------------------------------------------------------------------------
// Numbers

/// A kind of number slot, with the value range that reads naturally in the
/// templates that use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gen {
    Small,
    Count,
    Thousands,
    Big,
    Anniv,
    Dec,
    Mag,
    Idx,
    Temp,
    Km,
    Pct,
    Share,
    Pp,
    PctRange,
    Usd,
    Vnd,
    Wage,
    Gold,
    Date,
    FullDate,
    MonthYear,
    Year,
    FutureYear,
    Ord,
    Time,
    YearRange,
    DateRange,
    Score,
}

impl Gen {
    fn parse(name: &str) -> Option<Gen> {
        Some(match name {
            "small" => Gen::Small,
            "count" => Gen::Count,
            "thousands" => Gen::Thousands,
            "big" => Gen::Big,
            "anniv" => Gen::Anniv,
            "dec" => Gen::Dec,
            "mag" => Gen::Mag,
            "idx" => Gen::Idx,
            "temp" => Gen::Temp,
            "km" => Gen::Km,
            "pct" => Gen::Pct,
            "share" => Gen::Share,
            "pp" => Gen::Pp,
            "prange" => Gen::PctRange,
            "usd" => Gen::Usd,
            "vnd" => Gen::Vnd,
            "wage" => Gen::Wage,
            "gold" => Gen::Gold,
            "date" => Gen::Date,
            "fulldate" => Gen::FullDate,
            "my" => Gen::MonthYear,
            "year" => Gen::Year,
            "fyear" => Gen::FutureYear,
            "ord" => Gen::Ord,
            "time" => Gen::Time,
            "yrange" => Gen::YearRange,
            "drange" => Gen::DateRange,
            "score" => Gen::Score,
            _ => return None,
        })
    }

    /// Decimals shown for a plain (unscaled) value; a changed digit stays
    /// within them.
    fn decimals(self) -> usize {
        match self {
            Gen::Dec | Gen::Mag | Gen::Temp | Gen::Pct | Gen::Share => 1,
            Gen::Pp | Gen::Idx => 2,
            _ => 0,
        }
    }
}

/// A number slot's value.
#[derive(Debug, Clone, PartialEq)]
struct Num {
    gen: Gen,
    value: NumberValue,
    kind: NumberKind,
}

/// `lo..=hi` tenths as a value with one decimal, never a whole number (so
/// "2,7" stays a decimal on both sides).
fn tenths(rng: &mut Rng, lo: u64, hi: u64) -> f64 {
    let mut n = rng.range(lo, hi);
    if n.is_multiple_of(10) {
        n += 1 + rng.range(0, 8);
    }
    n as f64 / 10.0
}

fn scaled(rng: &mut Rng, scale: f64, lo_tenths: u64, hi_tenths: u64) -> f64 {
    // Mantissas such as 2.7 or 45, never 2.75: news rounds scaled amounts.
    let m = if rng.chance(0.3) {
        rng.range(lo_tenths.div_ceil(10), hi_tenths / 10) as f64
    } else {
        tenths(rng, lo_tenths, hi_tenths)
    };
    m * scale
}

fn date(day: u64, month: u64, year: Option<u64>) -> NumberValue {
    NumberValue::Date(DateValue {
        day: (day > 0).then_some(day as u8),
        month: Some(month as u8),
        year: year.map(|y| y as i32),
    })
}

fn range(lo: NumberValue, hi: NumberValue, kind: NumberKind) -> NumberValue {
    NumberValue::Range {
        lo: Box::new(lo),
        hi: Box::new(hi),
        kind,
    }
}

impl Num {
    fn draw(gen: Gen, rng: &mut Rng) -> Num {
        use NumberKind as K;
        use NumberValue::Number as N;
        let (value, kind) = match gen {
            Gen::Small => (N(rng.range(2, 9) as f64), K::Cardinal),
            Gen::Count => {
                let v = if rng.chance(0.3) {
                    rng.range(1_000, 9_999)
                } else {
                    rng.range(11, 999)
                };
                (N(v as f64), K::Cardinal)
            }
            Gen::Thousands => (N((rng.range(100, 9_999) * 100) as f64), K::Cardinal),
            Gen::Big => (N(scaled(rng, 1e6, 11, 999)), K::Cardinal),
            Gen::Anniv => (N((rng.range(2, 15) * 5) as f64), K::Cardinal),
            Gen::Dec => (N(tenths(rng, 11, 999)), K::Decimal),
            Gen::Mag => (N(tenths(rng, 31, 89)), K::Decimal),
            Gen::Idx => {
                let mut n = rng.range(90_000, 160_000);
                if n.is_multiple_of(10) {
                    n += 1;
                }
                (N(n as f64 / 100.0), K::Decimal)
            }
            Gen::Temp => (N(tenths(rng, 120, 439)), K::Decimal),
            Gen::Km => (N(rng.range(20, 1_500) as f64), K::Cardinal),
            Gen::Pct => (N(tenths(rng, 5, 350)), K::Percent),
            Gen::Share => (N(tenths(rng, 400, 995)), K::Percent),
            Gen::Pp => (N((rng.range(1, 40) * 5) as f64 / 100.0), K::PercentagePoint),
            Gen::PctRange => {
                let lo = rng.range(2, 16) as f64 / 2.0;
                let hi = lo + rng.range(1, 4) as f64 / 2.0;
                (range(N(lo), N(hi), K::Percent), K::Range)
            }
            Gen::Usd => {
                let amount = match rng.weighted(&[4, 5, 1]) {
                    0 => scaled(rng, 1e9, 12, 999),
                    1 => scaled(rng, 1e6, 15, 9_500),
                    _ => (rng.range(10, 990) * 100) as f64,
                };
                let value = NumberValue::Money {
                    amount,
                    currency: Currency::Usd,
                };
                (value, K::Money)
            }
            Gen::Vnd => {
                let amount = match rng.weighted(&[3, 4, 3]) {
                    0 => scaled(rng, 1e12, 12, 999),
                    1 => rng.range(12, 950) as f64 * 1e9,
                    _ => scaled(rng, 1e6, 15, 999),
                };
                let value = NumberValue::Money {
                    amount,
                    currency: Currency::Vnd,
                };
                (value, K::Money)
            }
            Gen::Wage | Gen::Gold => {
                let (lo, hi) = if gen == Gen::Wage {
                    (31, 69)
                } else {
                    (700, 1_300)
                };
                let value = NumberValue::Money {
                    amount: tenths(rng, lo, hi) * 1e6,
                    currency: Currency::Vnd,
                };
                (value, K::Money)
            }
            Gen::Date => (date(rng.range(1, 28), rng.range(1, 12), None), K::Date),
            Gen::FullDate => {
                let year = Some(rng.range(2015, 2026));
                (date(rng.range(1, 28), rng.range(1, 12), year), K::Date)
            }
            Gen::MonthYear => {
                let year = Some(rng.range(2015, 2026));
                (date(0, rng.range(1, 12), year), K::Date)
            }
            Gen::Year => (N(rng.range(1995, 2025) as f64), K::Year),
            Gen::FutureYear => (N(rng.range(2026, 2035) as f64), K::Year),
            Gen::Ord => (N(rng.range(2, 60) as f64), K::Ordinal),
            Gen::Time => {
                let t = TimeValue {
                    hour: rng.range(6, 22) as u8,
                    minute: (rng.range(0, 11) * 5) as u8,
                    meridiem_known: true,
                };
                (NumberValue::Time(t), K::Time)
            }
            Gen::YearRange => {
                let lo = rng.range(2011, 2026);
                let hi = lo + rng.range(2, 5);
                (range(N(lo as f64), N(hi as f64), K::Year), K::Range)
            }
            Gen::DateRange => {
                let (month, lo) = (rng.range(1, 12), rng.range(1, 24));
                let hi = lo + rng.range(1, 4);
                (
                    range(date(lo, month, None), date(hi, month, None), K::Date),
                    K::Range,
                )
            }
            Gen::Score => {
                let winner = rng.range(1, 5);
                let loser = rng.range(0, winner - 1);
                (
                    range(N(winner as f64), N(loser as f64), K::Cardinal),
                    K::Range,
                )
            }
        };
        Num { gen, value, kind }
    }

    fn render(&self, lang: &dyn NumberLanguage) -> String {
        if let (Gen::PctRange, NumberValue::Range { lo, hi, .. }) = (self.gen, &self.value) {
            // "5-7%" in both languages; the library writes "5%-7%" in Vietnamese.
            return format!(
                "{}-{}%",
                lang.render(lo, NumberKind::Decimal),
                lang.render(hi, NumberKind::Decimal)
            );
        }
        lang.render(&self.value, self.kind)
    }

    /// The amount and the scale it is written with ("2.7 million": 2.7 and
    /// 1e6), for values that carry a scale word.
    fn scale(&self) -> Option<(f64, f64)> {
        let v = match &self.value {
            NumberValue::Number(v) if self.gen == Gen::Big => *v,
            NumberValue::Money { amount, .. } => *amount,
            _ => return None,
        };
        [1e12, 1e9, 1e6]
            .into_iter()
            .find(|&s| v >= s)
            .map(|s| (v / s, s))
    }

    fn with_amount(&self, v: f64) -> Num {
        let value = match &self.value {
            NumberValue::Money { currency, .. } => NumberValue::Money {
                amount: v,
                currency: *currency,
            },
            _ => NumberValue::Number(v),
        };
        Num {
            value,
            ..self.clone()
        }
    }

    /// The same number with one digit changed ("25,000" → "28,000", "2.7
    /// million" → "2.1 million", "13th" → "18th").
    fn digit_changed(&self, rng: &mut Rng) -> Option<Num> {
        let (x, scale, decimals) = match (self.scale(), &self.value) {
            (Some((x, s)), _) => (x, s, 1),
            (None, NumberValue::Number(v)) => (*v, 1.0, self.gen.decimals()),
            (None, NumberValue::Money { amount, .. }) => (*amount, 1.0, 0),
            _ => return None,
        };
        if !matches!(
            self.gen,
            Gen::Small
                | Gen::Count
                | Gen::Thousands
                | Gen::Big
                | Gen::Anniv
                | Gen::Dec
                | Gen::Mag
                | Gen::Idx
                | Gen::Temp
                | Gen::Km
                | Gen::Pct
                | Gen::Share
                | Gen::Pp
                | Gen::Usd
                | Gen::Vnd
                | Gen::Wage
                | Gen::Gold
                | Gen::Year
                | Gen::FutureYear
                | Gen::Ord
        ) {
            return None;
        }
        let text = format!("{x:.decimals$}");
        let text = if decimals > 0 && self.scale().is_some() {
            // Scaled mantissas are written without trailing zeros.
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        };
        let digits: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| c.is_ascii_digit())
            .map(|(i, _)| i)
            .collect();
        // A year keeps its century so that it stays a plausible year.
        let choices = if matches!(self.gen, Gen::Year | Gen::FutureYear) {
            &digits[2..]
        } else {
            &digits[..]
        };
        let at = *rng.pick(choices);
        let old = text.as_bytes()[at];
        let leading = at == 0 && text.len() > 1 && text.as_bytes()[1] != b'.';
        let pool: Vec<u8> = (if leading { b'1' } else { b'0' }..=b'9')
            .filter(|&d| d != old)
            .collect();
        let mut bytes = text.into_bytes();
        bytes[at] = *rng.pick(&pool);
        let changed: f64 = String::from_utf8(bytes).ok()?.parse().ok()?;
        (changed > 0.0).then(|| self.with_amount(changed * scale))
    }

    /// The same amount with the scale word moved one step ("million" →
    /// "billion", "trillion dong" → "billion dong").
    fn scale_changed(&self, rng: &mut Rng) -> Option<Num> {
        let (x, s) = self.scale()?;
        let v = x * s;
        let down = s >= 1e9 && rng.chance(0.5);
        Some(self.with_amount(if down { v / 1000.0 } else { v * 1000.0 }))
    }

    /// Day and month swapped ("4/8", 4 August, rendered as "April 8").
    fn date_swapped(&self) -> Option<Num> {
        let NumberValue::Date(d) = self.value else {
            return None;
        };
        let (day, month) = (d.day?, d.month?);
        if day > 12 || day == month {
            return None;
        }
        Some(Num {
            value: NumberValue::Date(DateValue {
                day: Some(month),
                month: Some(day),
                year: d.year,
            }),
            ..self.clone()
        })
    }
}

// ---------------------------------------------------------------------------
// The world: glossary pools and parsed templates

struct World<'g> {
    glossary: &'g Glossary,
    /// The checker's own index, used to make sure a broken rendering really
    /// leaves its entry unrendered in the paragraph.
    index: GlossaryIndex,
    /// Entry indices by kind, for casts and wrong renderings.
    pools: BTreeMap<Kind, Vec<usize>>,
    topics: Vec<ParsedTopic>,
    general: Vec<Template>,
    vi: &'static dyn NumberLanguage,
    en: &'static dyn NumberLanguage,
}

/// The names an article is about: a few of each kind, reused across its
/// paragraphs as in real reporting.
struct Cast {
    members: BTreeMap<Kind, Vec<usize>>,
}

#[derive(Debug, Clone)]
enum Fill {
    Entry(usize),
    Number(Num),
}

#[derive(Debug, Clone)]
struct Slot {
    fill: Fill,
    vi: String,
    en: String,
}

struct Sentence<'w> {
    template: &'w Template,
    slots: Vec<Slot>,
    /// The English keeps the number but names another unit ("45 km" →
    /// "45 miles"): a `number.unit` error.
    unit_swapped: bool,
}

/// English units an injected `number.unit` error replaces, with what it
/// writes instead: the number stays, the unit changes.
const UNIT_SWAPS: &[(&str, &str)] = &[
    (" km", " miles"),
    (" degrees Celsius", " degrees Fahrenheit"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EnState {
    Translated,
    Dropped,
    Untranslated,
}

struct Paragraph<'w> {
    sentences: Vec<Sentence<'w>>,
    en_state: EnState,
}

struct Article<'w> {
    paragraphs: Vec<Paragraph<'w>>,
}

/// Names that read with "the" in English running text.
fn needs_article(kind: Kind, en: &str) -> bool {
    let starts_upper = en.chars().next().is_some_and(char::is_uppercase);
    if !starts_upper || en.starts_with("The ") {
        return false;
    }
    match kind {
        Kind::Organization => {
            // Institutions take "the"; brands, companies and acronyms do not.
            const INSTITUTIONS: [&str; 40] = [
                "Bank",
                "Ministry",
                "Council",
                "Committee",
                "Commission",
                "Organization",
                "Organisation",
                "Fund",
                "Union",
                "Assembly",
                "Agency",
                "Office",
                "Department",
                "Court",
                "Procuracy",
                "Front",
                "Party",
                "Association",
                "Federation",
                "Forum",
                "Secretariat",
                "Institute",
                "Academy",
                "University",
                "Administration",
                "Authority",
                "Inspectorate",
                "Exchange",
                "Army",
                "Navy",
                "Guard",
                "Force",
                "Society",
                "Confederation",
                "Duma",
                "Senate",
                "Parliament",
                "Congress",
                "Alliance",
                "Community",
            ];
            en.contains(' ') && en.split(' ').any(|w| INSTITUTIONS.contains(&w))
        }
        Kind::Place => {
            const THE: [&str; 16] = [
                "United ",
                "Republic",
                "Islands",
                "Kingdom",
                "Netherlands",
                "Philippines",
                "Bahamas",
                "Gambia",
                " Sea",
                "Ocean",
                "Gulf",
                "Strait",
                "Delta",
                "Emirates",
                "Mediterranean",
                "Caribbean",
            ];
            THE.iter().any(|w| en.contains(w))
        }
        _ => false,
    }
}

/// Upper-cases the first letter (sentence start); glossary matching
/// accepts a capitalized first letter for every entry.
fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl<'g> World<'g> {
    fn new(glossary: &'g Glossary) -> Result<World<'g>, String> {
        let mut pools: BTreeMap<Kind, Vec<usize>> = BTreeMap::new();
        for (i, e) in glossary.entries.iter().enumerate() {
            if e.preferred("vi").is_some() && e.preferred("en").is_some() {
                pools.entry(e.kind).or_default().push(i);
            }
        }
        let parse_all = |pairs: &[Pair]| -> Result<Vec<Template>, String> {
            pairs.iter().map(|p| Template::parse(p, glossary)).collect()
        };
        let topics = TOPICS
            .iter()
            .map(|t| {
                Ok(ParsedTopic {
                    headlines: parse_all(t.headlines)
                        .map_err(|e| format!("topic {}: {e}", t.name))?,
                    body: parse_all(t.body).map_err(|e| format!("topic {}: {e}", t.name))?,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(World {
            glossary,
            index: GlossaryIndex::new(glossary.clone(), "vi", "en"),
            pools,
            topics,
            general: parse_all(GENERAL)?,
            vi: numbers::language("vi").ok_or("no Vietnamese number language")?,
            en: numbers::language("en").ok_or("no English number language")?,
        })
    }

    fn preferred(&self, entry: usize, lang: &str) -> String {
        self.glossary.entries[entry]
            .preferred(lang)
            .unwrap_or_default()
            .to_string()
    }

    fn cast(&self, rng: &mut Rng) -> Cast {
        let sizes = [
            (Kind::Person, 3),
            (Kind::Place, 3),
            (Kind::Organization, 3),
            (Kind::Term, 4),
        ];
        let mut members = BTreeMap::new();
        for (kind, n) in sizes {
            let pool = &self.pools[&kind];
            let mut chosen: Vec<usize> = Vec::new();
            while chosen.len() < n {
                let e = *rng.pick(pool);
                if !chosen.contains(&e) {
                    chosen.push(e);
                }
            }
            members.insert(kind, chosen);
        }
        Cast { members }
    }

    fn fill<'w>(&'w self, template: &'w Template, cast: &Cast, rng: &mut Rng) -> Sentence<'w> {
        // Distinct cast members for {p} and {p2}: a fresh order per sentence.
        let mut order: BTreeMap<Kind, Vec<usize>> = cast.members.clone();
        for members in order.values_mut() {
            rng.shuffle(members);
        }
        let slots = template
            .slots
            .iter()
            .map(|spec| match *spec {
                SlotSpec::Cast(kind, nth) => self.entry_slot(order[&kind][nth]),
                SlotSpec::Fixed(entry) => self.entry_slot(entry),
                SlotSpec::Number(gen) => self.number_slot(Num::draw(gen, rng)),
            })
            .collect();
        Sentence {
            template,
            slots,
            unit_swapped: false,
        }
    }

    fn entry_slot(&self, entry: usize) -> Slot {
        Slot {
            fill: Fill::Entry(entry),
            vi: self.preferred(entry, "vi"),
            en: self.preferred(entry, "en"),
        }
    }

    fn number_slot(&self, num: Num) -> Slot {
        Slot {
            vi: num.render(self.vi),
            en: num.render(self.en),
            fill: Fill::Number(num),
        }
    }

    fn kind_of(&self, slot: &Slot) -> Option<Kind> {
        match slot.fill {
            Fill::Entry(e) => Some(self.glossary.entries[e].kind),
            Fill::Number(_) => None,
        }
    }

    fn render(&self, sentence: &Sentence, english: bool) -> String {
        let segs = if english {
            &sentence.template.en
        } else {
            &sentence.template.vi
        };
        let mut out = String::new();
        for seg in segs {
            match seg {
                Seg::Lit(text) => out.push_str(text),
                Seg::Slot { slot, article } => {
                    let slot = &sentence.slots[*slot];
                    let text = if english { &slot.en } else { &slot.vi };
                    let kind = self.kind_of(slot);
                    if *article && kind.is_some_and(|k| needs_article(k, text)) {
                        out.push_str("the ");
                    }
                    out.push_str(text);
                }
            }
        }
        if english && sentence.unit_swapped {
            if let Some((from, to)) = UNIT_SWAPS.iter().find(|(from, _)| out.contains(from)) {
                out = out.replacen(from, to, 1);
            }
        }
        capitalize(&out)
    }

    fn paragraph_text(&self, p: &Paragraph, english: bool) -> String {
        let parts: Vec<String> = p
            .sentences
            .iter()
            .map(|s| self.render(s, english))
            .collect();
        parts.join(" ")
    }

    /// One clean article: a headline, then 7–19 paragraphs of one to several
    /// sentences, 3–8 KB per side.
    fn article(&self, seed: u64, item: u64) -> Article<'_> {
        let mut rng = Rng::stream(seed, item, 0);
        let topic = rng.pick(&self.topics);
        let cast = self.cast(&mut rng);
        let lines = rng.range(8, 20) as usize;
        let target = rng.range(3_500, 7_400) as usize;

        // Each desk sentence goes in twice, so that the desk's own sentences
        // come up about as often as the general ones.
        let mut deck = Deck {
            cards: topic
                .body
                .iter()
                .chain(topic.body.iter())
                .chain(self.general.iter())
                .collect(),
            next: 0,
        };

        let headline = self.fill(rng.pick(&topic.headlines), &cast, &mut rng);
        let mut paragraphs = vec![Paragraph {
            sentences: vec![headline],
            en_state: EnState::Translated,
        }];
        let budget = target / (lines - 1);
        for _ in 1..lines {
            let mut p = Paragraph {
                sentences: Vec::new(),
                en_state: EnState::Translated,
            };
            while p.sentences.is_empty() || self.paragraph_bytes(&p) < budget * 9 / 10 {
                p.sentences
                    .push(self.fill(deck.draw(&mut rng), &cast, &mut rng));
            }
            paragraphs.push(p);
        }
        let mut article = Article { paragraphs };
        // Settle both sides into 3–8 KB: trim the longest paragraph, or grow
        // the shortest one.
        for _ in 0..100 {
            let (vi, en) = (article.vi_text(self).len(), article.en_text(self).len());
            if vi.max(en) > 7_900 {
                let longest = (1..article.paragraphs.len())
                    .filter(|&i| article.paragraphs[i].sentences.len() > 1)
                    .max_by_key(|&i| self.paragraph_bytes(&article.paragraphs[i]));
                match longest {
                    Some(i) => drop(article.paragraphs[i].sentences.pop()),
                    None => break,
                }
            } else if vi.min(en) < 3_200 {
                let shortest = (1..article.paragraphs.len())
                    .min_by_key(|&i| self.paragraph_bytes(&article.paragraphs[i]))
                    .expect("an article has body paragraphs");
                let s = self.fill(deck.draw(&mut rng), &cast, &mut rng);
                article.paragraphs[shortest].sentences.push(s);
            } else {
                break;
            }
        }
        article
    }

    fn paragraph_bytes(&self, p: &Paragraph) -> usize {
        self.paragraph_text(p, false)
            .len()
            .max(self.paragraph_text(p, true).len())
    }
}

/// Sentence templates dealt without repetition until all have been used,
/// so an article rarely repeats a sentence shape.
struct Deck<'w> {
    cards: Vec<&'w Template>,
    next: usize,
}

impl<'w> Deck<'w> {
    fn draw(&mut self, rng: &mut Rng) -> &'w Template {
        if self.next == 0 {
            rng.shuffle(&mut self.cards);
        }
        let card = self.cards[self.next];
        self.next = (self.next + 1) % self.cards.len();
        card
    }
}

impl Article<'_> {
    fn vi_text(&self, world: &World) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            out.push_str(&world.paragraph_text(p, false));
            out.push('\n');
        }
        out
    }

    fn en_text(&self, world: &World) -> String {
        let mut out = String::new();
        for p in &self.paragraphs {
            match p.en_state {
                EnState::Translated => out.push_str(&world.paragraph_text(p, true)),
                EnState::Untranslated => out.push_str(&world.paragraph_text(p, false)),
                EnState::Dropped => continue,
            }
            out.push('\n');
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Error injection

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    NumberValue,
    NumberScale,
    NumberDateSwap,
    NumberUnit,
    TermWrong,
    NameMisspelt,
    TermForbidden,
    ParagraphDropped,
    ParagraphUntranslated,
}

impl ErrorKind {
    /// With their relative weights: the common translation slips first.
    const ALL: [(ErrorKind, u32); 9] = [
        (ErrorKind::NumberValue, 3),
        (ErrorKind::NumberScale, 1),
        (ErrorKind::NumberDateSwap, 1),
        (ErrorKind::NumberUnit, 1),
        (ErrorKind::TermWrong, 3),
        (ErrorKind::NameMisspelt, 2),
        (ErrorKind::TermForbidden, 2),
        (ErrorKind::ParagraphDropped, 1),
        (ErrorKind::ParagraphUntranslated, 1),
    ];

    fn name(self) -> &'static str {
        match self {
            ErrorKind::NumberValue => "number.value",
            ErrorKind::NumberScale => "number.scale",
            ErrorKind::NumberDateSwap => "number.date-swap",
            ErrorKind::NumberUnit => "number.unit",
            ErrorKind::TermWrong => "term.wrong",
            ErrorKind::NameMisspelt => "name.misspelt",
            ErrorKind::TermForbidden => "term.forbidden",
            ErrorKind::ParagraphDropped => "paragraph.dropped",
            ErrorKind::ParagraphUntranslated => "paragraph.untranslated",
        }
    }

    /// The checker rules that report this error; `name.variant` arrives with
    /// the names rules.
    fn rules(self) -> &'static str {
        match self {
            ErrorKind::NumberValue | ErrorKind::NumberScale => "number.mismatch",
            ErrorKind::NumberDateSwap => "number.date",
            ErrorKind::NumberUnit => "number.unit",
            ErrorKind::TermWrong => "term.missing",
            ErrorKind::NameMisspelt => "term.missing,name.variant",
            ErrorKind::TermForbidden => "term.forbidden",
            ErrorKind::ParagraphDropped => "segment.missing",
            ErrorKind::ParagraphUntranslated => "segment.untranslated",
        }
    }
}

/// One line of manifest.tsv.
struct ManifestRow {
    paragraph: usize,
    kind: ErrorKind,
    original: String,
    injected: String,
}

impl ManifestRow {
    const HEADER: &'static str = "pair\tvi_line\ten_line\tkind\trules\toriginal\tinjected";

    fn line(&self, rel: &Path, article: &Article) -> String {
        let en_line = match article.paragraphs[self.paragraph].en_state {
            EnState::Dropped => "-".to_string(),
            _ => {
                let before = article.paragraphs[..self.paragraph]
                    .iter()
                    .filter(|p| p.en_state != EnState::Dropped)
                    .count();
                (before + 1).to_string()
            }
        };
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            rel.display(),
            self.paragraph + 1,
            en_line,
            self.kind.name(),
            self.kind.rules(),
            self.original,
            self.injected
        )
    }
}

/// The first 80 characters of a paragraph, for the manifest.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= 80 {
        return text.to_string();
    }
    let cut: String = text.chars().take(79).collect();
    format!("{cut}…")
}

/// A plausible typo in a name: a letter dropped, doubled or two swapped,
/// never the first letter of a word.
fn misspell(name: &str, rng: &mut Rng) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let long: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].chars().count() >= 4 && words[i].chars().all(char::is_alphabetic))
        .collect();
    if long.is_empty() {
        return None;
    }
    let w = *rng.pick(&long);
    let mut chars: Vec<char> = words[w].chars().collect();
    let at = 1 + rng.below(chars.len() - 2);
    match rng.below(3) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        _ => {
            if chars[at] == chars[at + 1] {
                return None;
            }
            chars.swap(at, at + 1);
        }
    }
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    out[w] = chars.into_iter().collect();
    Some(out.join(" "))
}

impl World<'_> {
    /// Injects at most one error per paragraph, each paragraph with
    /// probability `rate`, from a stream of its own so the text does not
    /// depend on the rate.
    fn inject(&self, article: &mut Article, seed: u64, item: u64, rate: f64) -> Vec<ManifestRow> {
        let mut rng = Rng::stream(seed, item, 1);
        let mut rows = Vec::new();
        for p in 0..article.paragraphs.len() {
            // Always draw, so that a paragraph's fate does not depend on the
            // paragraphs before it.
            let hit = rng.chance(rate);
            let mut local = Rng::new(rng.next_u64());
            if !hit {
                continue;
            }
            let mut kinds: Vec<(ErrorKind, u32)> = ErrorKind::ALL.to_vec();
            while !kinds.is_empty() {
                let weights: Vec<u32> = kinds.iter().map(|k| k.1).collect();
                let pick = local.weighted(&weights);
                let kind = kinds.remove(pick).0;
                if let Some(row) = self.try_inject(article, p, kind, &mut local) {
                    rows.push(row);
                    break;
                }
            }
        }
        rows
    }

    fn try_inject(
        &self,
        article: &mut Article,
        p: usize,
        kind: ErrorKind,
        rng: &mut Rng,
    ) -> Option<ManifestRow> {
        let row = |original: String, injected: String| ManifestRow {
            paragraph: p,
            kind,
            original,
            injected,
        };
        match kind {
            ErrorKind::ParagraphDropped => {
                let original = excerpt(&self.paragraph_text(&article.paragraphs[p], true));
                article.paragraphs[p].en_state = EnState::Dropped;
                Some(row(original, "-".into()))
            }
            ErrorKind::ParagraphUntranslated => {
                let original = excerpt(&self.paragraph_text(&article.paragraphs[p], true));
                let injected = excerpt(&self.paragraph_text(&article.paragraphs[p], false));
                article.paragraphs[p].en_state = EnState::Untranslated;
                Some(row(original, injected))
            }
            ErrorKind::NumberUnit => {
                let paragraph = &mut article.paragraphs[p];
                let mut candidates: Vec<usize> = (0..paragraph.sentences.len())
                    .filter(|&s| {
                        let en = self.render(&paragraph.sentences[s], true);
                        UNIT_SWAPS.iter().any(|(from, _)| en.contains(from))
                    })
                    .collect();
                rng.shuffle(&mut candidates);
                let s = *candidates.first()?;
                let before = self.render(&paragraph.sentences[s], true);
                let (from, to) = UNIT_SWAPS.iter().find(|(from, _)| before.contains(from))?;
                let at = before.find(from)?;
                // The number and its unit: "about 45 km" → "about 45 miles".
                let start = before[..at].rfind(' ').map_or(0, |k| k + 1);
                let number = &before[start..at];
                paragraph.sentences[s].unit_swapped = true;
                Some(row(format!("{number}{from}"), format!("{number}{to}")))
            }
            _ => {
                let mut slots: Vec<(usize, usize)> = Vec::new();
                for (s, sentence) in article.paragraphs[p].sentences.iter().enumerate() {
                    slots.extend((0..sentence.slots.len()).map(|k| (s, k)));
                }
                rng.shuffle(&mut slots);
                for (s, k) in slots {
                    let old = article.paragraphs[p].sentences[s].slots[k].clone();
                    let Some(new) = self.broken(&old, kind, rng) else {
                        continue;
                    };
                    article.paragraphs[p].sentences[s].slots[k] = new.clone();
                    if self.still_rendered(&article.paragraphs[p], &old, kind) {
                        article.paragraphs[p].sentences[s].slots[k] = old;
                        continue;
                    }
                    return Some(row(old.en, new.en));
                }
                None
            }
        }
    }

    /// A broken English rendering of one slot for `kind`, if the slot can
    /// carry that error.
    fn broken(&self, slot: &Slot, kind: ErrorKind, rng: &mut Rng) -> Option<Slot> {
        let with_en = |en: String| Slot { en, ..slot.clone() };
        let with_num = |num: Num| Slot {
            en: num.render(self.en),
            fill: Fill::Number(num),
            vi: slot.vi.clone(),
        };
        match (&slot.fill, kind) {
            (Fill::Number(n), ErrorKind::NumberValue) => n.digit_changed(rng).map(with_num),
            (Fill::Number(n), ErrorKind::NumberScale) => n.scale_changed(rng).map(with_num),
            (Fill::Number(n), ErrorKind::NumberDateSwap) => n.date_swapped().map(with_num),
            (Fill::Entry(e), ErrorKind::TermWrong) => {
                let entry = &self.glossary.entries[*e];
                let accepted: Vec<String> =
                    entry.forms("en").iter().map(|f| fold_case(f)).collect();
                let pool = &self.pools[&entry.kind];
                for _ in 0..10 {
                    let other = *rng.pick(pool);
                    let en = self.preferred(other, "en");
                    if other != *e && !accepted.contains(&fold_case(&en)) {
                        return Some(with_en(en));
                    }
                }
                None
            }
            (Fill::Entry(e), ErrorKind::NameMisspelt) => {
                let entry = &self.glossary.entries[*e];
                if entry.kind != Kind::Person {
                    return None;
                }
                misspell(&slot.en, rng).map(with_en)
            }
            (Fill::Entry(e), ErrorKind::TermForbidden) => {
                let forbidden = self.glossary.entries[*e].forbidden("en");
                (!forbidden.is_empty()).then(|| with_en(rng.pick(forbidden).clone()))
            }
            _ => None,
        }
    }

    /// True when the paragraph's English still renders the slot's entry
    /// somewhere else (named twice, or "Hanoi", an accepted rendering of
    /// Vietnam, next to a broken "Vietnam"): the glossary asks for a
    /// rendering per paragraph, so that change would be no error. A number
    /// changed next to an identical one still leaves one too few, so
    /// numbers always count; so does a forbidden form, reported wherever it
    /// appears.
    fn still_rendered(&self, p: &Paragraph, old: &Slot, kind: ErrorKind) -> bool {
        let Fill::Entry(e) = old.fill else {
            return false;
        };
        if kind == ErrorKind::TermForbidden {
            return false;
        }
        let en = normalize_str(&self.paragraph_text(p, true));
        self.index.target_matches(&en).iter().any(|m| m.entry == e)
    }
}

// ---------------------------------------------------------------------------
// Statistics

#[derive(Default)]
struct Stats {
    vi_bytes: usize,
    en_bytes: usize,
    min_side: Option<usize>,
    max_side: usize,
    paragraphs: usize,
    errors: BTreeMap<&'static str, usize>,
}

impl Stats {
    fn add(&mut self, vi: &str, en: &str, paragraphs: usize) {
        self.vi_bytes += vi.len();
        self.en_bytes += en.len();
        let small = vi.len().min(en.len());
        self.min_side = Some(self.min_side.map_or(small, |m| m.min(small)));
        self.max_side = self.max_side.max(vi.len().max(en.len()));
        self.paragraphs += paragraphs;
    }

    fn report(&self, pairs: usize, started: Instant) {
        let mb = |b: usize| b as f64 / 1e6;
        eprintln!(
            "gen_corpus: {pairs} pairs, {} paragraphs; vi {:.2} MB, en {:.2} MB; per side {}–{} bytes; {:.2} s",
            self.paragraphs,
            mb(self.vi_bytes),
            mb(self.en_bytes),
            self.min_side.unwrap_or(0),
            self.max_side,
            started.elapsed().as_secs_f64()
        );
        let total: usize = self.errors.values().sum();
        let detail: Vec<String> = self
            .errors
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect();
        eprintln!(
            "gen_corpus: {total} injected errors ({})",
            if detail.is_empty() {
                "none".to_string()
            } else {
                detail.join(", ")
            }
        );
    }
}
