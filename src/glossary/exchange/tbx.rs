//! TBX exchange (ISO 30042, the TBX-Basic dialect).
//!
//! Export writes TBX-Basic in the 2008 `martif` form that CAT tools
//! (memoQ, Trados MultiTerm, Wordfast, Xbench) import: one `termEntry` per
//! entry (`id` attribute = our id), `descrip type="subjectField"` = our
//! kind, `note` = our note, and per language a `langSet` with one `tig` per
//! form whose `termNote type="administrativeStatus"` is
//! `preferredTerm-admn-sts` (first accepted form), `admittedTerm-admn-sts`
//! (other accepted forms) or `deprecatedTerm-admn-sts` (forbidden forms).
//! TBX-Basic has no place for `case` and `fuzzy`; they travel as notes of
//! the form `transcheck:case=sensitive` / `transcheck:fuzzy=false`, which
//! import turns back into fields.
//!
//! Import reads both the 2008 form (`martif`, `termEntry`, `langSet`,
//! `tig`/`ntig`) and the 2019 form (`tbx`, `conceptEntry`, `langSec`,
//! `termSec`). Status values map preferred → preferred; admitted,
//! standardized, legal, regulated → accepted; deprecated, superseded,
//! not recommended, obsolete, forbidden, rejected → forbidden; a term
//! without status is accepted. Regional codes fold to the language
//! (`en-US` → `en`) unless two regions of one language occur. What cannot
//! be kept (definitions and contexts become note lines; term-level notes,
//! term types, parts of speech, transactions, cross-references are
//! dropped) is listed for the user.

use std::collections::BTreeMap;

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::{Reader, Writer};

use super::{blank_entry, Imported};
use crate::error::{Error, Result};
use crate::glossary::{CaseMode, Entry, Glossary, Kind};

const PREFERRED: &str = "preferredTerm-admn-sts";
const ADMITTED: &str = "admittedTerm-admn-sts";
const DEPRECATED: &str = "deprecatedTerm-admn-sts";

fn write_error(e: std::io::Error) -> Error {
    Error::Usage(format!("cannot write TBX: {e}"))
}

/// A character XML 1.0 cannot hold, not even as a character reference.
fn not_xml(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Refuses a glossary with text TBX cannot hold (a control character in a
/// form or note): written anyway it would make a file no TBX reader opens.
fn check_xml_text(glossary: &Glossary) -> Result<()> {
    for e in &glossary.entries {
        let texts = e
            .forms
            .iter()
            .chain(&e.forbidden)
            .flat_map(|(_, forms)| forms)
            .chain(&e.note)
            .chain(&e.id);
        for text in texts {
            if let Some(c) = text.chars().find(|&c| not_xml(c)) {
                return Err(Error::GlossaryAt {
                    path: e.origin.file.clone().into(),
                    line: e.origin.line,
                    column: e.origin.column,
                    message: format!(
                        "{}: control character U+{:04X} in {}, which TBX (XML) cannot hold; remove it, or export to CSV",
                        e.label(),
                        c as u32,
                        crate::report::visible(&format!("\u{201C}{text}\u{201D}"))
                    ),
                });
            }
        }
    }
    Ok(())
}

/// The glossary as TBX-Basic (`source` names the glossary in the header).
pub fn export(glossary: &Glossary, source: &str) -> Result<String> {
    check_xml_text(glossary)?;
    // A file name may hold anything; shown, it holds no control character.
    let source = crate::report::visible(source);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(write_error)?;
    let lang = glossary
        .languages
        .first()
        .map(String::as_str)
        .unwrap_or("en");
    w.create_element("martif")
        .with_attributes([("type", "TBX-Basic"), ("xml:lang", lang)])
        .write_inner_content(|w| {
            w.create_element("martifHeader").write_inner_content(|w| {
                w.create_element("fileDesc").write_inner_content(|w| {
                    w.create_element("sourceDesc").write_inner_content(|w| {
                        w.create_element("p")
                            .write_text_content(BytesText::new(&format!(
                                "Exported from {source} by transcheck glossary export"
                            )))?;
                        Ok(())
                    })?;
                    Ok(())
                })?;
                w.create_element("encodingDesc").write_inner_content(|w| {
                    w.create_element("p")
                        .with_attribute(("type", "XCSURI"))
                        .write_text_content(BytesText::new("TBXBasicXCSV02.xcs"))?;
                    Ok(())
                })?;
                Ok(())
            })?;
            w.create_element("text").write_inner_content(|w| {
                w.create_element("body").write_inner_content(|w| {
                    for e in &glossary.entries {
                        write_entry(w, e, &glossary.languages)?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
            Ok(())
        })
        .map_err(write_error)?;
    let mut text = String::from_utf8_lossy(&w.into_inner()).into_owned();
    text.push('\n');
    Ok(text)
}

fn write_entry(w: &mut Writer<Vec<u8>>, e: &Entry, languages: &[String]) -> std::io::Result<()> {
    let mut el = w.create_element("termEntry");
    if let Some(id) = &e.id {
        el = el.with_attribute(("id", id.as_str()));
    }
    el.write_inner_content(|w| {
        w.create_element("descrip")
            .with_attribute(("type", "subjectField"))
            .write_text_content(BytesText::new(e.kind.as_str()))?;
        if let Some(note) = &e.note {
            w.create_element("note")
                .write_text_content(BytesText::new(note))?;
        }
        if let Some(case) = e.case {
            w.create_element("note")
                .write_text_content(BytesText::new(&format!(
                    "transcheck:case={}",
                    case.as_str()
                )))?;
        }
        if !e.fuzzy {
            w.create_element("note")
                .write_text_content(BytesText::new("transcheck:fuzzy=false"))?;
        }
        for lang in languages {
            let (forms, forbidden) = (e.forms(lang), e.forbidden(lang));
            if forms.is_empty() && forbidden.is_empty() {
                continue;
            }
            w.create_element("langSet")
                .with_attribute(("xml:lang", lang.as_str()))
                .write_inner_content(|w| {
                    let terms = forms
                        .iter()
                        .enumerate()
                        .map(|(i, f)| (f, if i == 0 { PREFERRED } else { ADMITTED }))
                        .chain(forbidden.iter().map(|f| (f, DEPRECATED)));
                    for (term, status) in terms {
                        w.create_element("tig").write_inner_content(|w| {
                            w.create_element("term")
                                .write_text_content(BytesText::new(term))?;
                            w.create_element("termNote")
                                .with_attribute(("type", "administrativeStatus"))
                                .write_text_content(BytesText::new(status))?;
                            Ok(())
                        })?;
                    }
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Preferred,
    Admitted,
    Forbidden,
}

fn status_of(value: &str) -> Option<Status> {
    let v = value.to_ascii_lowercase().replace([' ', '-', '_'], "");
    if v.contains("preferred") {
        Some(Status::Preferred)
    } else if ["admitted", "standardized", "legal", "regulated"]
        .iter()
        .any(|s| v.contains(s))
    {
        Some(Status::Admitted)
    } else if [
        "deprecated",
        "superseded",
        "notrecommended",
        "obsolete",
        "forbidden",
        "rejected",
    ]
    .iter()
    .any(|s| v.contains(s))
    {
        Some(Status::Forbidden)
    } else {
        None
    }
}

/// One term as read, in its language section.
struct Term {
    text: String,
    status: Option<Status>,
}

/// One entry as read, before languages are folded.
#[derive(Default)]
struct RawConcept {
    id: Option<String>,
    kind: Option<Kind>,
    notes: Vec<String>,
    case: Option<CaseMode>,
    fuzzy: bool,
    langs: Vec<(String, Vec<Term>)>,
}

/// Elements that import reads, or that only structure the file.
const KNOWN: &[&str] = &[
    "martif",
    "tbx",
    "martifHeader",
    "tbxHeader",
    "fileDesc",
    "sourceDesc",
    "titleStmt",
    "title",
    "publicationStmt",
    "encodingDesc",
    "revisionDesc",
    "change",
    "p",
    "text",
    "body",
    "termEntry",
    "conceptEntry",
    "langSet",
    "langSec",
    "tig",
    "ntig",
    "termSec",
    "termGrp",
    "term",
];

fn local(name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    match name.rsplit_once(':') {
        Some((_, l)) => l.to_string(),
        None => name.into_owned(),
    }
}

/// Reads TBX text (`name` names it in errors).
pub fn import(text: &str, name: &str) -> Result<Imported> {
    let mut reader = Reader::from_str(text);
    let fail = |pos: u64, message: String| {
        let line = text[..(pos as usize).min(text.len())].matches('\n').count() + 1;
        Error::Glossary {
            path: name.into(),
            message: format!("line {line}: {message}"),
        }
    };
    let mut concepts: Vec<RawConcept> = Vec::new();
    let mut dropped: BTreeMap<String, usize> = BTreeMap::new();
    // Element path from the root, local names.
    let mut path: Vec<String> = Vec::new();
    // The `type` attribute of each open element on the path.
    let mut types: Vec<Option<String>> = Vec::new();
    let mut text_buf = String::new();
    let mut current: Option<RawConcept> = None;
    let mut term: Option<Term> = None;
    let mut saw_root = false;
    loop {
        let pos = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| fail(pos, format!("not well-formed XML: {e}")))?;
        match event {
            Event::Empty(start) => {
                // Self-closed elements carry no text; inside an entry they
                // are links or markers that we cannot keep.
                let tag = local(start.name().as_ref());
                if current.is_some()
                    && !KNOWN.contains(&tag.as_str())
                    && !path.iter().any(|p| !KNOWN.contains(&p.as_str()))
                {
                    *dropped.entry(tag).or_default() += 1;
                }
            }
            Event::Start(start) => {
                let tag = local(start.name().as_ref());
                let mut ty = None;
                let mut lang = None;
                let mut id = None;
                for attr in start.attributes() {
                    let attr = attr.map_err(|e| fail(pos, format!("bad attribute: {e}")))?;
                    let value = attr
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|e| fail(pos, format!("bad attribute: {e}")))?
                        .into_owned();
                    match attr.key.as_ref() {
                        b"type" => ty = Some(value),
                        b"xml:lang" | b"lang" => lang = Some(value),
                        b"id" => id = Some(value),
                        _ => {}
                    }
                }
                if path.is_empty() {
                    if tag != "martif" && tag != "tbx" {
                        return Err(fail(
                            pos,
                            "expected a TBX file (`<martif>` or `<tbx>` as the root element)"
                                .into(),
                        ));
                    }
                    saw_root = true;
                }
                match tag.as_str() {
                    "termEntry" | "conceptEntry" => {
                        current = Some(RawConcept {
                            id,
                            fuzzy: true,
                            ..RawConcept::default()
                        })
                    }
                    "langSet" | "langSec" => {
                        if let Some(c) = current.as_mut() {
                            c.langs.push((lang.unwrap_or_default(), Vec::new()));
                        }
                    }
                    "tig" | "ntig" | "termSec" => {
                        term = Some(Term {
                            text: String::new(),
                            status: None,
                        })
                    }
                    _ => {}
                }
                text_buf.clear();
                path.push(tag);
                types.push(ty);
            }
            Event::Text(t) => {
                let s = t
                    .decode()
                    .map_err(|e| fail(pos, format!("bad text: {e}")))?;
                text_buf.push_str(&s);
            }
            Event::CData(t) => {
                text_buf.push_str(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) => {
                if let Some(c) = r
                    .resolve_char_ref()
                    .map_err(|e| fail(pos, format!("bad character reference: {e}")))?
                {
                    text_buf.push(c);
                } else {
                    let name_ref = r
                        .decode()
                        .map_err(|e| fail(pos, format!("bad reference: {e}")))?;
                    match quick_xml::escape::resolve_predefined_entity(&name_ref) {
                        Some(s) => text_buf.push_str(s),
                        None => return Err(fail(pos, format!("unknown entity `&{name_ref};`"))),
                    }
                }
            }
            Event::End(_) => {
                let tag = path.pop().unwrap_or_default();
                let ty = types.pop().flatten();
                let value = text_buf.trim().to_string();
                let parent = path.last().map(String::as_str).unwrap_or("");
                let in_term = matches!(parent, "tig" | "ntig" | "termSec" | "termGrp");
                match tag.as_str() {
                    "termEntry" | "conceptEntry" => {
                        if let Some(c) = current.take() {
                            concepts.push(c);
                        }
                    }
                    "term" if term.is_some() => {
                        if let Some(t) = term.as_mut() {
                            t.text = value;
                        }
                    }
                    "tig" | "ntig" | "termSec" => {
                        if let (Some(t), Some(c)) = (term.take(), current.as_mut()) {
                            if let Some((_, terms)) = c.langs.last_mut() {
                                if !t.text.is_empty() {
                                    terms.push(t);
                                }
                            }
                        }
                    }
                    "termNote"
                        if in_term
                            && matches!(
                                ty.as_deref(),
                                Some(
                                    "administrativeStatus"
                                        | "normativeAuthorization"
                                        | "usageStatus"
                                )
                            ) =>
                    {
                        if let Some(t) = term.as_mut() {
                            t.status = status_of(&value).or(t.status);
                        }
                    }
                    "descrip" if matches!(parent, "termEntry" | "conceptEntry") => {
                        if let Some(c) = current.as_mut() {
                            match ty.as_deref() {
                                Some("subjectField") => match Kind::parse(&value) {
                                    Some(k) if c.kind.is_none() => c.kind = Some(k),
                                    _ => c.notes.push(format!("Subject field: {value}")),
                                },
                                Some("definition") => c.notes.push(format!("Definition: {value}")),
                                other => {
                                    *dropped
                                        .entry(format!("descrip type={}", other.unwrap_or("?")))
                                        .or_default() += 1
                                }
                            }
                        }
                    }
                    "note" if matches!(parent, "termEntry" | "conceptEntry") => {
                        if let Some(c) = current.as_mut() {
                            match value.as_str() {
                                "transcheck:case=sensitive" => c.case = Some(CaseMode::Sensitive),
                                "transcheck:case=insensitive" => {
                                    c.case = Some(CaseMode::Insensitive)
                                }
                                "transcheck:fuzzy=false" => c.fuzzy = false,
                                "" => {}
                                _ => c.notes.push(value),
                            }
                        }
                    }
                    known if KNOWN.contains(&known) => {}
                    other
                        if current.is_some()
                            && !path.iter().any(|p| !KNOWN.contains(&p.as_str())) =>
                    {
                        // Only the outermost element we cannot keep is
                        // counted (a transacGrp, not its date inside).
                        let label = match &ty {
                            Some(t) => format!("{other} type={t}"),
                            None => other.to_string(),
                        };
                        *dropped.entry(label).or_default() += 1;
                    }
                    _ => {}
                }
                text_buf.clear();
            }
            Event::Eof => {
                if let Some(open) = path.last() {
                    return Err(fail(pos, format!("the file ends inside `<{open}>`")));
                }
                break;
            }
            _ => {}
        }
    }
    if !saw_root {
        return Err(fail(
            0,
            "expected a TBX file (`<martif>` or `<tbx>`)".into(),
        ));
    }
    Ok(fold_concepts(concepts, dropped))
}

/// Language codes as the glossary will know them: `en-US` → `en`, unless
/// the file has two regional variants of one language.
fn language_names(concepts: &[RawConcept]) -> BTreeMap<String, String> {
    let mut codes: Vec<String> = Vec::new();
    for c in concepts {
        for (l, _) in &c.langs {
            if !codes.contains(l) {
                codes.push(l.clone());
            }
        }
    }
    let primary = |code: &str| {
        code.split(['-', '_'])
            .next()
            .unwrap_or(code)
            .to_ascii_lowercase()
    };
    codes
        .iter()
        .map(|code| {
            let p = primary(code);
            let clash = codes.iter().any(|o| {
                o != code && primary(o) == p && o.contains(['-', '_']) && code.contains(['-', '_'])
            });
            (code.clone(), if clash { code.clone() } else { p })
        })
        .collect()
}

fn fold_concepts(concepts: Vec<RawConcept>, dropped: BTreeMap<String, usize>) -> Imported {
    let names = language_names(&concepts);
    let mut imported = Imported::default();
    for c in &concepts {
        for (l, _) in &c.langs {
            let n = &names[l];
            if !imported.languages.contains(n) {
                imported.languages.push(n.clone());
            }
        }
    }
    for c in concepts {
        let mut e = blank_entry();
        e.id = c.id;
        e.kind = c.kind.unwrap_or(Kind::Term);
        e.case = c.case;
        e.fuzzy = c.fuzzy;
        e.note = (!c.notes.is_empty()).then(|| c.notes.join("\n"));
        for (lang, terms) in c.langs {
            let lang = names[&lang].clone();
            let mut preferred = Vec::new();
            let mut accepted = Vec::new();
            let mut forbidden = Vec::new();
            for t in terms {
                match t.status {
                    Some(Status::Preferred) => preferred.push(t.text),
                    Some(Status::Forbidden) => forbidden.push(t.text),
                    Some(Status::Admitted) | None => accepted.push(t.text),
                }
            }
            preferred.extend(accepted);
            push_forms(&mut e.forms, &lang, preferred);
            push_forms(&mut e.forbidden, &lang, forbidden);
        }
        if !e.forms.is_empty() {
            imported.entries.push(e);
        } else {
            imported.dropped.push(format!(
                "entry {} has no accepted term and was skipped",
                e.id.as_deref().unwrap_or("without id")
            ));
        }
    }
    imported
        .dropped
        .extend(dropped.into_iter().map(|(what, n)| format!("{n} × {what}")));
    imported
}

fn push_forms(map: &mut Vec<(String, Vec<String>)>, lang: &str, forms: Vec<String>) {
    if forms.is_empty() {
        return;
    }
    match map.iter_mut().find(|(l, _)| l == lang) {
        Some((_, v)) => {
            for f in forms {
                if !v.contains(&f) {
                    v.push(f);
                }
            }
        }
        None => map.push((lang.to_string(), forms)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        for (v, s) in [
            ("preferredTerm-admn-sts", Some(Status::Preferred)),
            ("admittedTerm-admn-sts", Some(Status::Admitted)),
            ("deprecatedTerm-admn-sts", Some(Status::Forbidden)),
            ("supersededTerm-admn-sts", Some(Status::Forbidden)),
            ("notRecommended", Some(Status::Forbidden)),
            ("preferred", Some(Status::Preferred)),
            ("forbidden", Some(Status::Forbidden)),
            ("standardizedTerm", Some(Status::Admitted)),
            ("whatever", None),
        ] {
            assert_eq!(status_of(v), s, "{v}");
        }
    }

    #[test]
    fn regional_codes_fold_unless_they_clash() {
        let concept = |langs: &[&str]| RawConcept {
            langs: langs.iter().map(|l| (l.to_string(), Vec::new())).collect(),
            ..RawConcept::default()
        };
        let names = language_names(&[concept(&["vi-VN", "en-US"])]);
        assert_eq!(names["en-US"], "en");
        assert_eq!(names["vi-VN"], "vi");
        let names = language_names(&[concept(&["en-US", "en-GB", "vi"])]);
        assert_eq!(names["en-US"], "en-US");
        assert_eq!(names["vi"], "vi");
    }

    #[test]
    fn rejects_what_is_not_tbx() {
        let err = import("<html><body/></html>", "x.tbx")
            .unwrap_err()
            .to_string();
        assert!(err.contains("expected a TBX file"), "{err}");
        let err = import("<martif><text><body><termEntry>", "x.tbx")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("x.tbx: line 1:"), "{err}");
    }
}
