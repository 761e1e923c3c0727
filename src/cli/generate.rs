//! `transcheck completions SHELL` and `transcheck man`: generated from the
//! clap definition, so they always match the options.

use std::io::Write;

use clap::CommandFactory;

use super::{write_output, Cli, Outcome};
use crate::error::{Error, Result};

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<Outcome> {
    let mut bytes = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "transcheck", &mut bytes);
    write_output(out, &bytes)?;
    Ok(Outcome::Clean)
}

/// The man page of `transcheck`, or of one subcommand (`transcheck-check`).
pub fn man(subcommand: Option<&str>, out: &mut dyn Write) -> Result<Outcome> {
    let command = Cli::command();
    let page = match subcommand {
        None => command,
        Some(name) => {
            let sub = command.find_subcommand(name).cloned().ok_or_else(|| {
                let names: Vec<&str> = command.get_subcommands().map(|c| c.get_name()).collect();
                Error::Usage(format!(
                    "no subcommand `{name}`; expected one of: {}",
                    names.join(", ")
                ))
            })?;
            sub.name(format!("transcheck-{name}"))
                .version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut bytes)
        .map_err(Error::Write)?;
    write_output(out, &bytes)?;
    Ok(Outcome::Clean)
}
