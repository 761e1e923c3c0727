//! SARIF 2.1.0 (serde-sarif) for GitHub code scanning and other viewers:
//! one reporting descriptor per rule with its description and default
//! level, one result per finding pointing at the target span (the source
//! span is a related location), and a fix when there is a suggestion.
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as in
//! every transcheck format. Documented in docs/formats.md.

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Location as SarifLocation, Message,
    MultiformatMessageString, PhysicalLocation, Region, ReportingConfiguration,
    ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::{all_rules, unquoted_suggestion, Report};
use crate::checker::PairReport;
use crate::finding::{Finding, Location, Rule, Severity};
use crate::input::SourceText;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn render(report: &Report) -> String {
    let rules = all_rules();
    let results: Vec<SarifResult> = report
        .pairs
        .iter()
        .flat_map(|pair| pair.findings.iter().map(move |f| (pair, f)))
        .map(|(pair, f)| result(pair, f, &rules))
        .collect();
    let driver = ToolComponent::builder()
        .name("transcheck")
        .full_name(concat!("transcheck ", env!("CARGO_PKG_VERSION")))
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules.iter().map(descriptor).collect::<Vec<_>>())
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .results(results)
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&sarif).expect("SARIF serializes");
    out.push('\n');
    out
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

fn descriptor(rule: &Rule) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(rule.id)
        .name(pascal_case(rule.id))
        .short_description(text(rule.summary))
        .full_description(text(rule.summary))
        .help(text(format!(
            "{} Change its level with `--rule {}=error|warning|info|off` or under `rules:` in transcheck.yaml.",
            rule.summary, rule.id
        )))
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level(rule.default_severity)))
                .build(),
        )
        .build()
}

/// `term.missing` → `TermMissing`, the form SARIF viewers show as a name.
fn pascal_case(id: &str) -> String {
    id.split(['.', '_', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn result(pair: &PairReport, f: &Finding, rules: &[Rule]) -> SarifResult {
    let message = match unquoted_suggestion(f) {
        Some(s) => format!("{} Use \u{201C}{s}\u{201D}.", sentence(&f.message)),
        None => sentence(&f.message),
    };
    let primary = match (&f.target, &f.source) {
        (Some(t), _) => location(&pair.target, Some(t), None),
        (None, Some(s)) => location(&pair.source, Some(s), None),
        (None, None) if pair.target.path.is_empty() => location(&pair.source, None, None),
        (None, None) => location(&pair.target, None, None),
    };
    let mut result = SarifResult::builder()
        .rule_id(f.rule)
        .message(Message::builder().text(message).build())
        .level(match f.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
            Severity::Info => ResultLevel::Note,
        })
        .locations(vec![primary])
        .build();
    result.rule_index = rules.iter().position(|r| r.id == f.rule).map(|i| i as i64);
    if let (Some(_), Some(s)) = (&f.target, &f.source) {
        result.related_locations = Some(vec![location(&pair.source, Some(s), Some("source text"))]);
    }
    // Only the text at fault can be replaced, not the clause or paragraph
    // a finding merely points into.
    if let (Some(t), Some(suggestion)) = (f.exact_target(), &f.suggestion) {
        let replacement = serde_sarif::sarif::Replacement::builder()
            .deleted_region(region(t, false))
            .inserted_content(ArtifactContent::builder().text(suggestion.clone()).build())
            .build();
        result.fixes = Some(vec![Fix::builder()
            .description(
                Message::builder()
                    .text(format!("Replace with \u{201C}{suggestion}\u{201D}."))
                    .build(),
            )
            .artifact_changes(vec![ArtifactChange::builder()
                .artifact_location(artifact(&pair.target.path))
                .replacements(vec![replacement])
                .build()])
            .build()]);
    }
    result
}

/// SARIF messages are sentences: a final period, as its guidance asks.
fn sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation::builder().uri(uri(path)).build()
}

fn region(l: &Location, snippet: bool) -> Region {
    let mut region = Region::builder()
        .start_line(l.start.line as i64)
        .start_column(l.start.column as i64)
        .end_line(l.end.line as i64)
        .end_column(l.end.column as i64)
        .build();
    if snippet {
        region.snippet = Some(ArtifactContent::builder().text(l.text.clone()).build());
    }
    region
}

/// The whole lines a span touches (at most [`super::CONTEXT_CHARS`] on
/// each side of it), so viewers can show it in context.
fn context_region(file: &SourceText, l: &Location) -> Region {
    let around = super::context(file, l);
    let (start, end) = (file.position(around.start), file.position(around.end));
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .snippet(
            ArtifactContent::builder()
                .text(file.slice(around).to_string())
                .build(),
        )
        .build()
}

fn location(file: &SourceText, span: Option<&Location>, message: Option<&str>) -> SarifLocation {
    let mut physical = PhysicalLocation::builder()
        .artifact_location(artifact(&file.path))
        .build();
    // A finding about a whole file (an unpaired file) points at its first
    // line: viewers, GitHub among them, need a region to show a result.
    physical.region = Some(match span {
        Some(l) => region(l, true),
        None => Region::builder().start_line(1).build(),
    });
    // A context region must be strictly larger than the region.
    physical.context_region = span
        .map(|l| (l, context_region(file, l)))
        .filter(|(l, c)| {
            (c.start_line, c.start_column, c.end_line, c.end_column)
                != (
                    Some(l.start.line as i64),
                    Some(l.start.column as i64),
                    Some(l.end.line as i64),
                    Some(l.end.column as i64),
                )
        })
        .map(|(_, c)| c);
    let mut location = SarifLocation::builder().physical_location(physical).build();
    if let Some(m) = message {
        location.id = Some(0);
        location.message = Some(Message::builder().text(m).build());
    }
    location
}

/// The URI of a path: a relative reference for a relative path, a
/// `file://` URI for an absolute one (a relative reference may not begin
/// with a slash, SARIF1004); `/`-separated, with everything but unreserved
/// characters and `/` percent-encoded (UTF-8).
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let bytes = path.as_bytes();
    let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
    if drive {
        // `C:/x` → `file:///C:/x`: the drive's colon is kept.
        return format!("file:///{}:{}", &path[..1], percent_encode(&path[2..]));
    }
    if path.starts_with('/') {
        // `//server/share` stays a UNC authority, `/x` gets an empty one.
        let prefix = if path.starts_with("//") {
            "file:"
        } else {
            "file://"
        };
        return format!("{prefix}{}", percent_encode(&path));
    }
    percent_encode(&path)
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_and_names() {
        // Absolute paths beside relative look-alikes.
        let cases = [
            (
                "news/bài viết.vi.txt",
                "news/b%C3%A0i%20vi%E1%BA%BFt.vi.txt",
            ),
            (
                "/news/bài viết.vi.txt",
                "file:///news/b%C3%A0i%20vi%E1%BA%BFt.vi.txt",
            ),
            ("./a:b.txt", "./a%3Ab.txt"),
            ("/tmp/a:b.txt", "file:///tmp/a%3Ab.txt"),
            ("C:\\work\\a.txt", "file:///C:/work/a.txt"),
            ("work\\a.txt", "work/a.txt"),
            ("//server/share/a.txt", "file://server/share/a.txt"),
        ];
        for (path, want) in cases {
            assert_eq!(uri(path), want, "{path}");
        }
        assert_eq!(pascal_case("segment.unpaired"), "SegmentUnpaired");
        assert_eq!(sentence("no translation"), "no translation.");
    }
}
