//! `glossary add`: appends an entry after the last one, as new lines, so
//! that every existing line — comments, blank lines, other entries — stays
//! byte for byte; refuses when lint's checks find that the entry would
//! conflict with the glossary.

use super::file::{EntriesLayout, GlossaryFile};
use super::fmt::{canonical_entry, lines_phrase, render_entry, same_entry};
use super::lint::{lint_text, Diagnostic, LintOptions, Severity};
use super::{load_str, Entry, Limits, Origin};
use crate::error::{Error, Result};

/// What adding an entry came to.
#[derive(Debug, Clone)]
pub enum Added {
    /// The new text, the line where the entry starts and lint's warnings
    /// about it.
    Ok {
        text: String,
        line: usize,
        label: String,
        warnings: Vec<Diagnostic>,
    },
    /// The diagnostics that refuse it (errors, and warnings alongside).
    Refused { diagnostics: Vec<Diagnostic> },
}

/// An entry to add, as given on the command line or by `suggest`; the
/// forms are brought into house form.
pub fn new_entry(
    id: Option<String>,
    kind: super::Kind,
    forms: Vec<(String, Vec<String>)>,
    forbidden: Vec<(String, Vec<String>)>,
    note: Option<String>,
    case: Option<super::CaseMode>,
    fuzzy: bool,
) -> Entry {
    canonical_entry(&Entry {
        id,
        kind,
        forms,
        forbidden,
        note,
        case,
        fuzzy,
        replaces: false,
        origin: Origin {
            file: String::new(),
            index: 0,
            line: 0,
            column: 0,
        },
    })
}

fn refuse(file: &GlossaryFile, message: String) -> Error {
    Error::Glossary {
        path: file.path.clone().into(),
        message,
    }
}

/// Appends `entry` to `file`. The file must load. Lint runs on the file
/// before and after; every diagnostic that appears only after is the new
/// entry's doing: errors refuse it, warnings come back with it.
pub fn add(file: &GlossaryFile, entry: &Entry, options: &LintOptions) -> Result<Added> {
    let before = load_str(&file.text, &file.path, &Limits::default())?;
    let entry = canonical_entry(entry);
    let indent = match file.items.first() {
        Some(item) => item.dash_column,
        None => entries_indent(file),
    };
    let lines = render_entry(&entry, &before.languages, indent);
    let nl = file.newline;
    let mut text = String::new();
    if file.bom {
        text.push('\u{FEFF}');
    }
    // Where the new lines go: after this line (1-based; 0 = at the top).
    let (after, rewrite_key): (usize, Option<String>) = match &file.entries {
        EntriesLayout::Block { .. } => (file.items.last().map_or(0, |i| i.last_line), None),
        EntriesLayout::Null { key_line } => (*key_line, None),
        EntriesLayout::Flow {
            key_line,
            last_line,
            empty: true,
        } if key_line == last_line => {
            // `entries: []` becomes `entries:` (a comment after it stays).
            let line = file.line(*key_line);
            let comment = file
                .comments
                .iter()
                .find(|c| c.line == *key_line)
                .map(|c| format!("{}{}", file.comment_gap(c), file.comment_text(c)))
                .unwrap_or_default();
            match line.find(':') {
                Some(colon) => (*key_line, Some(format!("{}{comment}", &line[..colon + 1]))),
                None => return Err(refuse(file, "cannot find the `entries:` key".into())),
            }
        }
        EntriesLayout::Flow { key_line, .. } => {
            return Err(refuse(
                file,
                format!(
                    "`entries` is written as a flow list (`[...]`, line {key_line}); run `transcheck glossary fmt` first so that entries can be added line by line"
                ),
            ))
        }
        EntriesLayout::Missing => {
            return Err(refuse(file, "the file has no `entries:` list".into()))
        }
    };
    if after == 0 && !matches!(file.entries, EntriesLayout::Block { .. }) {
        return Err(refuse(file, "cannot find where to add the entry".into()));
    }
    for line in 1..=file.line_count() {
        if Some(line) == rewrite_key.as_ref().map(|_| after) {
            text.push_str(rewrite_key.as_deref().unwrap_or(""));
            text.push_str(nl);
        } else {
            text.push_str(file.full_line(line));
        }
        if line == after {
            if !text.ends_with('\n') && !text.ends_with('\r') {
                text.push_str(nl);
            }
            for l in &lines {
                text.push_str(l);
                text.push_str(nl);
            }
        }
    }
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    // Lint first: a duplicate id or a conflict is a refusal, not a bug.
    let old_report = lint_text(&file.path, &file.text, options);
    let new_report = lint_text(&file.path, body, options);
    // A set: a scan of the old diagnostics for each new one was quadratic
    // in them (and lint's were quadratic in the entries sharing a form).
    let known: std::collections::HashSet<(&str, &str)> = old_report
        .diagnostics
        .iter()
        .map(|o| (o.code.as_str(), o.message.as_str()))
        .collect();
    let fresh: Vec<Diagnostic> = new_report
        .diagnostics
        .iter()
        .filter(|d| !known.contains(&(d.code.as_str(), d.message.as_str())))
        .cloned()
        .collect();
    if fresh.iter().any(|d| d.severity == Severity::Error) {
        return Ok(Added::Refused { diagnostics: fresh });
    }
    let after_glossary = load_str(body, &file.path, &Limits::default()).map_err(|e| {
        refuse(
            file,
            format!("adding the entry would break the file ({e}); nothing was written"),
        )
    })?;
    let added = after_glossary.entries.last();
    if after_glossary.entries.len() != before.entries.len() + 1
        || !added.is_some_and(|a| same_entry(a, &entry))
        || before
            .entries
            .iter()
            .zip(&after_glossary.entries)
            .any(|(a, b)| !same_entry(a, b))
    {
        return Err(refuse(
            file,
            "adding the entry would change other entries; nothing was written (please report this)"
                .into(),
        ));
    }
    let new_file = GlossaryFile::parse(&file.path, &text).map_err(|e| refuse(file, e.message))?;
    let comments = |f: &GlossaryFile| {
        let mut v: Vec<String> = f
            .comments
            .iter()
            .map(|c| f.comment_text(c).to_string())
            .collect();
        v.sort();
        v
    };
    if comments(file) != comments(&new_file) {
        let lost: Vec<usize> = file.comments.iter().map(|c| c.line).collect();
        return Err(refuse(
            file,
            format!(
                "adding the entry would lose comments (on {}); nothing was written",
                lines_phrase(&lost)
            ),
        ));
    }
    let line = added.map_or(0, |a| a.origin.line);
    let label = added.map(Entry::label).unwrap_or_default();
    Ok(Added::Ok {
        text,
        line,
        label,
        warnings: fresh,
    })
}

/// Indentation of the `-` of entries in a file that has none yet: two
/// columns right of `entries:`.
fn entries_indent(file: &GlossaryFile) -> usize {
    match &file.root {
        Some(root) => match &root.value {
            super::yaml::Value::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_str() == Some("entries"))
                .map_or(2, |(k, _)| k.mark.column - 1 + 2),
            _ => 2,
        },
        None => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Kind;

    fn entry(id: &str, vi: &str, en: &str) -> Entry {
        new_entry(
            Some(id.into()),
            Kind::Place,
            vec![
                ("vi".into(), vec![vi.into()]),
                ("en".into(), vec![en.into()]),
            ],
            Vec::new(),
            None,
            None,
            true,
        )
    }

    fn add_to(text: &str, e: &Entry) -> Added {
        let file = GlossaryFile::parse("g.yaml", text).unwrap();
        add(&file, e, &LintOptions::default()).unwrap()
    }

    #[test]
    fn appends_after_the_last_entry_keeping_everything_else() {
        let text = "languages: [vi, en]\nentries:\n  # one\n  - id: a\n    kind: place\n    vi: [A]\n    en: [A]  # trailing\n\n# the end\n";
        let Added::Ok {
            text: new, line, ..
        } = add_to(text, &entry("b", "Hoà B", "B"))
        else {
            panic!("refused")
        };
        assert_eq!(
            new,
            "languages: [vi, en]\nentries:\n  # one\n  - id: a\n    kind: place\n    vi: [A]\n    en: [A]  # trailing\n  - id: b\n    kind: place\n    vi: [Hòa B]\n    en: [B]\n\n# the end\n"
        );
        assert_eq!(line, 8);
    }

    #[test]
    fn adds_to_empty_lists_and_files_without_final_newline() {
        for (text, want) in [
            (
                "languages: [vi, en]\nentries: []  # none yet\n",
                "languages: [vi, en]\nentries:  # none yet\n  - id: b\n",
            ),
            (
                "languages: [vi, en]\nentries:\n",
                "languages: [vi, en]\nentries:\n  - id: b\n",
            ),
            (
                "languages: [vi, en]\nentries:\n- id: a\n  vi: [A]",
                "languages: [vi, en]\nentries:\n- id: a\n  vi: [A]\n- id: b\n",
            ),
        ] {
            let Added::Ok { text: new, .. } = add_to(text, &entry("b", "B", "B")) else {
                panic!("refused: {text}")
            };
            assert!(new.starts_with(want), "{text:?}\n{new}");
        }
    }

    #[test]
    fn refuses_conflicts_and_duplicate_ids() {
        let text = "languages: [vi, en]\nentries:\n  - id: a\n    kind: place\n    vi: [Nga]\n    en: [Russia]\n    forbidden:\n      en: [Rusia]\n";
        for e in [
            entry("a", "X", "X"),
            entry("b", "Nga", "Nga"),
            entry("c", "Rusia", "Rusia"),
        ] {
            let Added::Refused { diagnostics } = add_to(text, &e) else {
                panic!("added {:?}", e.id)
            };
            assert!(diagnostics.iter().any(|d| d.severity == Severity::Error));
        }
        let Added::Ok { warnings, .. } = add_to(text, &entry("d", "Mát-xcơ-va", "Moscow")) else {
            panic!()
        };
        assert!(warnings.is_empty());
    }

    #[test]
    fn refuses_a_flow_list_with_entries() {
        let file =
            GlossaryFile::parse("g.yaml", "languages: [vi, en]\nentries: [{vi: a, en: a}]\n")
                .unwrap();
        let err = add(&file, &entry("b", "B", "B"), &LintOptions::default())
            .unwrap_err()
            .to_string();
        assert!(err.contains("run `transcheck glossary fmt` first"), "{err}");
    }
}
