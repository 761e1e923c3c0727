//! `glossary stats`: how big a glossary is and where it has gaps — entries
//! per kind and per language, forms and forbidden forms, and the entries
//! missing a translation in a language the file declares.

use super::{Glossary, Kind};

/// Counts for one declared language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LanguageStats {
    pub language: String,
    /// Entries with at least one accepted form in the language.
    pub entries: usize,
    pub forms: usize,
    pub forbidden: usize,
    /// Entries without an accepted form in the language.
    pub missing: Vec<MissingEntry>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct MissingEntry {
    pub number: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Stats {
    pub path: String,
    pub entries: usize,
    /// Entries per kind, every kind listed.
    pub kinds: Vec<(Kind, usize)>,
    pub languages: Vec<LanguageStats>,
    pub with_note: usize,
    pub with_forbidden: usize,
    pub case_overrides: usize,
    pub fuzzy_off: usize,
}

pub fn stats(path: &str, glossary: &Glossary) -> Stats {
    let kinds = Kind::ALL
        .iter()
        .map(|k| (*k, glossary.entries.iter().filter(|e| e.kind == *k).count()))
        .collect();
    let languages = glossary
        .languages
        .iter()
        .map(|lang| {
            let mut s = LanguageStats {
                language: lang.clone(),
                entries: 0,
                forms: 0,
                forbidden: 0,
                missing: Vec::new(),
            };
            for e in &glossary.entries {
                let forms = e.forms(lang).len();
                s.forms += forms;
                s.forbidden += e.forbidden(lang).len();
                if forms > 0 {
                    s.entries += 1;
                } else {
                    s.missing.push(MissingEntry {
                        number: e.origin.index + 1,
                        id: e.id.clone(),
                        line: e.origin.line,
                    });
                }
            }
            s
        })
        .collect();
    let count =
        |f: &dyn Fn(&super::Entry) -> bool| glossary.entries.iter().filter(|e| f(e)).count();
    Stats {
        path: path.to_string(),
        entries: glossary.entries.len(),
        kinds,
        languages,
        with_note: count(&|e| e.note.is_some()),
        with_forbidden: count(&|e| !e.forbidden.is_empty()),
        case_overrides: count(&|e| e.case.is_some()),
        fuzzy_off: count(&|e| !e.fuzzy),
    }
}

pub fn render_human(s: &Stats) -> String {
    let mut out = format!(
        "{}: {} entries\n\nkind           entries\n",
        s.path, s.entries
    );
    for (kind, n) in &s.kinds {
        out.push_str(&format!("{:<14} {n:>7}\n", kind.as_str()));
    }
    out.push_str("\nlanguage   entries    forms  forbidden  missing\n");
    for l in &s.languages {
        out.push_str(&format!(
            "{:<8} {:>9} {:>8} {:>10} {:>8}\n",
            l.language,
            l.entries,
            l.forms,
            l.forbidden,
            l.missing.len()
        ));
    }
    out.push_str(&format!(
        "\nwith a note: {}; with forbidden forms: {}; case set explicitly: {}; fuzzy off: {}\n",
        s.with_note, s.with_forbidden, s.case_overrides, s.fuzzy_off
    ));
    for l in &s.languages {
        if l.missing.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\nentries without a `{}` form ({}):\n",
            l.language,
            l.missing.len()
        ));
        for m in &l.missing {
            let id =
                m.id.as_deref()
                    .map(|i| format!(" (id: {i})"))
                    .unwrap_or_default();
            out.push_str(&format!(
                "  {}:{}: entry {}{id}\n",
                s.path, m.line, m.number
            ));
        }
    }
    out
}

pub fn render_json(s: &Stats) -> String {
    let kinds: serde_json::Map<String, serde_json::Value> = s
        .kinds
        .iter()
        .map(|(k, n)| (k.as_str().to_string(), serde_json::json!(n)))
        .collect();
    let doc = serde_json::json!({
        "version": 1,
        "path": s.path,
        "entries": s.entries,
        "kinds": kinds,
        "languages": s.languages,
        "with_note": s.with_note,
        "with_forbidden": s.with_forbidden,
        "case_overrides": s.case_overrides,
        "fuzzy_off": s.fuzzy_off,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{load_str, Limits};

    #[test]
    fn counts_and_gaps() {
        let g = load_str(
            "languages: [vi, en, fr]\nentries:\n  - id: a\n    kind: place\n    vi: [A, A2]\n    en: [A]\n    forbidden:\n      en: [Ay]\n  - vi: b\n    note: n\n    fuzzy: false\n",
            "g.yaml",
            &Limits::default(),
        )
        .unwrap();
        let s = stats("g.yaml", &g);
        assert_eq!(s.entries, 2);
        assert_eq!(s.kinds[1], (Kind::Place, 1));
        let vi = &s.languages[0];
        assert_eq!(
            (vi.entries, vi.forms, vi.forbidden, vi.missing.len()),
            (2, 3, 0, 0)
        );
        let en = &s.languages[1];
        assert_eq!((en.entries, en.forms, en.forbidden), (1, 1, 1));
        assert_eq!(en.missing[0].line, 9);
        assert_eq!(s.languages[2].missing.len(), 2);
        assert_eq!((s.with_note, s.fuzzy_off, s.with_forbidden), (1, 1, 1));
    }
}
