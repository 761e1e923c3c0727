//! JSON Lines: one finding per line, for streaming large batches into log
//! processors (`jq`, BigQuery, …). Each line is a finding of the JSON report
//! (docs/json.md) with the paths of its pair added; pairs with no findings
//! produce no line. Documented in docs/formats.md.

use serde::Serialize;

use super::json::JsonFinding;
use super::Report;

#[derive(Serialize)]
struct Line<'a> {
    source_file: &'a str,
    target_file: &'a str,
    #[serde(flatten)]
    finding: JsonFinding<'a>,
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for pair in &report.pairs {
        for finding in &pair.findings {
            let line = Line {
                source_file: &pair.source.path,
                target_file: &pair.target.path,
                finding: JsonFinding::from(finding),
            };
            out.push_str(&serde_json::to_string(&line).expect("a finding serializes"));
            out.push('\n');
        }
    }
    out
}
