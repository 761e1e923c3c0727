//! Reports: the findings of every checked pair, and one emitter per output
//! format. Emitters return text; the binary decides where it goes.

pub mod human;
pub mod json;

use crate::checker::PairReport;
use crate::finding::Severity;

/// Everything one run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pairs: Vec<PairReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    pub pairs: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            pairs: self.pairs.len(),
            ..Summary::default()
        };
        for finding in self.pairs.iter().flat_map(|p| &p.findings) {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// True when some finding is at or above `level`.
    pub fn has_at_least(&self, level: Severity) -> bool {
        self.pairs
            .iter()
            .flat_map(|p| &p.findings)
            .any(|f| f.severity >= level)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics for people.
    Human,
    /// One JSON document (schema in docs/json.md).
    Json,
}

/// Options that affect how a report looks, not what it says.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
}

pub fn render(report: &Report, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, options),
        Format::Json => json::render(report),
    }
}

/// "1 error", "2 warnings".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
