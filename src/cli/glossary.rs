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

use super::{write_output, Outcome};
use crate::error::{Error, Result};
use crate::fsutil::{atomic_write, FileLock};
use crate::glossary::file::GlossaryFile;
use crate::glossary::fmt::{format as format_file, FmtOptions};
use crate::glossary::lint::{lint_text, render_human, render_json, LintOptions};
use crate::glossary::{DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// Glossary files. Default: the embedded vi-en glossary.
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

pub fn run(args: GlossaryArgs, out: &mut dyn Write) -> Result<Outcome> {
    match args.command {
        GlossaryCommand::Lint(a) => lint(a, out),
        GlossaryCommand::Fmt(a) => fmt(a, out),
    }
}

/// Reads a glossary as text for reading only (any supported encoding).
fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    crate::input::decode(&bytes).map_err(|message| Error::Decode {
        path: path.to_path_buf(),
        message,
    })
}

/// Reads a glossary that will be rewritten: UTF-8 only (what we write
/// back), with a byte-order mark kept as U+FEFF at the start of the text.
pub(crate) fn read_for_rewrite(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
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
    atomic_write(path, text.as_bytes()).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })
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
        let text = read_text(path)?;
        reports.push(lint_text(&path.display().to_string(), &text, &options));
    }
    let text = match args.format {
        LintFormat::Human => render_human(&reports),
        LintFormat::Json => render_json(&reports),
    };
    write_output(out, text.as_bytes())?;
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
    write_output(out, report.as_bytes())?;
    Ok(outcome)
}
