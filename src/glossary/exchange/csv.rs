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

/// First characters that make a spreadsheet read a cell as a formula
/// (OWASP "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r')
}

/// Neutralizes a cell as OWASP recommends, by a leading `'` that
/// spreadsheets show as text; a cell that already starts with `'` before
/// such a character (or another `'`) gets one more, so that
/// [`restore_cell`] gives back exactly what was exported.
fn neutralize_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    let mut chars = cell.chars();
    let needs = match chars.next() {
        Some(c) if is_formula_start(c) => true,
        Some('\'') => chars
            .next()
            .is_some_and(|c| c == '\'' || is_formula_start(c)),
        _ => false,
    };
    if needs {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Undoes [`neutralize_cell`]: a `'` before a formula character or another
/// `'` is dropped; any other leading `'` ("'s-Hertogenbosch") is text.
fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(|c: char| c == '\'' || is_formula_start(c)) => rest,
        _ => cell,
    }
}

/// The delimiter of a CSV file, from its header line: the most frequent of
/// tab, `;` and `,` outside quotes (spreadsheets in many locales save `;`),
/// `,` when none occurs.
fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b'\t', 0usize), (b';', 0), (b',', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(count) = counts.iter_mut().find(|(d, _)| *d == b) {
                count.1 += 1;
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// A header cell that can name a language: a BCP 47-like code (`vi`,
/// `en-GB`, `zh-Hant`).
fn is_language_code(h: &str) -> bool {
    let mut parts = h.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

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
        writer
            .write_record(row.iter().map(|cell| neutralize_cell(cell).into_owned()))
            .map_err(fail)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| Error::Usage(format!("cannot write CSV: {e}")))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Names a header cell that is neither a field nor a language code; a
/// header with no field and no language at all is not a glossary, and
/// none of it is quoted (see [`crate::did_you_mean`]).
fn bad_column(header: &[String], h: &str) -> String {
    let recognised = header
        .iter()
        .any(|c| FIXED.contains(&c.as_str()) || c.starts_with("forbidden:") || is_language_code(c));
    if recognised {
        format!("column `{h}` is neither a field nor a language code")
    } else {
        "not a glossary CSV: no column of the header is a field (id, kind, note, case, fuzzy) or a language code".into()
    }
}

/// Reads CSV text (`name` names it in errors).
pub fn import(text: &str, name: &str) -> Result<Imported> {
    let fail = |line: u64, message: String| Error::Glossary {
        path: name.into(),
        message: format!("line {line}: {message}"),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
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
        } else if !is_language_code(h) || crate::glossary::load::RESERVED_KEYS.contains(&h.as_str())
        {
            return Err(fail(1, bad_column(&header, h)));
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
        for (col, cell) in cols.iter().zip(record.iter().map(restore_cell)) {
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
    fn delimiters_are_detected_from_the_header() {
        let cases = [
            ("id;vi;en\nhanoi;Hà Nội;Hanoi\n", b';'),
            ("id\tvi\ten\nhanoi\tHà Nội\tHanoi\n", b'\t'),
            ("id,vi,en\nhanoi,Hà Nội,Hanoi\n", b','),
            // Look-alikes: a `;` inside a quoted header cell, or in a row.
            ("\"id;x\",vi,en\n", b','),
            ("vi,en\n\"a;b\",c\n", b','),
            ("vi\nHà Nội\n", b','),
        ];
        for (text, want) in cases {
            assert_eq!(detect_delimiter(text), want, "{text:?}");
        }
        for text in [
            "id;vi;en\nhanoi;Hà Nội;Hanoi\n",
            "id\tvi\ten\nhanoi\tHà Nội\tHanoi\n",
        ] {
            let ok = import(text, "g.csv").unwrap();
            assert_eq!(ok.languages, ["vi", "en"], "{text:?}");
            assert_eq!(
                ok.entries[0].forms[1],
                ("en".to_string(), vec!["Hanoi".to_string()])
            );
        }
    }

    #[test]
    fn formula_cells_are_neutralized_losslessly() {
        // (cell, exported): each formula start beside a harmless look-alike.
        let cases = [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("a=b", "a=b"),
            ("+84", "'+84"),
            ("84+", "84+"),
            ("-1", "'-1"),
            ("Jean-Marie", "Jean-Marie"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("a@b", "a@b"),
            ("\tx", "'\tx"),
            ("'s-Hertogenbosch", "'s-Hertogenbosch"),
            ("'=x", "''=x"),
            ("''", "'''"),
            ("", ""),
        ];
        for (cell, exported) in cases {
            assert_eq!(neutralize_cell(cell), exported, "{cell:?}");
            assert_eq!(restore_cell(exported), cell, "{cell:?}");
        }
    }

    #[test]
    fn headers_that_are_not_a_glossary_are_not_quoted() {
        let err = import("root:x:0:0:S3CR3T\nx\n", "g.csv")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not a glossary CSV") && !err.contains("S3CR3T"),
            "{err}"
        );
        let err = import("id,vi,en lang\n", "g.csv").unwrap_err().to_string();
        assert_eq!(
            err,
            "g.csv: line 1: column `en lang` is neither a field nor a language code"
        );
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
