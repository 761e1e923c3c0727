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
}

pub fn run(cli: Cli, env: Environment, out: &mut dyn Write) -> Result<Outcome> {
    match cli.command {
        Command::Check(args) => check::run(*args, env, out),
        Command::Completions { shell } => generate::completions(shell, out),
        Command::Man { subcommand } => generate::man(&subcommand, out),
        Command::Glossary(args) => glossary::run(args, out),
    }
}

/// Writes a command's output; a reader that went away (`| head`) is not an
/// error.
pub(crate) fn write_output(out: &mut dyn Write, bytes: &[u8]) -> Result<()> {
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Write(e)),
        _ => Ok(()),
    }
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
