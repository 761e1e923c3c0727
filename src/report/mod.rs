//! Reports: the findings of every checked pair, and one emitter per output
//! format. Emitters return text; the binary decides where it goes.

pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod sarif;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;
use std::time::Duration;

use crate::checker::PairReport;
use crate::finding::{Finding, Location, Rule, Severity};
use crate::input::SourceText;

/// Everything one run found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pairs: Vec<PairReport>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Summary {
    pub pairs: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report {
    pub fn summary(&self) -> Summary {
        let mut summary = Summary {
            pairs: self.pairs.len(),
            ..Summary::default()
        };
        for finding in self.pairs.iter().flat_map(|p| &p.findings) {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// Findings per rule id: `[errors, warnings, infos]`, by rule id.
    pub fn counts_by_rule(&self) -> BTreeMap<&'static str, [usize; 3]> {
        let mut counts: BTreeMap<&'static str, [usize; 3]> = BTreeMap::new();
        for finding in self.pairs.iter().flat_map(|p| &p.findings) {
            counts.entry(finding.rule).or_default()[severity_index(finding.severity)] += 1;
        }
        counts
    }

    /// True when some finding is at or above `level`.
    pub fn has_at_least(&self, level: Severity) -> bool {
        self.pairs
            .iter()
            .flat_map(|p| &p.findings)
            .any(|f| f.severity >= level)
    }
}

/// `[errors, warnings, infos]` index of a severity.
pub(crate) fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics for people.
    Human,
    /// One JSON document (schema in docs/json.md).
    Json,
    /// One JSON object per finding and line, for streaming large batches.
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the changed files.
    Github,
    /// JUnit XML, one test case per pair, for GitLab and Jenkins.
    Junit,
    /// A summary table and the findings of each pair, for pull-request comments.
    Markdown,
    /// A self-contained page with each pair side by side and the findings highlighted.
    Html,
}

/// When a run fails: findings at or above a level, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Never,
}

impl FailOn {
    /// The lowest severity that fails, or None for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Never => None,
        }
    }

    pub fn fails(self, finding: &Finding) -> bool {
        self.threshold().is_some_and(|t| finding.severity >= t)
    }
}

/// Options that affect how a report looks, not what it says.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
    /// How long the check took, shown in the human summary; None leaves it
    /// out (snapshot tests).
    pub elapsed: Option<Duration>,
    /// Which findings make a pair fail (JUnit test cases).
    pub fail_on: FailOn,
}

pub fn render(report: &Report, format: Format, options: RenderOptions) -> String {
    match format {
        Format::Human => human::render(report, options),
        Format::Json => json::render(report),
        Format::Jsonl => jsonl::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Junit => junit::render(report, options),
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
    }
}

/// Every rule a report may contain: the checks' rules and the baseline's.
pub fn all_rules() -> Vec<Rule> {
    let mut rules = crate::checks::all_rules();
    rules.push(crate::baseline::FIXED);
    rules
}

/// The suggestion, unless the message already quotes it ("…; use “Hanoi”"):
/// one-line formats append it only when it adds something.
pub(crate) fn unquoted_suggestion(f: &Finding) -> Option<&str> {
    f.suggestion
        .as_deref()
        .filter(|s| !f.message.contains(&format!("\u{201C}{s}\u{201D}")))
}

/// The path a finding is about when it has no span: the target, or the
/// source of a pair whose target is missing.
pub(crate) fn pair_path(pair: &PairReport) -> &str {
    if pair.target.path.is_empty() {
        &pair.source.path
    } else {
        &pair.target.path
    }
}

/// File text made safe for a text format (human, GitHub, Markdown, JUnit,
/// HTML): a control character becomes a visible symbol (C0 and DEL their
/// Unicode control picture, C1 U+FFFD) and a bidi embedding, override or
/// isolate U+FFFD, so an article can neither drive the reader's terminal
/// or log viewer nor visually reorder the report. Tab, line feed and
/// carriage return are left to each format. One character in, one out:
/// columns counted on the result stay right.
pub fn visible(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.contains(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                _ if !unsafe_char(c) => c,
                '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7F}' => '\u{2421}',
                _ => '\u{FFFD}',
            })
            .collect(),
    )
}

/// A file name for a one-line place in a report (`-->`, `:::`): like
/// [`visible`], and tab, line feed and carriage return as control pictures
/// too, since a name that breaks the line breaks the report's layout.
pub fn visible_name(s: &str) -> String {
    visible(s)
        .chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
            c => c,
        })
        .collect()
}

/// Characters of context shown on each side of a span by the formats that
/// quote the lines around it (human, SARIF); a longer line is cut there
/// (news paragraphs are shorter), so that a one-line article of megabytes
/// does not repeat itself in full for every finding.
pub(crate) const CONTEXT_CHARS: usize = 2000;

/// The original text around a location: the whole lines it touches, or
/// [`CONTEXT_CHARS`] characters on each side of it where they are longer.
pub(crate) fn context(file: &SourceText, l: &Location) -> Range<usize> {
    let first = file.lines.line_range(&file.text, l.start.line);
    let last = file
        .lines
        .line_range(&file.text, l.end.line.max(l.start.line));
    let lines = first.start..last.end.max(first.start);
    let start = l.range.start.clamp(lines.start, lines.end);
    let end = l.range.end.clamp(start, lines.end);
    let from = file.text[lines.start..start]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(lines.start, |(i, _)| lines.start + i);
    let to = file.text[end..lines.end]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(lines.end, |(i, _)| end + i);
    from..to
}

/// "1 error", "2 warnings".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
