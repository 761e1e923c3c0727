//! Exchange with CAT tools: `glossary export FILE --to csv|tbx` and
//! `glossary import FILE.csv|FILE.tbx --to FILE.yaml`.
//!
//! Both directions go through the loaded [`Glossary`] model, so a round
//! trip YAML → CSV/TBX → YAML keeps every entry's meaning (id, kind, forms
//! in order, forbidden forms, note, case, fuzzy). What the formats cannot
//! hold is documented in docs/glossary.md: YAML comments, blank-line
//! grouping and formatting in both; in TBX-Basic, `case` and `fuzzy` only
//! through transcheck's own `<note>` convention.

pub mod csv;
pub mod tbx;

use super::fmt::{canonical_entry, render_entry, scalar};
use super::Entry;

/// A glossary read from a CAT tool's file.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    pub languages: Vec<String>,
    pub entries: Vec<Entry>,
    /// What the importer read but could not keep, one line each, for the
    /// user to see (e.g. "2 × termNote type=termType").
    pub dropped: Vec<String>,
}

/// The glossary file for imported entries: a header comment naming the
/// source, `languages`, and the entries in canonical form.
pub fn to_yaml(imported: &Imported, source: &str) -> String {
    let mut out = format!("# Imported from {source} by `transcheck glossary import`.\n");
    let langs: Vec<String> = imported.languages.iter().map(|l| scalar(l, true)).collect();
    out.push_str(&format!("languages: [{}]\nentries:\n", langs.join(", ")));
    for e in &imported.entries {
        for line in render_entry(&canonical_entry(e), &imported.languages, 2) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A fresh entry with no position, as importers build them.
pub(crate) fn blank_entry() -> Entry {
    Entry {
        id: None,
        kind: super::Kind::Term,
        forms: Vec::new(),
        forbidden: Vec::new(),
        note: None,
        case: None,
        fuzzy: true,
        replaces: false,
        origin: super::Origin {
            file: String::new(),
            index: 0,
            line: 0,
            column: 0,
        },
    }
}
