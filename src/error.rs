//! Typed errors of the library. The binary turns each into one line naming
//! the file and, where known, the position, and exits with code 2.

use std::path::PathBuf;

/// Everything that can stop a check before a complete report exists.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {}", read_problem(.source))]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Decode { path: PathBuf, message: String },
    /// A file beyond a size limit (documented in the README).
    #[error("{path}: {message}")]
    Limit { path: PathBuf, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    GlossaryAt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Glossary { path: PathBuf, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    ConfigAt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: {message}")]
    Baseline { path: PathBuf, message: String },
    #[error("{path}:{line}:{column}: {message}")]
    BaselineAt {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{0}")]
    Usage(String),
    /// Pairs of a batch that could not be read; the others were checked
    /// and reported. The binary prints one line for each.
    #[error("{} pair(s) could not be checked: {}", .0.len(), .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Pairs(Vec<Error>),
    #[error("cannot write output: {0}")]
    Write(#[source] std::io::Error),
    #[error("{path}: cannot write: {source}")]
    WriteFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong reading a path, in words: a directory where a file was
/// expected is said plainly rather than as the OS error "Is a directory".
fn read_problem(source: &std::io::Error) -> String {
    if source.kind() == std::io::ErrorKind::IsADirectory {
        "is a directory, not a file (`check` takes two files, or two directories to check every pair)".into()
    } else {
        format!("cannot read: {source}")
    }
}
