//! The glossary: names and terms with their accepted and forbidden renderings
//! per language (format v1, documented in docs/glossary.md), loading with
//! positioned errors, and the index that finds entries in normalized text.

pub mod edit;
pub mod exchange;
mod fast_yaml;
pub mod file;
pub mod fmt;
mod index;
pub mod lint;
mod load;
pub mod stats;
pub mod suggest;
pub mod yaml;

pub use index::{
    is_name_kind, is_word_char, Coverage, FormMatch, GlossaryIndex, MatchRole, NearMatch,
};
pub use load::{load_str, Limits};

use std::path::Path;

use crate::error::{Error, Result};

/// The default Vietnamese↔English news glossary, embedded in the binary.
pub const DEFAULT_GLOSSARY: &str = include_str!("../../glossaries/vi-en.yaml");
pub const DEFAULT_GLOSSARY_NAME: &str = "glossaries/vi-en.yaml (embedded)";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Place,
    Organization,
    Event,
    Term,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Person,
        Kind::Place,
        Kind::Organization,
        Kind::Event,
        Kind::Term,
        Kind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Event => "event",
            Kind::Term => "term",
            Kind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Names are matched case-sensitively by default, vocabulary is not.
    pub fn default_case(self) -> CaseMode {
        match self {
            Kind::Person | Kind::Place | Kind::Organization | Kind::Event => CaseMode::Sensitive,
            Kind::Term | Kind::Other => CaseMode::Insensitive,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    Sensitive,
    Insensitive,
}

impl CaseMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseMode::Sensitive => "sensitive",
            CaseMode::Insensitive => "insensitive",
        }
    }
}

/// Where an entry was written: file, index in its `entries` list, position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    /// 0-based index in the file's `entries` list.
    pub index: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: Option<String>,
    pub kind: Kind,
    /// Accepted forms per language, in file order; the first is preferred.
    pub forms: Vec<(String, Vec<String>)>,
    pub forbidden: Vec<(String, Vec<String>)>,
    pub note: Option<String>,
    /// As written; `case_mode()` applies the kind's default.
    pub case: Option<CaseMode>,
    /// Near-miss (name.variant) detection for this entry; on by default.
    pub fuzzy: bool,
    /// `override: true`: replaces the entry with the same id in a glossary
    /// merged before this one (a house glossary over the default one).
    pub replaces: bool,
    pub origin: Origin,
}

impl Entry {
    pub fn forms(&self, lang: &str) -> &[String] {
        lookup(&self.forms, lang)
    }

    pub fn forbidden(&self, lang: &str) -> &[String] {
        lookup(&self.forbidden, lang)
    }

    pub fn preferred(&self, lang: &str) -> Option<&str> {
        self.forms(lang).first().map(String::as_str)
    }

    pub fn case_mode(&self) -> CaseMode {
        self.case.unwrap_or_else(|| self.kind.default_case())
    }

    /// "entry 12 (id: north-korea)" — how messages refer to an entry.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("entry {} (id: {id})", self.origin.index + 1),
            None => format!("entry {}", self.origin.index + 1),
        }
    }
}

fn lookup<'a>(map: &'a [(String, Vec<String>)], lang: &str) -> &'a [String] {
    map.iter()
        .find(|(l, _)| l == lang)
        .map(|(_, v)| v.as_slice())
        .unwrap_or(&[])
}

/// One or several glossary files merged.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    pub languages: Vec<String>,
    pub entries: Vec<Entry>,
}

impl Glossary {
    /// The embedded default glossary.
    pub fn default_vi_en() -> Result<Glossary> {
        load_str(DEFAULT_GLOSSARY, DEFAULT_GLOSSARY_NAME, &Limits::default())
    }

    /// Loads and merges glossary files in order.
    pub fn load_files(paths: &[impl AsRef<Path>], limits: &Limits) -> Result<Glossary> {
        let mut merged = Glossary::default();
        for path in paths {
            let path = path.as_ref();
            let bytes = crate::input::read_limited(path, limits.max_file_bytes, "a glossary")?;
            let text = crate::input::decode(&bytes).map_err(|message| Error::Decode {
                path: path.to_path_buf(),
                message,
            })?;
            let glossary = load_str(&text, &path.display().to_string(), limits)?;
            merged.merge(glossary)?;
        }
        Ok(merged)
    }

    /// Appends another glossary; ids must stay unique across files.
    pub fn merge(&mut self, other: Glossary) -> Result<()> {
        for lang in other.languages {
            if !self.languages.contains(&lang) {
                self.languages.push(lang);
            }
        }
        let mut seen: std::collections::HashMap<&str, &Entry> = self
            .entries
            .iter()
            .filter_map(|e| e.id.as_deref().map(|id| (id, e)))
            .collect();
        for entry in &other.entries {
            let at = |message: String| Error::GlossaryAt {
                path: entry.origin.file.clone().into(),
                line: entry.origin.line,
                column: entry.origin.column,
                message,
            };
            match (entry.id.as_deref(), entry.replaces) {
                // Replaces an earlier entry, or, with none (the file loaded
                // on its own), stays an entry that will replace one later.
                (Some(_), true) => {}
                (None, true) => {
                    return Err(at(format!(
                        "{}: `override: true` needs the `id` of the entry it replaces",
                        entry.label()
                    )))
                }
                (Some(id), false) => {
                    if let Some(first) = seen.get(id) {
                        return Err(at(format!(
                            "{}: duplicate id `{id}`, already used by {} in {}:{}:{} (add `override: true` to replace that entry)",
                            entry.label(),
                            first.label(),
                            first.origin.file,
                            first.origin.line,
                            first.origin.column
                        )));
                    }
                    seen.insert(id, entry);
                }
                (None, false) => {}
            }
        }
        // Each overridden entry is replaced in place, so entry order (and
        // with it, which of two matches wins) stays as written.
        let mut overrides: std::collections::HashMap<String, Entry> = other
            .entries
            .iter()
            .filter(|e| e.replaces)
            .filter_map(|e| e.id.clone())
            .filter(|id| seen.contains_key(id.as_str()))
            .filter_map(|id| {
                let entry = other.entries.iter().find(|e| e.id.as_ref() == Some(&id))?;
                Some((id, entry.clone()))
            })
            .collect();
        let applied: std::collections::HashSet<String> = overrides.keys().cloned().collect();
        drop(seen);
        for existing in &mut self.entries {
            if let Some(new) = existing.id.as_ref().and_then(|id| overrides.remove(id)) {
                *existing = new;
            }
        }
        self.entries.extend(
            other
                .entries
                .into_iter()
                .filter(|e| !(e.replaces && e.id.as_ref().is_some_and(|id| applied.contains(id)))),
        );
        Ok(())
    }
}
