//! CSV exchange: one row per entry, one column per language.
//!
//! Columns: `id`, `kind`, one per declared language (forms separated by
//! `|`, the first preferred), `forbidden:LANG` for each language that has
//! forbidden forms, `note`, `case`, `fuzzy`. A `|` or `\` inside a form is
//! written `\|` / `\\`. Import accepts the columns in any order; every
//! column that is not one of the named ones is a language.

use super::{blank_entry, Imported};
use crate::error::{Error, Result};
use crate::glossary::{CaseMode, Glossary, Kind};

const FIXED: [&str; 5] = ["id", "kind", "note", "case", "fuzzy"];

fn join_forms(forms: &[String]) -> String {
    forms
        .iter()
        .map(|f| f.replace('\\', "\\\\").replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Splits a cell at unescaped `|`, undoing `\|` and `\\`; blank parts
/// (an empty cell, a trailing `|`) are dropped.
fn split_forms(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ ('|' | '\\')) => cur.push(n),
                Some(n) => {
                    cur.push('\\');
                    cur.push(n);
                }
                None => cur.push('\\'),
            },
            '|' => out.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|f| f.trim().to_string())
        .filter(|f| !f.is_empty())
        .collect()
}

/// The glossary as CSV text.
pub fn export(glossary: &Glossary) -> Result<String> {
    let forbidden_langs: Vec<&String> = glossary
        .languages
        .iter()
        .filter(|l| glossary.entries.iter().any(|e| !e.forbidden(l).is_empty()))
        .collect();
    let mut header: Vec<String> = vec!["id".into(), "kind".into()];
    header.extend(glossary.languages.iter().cloned());
    header.extend(forbidden_langs.iter().map(|l| format!("forbidden:{l}")));
    header.extend(["note".into(), "case".into(), "fuzzy".into()]);
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let fail = |e: ::csv::Error| Error::Usage(format!("cannot write CSV: {e}"));
    writer.write_record(&header).map_err(fail)?;
    for e in &glossary.entries {
        let mut row: Vec<String> = vec![e.id.clone().unwrap_or_default(), e.kind.as_str().into()];
        row.extend(glossary.languages.iter().map(|l| join_forms(e.forms(l))));
        row.extend(forbidden_langs.iter().map(|l| join_forms(e.forbidden(l))));
        row.push(e.note.clone().unwrap_or_default());
        row.push(e.case.map(CaseMode::as_str).unwrap_or("").into());
        row.push(if e.fuzzy { "" } else { "false" }.into());
        writer.write_record(&row).map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Usage(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Reads CSV text (`name` names it in errors).
pub fn import(text: &str, name: &str) -> Result<Imported> {
    let fail = |line: u64, message: String| Error::Glossary {
        path: name.into(),
        message: format!("line {line}: {message}"),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| fail(1, format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    // Column index → what it holds.
    enum Col {
        Fixed(&'static str),
        Lang(String),
        Forbidden(String),
    }
    let mut cols = Vec::new();
    let mut imported = Imported::default();
    for h in &header {
        if let Some(f) = FIXED.iter().find(|f| **f == h) {
            cols.push(Col::Fixed(f));
        } else if let Some(lang) = h.strip_prefix("forbidden:") {
            cols.push(Col::Forbidden(lang.trim().to_string()));
        } else if h.is_empty() || crate::glossary::load::RESERVED_KEYS.contains(&h.as_str()) {
            return Err(fail(
                1,
                format!("column `{h}` is neither a field nor a language code"),
            ));
        } else {
            if imported.languages.contains(h) {
                return Err(fail(1, format!("language column `{h}` appears twice")));
            }
            imported.languages.push(h.clone());
            cols.push(Col::Lang(h.clone()));
        }
    }
    for col in &cols {
        if let Col::Forbidden(l) = col {
            if !imported.languages.contains(l) {
                return Err(fail(1, format!("`forbidden:{l}` has no `{l}` column")));
            }
        }
    }
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            fail(line, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let mut e = blank_entry();
        for (col, cell) in cols.iter().zip(record.iter()) {
            match col {
                Col::Fixed("id") => e.id = Some(cell.trim().to_string()).filter(|s| !s.is_empty()),
                Col::Fixed("kind") => {
                    let k = cell.trim();
                    e.kind = if k.is_empty() {
                        Kind::Term
                    } else {
                        Kind::parse(k).ok_or_else(|| fail(line, format!("unknown kind `{k}`")))?
                    };
                }
                Col::Fixed("note") => e.note = Some(cell.to_string()).filter(|s| !s.is_empty()),
                Col::Fixed("case") => {
                    e.case = match cell.trim() {
                        "" => None,
                        "sensitive" => Some(CaseMode::Sensitive),
                        "insensitive" => Some(CaseMode::Insensitive),
                        other => {
                            return Err(fail(
                                line,
                                format!("`case` must be sensitive or insensitive, found `{other}`"),
                            ))
                        }
                    }
                }
                Col::Fixed(_) => {
                    e.fuzzy = match cell.trim() {
                        "" | "true" => true,
                        "false" => false,
                        other => {
                            return Err(fail(
                                line,
                                format!("`fuzzy` must be true or false, found `{other}`"),
                            ))
                        }
                    }
                }
                Col::Lang(l) => {
                    let forms = split_forms(cell);
                    if !forms.is_empty() {
                        e.forms.push((l.clone(), forms));
                    }
                }
                Col::Forbidden(l) => {
                    let forms = split_forms(cell);
                    if !forms.is_empty() {
                        e.forbidden.push((l.clone(), forms));
                    }
                }
            }
        }
        if e.forms.is_empty() {
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            return Err(fail(line, "the row has no form in any language".into()));
        }
        imported.entries.push(e);
    }
    Ok(imported)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_with_bars_and_backslashes_survive() {
        let forms = vec!["a|b".to_string(), "c\\d".to_string(), "e".to_string()];
        assert_eq!(split_forms(&join_forms(&forms)), forms);
        assert_eq!(split_forms(" x | y |"), ["x", "y"]);
        assert!(split_forms("").is_empty());
    }

    #[test]
    fn import_reports_bad_rows_with_their_line() {
        let err = import("id,kind,vi,en\na,city,A,A\n", "g.csv")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "g.csv: line 2: unknown kind `city`");
        let err = import("id,vi,forbidden:en\n", "g.csv")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "g.csv: line 1: `forbidden:en` has no `en` column");
        let ok = import("vi,en,id\nA | A2,,x\n,,\n", "g.csv").unwrap();
        assert_eq!(ok.languages, ["vi", "en"]);
        assert_eq!(ok.entries.len(), 1);
        assert_eq!(
            ok.entries[0].forms,
            [("vi".to_string(), vec!["A".to_string(), "A2".to_string()])]
        );
    }
}
