//! `transcheck glossary …`: maintenance commands for glossary files — lint,
//! fmt, add, suggest, stats, export and import (docs/glossary.md).
//!
//! Every command that changes a file holds the file's lock for the whole
//! read-modify-write cycle and replaces the file atomically, so nothing an
//! editor or another process wrote in the meantime is lost and a failure
//! leaves the old file intact.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand, ValueEnum};

use super::{plan_output, write_output, write_outputs, Outcome};
use crate::error::{Error, Result};
use crate::fsutil::FileLock;
use crate::glossary::edit::{add as add_entry, new_entry, Added};
use crate::glossary::exchange;
use crate::glossary::file::GlossaryFile;
use crate::glossary::fmt::{format as format_file, FmtOptions};
use crate::glossary::lint::Diagnostic;
use crate::glossary::lint::{lint_text, render_human, render_json, LintOptions};
use crate::glossary::{
    load_str, CaseMode, Entry, Glossary, Kind, Limits, DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME,
};

#[derive(Debug, Args)]
pub struct GlossaryArgs {
    #[command(subcommand)]
    pub command: GlossaryCommand,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Report what makes glossaries wrong or weak (exit 1 on errors).
    Lint(LintArgs),
    /// Rewrite glossaries into the canonical form, keeping every comment.
    Fmt(FmtArgs),
    /// Append an entry, refusing it if it conflicts with the glossary.
    Add(AddArgs),
    /// Propose entries mined from a source and its translation.
    Suggest(SuggestArgs),
    /// Count entries, forms and gaps per kind and language.
    Stats(StatsArgs),
    /// Write a glossary as CSV or TBX for CAT tools.
    Export(ExportArgs),
    /// Read a CSV or TBX file into a new glossary file.
    Import(ImportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Glossary files (`default` is the embedded vi-en glossary). Default:
    /// the embedded vi-en glossary.
    pub files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
    /// The source language, whose forms must not be shared by entries with
    /// different renderings. Default: the first in `languages`.
    #[arg(long, value_name = "LANG")]
    pub source: Option<String>,
}

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Glossary files to rewrite in place.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Change nothing; exit 1 if a file is not in canonical form.
    #[arg(long)]
    pub check: bool,
    /// Order entries by id within each group of entries (a run not broken
    /// by a blank line or a comment).
    #[arg(long)]
    pub sort: bool,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The glossary file to add to.
    pub file: PathBuf,
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long, value_parser = parse_kind, default_value = "term")]
    pub kind: Kind,
    /// A form: LANG=FORM. Repeat for more forms; the first of a language is preferred.
    #[arg(long = "lang", value_name = "LANG=FORM", value_parser = parse_form, required = true)]
    pub forms: Vec<(String, String)>,
    /// A forbidden rendering: LANG=FORM. Repeatable.
    #[arg(long = "forbidden", value_name = "LANG=FORM", value_parser = parse_form)]
    pub forbidden: Vec<(String, String)>,
    #[arg(long)]
    pub note: Option<String>,
    /// Override the kind's case rule.
    #[arg(long, value_enum)]
    pub case: Option<CaseArg>,
    /// Turn off near-miss detection for the entry.
    #[arg(long)]
    pub no_fuzzy: bool,
    /// The source language for the conflict check. Default: the first in `languages`.
    #[arg(long, value_name = "LANG")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CaseArg {
    Sensitive,
    Insensitive,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The source article.
    pub source: PathBuf,
    /// Its translation.
    pub target: PathBuf,
    /// Glossary file; repeat to merge several; `default` is the embedded vi-en
    /// glossary. Default: the embedded vi-en glossary.
    #[arg(short = 'g', long = "glossary", value_name = "GLOSSARY")]
    pub glossaries: Vec<PathBuf>,
    /// Source language code. Default: from the file name, else vi.
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
    /// Target language code. Default: from the file name, else en.
    #[arg(long, value_name = "LANG")]
    pub to: Option<String>,
    /// Only propose entries at least this confident (0 to 1).
    #[arg(long, default_value_t = 0.0, value_name = "CONFIDENCE", value_parser = parse_confidence)]
    pub min_confidence: f64,
    /// Append the proposals to this glossary file (after the same checks as `add`).
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The glossary file (`default` is the embedded vi-en glossary).
    /// Default: the embedded vi-en glossary.
    pub file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    Csv,
    Tbx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The glossary file (`default` is the embedded vi-en glossary).
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub to: ExchangeFormat,
    /// Write here instead of standard output (`-` is standard output; a
    /// regular file is replaced atomically, a device or FIFO written to).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write even over the glossary being exported or a read-only file.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// A .csv or .tbx file.
    pub file: PathBuf,
    /// The glossary file to create.
    #[arg(long, value_name = "FILE.yaml")]
    pub to: PathBuf,
    /// Read the input as this format instead of guessing from its extension.
    #[arg(long, value_enum)]
    pub from: Option<ExchangeFormat>,
    /// Replace the output file if it exists (its comments are lost).
    #[arg(long)]
    pub force: bool,
}

fn parse_kind(s: &str) -> std::result::Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        format!(
            "unknown kind `{s}`; expected one of person, place, organization, event, term, other"
        )
    })
}

/// A confidence: a number from 0 to 1, as the proposals carry.
fn parse_confidence(s: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("expected a number from 0 to 1, found `{s}`")),
    }
}

fn parse_form(s: &str) -> std::result::Result<(String, String), String> {
    match s.split_once('=') {
        Some((lang, form)) if !lang.trim().is_empty() && !form.trim().is_empty() => {
            match crate::normalize::only_invisible(form) {
                Some(hidden) => Err(format!(
                    "the `{}` form has only invisible characters ({}); write the visible text",
                    lang.trim(),
                    crate::normalize::code_points(&hidden)
                )),
                None => Ok((lang.trim().to_string(), form.to_string())),
            }
        }
        _ => Err(format!(
            "expected LANG=FORM with a non-empty form, found `{s}`"
        )),
    }
}

/// Groups LANG=FORM pairs by language, in first-seen order.
fn group_forms(pairs: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (lang, form) in pairs {
        match out.iter_mut().find(|(l, _)| l == lang) {
            Some((_, forms)) => forms.push(form.clone()),
            None => out.push((lang.clone(), vec![form.clone()])),
        }
    }
    out
}

pub fn run(args: GlossaryArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    match args.command {
        GlossaryCommand::Lint(a) => lint(a, out),
        GlossaryCommand::Fmt(a) => fmt(a, out),
        GlossaryCommand::Add(a) => add(a, out),
        GlossaryCommand::Suggest(a) => suggest(a, out),
        GlossaryCommand::Stats(a) => stats(a, out),
        GlossaryCommand::Export(a) => export(a, out, err),
        GlossaryCommand::Import(a) => import(a, out),
    }
}

/// `default` names the embedded glossary in every command, as in `check`.
fn is_default(path: &Path) -> bool {
    path == Path::new(DEFAULT_NAME)
}

const DEFAULT_NAME: &str = "default";

/// Commands that rewrite a glossary cannot rewrite the embedded one.
fn refuse_default(path: &Path) -> Result<()> {
    if is_default(path) {
        return Err(Error::Usage(
            "`default` is the embedded glossary, which cannot be changed; export it (`transcheck glossary export default --to csv`) or start a glossary file of your own".into(),
        ));
    }
    Ok(())
}

/// Writes a command's report for people: glossary forms, notes and file
/// names are quoted in it, and their control characters are shown as
/// symbols, not sent to the terminal. (JSON escapes its own; exports are
/// data and written as they are.)
fn write_text(out: &mut dyn Write, text: &str) -> Result<()> {
    write_output(out, crate::report::visible(text).as_bytes())
}

/// A glossary's (or an exchange file's) bytes, within the glossary file
/// size limit: a huge file is refused, not read whole.
fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    crate::input::read_limited(path, Limits::default().max_file_bytes, "a glossary")
}

/// Reads a glossary as text for reading only (any supported encoding).
fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bytes(path)?;
    crate::input::decode(&bytes).map_err(|message| Error::Decode {
        path: path.to_path_buf(),
        message,
    })
}

/// Reads a glossary that will be rewritten: UTF-8 only (what we write
/// back), with a byte-order mark kept as U+FEFF at the start of the text.
pub(crate) fn read_for_rewrite(path: &Path) -> Result<String> {
    let bytes = read_bytes(path)?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::Glossary {
            path: path.to_path_buf(),
            message:
                "the file is UTF-16; glossary commands rewrite UTF-8 files only (convert it first)"
                    .into(),
        });
    }
    let (bom, rest) = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => (true, rest),
        None => (false, bytes.as_slice()),
    };
    let text = crate::input::decode(rest).map_err(|message| Error::Decode {
        path: path.to_path_buf(),
        message,
    })?;
    Ok(if bom { format!("\u{FEFF}{text}") } else { text })
}

/// Parses a glossary's layout; a syntax error becomes a positioned error.
pub(crate) fn parse_layout(path: &Path, text: &str) -> Result<GlossaryFile> {
    GlossaryFile::parse(&path.display().to_string(), text).map_err(|e| Error::GlossaryAt {
        path: path.to_path_buf(),
        line: e.mark.line,
        column: e.mark.column,
        message: e.message,
    })
}

pub(crate) fn write_file(path: &Path, text: &str) -> Result<()> {
    super::write_file_atomically(path, text.as_bytes())
}

pub(crate) fn lock(path: &Path) -> Result<FileLock> {
    FileLock::acquire(path).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })
}

fn lint(args: LintArgs, out: &mut dyn Write) -> Result<Outcome> {
    let options = LintOptions {
        source: args.source,
    };
    let mut reports = Vec::new();
    if args.files.is_empty() {
        reports.push(lint_text(DEFAULT_GLOSSARY_NAME, DEFAULT_GLOSSARY, &options));
    }
    for path in &args.files {
        if is_default(path) {
            reports.push(lint_text(DEFAULT_GLOSSARY_NAME, DEFAULT_GLOSSARY, &options));
            continue;
        }
        let text = read_text(path)?;
        reports.push(lint_text(&path.display().to_string(), &text, &options));
    }
    let text = match args.format {
        LintFormat::Human => render_human(&reports),
        LintFormat::Json => render_json(&reports),
    };
    write_text(out, &text)?;
    Ok(if crate::glossary::lint::has_errors(&reports) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

fn fmt(args: FmtArgs, out: &mut dyn Write) -> Result<Outcome> {
    let options = FmtOptions { sort: args.sort };
    let mut report = String::new();
    let mut outcome = Outcome::Clean;
    for path in &args.files {
        refuse_default(path)?;
        let name = path.display().to_string();
        // --check only reads: no lock, so CI never waits on an editor.
        let _lock = if args.check { None } else { Some(lock(path)?) };
        let text = read_for_rewrite(path)?;
        let file = parse_layout(path, &text)?;
        let formatted = format_file(&file, options)?;
        if formatted.is_unchanged() {
            report.push_str(&format!("{name}: canonical\n"));
            continue;
        }
        if args.check {
            outcome = Outcome::Findings;
            for change in &formatted.changes {
                report.push_str(&format!(
                    "{name}:{}: {} is not in canonical form\n",
                    change.line, change.label
                ));
                for l in &change.old {
                    report.push_str(&format!("  -{l}\n"));
                }
                for l in &change.new {
                    report.push_str(&format!("  +{l}\n"));
                }
            }
            for label in &formatted.moved {
                report.push_str(&format!("{name}: {label} is out of order\n"));
            }
            report.push_str(&format!(
                "{name}: not canonical ({} entries to rewrite, {} to move); run `transcheck glossary fmt{} {name}`\n",
                formatted.changes.len(),
                formatted.moved.len(),
                if args.sort { " --sort" } else { "" }
            ));
        } else {
            write_file(path, &formatted.text)?;
            report.push_str(&format!(
                "{name}: formatted ({} entries rewritten, {} moved)\n",
                formatted.changes.len(),
                formatted.moved.len()
            ));
        }
    }
    write_text(out, &report)?;
    Ok(outcome)
}

/// Test hook for the concurrency test: hold the lock this many
/// milliseconds after reading the glossary, so that a second process
/// reliably tries to add at the same moment. Never set in normal use.
fn hold_for_tests() {
    if let Some(ms) = std::env::var_os("TRANSCHECK_TEST_HOLD_LOCK_MS")
        .and_then(|v| v.to_str().and_then(|s| s.parse::<u64>().ok()))
    {
        std::thread::sleep(std::time::Duration::from_millis(ms.min(10_000)));
    }
}

fn diagnostic_lines(path: &str, diagnostics: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in diagnostics {
        s.push_str(&format!(
            "{path}:{}:{}: {}[{}]: {}\n",
            d.line,
            d.column,
            d.severity.as_str(),
            d.code.as_str(),
            d.message
        ));
        if let Some(fix) = &d.fix {
            s.push_str(&format!("  = fix: {fix}\n"));
        }
    }
    s
}

/// Adds `entry` to the glossary at `path` under its lock. Returns the
/// report lines and whether it was added.
fn add_locked(path: &Path, entry: &Entry, options: &LintOptions) -> Result<(String, bool)> {
    let name = path.display().to_string();
    let _lock = lock(path)?;
    // A glossary that does not exist yet is started, declaring the entry's
    // languages in the order given; it is written only if the add succeeds.
    let missing = matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound);
    let text = if missing {
        new_glossary_text(entry)
    } else {
        read_for_rewrite(path)?
    };
    hold_for_tests();
    let file = parse_layout(path, &text)?;
    match add_entry(&file, entry, options)? {
        Added::Ok {
            text,
            line,
            label,
            warnings,
        } => {
            write_file(path, &text)?;
            let mut report = format!("{name}:{line}: added {label}\n");
            report.push_str(&diagnostic_lines(&name, &warnings));
            Ok((report, true))
        }
        Added::Refused { diagnostics } => {
            let mut report = diagnostic_lines(&name, &diagnostics);
            let what = entry
                .id
                .as_deref()
                .map(|id| format!("entry `{id}`"))
                .unwrap_or_else(|| "the entry".into());
            let undeclared = diagnostics.iter().all(|d| {
                d.code == crate::glossary::lint::Code::UndeclaredLanguage
                    || d.severity != crate::glossary::lint::Severity::Error
            });
            let why = if undeclared {
                "it uses a language the glossary does not declare (add it to `languages:` first)"
            } else {
                "it conflicts with the glossary (see above)"
            };
            report.push_str(&format!(
                "{name}: refused to add {what}: {why}; nothing was written\n"
            ));
            Ok((report, false))
        }
    }
}

/// The text of a new glossary for `entry`: its languages, forms first,
/// then those only forbidden, and no entries yet.
fn new_glossary_text(entry: &Entry) -> String {
    let mut languages: Vec<&str> = Vec::new();
    for (lang, _) in entry.forms.iter().chain(&entry.forbidden) {
        if !languages.contains(&lang.as_str()) {
            languages.push(lang);
        }
    }
    format!(
        "# Started by `transcheck glossary add`; format in docs/glossary.md.\nlanguages: [{}]\nentries:\n",
        languages.join(", ")
    )
}

fn add(args: AddArgs, out: &mut dyn Write) -> Result<Outcome> {
    let entry = new_entry(
        args.id
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        args.kind,
        group_forms(&args.forms),
        group_forms(&args.forbidden),
        args.note,
        args.case.map(|c| match c {
            CaseArg::Sensitive => CaseMode::Sensitive,
            CaseArg::Insensitive => CaseMode::Insensitive,
        }),
        !args.no_fuzzy,
    );
    let options = LintOptions {
        source: args.source,
    };
    refuse_default(&args.file)?;
    let (report, added) = add_locked(&args.file, &entry, &options)?;
    write_text(out, &report)?;
    Ok(if added {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

fn load_glossaries(paths: &[PathBuf]) -> Result<Glossary> {
    let list: Vec<Option<PathBuf>> = paths
        .iter()
        .map(|p| (!is_default(p)).then(|| p.clone()))
        .collect();
    super::check::load_glossaries(&list)
}

fn suggest(args: SuggestArgs, out: &mut dyn Write) -> Result<Outcome> {
    let glossary = load_glossaries(&args.glossaries)?;
    let from = args
        .from
        .clone()
        .or_else(|| super::language_from_path(&args.source, &glossary.languages))
        .unwrap_or_else(|| "vi".to_string());
    let to = args
        .to
        .clone()
        .or_else(|| super::language_from_path(&args.target, &glossary.languages))
        .unwrap_or_else(|| "en".to_string());
    if from == to {
        return Err(Error::Usage(format!(
            "source and target are both `{from}`; pass --from and --to"
        )));
    }
    let mut languages = glossary.languages.clone();
    for l in [&from, &to] {
        if !languages.contains(l) {
            languages.push(l.clone());
        }
    }
    let checker = crate::checker::Checker::new(glossary, &from, &to, Default::default());
    let source = crate::input::SourceText::read(&args.source)?;
    let target = crate::input::SourceText::read(&args.target)?;
    let mut found = crate::glossary::suggest::suggest(&checker, source, target);
    found
        .entries
        .retain(|s| s.confidence >= args.min_confidence);
    let mut text = crate::glossary::suggest::render(
        &found,
        &languages,
        &args.source.display().to_string(),
        &args.target.display().to_string(),
    );
    if let Some(path) = &args.write {
        refuse_default(path)?;
        let options = LintOptions {
            source: Some(from.clone()),
        };
        text.push('\n');
        for s in &found.entries {
            let (report, _) = add_locked(path, &s.entry, &options)?;
            text.push_str(&report);
        }
    }
    write_text(out, &text)?;
    Ok(Outcome::Clean)
}

fn load_one(path: &Path) -> Result<Glossary> {
    if is_default(path) {
        return Glossary::default_vi_en();
    }
    let text = read_text(path)?;
    load_str(&text, &path.display().to_string(), &Limits::default())
}

fn stats(args: StatsArgs, out: &mut dyn Write) -> Result<Outcome> {
    let (name, glossary) = match &args.file {
        Some(path) if !is_default(path) => (path.display().to_string(), load_one(path)?),
        _ => (
            DEFAULT_GLOSSARY_NAME.to_string(),
            Glossary::default_vi_en()?,
        ),
    };
    let stats = crate::glossary::stats::stats(&name, &glossary);
    let text = match args.format {
        LintFormat::Human => crate::glossary::stats::render_human(&stats),
        LintFormat::Json => crate::glossary::stats::render_json(&stats),
    };
    write_text(out, &text)?;
    Ok(Outcome::Clean)
}

fn export(args: ExportArgs, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome> {
    // Settled before the work: an output that is the glossary itself
    // (`export g.yaml -o g.yaml`) would destroy it.
    let plan = match &args.output {
        Some(path) => plan_output(path, &[args.file.as_path()], args.force, err)?,
        None => crate::fsutil::plan_output(Path::new("-"), false).map_err(Error::Write)?,
    };
    let glossary = load_one(&args.file)?;
    let name = if is_default(&args.file) {
        DEFAULT_GLOSSARY_NAME.to_string()
    } else {
        args.file.display().to_string()
    };
    let text = match args.to {
        ExchangeFormat::Csv => exchange::csv::export(&glossary)?,
        ExchangeFormat::Tbx => exchange::tbx::export(&glossary, &name)?,
    };
    write_outputs(vec![(&plan, text.into_bytes())], out)?;
    Ok(Outcome::Clean)
}

fn import(args: ImportArgs, out: &mut dyn Write) -> Result<Outcome> {
    let name = args.file.display().to_string();
    let format = match args.from {
        Some(f) => f,
        None => match args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("csv") => ExchangeFormat::Csv,
            Some("tbx" | "xml") => ExchangeFormat::Tbx,
            _ => {
                return Err(Error::Usage(format!(
                "{name}: cannot tell the format from the extension; pass --from csv or --from tbx"
            )))
            }
        },
    };
    let text = read_text(&args.file)?;
    let imported = match format {
        ExchangeFormat::Csv => exchange::csv::import(&text, &name)?,
        ExchangeFormat::Tbx => exchange::tbx::import(&text, &name)?,
    };
    // Nothing recognizable (an XML file that is not TBX, say) is the input's
    // problem: say so, instead of failing on the glossary it would make.
    if imported.languages.is_empty() {
        return Err(Error::Glossary {
            path: args.file.clone(),
            message: format!(
                "no terms in any language found; is it {}?",
                match format {
                    ExchangeFormat::Csv => "CSV with a header naming language columns",
                    ExchangeFormat::Tbx => "TBX, with langSet elements holding terms",
                }
            ),
        });
    }
    let yaml = exchange::to_yaml(&imported, &name);
    let to = args.to.display().to_string();
    // The result must load, or the import is refused before anything is
    // written.
    let glossary = load_str(&yaml, &to, &Limits::default())?;
    let _lock = lock(&args.to)?;
    if args.to.exists() && !args.force {
        return Err(Error::Usage(format!(
            "{to} exists; importing would replace it and lose its comments (pass --force to replace it)"
        )));
    }
    write_file(&args.to, &yaml)?;
    let mut report = format!(
        "{to}: imported {} entries in {} from {name}\n",
        glossary.entries.len(),
        glossary.languages.join(", ")
    );
    for line in &imported.dropped {
        report.push_str(&format!("{name}: not kept: {line}\n"));
    }
    write_text(out, &report)?;
    Ok(Outcome::Clean)
}
