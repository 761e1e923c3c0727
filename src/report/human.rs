//! Human-readable report: rustc-style diagnostics with the target line and a
//! caret under the span, the source line beside it, the suggestion, and a
//! summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{pair_path, plural, RenderOptions, Report};
use crate::checker::PairReport;
use crate::finding::{Finding, Location, Severity};
use crate::input::SourceText;

pub fn render(report: &Report, options: RenderOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for pair in &report.pairs {
        for finding in &pair.findings {
            out.push_str(&renderer.render(&[diagnostic(finding, pair)]));
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(report, options));
    out
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

fn diagnostic<'a>(finding: &'a Finding, pair: &'a PairReport) -> Group<'a> {
    let (source, target) = (&pair.source, &pair.target);
    let title = level(finding.severity)
        .primary_title(&finding.message)
        .id(finding.rule);
    let mut elements: Vec<annotate_snippets::Element<'a>> = Vec::new();
    if let Some(t) = &finding.target {
        elements.push(snippet(target, t, AnnotationKind::Primary, "translation").into());
    }
    if let Some(s) = &finding.source {
        let kind = if finding.target.is_some() {
            AnnotationKind::Context
        } else {
            AnnotationKind::Primary
        };
        elements.push(snippet(source, s, kind, "source").into());
    }
    if finding.target.is_none() {
        if let Some(block) = finding.target_block.as_ref().filter(|b| !b.is_empty()) {
            let at = target.position(block.start);
            elements.push(
                Level::NOTE
                    .message(format!(
                        "in the translation of this paragraph, {}:{}",
                        target.path, at.line
                    ))
                    .into(),
            );
        }
    }
    if finding.source.is_none() && finding.target.is_none() {
        elements.push(Origin::path(pair_path(pair)).into());
    }
    if let Some(suggestion) = &finding.suggestion {
        elements.push(
            Level::HELP
                .message(format!("use \u{201C}{suggestion}\u{201D}"))
                .into(),
        );
    }
    if let Some(note) = &finding.note {
        elements.push(Level::NOTE.message(note.as_str()).into());
    }
    Group::with_title(title).elements(elements)
}

/// The whole lines a location touches, annotated at the location.
fn snippet<'a>(
    file: &'a SourceText,
    location: &Location,
    kind: AnnotationKind,
    label: &'a str,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let first = file.lines.line_range(&file.text, location.start.line);
    let last = file
        .lines
        .line_range(&file.text, location.end.line.max(location.start.line));
    let lines = first.start..last.end.max(first.start);
    let start = location.range.start.clamp(lines.start, lines.end) - lines.start;
    let end = location.range.end.clamp(lines.start, lines.end) - lines.start;
    Snippet::source(&file.text[lines])
        .line_start(location.start.line)
        .path(file.path.as_str())
        .fold(false)
        .annotation(kind.span(start..end.max(start)).label(label))
}

/// The summary: pairs, time taken and findings per severity on one line,
/// then one line per rule with its counts.
fn summary(report: &Report, options: RenderOptions) -> String {
    let summary = report.summary();
    let pairs = plural(summary.pairs, "pair");
    let time = options
        .elapsed
        .map(|d| format!(" in {:.2}s", d.as_secs_f64()))
        .unwrap_or_default();
    if summary.errors + summary.warnings + summary.infos == 0 {
        return format!("summary: {pairs} checked{time}, no findings\n");
    }
    let mut out = format!(
        "summary: {pairs} checked{time}: {}, {}, {}\n",
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info")
    );
    let by_rule = report.counts_by_rule();
    let width = by_rule.keys().map(|r| r.len()).max().unwrap_or(0);
    for (rule, counts) in by_rule {
        let counts: Vec<String> = counts
            .iter()
            .zip(["error", "warning", "info"])
            .filter(|(n, _)| **n > 0)
            .map(|(n, word)| plural(*n, word))
            .collect();
        out.push_str(&format!("  {rule:<width$}  {}\n", counts.join(", ")));
    }
    out
}
