//! GitHub Actions workflow commands: one `::error`, `::warning` or
//! `::notice` annotation per finding, on the target span (else the source
//! span, else the whole file), then a plain summary line for the log.
//! Escaping follows GitHub's rules: `%`, CR and LF in the message; also `:`
//! and `,` in property values.

use super::{pair_path, plural, unquoted_suggestion, Report};
use crate::finding::{Finding, Location, Severity};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for pair in &report.pairs {
        for finding in &pair.findings {
            let (file, location) = match (&finding.target, &finding.source) {
                (Some(t), _) => (pair.target.path.as_str(), Some(t)),
                (None, Some(s)) => (pair.source.path.as_str(), Some(s)),
                (None, None) => (pair_path(pair), None),
            };
            out.push_str(&annotation(finding, file, location, &pair.source.path));
            out.push('\n');
        }
    }
    let summary = report.summary();
    out.push_str(&format!(
        "transcheck: {} checked: {}, {}, {}\n",
        plural(summary.pairs, "pair"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info")
    ));
    out
}

fn annotation(finding: &Finding, file: &str, at: Option<&Location>, source_path: &str) -> String {
    let command = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let mut properties = vec![format!("file={}", property(file))];
    if let Some(l) = at {
        properties.push(format!("line={}", l.start.line));
        properties.push(format!("col={}", l.start.column));
        properties.push(format!("endLine={}", l.end.line));
        properties.push(format!("endColumn={}", l.end.column));
    }
    properties.push(format!("title={}", property(finding.rule)));
    let mut message = finding.message.clone();
    if let Some(suggestion) = unquoted_suggestion(finding) {
        message.push_str(&format!("\nhelp: use \u{201C}{suggestion}\u{201D}"));
    }
    if let (Some(_), Some(s)) = (&finding.target, &finding.source) {
        message.push_str(&format!(
            "\nsource: {source_path}:{}:{} \u{201C}{}\u{201D}",
            s.start.line, s.start.column, s.text
        ));
    }
    if let Some(note) = &finding.note {
        message.push_str(&format!("\nnote: {note}"));
    }
    format!("::{command} {}::{}", properties.join(","), data(&message))
}

/// Escapes a message (the command's data).
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
    }
}
