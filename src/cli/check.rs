//! `transcheck check SOURCE TARGET`: check one pair of files, or every pair
//! of two directories, and write the report.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::{distinct_outputs, note, plan_output, write_outputs, Environment, Outcome};
use crate::baseline::Baseline;
use crate::batch::{changed_since, plan, Pairing, Planned, Side};
use crate::checker::{Checker, PairReport, PairSummaries, Retain};
use crate::checks::segment::UNPAIRED;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::finding::{Finding, RuleConfig};
use crate::fsutil::OutputPlan;
use crate::glossary::{Glossary, Limits};
use crate::input::SourceText;
use crate::names::similarity::Thresholds;
use crate::report::{render, Format, RenderOptions, Report};

pub use crate::report::FailOn;

/// More pairs than this show a progress bar (on a terminal, outside CI).
const PROGRESS_MIN_PAIRS: usize = 8;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The source article (e.g. article.vi.txt), or a directory of source articles.
    /// Default: `source` in transcheck.yaml.
    pub source: Option<PathBuf>,
    /// Its translation (e.g. article.en.txt), or the directory of translations
    /// (may be the same directory). Default: `target` in transcheck.yaml.
    pub target: Option<PathBuf>,
    /// Glossary file; repeat to merge several; `default` is the embedded vi-en
    /// glossary. Default: `glossaries` in transcheck.yaml, else the embedded one.
    #[arg(short = 'g', long = "glossary", value_name = "GLOSSARY")]
    pub glossaries: Vec<PathBuf>,
    /// Source language code. Default: from the file name (x.vi.txt, vi/x.txt), else vi.
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    /// Target language code. Default: from the file name, else en.
    #[arg(long, value_name = "LANG")]
    pub to: Option<String>,
    /// Report format. Default: `format` in transcheck.yaml, else human.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with 1 when a finding is at or above this level. Default: error.
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Set a rule's level: RULE=error|warning|info|off (RULE may be `family.*`). Repeatable.
    #[arg(long = "rule", value_name = "RULE=LEVEL")]
    pub rules: Vec<String>,
    /// Name similarity threshold: jw=SCORE for name tokens of up to 6 letters
    /// (Jaro-Winkler, default 0.94), dl=SCORE for longer ones (normalized
    /// Damerau-Levenshtein, default 0.80). Higher is stricter. Repeatable.
    #[arg(long = "name-threshold", value_name = "jw|dl=SCORE")]
    pub name_thresholds: Vec<String>,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Configuration file. Default: transcheck.yaml in the current directory or a parent.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore transcheck.yaml files.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Leave out files matching this glob (relative to the source or target
    /// directory). Repeatable; adds to `exclude` in transcheck.yaml.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Check only pairs whose source or target changed since this git revision
    /// (committed, staged, unstaged or untracked).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Pairs checked in parallel. Default: one per core.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Write the report to this file instead of standard output (`-` is
    /// standard output). A regular file is replaced atomically; a device or
    /// FIFO is written to; links are followed. Default: `output` in
    /// transcheck.yaml when the format is the one configured there.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report only findings not recorded in this baseline file, and, as info,
    /// recorded findings that no longer occur.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file. The baseline
    /// configured in transcheck.yaml is then not applied: the report shows
    /// every finding, which is what gets recorded.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Write the report or baseline even over an input of this run or a
    /// read-only file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Settings after the configuration file and the command line are merged.
struct Settings {
    source: PathBuf,
    target: PathBuf,
    glossaries: Vec<Option<PathBuf>>,
    format: Format,
    fail_on: FailOn,
    rules: Vec<String>,
    output: Option<PathBuf>,
    baseline: Option<PathBuf>,
    jobs: Option<usize>,
}

/// Worker threads allowed per core: pairs are checked on the CPU, so more
/// than a few per core only costs memory and switching (`-j 65535` once
/// started 7,000 threads and did not finish).
const JOBS_PER_CORE: usize = 4;

/// `requested` worker threads, capped at [`JOBS_PER_CORE`] per core; the
/// note says so when it had to.
fn cap_jobs(requested: usize, cores: usize) -> (usize, Option<String>) {
    let cap = cores.max(1) * JOBS_PER_CORE;
    if requested <= cap {
        return (requested, None);
    }
    (
        cap,
        Some(format!(
            "{requested} parallel jobs requested; using {cap} ({JOBS_PER_CORE} per core on {} core{})",
            cores.max(1),
            if cores == 1 { "" } else { "s" }
        )),
    )
}

pub fn run(
    args: CheckArgs,
    env: Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    let started = Instant::now();
    let config = load_config(&args, env.no_config)?.unwrap_or_default();
    let mut settings = merge(&args, &config)?;
    settings.jobs = settings.jobs.map(|requested| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let (jobs, message) = cap_jobs(requested, cores);
        if let Some(message) = message {
            note(err, &message);
        }
        jobs
    });
    let glossary = load_glossaries(&settings.glossaries)?;
    let batch = settings.source.is_dir() && settings.target.is_dir();
    let from = args
        .from
        .clone()
        .or_else(|| config.from.clone())
        .or_else(|| language_from_path(&settings.source, &glossary.languages))
        .unwrap_or_else(|| "vi".to_string());
    let to = args
        .to
        .clone()
        .or_else(|| config.to.clone())
        .or_else(|| language_from_path(&settings.target, &glossary.languages))
        .unwrap_or_else(|| "en".to_string());
    if from == to {
        return Err(Error::Usage(format!(
            "source and target are both `{from}`; pass --from and --to"
        )));
    }
    let mut rule_config = RuleConfig::default();
    let rules = crate::checks::all_rules();
    for spec in &settings.rules {
        rule_config.set(spec, &rules).map_err(Error::Usage)?;
    }
    let mut thresholds = Thresholds::default();
    for spec in &args.name_thresholds {
        thresholds = thresholds.apply(spec).map_err(Error::Usage)?;
    }
    let checker = Checker::new(glossary, &from, &to, rule_config).with_name_thresholds(thresholds);
    let items = if batch {
        let mut pairing = Pairing::new(&from, &to);
        pairing.patterns = config.pairs.clone();
        let mut exclude = config.exclude.clone();
        exclude.extend(args.exclude.iter().cloned());
        plan(
            &settings.source,
            &settings.target,
            &pairing.exclude(&exclude)?,
        )?
    } else {
        vec![Planned::Pair {
            source: settings.source.clone(),
            target: settings.target.clone(),
        }]
    };
    let glossary_files: Vec<&Path> = settings
        .glossaries
        .iter()
        .flatten()
        .map(|p| p.as_path())
        .collect();
    let items = match &args.changed_since {
        Some(rev) => only_changed(items, rev, &glossary_files, &config, err)?,
        None => items,
    };
    let mut inputs: Vec<&Path> = vec![settings.source.as_path(), settings.target.as_path()];
    inputs.extend(items.iter().flat_map(|i| i.paths()));
    inputs.extend(glossary_files.iter().copied());
    if !config.path.as_os_str().is_empty() {
        inputs.push(config.path.as_path());
    }
    let (report_plan, baseline_plan) = plan_outputs(&args, &settings, inputs, err)?;
    // A progress bar only for a person watching: stderr on a terminal, not
    // in CI, and the report not piped somewhere (with --output it is not
    // on stdout at all).
    let show_progress = env.stderr_is_terminal
        && !env.ci
        && (env.stdout_is_terminal || settings.output.is_some())
        && items.len() > PROGRESS_MIN_PAIRS;
    // Only what the report will show is kept of each pair until the end.
    let retain = if settings.format == Format::Html
        || args.write_baseline.is_some()
        || settings.baseline.is_some()
    {
        Retain::All
    } else if matches!(settings.format, Format::Human | Format::Sarif) {
        Retain::FlaggedTexts
    } else {
        Retain::FindingsOnly
    };
    let (mut report, unreadable) =
        check_all(&checker, &items, settings.jobs, show_progress, retain)?;
    // A baseline without the unreadable pairs' findings would hide them.
    if args.write_baseline.is_some() && !unreadable.is_empty() {
        return Err(Error::Pairs(unreadable));
    }
    let mut outputs = Vec::new();
    let mut recorded = None;
    if let (Some(path), Some(plan)) = (&args.write_baseline, &baseline_plan) {
        let baseline = Baseline::of(&report, &directory_of(path));
        recorded = Some((baseline.findings.len(), path));
        outputs.push((plan, baseline.to_yaml().into_bytes()));
    }
    if let Some(path) = &settings.baseline {
        apply_baseline(path, &mut report, err)?;
    }
    // As docs/formats.md says: never into an --output file, never with
    // NO_COLOR; `always` only drops the terminal test (for pagers).
    let color = report_plan.destination == crate::fsutil::Destination::Stdout
        && !env.no_color
        && match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stdout_is_terminal,
        };
    let options = RenderOptions {
        color,
        elapsed: Some(started.elapsed()),
        fail_on: settings.fail_on,
    };
    let text = render(&report, settings.format, options);
    let outcome = if report
        .pairs
        .iter()
        .flat_map(|p| &p.findings)
        .any(|f| settings.fail_on.fails(f))
    {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    outputs.push((&report_plan, text.into_bytes()));
    write_outputs(outputs, out)?;
    if let Some((n, path)) = recorded {
        let s = if n == 1 { "" } else { "s" };
        note(
            err,
            &format!("recorded {n} finding{s} in {}", path.display()),
        );
    }
    if !unreadable.is_empty() {
        return Err(Error::Pairs(unreadable));
    }
    Ok(outcome)
}

/// Settles where the report and the baseline go before the work, so that a
/// path that would destroy one of `inputs` fails at once.
fn plan_outputs<'a>(
    args: &'a CheckArgs,
    settings: &'a Settings,
    mut inputs: Vec<&'a Path>,
    err: &mut dyn Write,
) -> Result<(OutputPlan, Option<OutputPlan>)> {
    let baseline_plan = match &args.write_baseline {
        Some(path) => Some(plan_output(path, &inputs, args.force, err)?),
        None => None,
    };
    // The report must not destroy the baseline it is filtered by either
    // (rewriting that baseline with --write-baseline is the refresh).
    if let Some(path) = &settings.baseline {
        inputs.push(path.as_path());
    }
    let report_plan = match &settings.output {
        Some(path) => plan_output(path, &inputs, args.force, err)?,
        None => crate::fsutil::plan_output(Path::new("-"), false).map_err(Error::Write)?,
    };
    if let Some(baseline_plan) = &baseline_plan {
        distinct_outputs(&report_plan, baseline_plan)?;
    }
    Ok((report_plan, baseline_plan))
}

/// Filters the report through the baseline at `path`. A baseline that does
/// not exist yet (a new project following the README's CI recipe) is an
/// empty one, every finding new, with a note on how to record one.
fn apply_baseline(path: &Path, report: &mut Report, err: &mut dyn Write) -> Result<()> {
    if std::fs::metadata(path).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        note(
            err,
            &format!(
                "baseline {} does not exist yet; every finding is new. Record the current ones with `transcheck check --write-baseline {}`",
                path.display(),
                path.display()
            ),
        );
        return Ok(());
    }
    Baseline::load(path)?.apply(report, &directory_of(path));
    Ok(())
}

fn load_config(args: &CheckArgs, no_discovery: bool) -> Result<Option<Config>> {
    if args.no_config {
        return Ok(None);
    }
    if let Some(path) = &args.config {
        return Config::load(path).map(Some);
    }
    if no_discovery {
        return Ok(None);
    }
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Usage(format!("cannot find the current directory: {e}")))?;
    Config::discover(&cwd)
        .map(|path| Config::load(&path))
        .transpose()
}

/// The command line wins over the configuration file.
fn merge(args: &CheckArgs, config: &Config) -> Result<Settings> {
    let missing = || {
        Error::Usage(
            "give SOURCE and TARGET (files or directories), or set `source` and `target` in transcheck.yaml"
                .to_string(),
        )
    };
    let source = args
        .source
        .clone()
        .or_else(|| config.source.clone())
        .ok_or_else(missing)?;
    let target = args
        .target
        .clone()
        .or_else(|| config.target.clone())
        .ok_or_else(missing)?;
    let glossaries = if args.glossaries.is_empty() {
        config.glossaries.clone()
    } else {
        args.glossaries
            .iter()
            .map(|g| (g != Path::new("default")).then(|| g.clone()))
            .collect()
    };
    // A rule level from the command line replaces every level the file sets
    // for the rules it names, even more specific ones (`--rule segment.*=off`
    // beats `segment.extra: info` in the file).
    let named = |spec: &str| {
        spec.split_once('=')
            .map_or(spec, |(r, _)| r)
            .trim()
            .to_string()
    };
    let mut rules: Vec<String> = config
        .rules
        .iter()
        .map(|(s, _)| s.clone())
        .filter(|spec| {
            !args
                .rules
                .iter()
                .any(|cli| covers(&named(cli), &named(spec)))
        })
        .collect();
    rules.extend(args.rules.iter().cloned());
    Ok(Settings {
        source,
        target,
        glossaries,
        format: args.format.or(config.format).unwrap_or(Format::Human),
        fail_on: args.fail_on.or(config.fail_on).unwrap_or_default(),
        rules,
        // `output:` is where the configured format's report goes: another
        // format chosen on the command line (`--format github` for
        // annotations in the log) goes to standard output unless -o says.
        output: args.output.clone().or_else(|| {
            let configured = config.format.unwrap_or(Format::Human);
            args.format
                .is_none_or(|f| f == configured)
                .then(|| config.output.clone())
                .flatten()
        }),
        // Writing a baseline records every finding: the configured one is
        // not applied then (an explicit --baseline still is).
        baseline: args.baseline.clone().or_else(|| {
            args.write_baseline
                .is_none()
                .then(|| config.baseline.clone())
                .flatten()
        }),
        jobs: args.jobs.map(usize::from).or(config.jobs),
    })
}

/// True when rule pattern `wide` addresses every rule `narrow` does:
/// `*` covers all, `term.*` covers `term.missing` and `term.*`.
fn covers(wide: &str, narrow: &str) -> bool {
    wide == "*"
        || wide == narrow
        || wide
            .strip_suffix(".*")
            .is_some_and(|family| narrow.split('.').next() == Some(family) && narrow != "*")
}

/// Glossaries in order (`None` is the embedded default); none at all means
/// the embedded default.
pub(crate) fn load_glossaries(list: &[Option<PathBuf>]) -> Result<Glossary> {
    if list.is_empty() {
        return Glossary::default_vi_en();
    }
    let mut merged = Glossary::default();
    for item in list {
        let glossary = match item {
            None => Glossary::default_vi_en()?,
            Some(path) => Glossary::load_files(std::slice::from_ref(path), &Limits::default())?,
        };
        merged.merge(glossary)?;
    }
    Ok(merged)
}

/// The pairs whose files changed since `rev`; every pair when a glossary
/// or the configuration changed, since either can change any pair's
/// findings.
fn only_changed(
    items: Vec<Planned>,
    rev: &str,
    glossaries: &[&Path],
    config: &Config,
    err: &mut dyn Write,
) -> Result<Vec<Planned>> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Usage(format!("cannot find the current directory: {e}")))?;
    let changed = changed_since(rev, &cwd)?;
    let is_changed = |p: &Path| p.canonicalize().is_ok_and(|c| changed.contains(&c));
    let rules_file = (!config.path.as_os_str().is_empty()).then_some(config.path.as_path());
    if let Some(file) = glossaries
        .iter()
        .copied()
        .chain(rules_file)
        .find(|p| is_changed(p))
    {
        note(
            err,
            &format!(
                "{} changed since {rev}; checking every pair",
                file.display()
            ),
        );
        return Ok(items);
    }
    Ok(items
        .into_iter()
        .filter(|item| {
            item.paths()
                .iter()
                .any(|p| p.canonicalize().is_ok_and(|c| changed.contains(&c)))
        })
        .collect())
}

/// Reads and checks every pair in parallel; the report keeps the order of
/// `items`, so the output does not depend on the number of threads.
fn check_all(
    checker: &Checker,
    items: &[Planned],
    jobs: Option<usize>,
    show_progress: bool,
    retain: Retain,
) -> Result<(Report, Vec<Error>)> {
    let progress = if show_progress {
        let bar = indicatif::ProgressBar::new(items.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} pairs {elapsed}")
                .expect("a valid progress template"),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let one = |item: &Planned| -> Result<(PairReport, PairSummaries)> {
        let checked = match item {
            Planned::Pair { source, target } => {
                let source = SourceText::read(source)?;
                let target = SourceText::read(target)?;
                let (mut report, summaries) = checker.check_pair(source, target);
                report.retain(retain, &summaries);
                (report, summaries)
            }
            Planned::Unpaired {
                side,
                path,
                duplicate_of,
            } => (
                unpaired(checker, *side, path, duplicate_of.as_deref()),
                PairSummaries::default(),
            ),
        };
        progress.inc(1);
        Ok(checked)
    };
    // One pair (the pre-commit hook's case) is checked on this thread:
    // starting workers would cost more than the check.
    let checked: Vec<Result<(PairReport, PairSummaries)>> = if items.len() <= 1 {
        items.iter().map(one).collect()
    } else {
        let mut pool = rayon::ThreadPoolBuilder::new();
        if let Some(n) = jobs {
            pool = pool.num_threads(n);
        }
        let pool = pool
            .build()
            .map_err(|e| Error::Usage(format!("cannot start worker threads: {e}")))?;
        pool.install(|| items.par_iter().map(one).collect())
    };
    progress.finish_and_clear();
    // In a batch, a pair that cannot be read (not UTF-8, too large) is
    // reported on its own and the others are still checked; a single pair
    // fails as a whole.
    let mut unreadable = Vec::new();
    let mut checked_pairs = Vec::new();
    for result in checked {
        match result {
            Ok(pair) => checked_pairs.push(pair),
            Err(e) if items.len() > 1 => unreadable.push(e),
            Err(e) => return Err(e),
        }
    }
    let (mut pairs, summaries): (Vec<PairReport>, Vec<PairSummaries>) =
        checked_pairs.into_iter().unzip();
    checker.finish_batch(&mut pairs, summaries);
    Ok((Report { pairs }, unreadable))
}

fn unpaired(checker: &Checker, side: Side, path: &Path, duplicate_of: Option<&Path>) -> PairReport {
    let shown = path.display().to_string();
    let message = match (side, duplicate_of) {
        (Side::Source, None) => "source file has no translation".to_string(),
        (Side::Target, None) => "translation has no source file".to_string(),
        (_, Some(first)) => format!(
            "pairs with the same counterpart as {}; only one file can",
            first.display()
        ),
    };
    let mut findings = vec![Finding::new(&UNPAIRED, message)];
    checker.configure(&mut findings);
    let (source, target) = match side {
        Side::Source => (shown, String::new()),
        Side::Target => (String::new(), shown),
    };
    PairReport::without_alignment(
        SourceText::new(source, String::new()),
        SourceText::new(target, String::new()),
        findings,
    )
}

/// The directory a file is in, `.` for a bare file name.
fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A language code from a file name: `x.vi.txt` → vi, `vi/x.txt` → vi. Only
/// codes the glossary declares (or vi/en) count, so `notes.old.txt` is not
/// taken for a language.
pub fn language_from_path(path: &Path, known: &[String]) -> Option<String> {
    let is_known = |s: &str| known.iter().any(|k| k == s) || s == "vi" || s == "en";
    if path.is_dir() {
        return path
            .canonicalize()
            .ok()?
            .file_name()?
            .to_str()
            .filter(|d| is_known(d))
            .map(str::to_string);
    }
    let stem = path.file_stem()?.to_str()?;
    if let Some((_, code)) = stem.rsplit_once('.') {
        if is_known(code) {
            return Some(code.to_string());
        }
    }
    path.ancestors()
        .skip(1)
        .filter_map(|p| p.file_name()?.to_str())
        .find(|dir| is_known(dir))
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_rules_cover_file_rules() {
        assert!(covers("*", "term.missing"));
        assert!(covers("term.*", "term.missing"));
        assert!(covers("term.*", "term.*"));
        assert!(!covers("term.*", "*"));
        assert!(!covers("term.missing", "term.*"));
        assert!(!covers("segment.*", "term.missing"));
    }

    #[test]
    fn jobs_are_capped_per_core() {
        for (requested, cores, expected, noted) in [
            (1, 2, 1, false),
            (8, 2, 8, false),
            (9, 2, 8, true),
            (65535, 2, 8, true),
            (100_000, 64, 256, true),
            (3, 0, 3, false),
            (5, 0, 4, true),
        ] {
            let (jobs, note) = cap_jobs(requested, cores);
            assert_eq!(
                (jobs, note.is_some()),
                (expected, noted),
                "{requested} on {cores}"
            );
        }
    }

    #[test]
    fn languages_from_paths() {
        let known = vec!["vi".to_string(), "en".to_string(), "fr".to_string()];
        for (path, lang) in [
            ("a.vi.txt", Some("vi")),
            ("dir/a.en.md", Some("en")),
            ("fr/2024/a.txt", Some("fr")),
            ("notes.old.txt", None),
            ("a.txt", None),
        ] {
            assert_eq!(
                language_from_path(Path::new(path), &known).as_deref(),
                lang,
                "{path}"
            );
        }
    }
}
