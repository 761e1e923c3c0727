//! Markdown for pull-request comments: a heading with the totals, a table of
//! counts per rule, then a table of findings for each pair that has any.
//! Every piece of file text is escaped, so an article cannot inject markup.

use super::{plural, severity_index, unquoted_suggestion, visible, Report};
use crate::finding::{Anchor, Finding, Location};

pub fn render(report: &Report) -> String {
    let summary = report.summary();
    let mut out = format!(
        "## transcheck: {} checked, {}, {}, {}\n\n",
        plural(summary.pairs, "pair"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info")
    );
    let by_rule = report.counts_by_rule();
    if by_rule.is_empty() {
        out.push_str("No findings.\n");
        return out;
    }
    out.push_str("| rule | errors | warnings | infos |\n| --- | ---: | ---: | ---: |\n");
    for (rule, [e, w, i]) in &by_rule {
        out.push_str(&format!("| `{rule}` | {e} | {w} | {i} |\n"));
    }
    out.push_str(&format!(
        "| **total** | **{}** | **{}** | **{}** |\n",
        summary.errors, summary.warnings, summary.infos
    ));
    let mut clean = 0;
    for pair in &report.pairs {
        if pair.findings.is_empty() {
            clean += 1;
            continue;
        }
        let side = |path: &str| {
            if path.is_empty() {
                "(none)".to_string()
            } else {
                escape(path)
            }
        };
        out.push_str(&format!(
            "\n### {} → {}\n\n| severity | rule | translation | source | message |\n| --- | --- | --- | --- | --- |\n",
            side(&pair.source.path),
            side(&pair.target.path)
        ));
        let mut findings: Vec<_> = pair.findings.iter().collect();
        // Most severe first within a pair; the report order otherwise.
        findings.sort_by_key(|f| severity_index(f.severity));
        for f in findings {
            let mut message = escape(&f.message);
            if let Some(s) = unquoted_suggestion(f) {
                message.push_str(&format!(" — use “{}”", escape(s)));
            }
            out.push_str(&format!(
                "| {} | `{}` | {} | {} | {} |\n",
                f.severity.as_str(),
                f.rule,
                target_span(f),
                span(f.source.as_ref()),
                message
            ));
        }
    }
    if clean > 0 {
        out.push_str(&format!("\n{} without findings.\n", plural(clean, "pair")));
    }
    out
}

/// The target span; a clause, paragraph or gap a finding only points into
/// is named as such, and a paragraph is not quoted whole.
fn target_span(f: &Finding) -> String {
    let Some(l) = &f.target else {
        return String::new();
    };
    match f.target_anchor {
        Anchor::Span => span(Some(l)),
        Anchor::Clause => format!("{} (clause)", span(Some(l))),
        Anchor::Paragraph => format!("{}:{} (paragraph)", l.start.line, l.start.column),
        Anchor::Gap => format!("{}:{} (missing here)", l.start.line, l.start.column),
    }
}

fn span(location: Option<&Location>) -> String {
    match location {
        Some(l) => format!("{}:{} {}", l.start.line, l.start.column, code(&l.text)),
        None => String::new(),
    }
}

/// Quoted file text as a code span: inside one, GitHub renders no markup,
/// HTML, link, autolink, @mention, issue reference or emoji, so a quote is
/// shown exactly as written. The fence is longer than any backtick run in
/// the text; pipes are escaped (GFM splits table cells before it sees code
/// spans) and line breaks become spaces so the cell stays on one line.
fn code(s: &str) -> String {
    if s.is_empty() {
        return "\u{201C}\u{201D}".to_string();
    }
    let text: String = visible(s)
        .chars()
        .map(|c| if matches!(c, '\r' | '\n') { ' ' } else { c })
        .collect::<String>()
        .replace('|', "\\|");
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // CommonMark strips one space on each side when both are there; pad so
    // that the text keeps its own and a backtick at an edge stays inside.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty());
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes Markdown punctuation and table separators; line breaks become
/// spaces so a cell stays on one line, and `@` is followed by a word
/// joiner so that a quoted handle (“@team”) notifies no one.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s).chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{2060}"),
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_pipes() {
        assert_eq!(
            escape("a|b *c* <script>\nd"),
            "a\\|b \\*c\\* \\<script\\> d"
        );
        assert_eq!(escape("ping @team $x$"), "ping @\u{2060}team \\$x\\$");
    }

    #[test]
    fn quotes_file_text_as_code() {
        assert_eq!(code("Hà Nội"), "`Hà Nội`");
        assert_eq!(code("a|b\nc"), "`a\\|b c`");
        assert_eq!(code("x `y` z"), "``x `y` z``");
        assert_eq!(code("`a``"), "``` `a`` ```");
        assert_eq!(code(" a "), "`  a  `");
        assert_eq!(code(""), "\u{201C}\u{201D}");
    }
}
