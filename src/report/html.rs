//! A single self-contained HTML page: a summary at the top, filters by
//! severity and rule, and each pair side by side with its aligned
//! paragraphs, every finding highlighted in both texts (message and
//! suggestion on hover; a click ties a highlight to its entry in the list
//! below the pair). No network and no external assets: the style and the
//! script are inline and a Content-Security-Policy forbids everything else.
//!
//! Each text cell carries the line and column where it starts
//! (`data-line`, `data-col`) and shows the original text with line breaks
//! as `\n`, so a highlight's position can be recomputed from the page. The
//! empty translation cell of a dropped paragraph carries the position of
//! the gap where it belongs, and the highlight of its finding.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

use super::{plural, unquoted_suggestion, visible, Report};
use crate::checker::PairReport;
use crate::finding::{Anchor, Finding, Location, Severity};
use crate::input::SourceText;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

pub fn render(report: &Report) -> String {
    let summary = report.summary();
    let mut out = String::new();
    out.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>transcheck report</title>\n<style>\n",
    );
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<header>\n<h1>transcheck report</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} checked: <span class=\"sev-error\">{}</span>, <span class=\"sev-warning\">{}</span>, <span class=\"sev-info\">{}</span></p>",
        plural(summary.pairs, "pair"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.infos, "info")
    );
    let by_rule = report.counts_by_rule();
    if !by_rule.is_empty() {
        out.push_str("<table class=\"counts\">\n<thead><tr><th>rule</th><th>errors</th><th>warnings</th><th>infos</th></tr></thead>\n<tbody>\n");
        for (rule, [e, w, i]) in &by_rule {
            let _ = writeln!(
                out,
                "<tr><td><code>{rule}</code></td><td>{e}</td><td>{w}</td><td>{i}</td></tr>"
            );
        }
        out.push_str("</tbody>\n</table>\n");
        out.push_str("<form id=\"filters\">\n<fieldset><legend>severity</legend>\n");
        for severity in ["error", "warning", "info"] {
            let _ = writeln!(
                out,
                "<label><input type=\"checkbox\" data-severity=\"{severity}\" checked> {severity}</label>"
            );
        }
        out.push_str("</fieldset>\n<fieldset><legend>rule</legend>\n");
        for rule in by_rule.keys() {
            let _ = writeln!(
                out,
                "<label><input type=\"checkbox\" data-rule=\"{rule}\" checked> <code>{rule}</code></label>"
            );
        }
        out.push_str("</fieldset>\n</form>\n");
    }
    out.push_str("</header>\n<main>\n");
    let mut next_id = 0;
    for (index, pair) in report.pairs.iter().enumerate() {
        let ids: Vec<String> = (next_id..next_id + pair.findings.len())
            .map(|n| format!("f{n}"))
            .collect();
        next_id += pair.findings.len();
        render_pair(&mut out, index, pair, &ids);
    }
    out.push_str("</main>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn render_pair(out: &mut String, index: usize, pair: &PairReport, ids: &[String]) {
    let side_name = |path: &str| {
        if path.is_empty() {
            "<span class=\"none\">(none)</span>".to_string()
        } else {
            format!("<span class=\"path\">{}</span>", escape(path))
        }
    };
    let _ = writeln!(
        out,
        "<section class=\"pair\" id=\"pair-{index}\">\n<h2>{} → {}</h2>",
        side_name(&pair.source.path),
        side_name(&pair.target.path)
    );
    if !pair.blocks.is_empty() {
        out.push_str("<table class=\"aligned\">\n<thead><tr><th>source</th><th>translation</th></tr></thead>\n<tbody>\n");
        for block in &pair.blocks {
            out.push_str("<tr>");
            for (class, file, span, location_of) in [
                ("src", &pair.source, &block.source, source_of as Pick),
                ("tgt", &pair.target, &block.target, target_of),
            ] {
                match span {
                    Some(span) => cell(out, class, file, span.clone(), pair, ids, location_of),
                    None if class == "tgt" => gap_cell(out, block.source.as_ref(), pair, ids),
                    None => {
                        let _ = write!(out, "<td class=\"text {class} empty\"></td>");
                    }
                }
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if pair.findings.is_empty() {
        out.push_str("<p class=\"clean\">No findings.</p>\n");
    } else {
        out.push_str("<ol class=\"findings\">\n");
        for (finding, id) in pair.findings.iter().zip(ids) {
            finding_item(out, finding, id);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// Which span of a finding a text cell shows.
type Pick = fn(&Finding) -> Option<&Location>;

fn source_of(f: &Finding) -> Option<&Location> {
    f.source.as_ref()
}

fn target_of(f: &Finding) -> Option<&Location> {
    f.target.as_ref()
}

/// One side of an aligned block: its original text, cut at every finding
/// boundary, each piece inside a `<mark>` naming the findings that cover it.
fn cell(
    out: &mut String,
    class: &str,
    file: &SourceText,
    span: Range<usize>,
    pair: &PairReport,
    ids: &[String],
    location_of: Pick,
) {
    let covering: Vec<(Range<usize>, usize)> = pair
        .findings
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let l = location_of(f)?;
            let start = l.range.start.max(span.start);
            let end = l.range.end.min(span.end);
            (start < end).then_some((start..end, i))
        })
        .collect();
    let mut cuts: BTreeSet<usize> = [span.start, span.end].into();
    for (r, _) in &covering {
        cuts.insert(r.start);
        cuts.insert(r.end);
    }
    let at = file.position(span.start);
    let _ = write!(
        out,
        "<td class=\"text {class}\" data-line=\"{}\" data-col=\"{}\">",
        at.line, at.column
    );
    let cuts: Vec<usize> = cuts.into_iter().collect();
    for piece in cuts.windows(2) {
        let (a, b) = (piece[0], piece[1]);
        let text = display_text(&file.text, a..b);
        let here: Vec<usize> = covering
            .iter()
            .filter(|(r, _)| r.start <= a && b <= r.end)
            .map(|(_, i)| *i)
            .collect();
        if here.is_empty() {
            out.push_str(&escape(&text));
            continue;
        }
        // A clause or paragraph a finding only points into is drawn
        // lighter than text the finding is about.
        let approximate = class == "tgt"
            && here
                .iter()
                .all(|&i| pair.findings[i].target_anchor != Anchor::Span);
        let extra = if approximate { " approx" } else { "" };
        mark(out, pair, ids, &here, extra, &text);
    }
    out.push_str("</td>");
}

/// The empty translation cell of a dropped paragraph. The findings that
/// point at the gap where it belongs (their source lies in this block) are
/// highlighted in it, and the cell carries the gap's position.
fn gap_cell(out: &mut String, source: Option<&Range<usize>>, pair: &PairReport, ids: &[String]) {
    let here: Vec<usize> = pair
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.target_anchor == Anchor::Gap)
        .filter(|(_, f)| {
            let s = f.source.as_ref().map(|l| &l.range);
            s.zip(source)
                .is_some_and(|(s, block)| block.start <= s.start && s.end <= block.end)
        })
        .map(|(i, _)| i)
        .collect();
    let Some(at) = here.first().and_then(|&i| pair.findings[i].target.as_ref()) else {
        out.push_str("<td class=\"text tgt empty\"></td>");
        return;
    };
    let _ = write!(
        out,
        "<td class=\"text tgt empty\" data-line=\"{}\" data-col=\"{}\">",
        at.start.line, at.start.column
    );
    mark(out, pair, ids, &here, " gap", "");
    out.push_str("</td>");
}

/// A highlight of `text` for the findings `here` (indexes into the pair's).
fn mark(
    out: &mut String,
    pair: &PairReport,
    ids: &[String],
    here: &[usize],
    class: &str,
    text: &str,
) {
    let worst = here
        .iter()
        .map(|&i| pair.findings[i].severity)
        .max()
        .unwrap_or(Severity::Info);
    let title: Vec<String> = here.iter().map(|&i| tooltip(&pair.findings[i])).collect();
    let names: Vec<&str> = here.iter().map(|&i| ids[i].as_str()).collect();
    let _ = write!(
        out,
        "<mark class=\"sev-{}{class}\" data-f=\"{}\" title=\"{}\">{}</mark>",
        worst.as_str(),
        names.join(" "),
        escape(&title.join("\n")),
        escape(text)
    );
}

/// The original text of a range with CRLF and CR shown as LF.
fn display_text(text: &str, range: Range<usize>) -> String {
    let slice = &text[range.clone()];
    let next_is_lf = text[range.end..].starts_with('\n');
    let mut out = String::with_capacity(slice.len());
    let mut chars = slice.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') || (chars.peek().is_none() && next_is_lf) => {}
            '\r' => out.push('\n'),
            c => out.push(c),
        }
    }
    out
}

fn tooltip(f: &Finding) -> String {
    let mut s = format!("{}[{}]: {}", f.severity.as_str(), f.rule, f.message);
    if let Some(suggestion) = unquoted_suggestion(f) {
        let _ = write!(s, " — use \u{201C}{suggestion}\u{201D}");
    }
    s
}

fn finding_item(out: &mut String, f: &Finding, id: &str) {
    let severity = f.severity.as_str();
    let _ = write!(
        out,
        "<li class=\"finding sev-{severity}\" id=\"{id}\" data-rule=\"{}\" data-severity=\"{severity}\"><span class=\"badge\">{severity}</span> <code>{}</code> {}",
        f.rule,
        f.rule,
        escape(&f.message)
    );
    if let Some(s) = &f.suggestion {
        let _ = write!(out, " <span class=\"help\">use “{}”</span>", escape(s));
    }
    let mut places = Vec::new();
    if let Some(t) = &f.target {
        places.push(format!("translation {}:{}", t.start.line, t.start.column));
    }
    if let Some(s) = &f.source {
        places.push(format!("source {}:{}", s.start.line, s.start.column));
    }
    if !places.is_empty() {
        let _ = write!(out, " <span class=\"where\">{}</span>", places.join(" · "));
    }
    if let Some(note) = &f.note {
        let _ = write!(out, " <span class=\"note\">{}</span>", escape(note));
    }
    out.push_str("</li>\n");
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A line break quoted in a message: a reference, so that the
            // page holds no raw control character.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_shows_line_breaks() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(escape("a\rb"), "a&#13;b");
        let text = "a\r\nb\rc\r\nd";
        assert_eq!(display_text(text, 0..text.len()), "a\nb\nc\nd");
        // A cut between CR and LF still gives one line break.
        assert_eq!(display_text(text, 0..6), "a\nb\nc");
        assert_eq!(display_text(text, 6..text.len()), "\nd");
    }
}
