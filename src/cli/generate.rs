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

/// The man page of `transcheck`, or of a subcommand at any depth
/// (`transcheck man glossary lint` → `transcheck-glossary-lint`).
pub fn man(path: &[String], out: &mut dyn Write) -> Result<Outcome> {
    let mut page = Cli::command();
    let mut name = String::from("transcheck");
    for sub in path {
        let found = page.find_subcommand(sub).cloned().ok_or_else(|| {
            let names: Vec<&str> = page
                .get_subcommands()
                .map(|c| c.get_name())
                .filter(|n| *n != "help")
                .collect();
            Error::Usage(format!(
                "no subcommand `{sub}` of `{name}`; expected one of: {}",
                names.join(", ")
            ))
        })?;
        name = format!("{name}-{sub}");
        // Subcommands do not take -V: the version is in the page's title,
        // not offered as an option.
        page = found
            .name(name.clone())
            .version(env!("CARGO_PKG_VERSION"))
            .disable_version_flag(true);
    }
    let mut bytes = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut bytes)
        .map_err(Error::Write)?;
    bytes.extend_from_slice(EXIT_STATUS.as_bytes());
    write_output(out, &bytes)?;
    Ok(Outcome::Clean)
}

/// The exit codes, the same for every command (README "Exit codes").
const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
\fB0\fR
Success: nothing at or above the failure level.
.TP
\fB1\fR
Findings: \fBcheck\fR found something at or above \fB\-\-fail\-on\fR; \fBglossary lint\fR found errors; \fBglossary fmt \-\-check\fR found a file not in canonical form; \fBglossary add\fR refused the entry.
.TP
\fB2\fR
A usage error, an unreadable or invalid input (article, glossary, configuration, baseline) or a failed write; one line on standard error says which.
"#;
