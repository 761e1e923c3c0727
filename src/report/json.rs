//! The JSON report (version 1, documented in docs/json.md). Positions are
//! 1-based; columns count Unicode scalar values; `end_line`/`end_column`
//! point just past the last character.

use serde::Serialize;

use super::{Report, Summary};
use crate::finding::{Finding, Location};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: u32,
    pairs: Vec<JsonPair<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonPair<'a> {
    source: &'a str,
    target: &'a str,
    findings: Vec<JsonFinding<'a>>,
}

#[derive(Serialize)]
pub(crate) struct JsonFinding<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    source: Option<JsonSpan<'a>>,
    target: Option<JsonSpan<'a>>,
    /// How the target span was found (see docs/json.md); null without one.
    target_anchor: Option<&'static str>,
    suggestion: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    text: &'a str,
}

impl<'a> From<&'a Location> for JsonSpan<'a> {
    fn from(l: &'a Location) -> Self {
        JsonSpan {
            line: l.start.line,
            column: l.start.column,
            end_line: l.end.line,
            end_column: l.end.column,
            text: &l.text,
        }
    }
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        JsonFinding {
            rule: f.rule,
            severity: f.severity.as_str(),
            message: &f.message,
            source: f.source.as_ref().map(JsonSpan::from),
            target: f.target.as_ref().map(JsonSpan::from),
            target_anchor: f.target.as_ref().map(|_| f.target_anchor.as_str()),
            suggestion: f.suggestion.as_deref(),
        }
    }
}

pub fn render(report: &Report) -> String {
    let json = JsonReport {
        version: 1,
        pairs: report
            .pairs
            .iter()
            .map(|p| JsonPair {
                source: &p.source.path,
                target: &p.target.path,
                findings: p.findings.iter().map(JsonFinding::from).collect(),
            })
            .collect(),
        summary: report.summary(),
    };
    let mut out = serde_json::to_string_pretty(&json).expect("report serializes");
    out.push('\n');
    out
}
