//! `transcheck check SOURCE TARGET`: check one pair and print the report.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{write_output, Environment, Outcome};
use crate::checker::Checker;
use crate::error::{Error, Result};
use crate::finding::{RuleConfig, Severity};
use crate::glossary::{Glossary, Limits};
use crate::input::SourceText;
use crate::names::similarity::Thresholds;
use crate::report::{render, Format, RenderOptions, Report};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The source article (e.g. article.vi.txt).
    pub source: PathBuf,
    /// Its translation (e.g. article.en.txt).
    pub target: PathBuf,
    /// Glossary file; repeat to merge several. Default: the embedded vi-en glossary.
    #[arg(short = 'g', long = "glossary", value_name = "GLOSSARY")]
    pub glossaries: Vec<PathBuf>,
    /// Source language code. Default: from the file name (x.vi.txt, vi/x.txt), else vi.
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    /// Target language code. Default: from the file name, else en.
    #[arg(long, value_name = "LANG")]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Exit with 1 when a finding is at or above this level.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub fn run(args: CheckArgs, env: Environment, out: &mut dyn Write) -> Result<Outcome> {
    let glossary = if args.glossaries.is_empty() {
        Glossary::default_vi_en()?
    } else {
        Glossary::load_files(&args.glossaries, &Limits::default())?
    };
    let from = args
        .from
        .clone()
        .or_else(|| language_from_path(&args.source, &glossary.languages))
        .unwrap_or_else(|| "vi".to_string());
    let to = args
        .to
        .clone()
        .or_else(|| language_from_path(&args.target, &glossary.languages))
        .unwrap_or_else(|| "en".to_string());
    if from == to {
        return Err(Error::Usage(format!(
            "source and target are both `{from}`; pass --from and --to"
        )));
    }
    let mut config = RuleConfig::default();
    let rules = crate::checks::all_rules();
    for spec in &args.rules {
        config.set(spec, &rules).map_err(Error::Usage)?;
    }
    let mut thresholds = Thresholds::default();
    for spec in &args.name_thresholds {
        thresholds = thresholds.apply(spec).map_err(Error::Usage)?;
    }
    let checker = Checker::new(glossary, &from, &to, config).with_name_thresholds(thresholds);
    let source = SourceText::read(&args.source)?;
    let target = SourceText::read(&args.target)?;
    let report = Report {
        pairs: vec![checker.check(source, target)],
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => env.stdout_is_terminal && !env.no_color,
    };
    let text = render(&report, args.format, RenderOptions { color });
    let outcome = match args.fail_on {
        FailOn::Never => Outcome::Clean,
        FailOn::Error if report.has_at_least(Severity::Error) => Outcome::Findings,
        FailOn::Warning if report.has_at_least(Severity::Warning) => Outcome::Findings,
        _ => Outcome::Clean,
    };
    write_output(out, text.as_bytes())?;
    Ok(outcome)
}

/// A language code from a file name: `x.vi.txt` → vi, `vi/x.txt` → vi. Only
/// codes the glossary declares (or vi/en) count, so `notes.old.txt` is not
/// taken for a language.
pub fn language_from_path(path: &Path, known: &[String]) -> Option<String> {
    let is_known = |s: &str| known.iter().any(|k| k == s) || s == "vi" || s == "en";
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
