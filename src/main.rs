//! The `transcheck` binary: parse arguments, run, map the outcome to an exit
//! code (0 clean, 1 findings at or above --fail-on, 2 usage/input error).

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use transcheck::cli::{run, Cli, Environment};

/// Checking allocates many small short-lived strings and vectors (words,
/// tokens, matches) on every thread; mimalloc's thread-local free lists
/// serve them at a fraction of glibc malloc's cost (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// An environment variable set to a non-empty value other than `false` or `0`.
fn flag(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let env = Environment {
        stdout_is_terminal: stdout.is_terminal(),
        stderr_is_terminal: std::io::stderr().is_terminal(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ci: flag("CI"),
        no_config: flag("TRANSCHECK_NO_CONFIG"),
    };
    match run(cli, env, &mut stdout.lock(), &mut std::io::stderr()) {
        Ok(outcome) => ExitCode::from(outcome.exit_code()),
        Err(transcheck::Error::Pairs(errors)) => {
            // Each pair of a batch that could not be read, on its own line.
            for error in &errors {
                print_error(error);
            }
            ExitCode::from(2)
        }
        Err(error) => {
            print_error(&error);
            ExitCode::from(2)
        }
    }
}

/// One line whatever a path or a file's text holds: no control character
/// reaches the terminal.
fn print_error(error: &transcheck::Error) {
    let message = transcheck::report::visible(&error.to_string())
        .replace('\r', "\u{240D}")
        .replace('\n', "\u{240A}");
    // Not eprintln!: it panics when stderr is a closed pipe.
    let _ = writeln!(std::io::stderr(), "transcheck: {message}");
}
