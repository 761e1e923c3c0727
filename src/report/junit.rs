//! JUnit XML (quick-junit) for GitLab, Jenkins and other CI test views: one
//! test suite, one test case per pair. A pair fails when it has a finding
//! at or above `--fail-on`; the failure lists every finding of the pair,
//! and a passing pair's lesser findings go to its system-out.

use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

use super::{pair_path, plural, unquoted_suggestion, RenderOptions, Report};
use crate::checker::PairReport;
use crate::finding::{Finding, Severity};

pub fn render(report: &Report, options: RenderOptions) -> String {
    let mut suite = TestSuite::new("transcheck");
    for pair in &report.pairs {
        suite.add_test_case(test_case(pair, options));
    }
    let mut junit = quick_junit::Report::new("transcheck");
    junit.add_test_suite(suite);
    let mut out = junit.to_string().expect("a JUnit report serializes");
    if !out.ends_with('\n') {
        out.push('\n');
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
    let mut case = TestCase::new(name, status);
    case.set_classname(pair_path(pair).to_string());
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
    format!(
        "{at}: {}[{}]: {}{help}",
        f.severity.as_str(),
        f.rule,
        f.message
    )
}
