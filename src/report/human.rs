//! Human-readable report: rustc-style diagnostics with the target line and a
//! caret under the span, the source line beside it, the suggestion, and a
//! summary line.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use super::{pair_path, plural, visible, visible_name, RenderOptions, Report};
use crate::checker::PairReport;
use crate::finding::{Anchor, Finding, Location, Severity};
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
            let rendered = align_bare_origin(&renderer.render(&[diagnostic(finding, pair)]));
            // A cut line's snippet follows an explicit origin, and the
            // renderer leaves an empty `:::` marker for it: drop it (a line
            // of the file is always numbered, so it cannot be one).
            if rendered.lines().any(|l| l.trim() == ":::") {
                for line in rendered.lines().filter(|l| l.trim() != ":::") {
                    out.push_str(line);
                    out.push('\n');
                }
                out.pop();
            } else {
                out.push_str(&rendered);
            }
            out.push_str("\n\n");
        }
    }
    out.push_str(&summary(report, options));
    // The renderer shows C0 controls and bidi overrides of source lines as
    // symbols, but passes C1 controls (U+0080–U+009F, which some terminals
    // obey) through; none is ever transcheck's own.
    let c1 = |c: char| ('\u{80}'..='\u{9F}').contains(&c);
    if out.contains(c1) {
        out = out.replace(c1, "\u{FFFD}");
    }
    out
}

/// The renderer starts the `-->` of a finding with no snippet (an unpaired
/// file) at column 0, one left of every other finding's ` --> `: indent it
/// alike (after any colour codes).
fn align_bare_origin(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + 1);
    for (i, line) in rendered.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if strip_ansi(line).starts_with("--> ") {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `line` without its leading ANSI colour sequences.
fn strip_ansi(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix("\u{1b}[") {
        match rest.find('m') {
            Some(end) => line = &rest[end + 1..],
            None => break,
        }
    }
    line
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
        .primary_title(visible(&finding.message))
        .id(finding.rule);
    let mut elements: Vec<annotate_snippets::Element<'a>> = Vec::new();
    if let Some(t) = &finding.target {
        let label = match finding.target_anchor {
            Anchor::Span => "translation",
            Anchor::Clause => "translation: most likely here",
            Anchor::Paragraph => "translation: in this paragraph",
            Anchor::Gap => "translation: missing here",
        };
        elements.extend(snippet(target, t, AnnotationKind::Primary, label));
    }
    if let Some(s) = &finding.source {
        let kind = if finding.target.is_some() {
            AnnotationKind::Context
        } else {
            AnnotationKind::Primary
        };
        elements.extend(snippet(source, s, kind, "source"));
    }
    if finding.source.is_none() && finding.target.is_none() {
        elements.push(Origin::path(visible_name(pair_path(pair))).into());
    }
    if let Some(suggestion) = &finding.suggestion {
        elements.push(
            Level::HELP
                .message(format!("use \u{201C}{}\u{201D}", visible(suggestion)))
                .into(),
        );
    }
    if let Some(note) = &finding.note {
        elements.push(Level::NOTE.message(visible(note)).into());
    }
    Group::with_title(title).elements(elements)
}

/// The whole lines a location touches, annotated at the location. A long
/// line is cut to [`super::CONTEXT_CHARS`] characters around the location,
/// marked with `…`, and its position then given explicitly (the renderer
/// would count columns from the cut).
fn snippet<'a>(
    file: &'a SourceText,
    location: &Location,
    kind: AnnotationKind,
    label: &'a str,
) -> Vec<annotate_snippets::Element<'a>> {
    let first = file.lines.line_range(&file.text, location.start.line);
    let last = file
        .lines
        .line_range(&file.text, location.end.line.max(location.start.line));
    let lines = first.start..last.end.max(first.start);
    let around = super::context(file, location);
    let start = location.range.start.clamp(around.start, around.end) - around.start;
    let end = location.range.end.clamp(around.start, around.end) - around.start;
    if around == lines {
        let snippet = Snippet::source(&file.text[lines])
            .line_start(location.start.line)
            .path(visible_name(&file.path))
            .fold(false)
            .annotation(kind.span(start..end.max(start)).label(label));
        return vec![snippet.into()];
    }
    let (before, after) = (
        if around.start > lines.start {
            "…"
        } else {
            ""
        },
        if around.end < lines.end { "…" } else { "" },
    );
    let source = format!("{before}{}{after}", &file.text[around.clone()]);
    let shift = before.len();
    let snippet = Snippet::source(source)
        .line_start(file.position(around.start).line)
        .fold(false)
        .annotation(
            kind.span(start + shift..end.max(start) + shift)
                .label(label),
        );
    vec![
        Origin::path(visible_name(&file.path))
            .line(location.start.line)
            .char_column(location.start.column)
            .into(),
        snippet.into(),
    ]
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
