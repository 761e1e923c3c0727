//! JUnit XML (quick-junit) for GitLab, Jenkins and other CI test views: one
//! test suite, one test case per pair. A pair fails when it has a finding
//! at or above `--fail-on`; the failure lists every finding of the pair,
//! and a passing pair's lesser findings go to its system-out.

use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

use super::{pair_path, plural, unquoted_suggestion, visible, RenderOptions, Report};
use crate::checker::PairReport;
use crate::finding::{Finding, Severity};

pub fn render(report: &Report, options: RenderOptions) -> String {
    let mut suite = TestSuite::new("transcheck");
    for pair in &report.pairs {
        suite.add_test_case(test_case(pair, options));
    }
    let mut junit = quick_junit::Report::new("transcheck");
    junit.add_test_suite(suite);
    let mut out =
        keep_whitespace_in_attributes(&junit.to_string().expect("a JUnit report serializes"));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// A private-use character standing for a tab in test case names.
const TAB_MARK: &str = "\u{E009}";

/// XML parsers turn a tab, newline or carriage return written raw in an
/// attribute into a space (attribute-value normalization), so a file name
/// with a tab would lose it: inside attribute values they are written as
/// character references. Element text keeps them raw, as parsers do.
fn keep_whitespace_in_attributes(xml: &str) -> String {
    let xml = xml.replace(TAB_MARK, "&#9;");
    let mut out = String::with_capacity(xml.len());
    let (mut in_tag, mut in_value) = (false, false);
    for c in xml.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag && !in_value => in_tag = false,
            '"' if in_tag => in_value = !in_value,
            '\t' | '\n' | '\r' if in_value => {
                out.push_str(&format!("&#{};", c as u32));
                continue;
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

fn test_case(pair: &PairReport, options: RenderOptions) -> TestCase {
    let failing = pair
        .findings
        .iter()
        .filter(|f| options.fail_on.fails(f))
        .count();
    let details: Vec<String> = pair.findings.iter().map(|f| line(f, pair)).collect();
    let status = if failing > 0 {
        let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
        let count = |s: Severity| pair.findings.iter().filter(|f| f.severity == s).count();
        status
            .set_message(format!(
                "{}, {}, {}",
                plural(count(Severity::Error), "error"),
                plural(count(Severity::Warning), "warning"),
                plural(count(Severity::Info), "info")
            ))
            .set_type(
                pair.findings
                    .iter()
                    .find(|f| options.fail_on.fails(f))
                    .map_or("", |f| f.rule),
            )
            .set_description(details.join("\n"));
        status
    } else {
        TestCaseStatus::success()
    };
    let name = match (pair.source.path.as_str(), pair.target.path.as_str()) {
        ("", target) => format!("(no source) → {target}"),
        (source, "") => format!("{source} → (no translation)"),
        (source, target) => format!("{source} → {target}"),
    };
    // quick-junit drops tabs: they travel as TAB_MARK and come back as
    // character references.
    let name = visible(&name).replace('\t', TAB_MARK);
    let mut case = TestCase::new(name, status);
    case.set_classname(visible(pair_path(pair)).replace('\t', TAB_MARK));
    if failing == 0 && !details.is_empty() {
        case.set_system_out(details.join("\n"));
    }
    case
}

/// `file:line:col: severity[rule]: message` with the suggestion.
fn line(f: &Finding, pair: &PairReport) -> String {
    let at = match (&f.target, &f.source) {
        (Some(l), _) => format!("{}:{}:{}", pair.target.path, l.start.line, l.start.column),
        (None, Some(l)) => format!("{}:{}:{}", pair.source.path, l.start.line, l.start.column),
        (None, None) => pair_path(pair).to_string(),
    };
    let help = unquoted_suggestion(f)
        .map(|s| format!(" (use \u{201C}{s}\u{201D})"))
        .unwrap_or_default();
    // quick-junit drops the control characters XML cannot hold; showing
    // them keeps the line as informative as the other formats.
    let text = format!(
        "{at}: {}[{}]: {}{help}",
        f.severity.as_str(),
        f.rule,
        f.message
    );
    visible(&text).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn attribute_whitespace_survives_parsing() {
        // Whitespace in attribute values becomes references; the same
        // characters in text, and quotes in text, are left alone.
        let cases = [
            ("<a n=\"x\ty\"/>", "<a n=\"x&#9;y\"/>"),
            ("<a n=\"x\ny\">x\ty\n</a>", "<a n=\"x&#10;y\">x\ty\n</a>"),
            ("<a>say \"x\ty\"</a>", "<a>say \"x\ty\"</a>"),
            (
                "<a n=\"p\" m=\"q\rr\">t</a>",
                "<a n=\"p\" m=\"q&#13;r\">t</a>",
            ),
            ("<a n=\"t\u{E009}b\"/>", "<a n=\"t&#9;b\"/>"),
        ];
        for (xml, want) in cases {
            assert_eq!(super::keep_whitespace_in_attributes(xml), want);
        }
    }
}
