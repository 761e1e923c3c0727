//! The command line: argument definitions (clap) and the commands they run.
//! Commands write to the writers they are given and return an [`Outcome`];
//! `main` only maps errors to one line on stderr and exit code 2. One file
//! per command.

mod check;
mod generate;
mod glossary;

use std::io::Write;
use std::path::Path;

use clap::{Parser, Subcommand};

pub use check::{language_from_path, CheckArgs, ColorChoice, FailOn};

use crate::error::{Error, Result};
use crate::fsutil::{Destination, OutputPlan};

#[derive(Debug, Parser)]
#[command(
    name = "transcheck",
    version,
    about = "Checks a translated news article against its source and a glossary."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a source article against its translation, or every pair of two directories.
    Check(Box<CheckArgs>),
    /// Print a shell completion script (e.g. `transcheck completions bash > /etc/bash_completion.d/transcheck`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), e.g. `transcheck man > transcheck.1`, or a
    /// subcommand's (`transcheck man check > transcheck-check.1`,
    /// `transcheck man glossary lint`).
    Man {
        /// A subcommand and its subcommands, e.g. `check` or `glossary lint`.
        subcommand: Vec<String>,
    },
    /// Maintain glossary files: lint, fmt, add, suggest, stats, export, import.
    Glossary(glossary::GlossaryArgs),
}

/// How a command ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: nothing at or above the failure level.
    Clean,
    /// Exit 1: findings at or above the failure level.
    Findings,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
        }
    }
}

/// Facts about the process the library must not look up itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Environment {
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// NO_COLOR is set to a non-empty value.
    pub no_color: bool,
    /// CI is set to a non-empty value other than `false` or `0`: no
    /// progress bar in build logs.
    pub ci: bool,
    /// TRANSCHECK_NO_CONFIG is set to a non-empty value other than `false`
    /// or `0`: no transcheck.yaml is looked for (as `--no-config`; an
    /// explicit `--config` is still read). For scripts and tests that must
    /// not pick up a configuration from a parent directory.
    pub no_config: bool,
}

/// Runs a command: its output goes to `out` (standard output), notes for
/// the user (a capped `-j`, a hard link split by a report) to `err`.
pub fn run(
    cli: Cli,
    env: Environment,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome> {
    match cli.command {
        Command::Check(args) => check::run(*args, env, out, err),
        Command::Completions { shell } => generate::completions(shell, out),
        Command::Man { subcommand } => generate::man(&subcommand, out),
        Command::Glossary(args) => glossary::run(args, out, err),
    }
}

/// A note for the user on stderr, one line; a closed stderr is no error.
pub(crate) fn note(err: &mut dyn Write, message: &str) {
    let line = crate::report::visible(message).replace('\n', "\u{240A}");
    let _ = writeln!(err, "transcheck: note: {line}");
}

/// Writes a command's output; a reader that went away (`| head`) is not an
/// error.
pub(crate) fn write_output(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write(e)),
        _ => Ok(()),
    }
}

/// Examines an output path (`-o`, `--write-baseline`, `export -o`) before
/// any work is done, refusing one that is an input of the same run
/// (`inputs`) unless `force`. Its notes go to `err`.
pub(crate) fn plan_output(
    path: &Path,
    inputs: &[&Path],
    force: bool,
    err: &mut dyn Write,
) -> Result<OutputPlan> {
    let plan = crate::fsutil::plan_output(path, force).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })?;
    if let Some(existing) = &plan.existing {
        let input = inputs.iter().find(|input| {
            std::fs::metadata(input).is_ok_and(|m| crate::fsutil::same_file(&m, existing))
        });
        match input {
            Some(input) if !force => {
                let which = if *input == path {
                    String::new()
                } else {
                    format!(" (the same file as {})", input.display())
                };
                return Err(Error::Usage(format!(
                    "{}: is an input of this run{which}; writing there would destroy it (pass --force to overwrite it)",
                    path.display(),
                )));
            }
            Some(input) => note(
                err,
                &format!(
                    "overwriting {}, an input of this run (--force)",
                    input.display()
                ),
            ),
            None => {}
        }
    }
    for line in &plan.notes {
        note(err, line);
    }
    Ok(plan)
}

/// Refuses two outputs of one run that are the same file.
pub(crate) fn distinct_outputs(a: &OutputPlan, b: &OutputPlan) -> Result<()> {
    let same = match (&a.destination, &b.destination) {
        (Destination::Stdout, Destination::Stdout) => {
            return Err(Error::Usage(
                "the report and the baseline cannot both go to standard output; give -o FILE or another --write-baseline FILE".into(),
            ))
        }
        (Destination::Replace { target: x }, Destination::Replace { target: y }) => {
            x == y
                || matches!((&a.existing, &b.existing),
                    (Some(m), Some(n)) if crate::fsutil::same_file(m, n))
        }
        _ => false,
    };
    if same {
        return Err(Error::Usage(format!(
            "{} and {} are the same file; give the report and the baseline different files",
            a.path.display(),
            b.path.display()
        )));
    }
    Ok(())
}

/// Writes every output of a run: all are staged (temporary files written
/// and flushed) before any is committed, so a failure changes nothing.
pub(crate) fn write_outputs(
    outputs: Vec<(&OutputPlan, Vec<u8>)>,
    out: &mut dyn Write,
) -> Result<()> {
    let mut staged = Vec::new();
    for (plan, bytes) in outputs {
        staged.push(
            crate::fsutil::stage(plan, bytes).map_err(|source| Error::WriteFile {
                path: plan.path.clone(),
                source,
            })?,
        );
    }
    crate::fsutil::commit(staged, out).map_err(|(path, source)| {
        if path == Path::new("-") {
            Error::Write(source)
        } else {
            Error::WriteFile { path, source }
        }
    })
}

/// Writes a file so that readers see the old content or the new, never a
/// part: a temporary file beside it, flushed to disk, renamed over it. On
/// failure the old file is left as it was and the temporary file removed.
pub(crate) fn write_file_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::fsutil::atomic_write(path, bytes).map_err(|source| Error::WriteFile {
        path: path.to_path_buf(),
        source,
    })
}
