//! Baselines: accept the findings a project already has and fail only on
//! new ones.
//!
//! A baseline file (YAML, meant to be reviewed in git) lists findings by
//! fingerprint. A fingerprint hashes what a finding is about, never where it
//! is: the rule, the file pair (relative to the baseline file), the quoted
//! source and target texts and up to three words on each side of the span
//! in its line, all normalized (Unicode, tone placement, case, whitespace).
//! Where a finding has no span of its own in the translation, only the
//! clause, paragraph or gap it concerns, that place is left out, so the
//! fingerprint does not depend on which side a report shows first.
//! Inserting or deleting paragraphs elsewhere keeps every fingerprint;
//! rewording the sentence around a finding makes it new. Identical
//! fingerprints are counted: a baseline with one occurrence suppresses one.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::checker::PairReport;
use crate::error::{Error, Result};
use crate::finding::{Finding, Location, Rule, Severity};
use crate::input::SourceText;
use crate::normalize::{fold_case, normalize_str};
use crate::report::Report;

/// Raised for a baseline entry of a checked pair that no longer occurs.
pub const FIXED: Rule = Rule {
    id: "baseline.fixed",
    default_severity: Severity::Info,
    summary: "A finding recorded in the baseline no longer occurs; refresh the baseline with --write-baseline.",
};

pub const VERSION: u32 = 1;

/// The largest baseline file read: about a million recorded findings.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Checks, before a deserializer's message (which quotes values) is shown,
/// that the file is a baseline: a mapping with `version:` or `findings:`.
/// A configuration can name any file as its baseline.
fn require_baseline_shape(text: &str, path: &Path) -> Result<()> {
    use crate::glossary::yaml::{self, Value};
    let root = yaml::parse(text, yaml::Limits::default()).map_err(|e| Error::BaselineAt {
        path: path.to_path_buf(),
        line: e.mark.line,
        column: e.mark.column,
        message: e.message,
    })?;
    let shaped = root.as_ref().is_some_and(|root| match &root.value {
        Value::Map(pairs) => pairs
            .iter()
            .any(|(k, _)| matches!(k.as_str(), Some("version" | "findings"))),
        _ => false,
    });
    if shaped {
        return Ok(());
    }
    Err(Error::Baseline {
        path: path.to_path_buf(),
        message: "not a transcheck baseline: no `version:` or `findings:` at the top level \
                  (write one with --write-baseline)"
            .into(),
    })
}

/// Words of context on each side of a span that a fingerprint includes.
const CONTEXT_WORDS: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding. Only `fingerprint` is matched; the other fields
/// are there for the people who review the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    pub source_file: String,
    pub target_file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_text: Option<String>,
    pub message: String,
}

impl Baseline {
    /// Records every finding of a report; `dir` is the directory of the
    /// baseline file, which file paths are written relative to.
    pub fn of(report: &Report, dir: &Path) -> Baseline {
        let mut findings = Vec::new();
        for pair in &report.pairs {
            let (source_file, target_file) = pair_files(pair, dir);
            for finding in &pair.findings {
                findings.push(Entry {
                    fingerprint: fingerprint(finding, pair, &source_file, &target_file),
                    rule: finding.rule.to_string(),
                    source_file: source_file.clone(),
                    target_file: target_file.clone(),
                    source_text: finding.source.as_ref().map(|l| l.text.clone()),
                    target_text: finding.exact_target().map(|l| l.text.clone()),
                    message: finding.message.clone(),
                });
            }
        }
        Baseline {
            version: VERSION,
            findings,
        }
    }

    pub fn to_yaml(&self) -> String {
        let body = serde_yaml::to_string(self).expect("a baseline serializes");
        format!(
            "# transcheck baseline: findings accepted for now. `--baseline` reports only\n\
             # findings not listed here. Regenerate with `--write-baseline`.\n{body}"
        )
    }

    /// Reads a baseline file of at most [`MAX_FILE_BYTES`], decoded like
    /// every input (so a bad byte is reported with its offset).
    pub fn load(path: &Path) -> Result<Baseline> {
        let bytes = crate::input::read_limited(path, MAX_FILE_BYTES, "a baseline")?;
        let text = crate::input::decode(&bytes).map_err(|message| Error::Decode {
            path: path.to_path_buf(),
            message,
        })?;
        Baseline::parse(&text, path)
    }

    /// Parses baseline text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Baseline> {
        let baseline: Baseline = serde_yaml::from_str(text).map_err(|e| {
            if let Err(not_a_baseline) = require_baseline_shape(text, path) {
                return not_a_baseline;
            }
            let message = e.to_string();
            match e.location() {
                Some(l) => Error::BaselineAt {
                    path: path.to_path_buf(),
                    line: l.line(),
                    column: l.column(),
                    message: message
                        .rsplit_once(" at line ")
                        .map_or(message.as_str(), |(m, _)| m)
                        .to_string(),
                },
                None => Error::Baseline {
                    path: path.to_path_buf(),
                    message,
                },
            }
        })?;
        if baseline.version != VERSION {
            return Err(Error::Baseline {
                path: path.to_path_buf(),
                message: format!(
                    "baseline version {} is not supported (expected {VERSION})",
                    baseline.version
                ),
            });
        }
        Ok(baseline)
    }

    /// Removes the findings the baseline lists, and adds a
    /// [`FIXED`] finding for each entry of a checked pair that no longer
    /// occurs. Returns how many findings were suppressed.
    pub fn apply(&self, report: &mut Report, dir: &Path) -> usize {
        let mut remaining: HashMap<&str, usize> = HashMap::new();
        for entry in &self.findings {
            *remaining.entry(entry.fingerprint.as_str()).or_default() += 1;
        }
        let mut suppressed = 0;
        let mut pairs = Vec::new();
        for pair in &mut report.pairs {
            let files = pair_files(pair, dir);
            let (source_file, target_file) = (&files.0, &files.1);
            let source = &pair.source;
            let target = &pair.target;
            pair.findings.retain(|finding| {
                let print = fingerprint_of(finding, source, target, source_file, target_file);
                match remaining.get_mut(print.as_str()) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        suppressed += 1;
                        false
                    }
                    _ => true,
                }
            });
            pairs.push(files);
        }
        // Entries left over are fixed, in baseline order; each goes to the
        // pair it names, if that pair was checked.
        for entry in &self.findings {
            let Some(n) = remaining.get_mut(entry.fingerprint.as_str()) else {
                continue;
            };
            if *n == 0 {
                continue;
            }
            let Some(i) = pairs
                .iter()
                .position(|(s, t)| *s == entry.source_file && *t == entry.target_file)
            else {
                continue;
            };
            *n -= 1;
            let quoted: Vec<String> = [&entry.source_text, &entry.target_text]
                .into_iter()
                .flatten()
                .map(|t| format!("\u{201C}{t}\u{201D}"))
                .collect();
            let message = format!(
                "fixed since the baseline: {}{}{}",
                entry.rule,
                if quoted.is_empty() { "" } else { " " },
                quoted.join(" → ")
            );
            let finding = Finding::new(&FIXED, message).note(Some(format!(
                "was: {}; refresh the baseline with --write-baseline",
                entry.message
            )));
            report.pairs[i].findings.push(finding);
        }
        suppressed
    }
}

/// The pair's file paths relative to `dir`, `/`-separated; an absent side
/// (unpaired file) stays empty.
fn pair_files(pair: &PairReport, dir: &Path) -> (String, String) {
    (
        relative_to(dir, &pair.source.path),
        relative_to(dir, &pair.target.path),
    )
}

fn fingerprint(
    finding: &Finding,
    pair: &PairReport,
    source_file: &str,
    target_file: &str,
) -> String {
    fingerprint_of(
        finding,
        &pair.source,
        &pair.target,
        source_file,
        target_file,
    )
}

fn fingerprint_of(
    finding: &Finding,
    source: &SourceText,
    target: &SourceText,
    source_file: &str,
    target_file: &str,
) -> String {
    let norm = |s: &str| fold_case(&normalize_str(s));
    // Only a span the finding is about counts, not the clause, paragraph
    // or gap it merely points into: how that place is guessed may change
    // (and findings had none before), the finding stays the same.
    let target_span = finding.exact_target();
    let context = match (target_span, &finding.source) {
        (Some(l), _) => context(target, l),
        (None, Some(l)) => context(source, l),
        (None, None) => String::new(),
    };
    let parts = [
        finding.rule.to_string(),
        source_file.to_string(),
        target_file.to_string(),
        finding
            .source
            .as_ref()
            .map(|l| norm(&l.text))
            .unwrap_or_default(),
        target_span.map(|l| norm(&l.text)).unwrap_or_default(),
        norm(&context),
    ];
    format!("{:016x}", fnv1a(parts.join("\u{0}").as_bytes()))
}

/// Up to [`CONTEXT_WORDS`] words before and after a span, within its lines.
fn context(file: &SourceText, location: &Location) -> String {
    let first = file.lines.line_range(&file.text, location.start.line);
    let last = file
        .lines
        .line_range(&file.text, location.end.line.max(location.start.line));
    let before = file
        .text
        .get(first.start..location.range.start.max(first.start))
        .unwrap_or("");
    let after = file
        .text
        .get(location.range.end.min(last.end)..last.end)
        .unwrap_or("");
    let before: Vec<&str> = before
        .split_whitespace()
        .rev()
        .take(CONTEXT_WORDS)
        .collect();
    let after: Vec<&str> = after.split_whitespace().take(CONTEXT_WORDS).collect();
    let before: Vec<&str> = before.into_iter().rev().collect();
    format!("{} | {}", before.join(" "), after.join(" "))
}

/// 64-bit FNV-1a: small, stable across platforms and Rust versions (the
/// standard library's hasher is not promised to be).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// `file` relative to `dir`, `/`-separated (`../en/a.txt`); an empty path
/// stays empty. Both are made absolute first, so the result does not
/// depend on the working directory.
pub fn relative_to(dir: &Path, file: &str) -> String {
    if file.is_empty() {
        return String::new();
    }
    let absolute = |p: &Path| -> PathBuf {
        p.canonicalize().unwrap_or_else(|_| {
            std::env::current_dir()
                .map(|cwd| cwd.join(p))
                .unwrap_or_else(|_| p.to_path_buf())
        })
    };
    let (dir, file) = (absolute(dir), absolute(Path::new(file)));
    let dir: Vec<Component> = dir.components().collect();
    let file_parts: Vec<Component> = file.components().collect();
    let common = dir
        .iter()
        .zip(&file_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); dir.len() - common];
    parts.extend(
        file_parts[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_the_published_function() {
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
    }

    #[test]
    fn relative_paths() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("ci")).unwrap();
        std::fs::create_dir_all(root.join("en")).unwrap();
        std::fs::write(root.join("en/a.txt"), "").unwrap();
        let file = root.join("en/a.txt").display().to_string();
        assert_eq!(relative_to(root, &file), "en/a.txt");
        assert_eq!(relative_to(&root.join("ci"), &file), "../en/a.txt");
        assert_eq!(relative_to(root, ""), "");
    }

    #[test]
    fn context_is_words_around_the_span_in_its_line() {
        let file = SourceText::new(
            "a",
            "first line\none two three four FIVE six seven eight\n".to_string(),
        );
        let start = file.text.find("FIVE").unwrap();
        let location = Location::new(&file, start..start + 4);
        assert_eq!(
            context(&file, &location),
            "two three four | six seven eight"
        );
    }
}
