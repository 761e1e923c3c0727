//! Markdown for pull-request comments: a heading with the totals, a table of
//! counts per rule, then a table of findings for each pair that has any.
//! Every piece of file text is escaped, so an article cannot inject markup.

use super::{plural, severity_index, unquoted_suggestion, Report};
use crate::finding::Location;

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
                span(f.target.as_ref()),
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

fn span(location: Option<&Location>) -> String {
    match location {
        Some(l) => format!("{}:{} “{}”", l.start.line, l.start.column, escape(&l.text)),
        None => String::new(),
    }
}

/// Escapes Markdown punctuation and table separators; line breaks become
/// spaces so a cell stays on one line.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
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
    }
}
