//! Findings, severities and the registry of rules with their defaults.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::input::{Position, SourceText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A rule: stable id, default severity and a one-line description used in
/// documentation and machine formats.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub id: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
}

/// A span of one file: original byte range, 1-based positions (the end is
/// exclusive: the column just after the last character) and the exact text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub range: Range<usize>,
    pub start: Position,
    pub end: Position,
    pub text: String,
}

impl Location {
    pub fn new(file: &SourceText, range: Range<usize>) -> Location {
        Location {
            start: file.position(range.start),
            end: file.position(range.end),
            text: file.slice(range.clone()).to_string(),
            range,
        }
    }
}

/// How a finding's target location was found. A finding about the
/// translation always points into it, even when the text at fault cannot
/// be located exactly: reviewers read and annotate the translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The text the finding is about: the translator's rendering, a
    /// number, a name, an untranslated sentence, an extra paragraph.
    #[default]
    Span,
    /// The clause or sentence of the aligned target paragraph most likely
    /// at fault (where a name of the same kind stands, or the sentence
    /// that corresponds to the source's).
    Clause,
    /// The whole aligned target paragraph.
    Paragraph,
    /// An empty span where a dropped paragraph belongs, between the
    /// neighbouring aligned paragraphs.
    Gap,
}

impl Anchor {
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Span => "span",
            Anchor::Clause => "clause",
            Anchor::Paragraph => "paragraph",
            Anchor::Gap => "gap",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub source: Option<Location>,
    pub target: Option<Location>,
    /// How `target` was found; [`Anchor::Span`] unless it is only the place
    /// in the translation the finding concerns.
    pub target_anchor: Anchor,
    pub suggestion: Option<String>,
    /// Extra context, e.g. the glossary entry's note.
    pub note: Option<String>,
    /// Original byte ranges of the aligned block on each side, shown as
    /// context when a side has no precise span.
    pub source_block: Option<Range<usize>>,
    pub target_block: Option<Range<usize>>,
}

impl Finding {
    /// A finding with the rule's default severity; the checker applies the
    /// configured severity afterwards.
    pub fn new(rule: &Rule, message: impl Into<String>) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.default_severity,
            message: message.into(),
            source: None,
            target: None,
            target_anchor: Anchor::Span,
            suggestion: None,
            note: None,
            source_block: None,
            target_block: None,
        }
    }

    pub fn source(mut self, location: Option<Location>) -> Self {
        self.source = location;
        self
    }

    /// The exact span of the finding in the translation.
    pub fn target(mut self, location: Option<Location>) -> Self {
        self.target = location;
        self.target_anchor = Anchor::Span;
        self
    }

    /// The place in the translation the finding concerns, when it has no
    /// span of its own there.
    pub fn target_near(mut self, location: Location, anchor: Anchor) -> Self {
        self.target = Some(location);
        self.target_anchor = anchor;
        self
    }

    /// The target span when it is the text the finding is about, not only
    /// the clause, paragraph or gap it concerns.
    pub fn exact_target(&self) -> Option<&Location> {
        self.target
            .as_ref()
            .filter(|_| self.target_anchor == Anchor::Span)
    }

    pub fn suggestion(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    pub fn note(mut self, note: Option<String>) -> Self {
        self.note = note;
        self
    }

    /// Deterministic report order: by target position, then source
    /// position, then rule. A finding without a target span sorts at the
    /// start of its aligned target block.
    pub fn sort_key(&self) -> (usize, usize, usize, usize, &'static str) {
        let target = self
            .target
            .as_ref()
            .map(|l| (l.range.start, l.range.end))
            .or_else(|| self.target_block.as_ref().map(|b| (b.start, b.start)))
            .unwrap_or((usize::MAX, usize::MAX));
        let source = self
            .source
            .as_ref()
            .map(|l| (l.range.start, l.range.end))
            .unwrap_or((usize::MAX, usize::MAX));
        (target.0, source.0, target.1, source.1, self.rule)
    }
}

/// Per-rule severity overrides; `None` turns a rule off.
#[derive(Debug, Clone, Default)]
pub struct RuleConfig {
    overrides: BTreeMap<String, Option<Severity>>,
}

impl RuleConfig {
    /// Parses `rule=severity` where rule is an id (`term.missing`), a family
    /// (`number.*`) or `*`, and severity is error, warning, info or off.
    pub fn set(&mut self, spec: &str, known: &[Rule]) -> Result<(), String> {
        let (rule, level) = spec.split_once('=').ok_or_else(|| {
            format!("`--rule {spec}`: expected RULE=LEVEL, e.g. term.missing=warning")
        })?;
        let (rule, level) = (rule.trim(), level.trim());
        let severity = match level {
            "off" => None,
            other => Some(Severity::parse(other).ok_or_else(|| {
                format!("`--rule {spec}`: unknown level `{other}`; use error, warning, info or off")
            })?),
        };
        let matches_any = known.iter().any(|r| pattern_matches(rule, r.id));
        if !matches_any {
            let ids: Vec<&str> = known.iter().map(|r| r.id).collect();
            let closest = ids
                .iter()
                .map(|id| (strsim::jaro_winkler(id, rule), *id))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .filter(|(score, _)| *score > 0.85)
                .map(|(_, id)| format!(" (did you mean `{id}`?)"))
                .unwrap_or_default();
            return Err(format!(
                "`--rule {spec}`: unknown rule `{rule}`{closest}; known rules: {}",
                ids.join(", ")
            ));
        }
        self.overrides.insert(rule.to_string(), severity);
        Ok(())
    }

    /// The configured severity of a rule, or None when it is off. Exact ids
    /// win over families, families over `*`.
    pub fn severity(&self, rule: &Rule) -> Option<Severity> {
        let family = rule.id.split('.').next().map(|f| format!("{f}.*"));
        for key in [Some(rule.id.to_string()), family, Some("*".to_string())]
            .into_iter()
            .flatten()
        {
            if let Some(level) = self.overrides.get(&key) {
                return *level;
            }
        }
        Some(rule.default_severity)
    }
}

fn pattern_matches(pattern: &str, id: &str) -> bool {
    pattern == "*"
        || pattern == id
        || pattern
            .strip_suffix(".*")
            .is_some_and(|family| id.split('.').next() == Some(family))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: [Rule; 3] = [
        Rule {
            id: "term.missing",
            default_severity: Severity::Error,
            summary: "",
        },
        Rule {
            id: "term.forbidden",
            default_severity: Severity::Error,
            summary: "",
        },
        Rule {
            id: "segment.extra",
            default_severity: Severity::Warning,
            summary: "",
        },
    ];

    #[test]
    fn rule_overrides() {
        let mut config = RuleConfig::default();
        config.set("term.*=warning", &RULES).unwrap();
        config.set("term.missing=info", &RULES).unwrap();
        config.set("segment.extra=off", &RULES).unwrap();
        assert_eq!(config.severity(&RULES[0]), Some(Severity::Info));
        assert_eq!(config.severity(&RULES[1]), Some(Severity::Warning));
        assert_eq!(config.severity(&RULES[2]), None);
        assert!(config
            .set("term.mising=off", &RULES)
            .unwrap_err()
            .contains("unknown rule `term.mising` (did you mean `term.missing`?)"));
        assert!(!config
            .set("zzz=off", &RULES)
            .unwrap_err()
            .contains("did you mean"));
        assert!(config
            .set("term.missing=loud", &RULES)
            .unwrap_err()
            .contains("unknown level"));
        assert!(config
            .set("term.missing", &RULES)
            .unwrap_err()
            .contains("expected RULE=LEVEL"));
    }
}
