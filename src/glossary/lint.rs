//! `glossary lint`: everything that makes a glossary wrong or weak, each
//! at the file, line and column of the entry, key or form concerned, with a
//! stable code and, where one is mechanical, a fix.
//!
//! Codes and severities (docs/glossary.md explains each with its fix):
//!
//! | code | severity |
//! | --- | --- |
//! | `syntax` | error |
//! | `invalid` | error |
//! | `empty-form` | error |
//! | `undeclared-language` | error |
//! | `duplicate-id` | error |
//! | `conflict` | error |
//! | `forbidden-accepted` | error |
//! | `near-duplicate` | warning |
//! | `duplicate-form` | warning |
//! | `single-language` | warning |
//! | `not-nfc` | warning |
//! | `tone-mixed` | warning |
//! | `whitespace` | warning |
//!
//! Errors are what makes the checker wrong: it refuses the file, or it
//! would report a correct translation (a source form claimed by two entries
//! with different renderings; an accepted rendering that another entry
//! forbids). Warnings are what makes the glossary weak or untidy without
//! misleading the checker, which normalizes NFC, tone placement and
//! whitespace itself; `glossary fmt` fixes the last three.
//!
//! Precision: the shipped glossary deliberately shares target renderings
//! between entries ("parliament" for several legislatures, "Hanoi" as a
//! metonym for Vietnam) and lists case variants of one name in one entry,
//! so only the source language (the first declared, or `--source`) is
//! checked for conflicts, identical target forms in two entries are fine,
//! and variants within one entry are never reported.

use std::collections::{BTreeMap, HashMap, HashSet};

use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::file::{GlossaryFile, ProblemKind, RawEntry, RawGlossary, Text};
use super::fmt::{house_form, retone, tone_styles, ToneStyle};
use super::yaml::Mark;
use super::{index::is_word_char, load_str, Kind, Limits};
use crate::names::index::FuzzyIndex;
use crate::names::variant::VariantReason;
use crate::normalize::{fold_case, normalize_str};

/// Severity of a lint diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// The stable lint codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    Syntax,
    Invalid,
    EmptyForm,
    UndeclaredLanguage,
    DuplicateId,
    Conflict,
    ForbiddenAccepted,
    NearDuplicate,
    DuplicateForm,
    SingleLanguage,
    NotNfc,
    ToneMixed,
    Whitespace,
}

impl Code {
    pub const ALL: [Code; 13] = [
        Code::Syntax,
        Code::Invalid,
        Code::EmptyForm,
        Code::UndeclaredLanguage,
        Code::DuplicateId,
        Code::Conflict,
        Code::ForbiddenAccepted,
        Code::NearDuplicate,
        Code::DuplicateForm,
        Code::SingleLanguage,
        Code::NotNfc,
        Code::ToneMixed,
        Code::Whitespace,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::Syntax => "syntax",
            Code::Invalid => "invalid",
            Code::EmptyForm => "empty-form",
            Code::UndeclaredLanguage => "undeclared-language",
            Code::DuplicateId => "duplicate-id",
            Code::Conflict => "conflict",
            Code::ForbiddenAccepted => "forbidden-accepted",
            Code::NearDuplicate => "near-duplicate",
            Code::DuplicateForm => "duplicate-form",
            Code::SingleLanguage => "single-language",
            Code::NotNfc => "not-nfc",
            Code::ToneMixed => "tone-mixed",
            Code::Whitespace => "whitespace",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Code::Syntax
            | Code::Invalid
            | Code::EmptyForm
            | Code::UndeclaredLanguage
            | Code::DuplicateId
            | Code::Conflict
            | Code::ForbiddenAccepted => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The entry a diagnostic is about.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EntryRef {
    /// 1-based position in `entries`.
    pub number: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

/// One finding of lint.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<EntryRef>,
    pub message: String,
    /// What to do about it; present when the fix is mechanical.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
}

/// The diagnostics of one file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FileReport {
    pub path: String,
    pub entries: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Default)]
pub struct LintOptions {
    /// The language whose forms are looked up in source texts; conflicts
    /// are checked in it. Default: the first declared language.
    pub source: Option<String>,
}

fn entry_ref(e: &RawEntry) -> Option<EntryRef> {
    Some(EntryRef {
        number: e.index + 1,
        id: e.id.as_ref().map(|t| t.text.clone()),
    })
}

/// “text”, as messages quote forms.
fn q(s: &str) -> String {
    format!("\u{201C}{s}\u{201D}")
}

struct Out {
    diagnostics: Vec<Diagnostic>,
}

impl Out {
    fn push(
        &mut self,
        code: Code,
        mark: Mark,
        entry: Option<&RawEntry>,
        message: String,
        fix: Option<String>,
    ) {
        let message = match entry {
            Some(e) => format!("{}: {message}", e.label()),
            None => message,
        };
        self.diagnostics.push(Diagnostic {
            code,
            severity: code.severity(),
            line: mark.line,
            column: mark.column,
            entry: entry.and_then(entry_ref),
            message,
            fix,
        });
    }
}

/// Lints one glossary text; `path` names it in the report.
pub fn lint_text(path: &str, text: &str, options: &LintOptions) -> FileReport {
    let mut out = Out {
        diagnostics: Vec::new(),
    };
    let mut entries = 0;
    match GlossaryFile::parse(path, text) {
        Err(e) => out.push(Code::Syntax, e.mark, None, e.message, None),
        Ok(file) => {
            let raw = super::file::read_entries(file.root.as_ref());
            entries = raw.entries.len();
            lint_raw(&raw, options, &mut out);
            // The loader is the authority on validity: whatever it rejects
            // must be an error here too, even if the tolerant reading above
            // missed it.
            if let Err(e) = load_str(&file.text, path, &Limits::default()) {
                if !out
                    .diagnostics
                    .iter()
                    .any(|d| d.severity == Severity::Error)
                {
                    let (mark, message) = match &e {
                        crate::Error::GlossaryAt {
                            line,
                            column,
                            message,
                            ..
                        } => (
                            Mark {
                                line: *line,
                                column: *column,
                            },
                            message.clone(),
                        ),
                        other => (Mark { line: 1, column: 1 }, other.to_string()),
                    };
                    out.push(Code::Invalid, mark, None, message, None);
                }
            }
        }
    }
    let mut diagnostics = out.diagnostics;
    diagnostics.sort_by(|a, b| {
        (a.line, a.column, a.code, &a.message).cmp(&(b.line, b.column, b.code, &b.message))
    });
    diagnostics.dedup();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    FileReport {
        path: path.to_string(),
        entries,
        errors,
        warnings: diagnostics.len() - errors,
        diagnostics,
    }
}

fn lint_raw(raw: &RawGlossary, options: &LintOptions, out: &mut Out) {
    for p in &raw.problems {
        out.push(Code::Invalid, p.mark, None, p.message.clone(), None);
    }
    for e in &raw.entries {
        for p in &e.problems {
            let code = match p.kind {
                ProblemKind::EmptyForm => Code::EmptyForm,
                ProblemKind::UndeclaredLanguage => Code::UndeclaredLanguage,
                ProblemKind::Invalid => Code::Invalid,
            };
            let fix = match p.kind {
                ProblemKind::EmptyForm => Some("delete the empty form".to_string()),
                ProblemKind::UndeclaredLanguage => Some(format!(
                    "add the language to `languages: [{}]` or fix the key",
                    raw.languages.join(", ")
                )),
                ProblemKind::Invalid => None,
            };
            out.push(code, p.mark, Some(e), p.message.clone(), fix);
        }
    }
    duplicate_ids(raw, out);
    per_form(raw, out);
    single_language(raw, out);
    let source = options
        .source
        .clone()
        .or_else(|| raw.languages.first().cloned());
    let mut pairs = HashSet::new();
    if let Some(source) = &source {
        pairs = conflicts(raw, source, out);
    }
    forbidden_accepted(raw, out);
    near_duplicates(raw, source.as_deref(), pairs, out);
}

fn duplicate_ids(raw: &RawGlossary, out: &mut Out) {
    let mut seen: HashMap<&str, &RawEntry> = HashMap::new();
    for e in &raw.entries {
        let Some(id) = &e.id else { continue };
        match seen.get(id.text.as_str()) {
            Some(first) => out.push(
                Code::DuplicateId,
                id.mark,
                Some(e),
                format!(
                    "duplicate id `{}`, already used by {} at line {}",
                    id.text,
                    first.label(),
                    first.mark.line
                ),
                None,
            ),
            None => {
                seen.insert(&id.text, e);
            }
        }
    }
}

/// All forms of an entry, accepted then forbidden, with their language and
/// whether they are forbidden.
fn all_forms(e: &RawEntry) -> impl Iterator<Item = (&str, &Text, bool)> {
    e.forms
        .iter()
        .flat_map(|f| f.forms.iter().map(move |t| (f.lang.as_str(), t, false)))
        .chain(
            e.forbidden
                .iter()
                .flat_map(|f| f.forms.iter().map(move |t| (f.lang.as_str(), t, true))),
        )
}

/// Checks that look at one form: NFC, whitespace, tone style, duplicates
/// within the entry.
fn per_form(raw: &RawGlossary, out: &mut Out) {
    // Tone styles across the whole file: only a mix is reported.
    let mut house = 0usize;
    let mut other = 0usize;
    for e in &raw.entries {
        for (_, t, _) in all_forms(e) {
            for (_, style) in tone_styles(&t.text) {
                match style {
                    ToneStyle::House => house += 1,
                    ToneStyle::Other => other += 1,
                }
            }
        }
    }
    let mixed = house > 0 && other > 0;
    for e in &raw.entries {
        for (_, t, _) in all_forms(e) {
            let s = &t.text;
            if !is_nfc(s) {
                let fixed: String = s.nfc().collect();
                out.push(
                    Code::NotNfc,
                    t.mark,
                    Some(e),
                    format!("{} is not in Unicode NFC (decomposed accents)", q(s)),
                    Some(format!("write {} (glossary fmt does this)", q(&fixed))),
                );
            }
            let cleaned = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if cleaned != *s {
                let what = if s.trim() != s {
                    "leading or trailing whitespace"
                } else if s.contains("  ") {
                    "doubled spaces"
                } else {
                    "whitespace other than single spaces"
                };
                out.push(
                    Code::Whitespace,
                    t.mark,
                    Some(e),
                    format!("{} has {what}", q(s)),
                    Some(format!("write {} (glossary fmt does this)", q(&cleaned))),
                );
            }
            if mixed {
                let others: Vec<String> = tone_styles(s)
                    .into_iter()
                    .filter(|(_, st)| *st == ToneStyle::Other)
                    .map(|(w, _)| w)
                    .collect();
                if !others.is_empty() {
                    let fixed = retone(&s.nfc().collect::<String>());
                    out.push(
                        Code::ToneMixed,
                        t.mark,
                        Some(e),
                        format!(
                            "{} places the tone mark the other way ({}) while the file also uses the house style (hòa, thủy, quý): {house} house-style and {other} other-style words",
                            q(s),
                            others.join(", ")
                        ),
                        Some(format!("write {} (glossary fmt does this)", q(&fixed))),
                    );
                }
            }
        }
        let mut lists: Vec<(String, &[Text])> = Vec::new();
        for f in &e.forms {
            lists.push((format!("`{}`", f.lang), &f.forms));
        }
        for f in &e.forbidden {
            lists.push((format!("`forbidden.{}`", f.lang), &f.forms));
        }
        for (what, forms) in lists {
            let mut seen: HashSet<String> = HashSet::new();
            for t in forms {
                // The same text once fmt has normalized it; dash variants
                // that the matcher folds are listed on purpose.
                let key = house_form(&t.text);
                if !seen.insert(key) {
                    out.push(
                        Code::DuplicateForm,
                        t.mark,
                        Some(e),
                        format!("{} is listed twice in {what}", q(&t.text)),
                        Some("delete the second one".into()),
                    );
                }
            }
        }
    }
}

fn single_language(raw: &RawGlossary, out: &mut Out) {
    if raw.languages.len() < 2 {
        return;
    }
    for e in &raw.entries {
        if e.forms.len() == 1 && e.problems.is_empty() {
            let missing: Vec<&str> = raw
                .languages
                .iter()
                .filter(|l| **l != e.forms[0].lang)
                .map(String::as_str)
                .collect();
            out.push(
                Code::SingleLanguage,
                e.mark,
                Some(e),
                format!(
                    "has forms only in `{}`: nothing to check a translation against (no {})",
                    e.forms[0].lang,
                    missing.join(", ")
                ),
                None,
            );
        }
    }
}

/// The key under which two forms can match the same text: case-folded for
/// grouping; case-sensitive forms also keep their case up to the first
/// letter, which the matcher always accepts capitalized.
fn sensitive_key(norm: &str) -> String {
    let mut chars = norm.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn renderings(e: &RawEntry, lang: &str) -> Vec<String> {
    let mut v: Vec<String> = e
        .forms(lang)
        .iter()
        .map(|t| normalize_str(&t.text))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The same source form in two entries: the checker can only pick one of
/// them, so a translation using the other's renderings would be reported.
/// Each entry is reported once per shared form, against the first earlier
/// entry with the same renderings (a duplicate) or else the first earlier
/// one it collides with (a conflict): all pairs of k entries sharing a form
/// were k² diagnostics. Returns the pairs of entries reported, so that they
/// are not reported again as near-duplicates.
fn conflicts(raw: &RawGlossary, source: &str, out: &mut Out) -> HashSet<(usize, usize)> {
    let targets: Vec<&String> = raw.languages.iter().filter(|l| *l != source).collect();
    let mut groups: BTreeMap<String, Vec<(usize, &Text, String)>> = BTreeMap::new();
    for (i, e) in raw.entries.iter().enumerate() {
        for t in e.forms(source) {
            let norm = normalize_str(&t.text);
            groups
                .entry(fold_case(&norm))
                .or_default()
                .push((i, t, norm));
        }
    }
    let mut signatures: HashMap<usize, Vec<Vec<String>>> = HashMap::new();
    let mut reported: HashSet<(usize, usize)> = HashSet::new();
    for members in groups.values() {
        // The first member of each kind seen so far: any, case-insensitive,
        // by case-sensitive key; and the same with equal renderings.
        let mut first_any: Option<usize> = None;
        let mut first_loose: Option<usize> = None;
        let mut first_by_key: HashMap<String, usize> = HashMap::new();
        let mut same_any: HashMap<Vec<Vec<String>>, usize> = HashMap::new();
        let mut same_loose: HashMap<Vec<Vec<String>>, usize> = HashMap::new();
        let mut same_by_key: HashMap<(String, Vec<Vec<String>>), usize> = HashMap::new();
        for &(j, t, ref norm) in members {
            count_comparison();
            let ej = &raw.entries[j];
            let signature = signatures
                .entry(j)
                .or_insert_with(|| targets.iter().map(|l| renderings(ej, l)).collect())
                .clone();
            let key = sensitive_key(norm);
            let earliest = |a: Option<usize>, b: Option<usize>| match (a, b) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            let (partner, twin) = if ej.case_sensitive() {
                (
                    earliest(first_loose, first_by_key.get(&key).copied()),
                    earliest(
                        same_loose.get(&signature).copied(),
                        same_by_key.get(&(key.clone(), signature.clone())).copied(),
                    ),
                )
            } else {
                (first_any, same_any.get(&signature).copied())
            };
            first_any.get_or_insert(j);
            if !ej.case_sensitive() {
                first_loose.get_or_insert(j);
                same_loose.entry(signature.clone()).or_insert(j);
            }
            first_by_key.entry(key.clone()).or_insert(j);
            same_any.entry(signature.clone()).or_insert(j);
            same_by_key.entry((key, signature)).or_insert(j);
            let (i, duplicate) = match (twin, partner) {
                (Some(i), _) if i != j => (i, true),
                (_, Some(i)) if i != j => (i, false),
                _ => continue,
            };
            if !reported.insert((i, j)) {
                continue;
            }
            let ei = &raw.entries[i];
            if duplicate {
                out.push(
                    Code::NearDuplicate,
                    t.mark,
                    Some(ej),
                    format!(
                        "{} is also a form of {} (line {}) with the same renderings: the entries duplicate each other",
                        q(&t.text),
                        ei.label(),
                        ei.mark.line
                    ),
                    Some(format!("merge it into {}", ei.label())),
                );
                continue;
            }
            let differing: Vec<String> = targets
                .iter()
                .filter(|l| renderings(ei, l) != renderings(ej, l))
                .map(|l| {
                    let show = |e: &RawEntry| {
                        let v: Vec<&str> = e.forms(l).iter().map(|t| t.text.as_str()).collect();
                        if v.is_empty() {
                            "nothing".to_string()
                        } else {
                            v.join(" | ")
                        }
                    };
                    format!("{l}: {} vs {}", show(ei), show(ej))
                })
                .collect();
            out.push(
                Code::Conflict,
                t.mark,
                Some(ej),
                format!(
                    "source form {} is also a form of {} (line {}), which renders it differently ({}); the checker can only apply one of them",
                    q(&t.text),
                    ei.label(),
                    ei.mark.line,
                    differing.join("; ")
                ),
                None,
            );
        }
    }
    reported
}

/// Counts pairs of forms or entries that lint compares (tests prove with it
/// that lint's work grows linearly with the glossary).
fn count_comparison() {
    #[cfg(test)]
    tests::COMPARISONS.with(|n| n.set(n.get() + 1));
}

/// Does forbidden form `f` (of an entry with `sensitive` case) occur as
/// whole words in `text`, the way the checker's forbidden matcher finds it?
fn forbidden_hits(f: &str, sensitive: bool, text: &str) -> bool {
    let (hay, needle) = (fold_case(text), fold_case(f));
    // A form of invisible characters only normalizes to nothing.
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(&needle) {
        let start = from + pos;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let first = f.chars().next();
        let last = f.chars().next_back();
        let joins = |o: Option<char>, i: Option<char>| matches!((o, i), (Some(o), Some(i)) if is_word_char(o) && is_word_char(i));
        let bounded = !joins(before, first) && !joins(after, last);
        let case_ok = !sensitive
            || {
                let found = &text[start..end];
                let mut fc = f.chars();
                let mut gc = found.chars();
                found == f
                    || matches!((fc.next(), gc.next()), (Some(a), Some(b)) if a.to_uppercase().eq(std::iter::once(b)) && fc.as_str() == gc.as_str())
            };
        if bounded && case_ok {
            return true;
        }
        from = start + needle.chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// An accepted form that a forbidden form matches: the translation the
/// glossary asks for would be reported as forbidden. The forbidden forms of
/// a language are found in its accepted forms with one automaton, so that
/// only forms containing one are compared (every forbidden form against
/// every accepted form was their product).
fn forbidden_accepted(raw: &RawGlossary, out: &mut Out) {
    // (entry, forbidden language, form, normalized form) per language.
    let mut by_lang: BTreeMap<&str, Vec<(usize, &Text, String)>> = BTreeMap::new();
    for (i, e) in raw.entries.iter().enumerate() {
        for fb in &e.forbidden {
            for f in &fb.forms {
                by_lang
                    .entry(fb.lang.as_str())
                    .or_default()
                    .push((i, f, normalize_str(&f.text)));
            }
        }
    }
    for (lang, forbidden) in by_lang {
        let needles: Vec<String> = forbidden.iter().map(|(_, _, nf)| fold_case(nf)).collect();
        let Ok(automaton) = aho_corasick::AhoCorasick::new(&needles) else {
            continue;
        };
        for (j, other) in raw.entries.iter().enumerate() {
            for a in other.forms(lang) {
                let na = normalize_str(&a.text);
                let mut hit: Vec<usize> = automaton
                    .find_overlapping_iter(&fold_case(&na))
                    .map(|m| m.pattern().as_usize())
                    .collect();
                hit.sort_unstable();
                hit.dedup();
                for p in hit {
                    count_comparison();
                    let (i, f, nf) = &forbidden[p];
                    let e = &raw.entries[*i];
                    if !forbidden_hits(nf, e.case_sensitive(), &na) {
                        continue;
                    }
                    let whose = if *i == j {
                        "this entry".to_string()
                    } else {
                        format!("{} (line {})", other.label(), other.mark.line)
                    };
                    let how = if fold_case(&na) == fold_case(nf) {
                        "is accepted by".to_string()
                    } else {
                        format!("occurs in {}, accepted by", q(&a.text))
                    };
                    out.push(
                        Code::ForbiddenAccepted,
                        f.mark,
                        Some(e),
                        format!(
                            "forbidden `{lang}` form {} {how} {whose}: that rendering would always be reported",
                            q(&f.text)
                        ),
                        None,
                    );
                }
            }
        }
    }
}

/// How many forms of one text are tried as the partner of a near-duplicate,
/// and how many texts of one loose key are compared: all of them in any
/// real glossary, a bound in a hostile one.
const PARTNERS_TRIED: usize = 16;

fn is_name(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Person | Kind::Place | Kind::Organization | Kind::Event
    )
}

/// The text two forms share when they differ only in case, separators
/// (spaces, hyphens, dots, apostrophes) or — outside Vietnamese, where
/// accents are letters ("Nhà Trắng" is not "Nha Trang") — accents. Other
/// symbols count: "US$" is not "US", "OPEC+" is not "OPEC".
fn loose_key(form: &str, lang: &str) -> String {
    let house = house_form(form);
    let letters: String = if lang == "vi" {
        house
    } else {
        house
            .nfd()
            .filter(|c| unicode_normalization::char::canonical_combining_class(*c) == 0)
            .collect()
    };
    fold_case(&letters)
        .chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(c, '-' | '.' | '\'' | '\u{2019}' | '\u{2010}'..='\u{2015}'))
        })
        .collect()
}

/// A form written like a proper name: capitalized, not an acronym. Only
/// these are compared by name similarity ("legislature"/"legislators" and
/// "CPP"/"CCP" are different words).
fn name_like(form: &str) -> bool {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    letters.first().is_some_and(|c| c.is_uppercase())
        && !letters.iter().all(|c| c.is_uppercase())
        && letters.len() >= 4
}

/// Numbers and Roman numerals in a form: "World War I" and "World War II"
/// are different names however similar the strings.
fn numerals(form: &str) -> Vec<&str> {
    form.split(|c: char| !c.is_alphanumeric())
        .filter(|t| {
            !t.is_empty()
                && (t.chars().all(|c| c.is_ascii_digit())
                    || t.chars()
                        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')))
        })
        .collect()
}

/// Forms of two different entries that are the same name written another
/// way: equal up to case, separators and accents (see [`loose_key`]), or a
/// near-miss by the name similarity of the names checks. Not reported:
/// identical forms (in the source language they are conflicts, in target
/// languages shared renderings are legitimate, as are case variants of
/// them: "parliament"/"Parliament"); entries that already share a form in
/// the language (their other spellings are variants of a shared name, such
/// as a capital accepted for its country); entries with `fuzzy: false`.
fn near_duplicates(
    raw: &RawGlossary,
    source: Option<&str>,
    known: HashSet<(usize, usize)>,
    out: &mut Out,
) {
    let mut reported = known;
    for lang in &raw.languages {
        let is_source = source == Some(lang.as_str());
        let mut forms: Vec<(usize, &Text, String)> = Vec::new();
        for (i, e) in raw.entries.iter().enumerate() {
            if !e.fuzzy_on() {
                continue;
            }
            for t in e.forms(lang) {
                forms.push((i, t, normalize_str(&t.text)));
            }
        }
        // Each entry's normalized forms, sorted: two entries sharing one
        // (outside the source language) are variants of a shared name.
        let mut entry_forms: HashMap<usize, Vec<&str>> = HashMap::new();
        if !is_source {
            for (i, _, norm) in &forms {
                entry_forms.entry(*i).or_default().push(norm.as_str());
            }
            for list in entry_forms.values_mut() {
                list.sort_unstable();
            }
        }
        let shares = |a: usize, b: usize| {
            let (Some(fa), Some(fb)) = (entry_forms.get(&a), entry_forms.get(&b)) else {
                return false;
            };
            let (small, large) = if fa.len() <= fb.len() {
                (fa, fb)
            } else {
                (fb, fa)
            };
            small.iter().any(|f| large.binary_search(f).is_ok())
        };
        let related = |a: usize, b: usize| -> bool {
            count_comparison();
            let ((ia, _, na), (ib, _, nb)) = (&forms[a], &forms[b]);
            ia != ib
                && na != nb
                && (is_source || fold_case(na) != fold_case(nb))
                && !shares(*ia, *ib)
        };
        // Forms by normalized text, in order: identical forms are never
        // near-duplicates of each other, so each form is paired with the
        // first related form of each other text, trying a few of them
        // ([`PARTNERS_TRIED`]) — not with every form (k² pairs for a text
        // that k entries list).
        let mut by_norm: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, (_, _, norm)) in forms.iter().enumerate() {
            by_norm.entry(norm.as_str()).or_default().push(k);
        }
        let partner = |k: usize, norm: &str| -> Option<usize> {
            by_norm
                .get(norm)?
                .iter()
                .take(PARTNERS_TRIED)
                .copied()
                .find(|&other| related(k, other))
        };
        let mut pairs: Vec<(usize, usize, &str)> = Vec::new();
        let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
        for (_, t, norm) in &forms {
            let key = loose_key(&t.text, lang);
            if !key.is_empty() {
                let texts = by_key.entry(key).or_default();
                if !texts.contains(&norm.as_str()) && texts.len() < PARTNERS_TRIED {
                    texts.push(norm.as_str());
                }
            }
        }
        for (k, (_, t, norm)) in forms.iter().enumerate() {
            let Some(texts) = by_key.get(&loose_key(&t.text, lang)) else {
                continue;
            };
            for other in texts.iter().filter(|o| **o != norm.as_str()) {
                if let Some(p) = partner(k, other).filter(|&p| p < k) {
                    pairs.push((p, k, "differs only in case, accents or punctuation from"));
                }
            }
        }
        let name_forms: Vec<usize> = (0..forms.len())
            .filter(|&k| is_name(raw.entries[forms[k].0].kind()) && name_like(&forms[k].2))
            .collect();
        // One indexed form per text, one lookup per text.
        let mut first_of: HashMap<&str, usize> = HashMap::new();
        for &k in &name_forms {
            first_of.entry(forms[k].2.as_str()).or_insert(k);
        }
        let index = FuzzyIndex::new(first_of.values().map(|&k| (k as u32, forms[k].2.as_str())));
        let mut lookups: HashMap<&str, Vec<(u32, usize, crate::names::variant::Variant)>> =
            HashMap::new();
        for &k in &name_forms {
            let norm = forms[k].2.as_str();
            let found = lookups.entry(norm).or_insert_with(|| index.lookup(norm));
            for (key, _, variant) in found.iter() {
                let text = forms[*key as usize].2.as_str();
                // Accents are letters in Vietnamese: "Nha Trang" is not a
                // plain spelling of "Nhà Trắng".
                let accents_only = variant.reason == VariantReason::Diacritics && lang == "vi";
                if variant.part.is_some() || accents_only || text == norm {
                    continue;
                }
                let Some(other) = partner(k, text) else {
                    continue;
                };
                if numerals(&forms[k].2) == numerals(&forms[other].2)
                    && loose_key(&forms[k].1.text, lang) != loose_key(&forms[other].1.text, lang)
                {
                    pairs.push((k, other, "is a near-miss of"));
                }
            }
        }
        pairs.sort_by_key(|&(a, b, _)| {
            (
                forms[a.max(b)].1.mark.line,
                forms[a.max(b)].1.mark.column,
                a.min(b),
            )
        });
        for (a, b, why) in pairs {
            let (first, second) = if forms[a].0 < forms[b].0 {
                (a, b)
            } else {
                (b, a)
            };
            let (ia, ib) = (forms[first].0, forms[second].0);
            if !reported.insert((ia, ib)) {
                continue;
            }
            let (ef, es) = (&raw.entries[ia], &raw.entries[ib]);
            let (ft, st) = (forms[first].1, forms[second].1);
            out.push(
                Code::NearDuplicate,
                st.mark,
                Some(es),
                format!(
                    "`{lang}` form {} {why} {} of {} (line {}): the same name twice?",
                    q(&st.text),
                    q(&ft.text),
                    ef.label(),
                    ef.mark.line
                ),
                Some(
                    "merge the entries, or set `fuzzy: false` on one of them if they are different names"
                        .into(),
                ),
            );
        }
    }
}

impl RawEntry {
    /// `fuzzy` is not set to false.
    pub fn fuzzy_on(&self) -> bool {
        !matches!(
            self.fuzzy.as_ref().map(|f| f.text.as_str()),
            Some("false" | "False" | "no")
        )
    }
}

/// Lints several reports' worth of text and says whether any has errors.
pub fn has_errors(reports: &[FileReport]) -> bool {
    reports.iter().any(|r| r.errors > 0)
}

/// The human rendering: one line per diagnostic (`path:line:col:
/// severity[code]: message`), its fix indented below, a summary per file.
pub fn render_human(reports: &[FileReport]) -> String {
    let mut s = String::new();
    for r in reports {
        for d in &r.diagnostics {
            s.push_str(&format!(
                "{}:{}:{}: {}[{}]: {}\n",
                r.path,
                d.line,
                d.column,
                d.severity.as_str(),
                d.code.as_str(),
                d.message
            ));
            if let Some(fix) = &d.fix {
                s.push_str(&format!("  = fix: {fix}\n"));
            }
        }
        let status = if r.diagnostics.is_empty() {
            "ok".to_string()
        } else {
            format!("{} error(s), {} warning(s)", r.errors, r.warnings)
        };
        s.push_str(&format!("{}: {} entries, {status}\n", r.path, r.entries));
    }
    s
}

/// The JSON rendering (docs/glossary.md describes it).
pub fn render_json(reports: &[FileReport]) -> String {
    let errors: usize = reports.iter().map(|r| r.errors).sum();
    let warnings: usize = reports.iter().map(|r| r.warnings).sum();
    let doc = serde_json::json!({
        "version": 1,
        "errors": errors,
        "warnings": warnings,
        "files": reports,
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// Pairs lint compared on this thread, see [`count_comparison`].
        pub(super) static COMPARISONS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// A made-up word for `i`, far from the words of other numbers (three
    /// syllables of a million, spread by a multiplier).
    fn word(i: usize) -> String {
        let (consonants, vowels) = (b"bdghklmnprstvxcfjqwz", b"aeiou");
        let mut x = (i * 7919 + 13) % 1_000_000;
        let mut w = String::new();
        for _ in 0..3 {
            w.push(consonants[x % 20] as char);
            w.push(vowels[(x / 20) % 5] as char);
            x /= 100;
        }
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// A glossary of `n` entries that all list the source form "Nga" with
    /// renderings of their own, a person's name, a forbidden form, and the
    /// same English form in every entry.
    fn crowded(n: usize) -> String {
        let mut text = String::from(HEAD);
        for i in 0..n {
            let w = word(i);
            text.push_str(&format!(
                "  - id: e{i}\n    kind: person\n    vi: [Nga, Nguyễn Văn {w}]\n    en: [Russia {w}, Nguyen Van {w}, Shared]\n    forbidden:\n      en: [Rusia {w}]\n"
            ));
        }
        text
    }

    /// Comparisons and diagnostics of lint on `crowded(n)`, per entry.
    fn lint_cost(n: usize) -> (f64, f64) {
        let text = crowded(n);
        COMPARISONS.with(|c| c.set(0));
        let report = lint_text("g.yaml", &text, &LintOptions::default());
        let comparisons = COMPARISONS.with(std::cell::Cell::get);
        (
            comparisons as f64 / n as f64,
            report.diagnostics.len() as f64 / n as f64,
        )
    }

    #[test]
    fn lint_work_grows_linearly_with_entries_sharing_a_form() {
        let (small, small_out) = lint_cost(50);
        let (big, big_out) = lint_cost(500);
        // Every entry after the first conflicts once, with the first.
        assert!(
            (0.9..4.0).contains(&small_out),
            "{small_out} diagnostics per entry"
        );
        assert!(big <= small * 1.2, "{small} vs {big} comparisons per entry");
        assert!(
            big_out <= small_out * 1.2,
            "{small_out} vs {big_out} diagnostics per entry"
        );
        let report = lint_text("g.yaml", &crowded(3), &LintOptions::default());
        let conflicts: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::Conflict)
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
        assert!(
            conflicts.iter().all(|m| m.contains("(id: e0)")),
            "{conflicts:#?}"
        );
    }

    fn codes(text: &str) -> Vec<(usize, &'static str)> {
        lint_text("g.yaml", text, &LintOptions::default())
            .diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect()
    }

    const HEAD: &str = "languages: [vi, en]\nentries:\n";

    #[test]
    fn conflicts_respect_case_modes() {
        // Two case-sensitive names that differ beyond the first letter do
        // not collide; a case-insensitive term collides with any case.
        let text = format!("{HEAD}  - kind: place\n    vi: [Liên Hợp Quốc]\n    en: [UN]\n  - kind: place\n    vi: [Liên hợp quốc]\n    en: [United Nations]\n  - kind: term\n    vi: [hòa bình]\n    en: [peace]\n  - kind: term\n    vi: [Hoà Bình]\n    en: [Hoa Binh]\n");
        assert_eq!(
            codes(&text),
            [(7, "near-duplicate"), (13, "conflict"), (13, "tone-mixed")]
        );
    }

    #[test]
    fn forbidden_accepted_counts_whole_words_only() {
        let text = format!("{HEAD}  - kind: place\n    vi: [Việt Nam]\n    en: [Vietnam]\n    forbidden:\n      en: [Viet Nam]\n  - kind: organization\n    vi: [Thông tấn xã]\n    en: [Viet Nam News Agency, Viet Namese]\n");
        assert_eq!(codes(&text), [(7, "forbidden-accepted")]);
    }

    #[test]
    fn identical_target_forms_in_two_entries_are_fine() {
        let text = format!("{HEAD}  - kind: organization\n    vi: [Quốc hội]\n    en: [National Assembly, parliament]\n  - kind: organization\n    vi: [Verkhovna Rada]\n    en: [Verkhovna Rada, parliament]\n");
        assert!(codes(&text).is_empty(), "{:?}", codes(&text));
    }

    /// Robustness: lint, fmt and add on pseudo-random glossary-shaped text
    /// never panic.
    #[test]
    fn nothing_panics_on_arbitrary_glossaries() {
        const PIECES: &[&str] = &[
            "languages: [vi, en]\n",
            "entries:\n",
            "  - ",
            "id: a",
            "    vi: ",
            "    en: ",
            "[",
            "]",
            ", ",
            "'",
            "\"",
            "#",
            " # c",
            "\n",
            "\r\n",
            "    forbidden:\n      en: ",
            "kind: place",
            "Hoà",
            "\u{200B}",
            "Ha\u{0300}",
            "  ",
            "{",
            "}",
            ":",
            "- ",
            "|\n  x\n",
            "&a ",
            "*a",
            "\u{FEFF}",
            "    note: ",
            "fuzzy: no",
            "case: sensitive",
            "Việt Nam",
            "Viet Nam",
            "fr: x",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..600 {
            let n = (next() % 40) as usize;
            let mut text = String::from("languages: [vi, en]\nentries:\n");
            for _ in 0..n {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            let _ = lint_text("g.yaml", &text, &LintOptions::default());
            if let Ok(file) = GlossaryFile::parse("g.yaml", &text) {
                if let Ok(f) = crate::glossary::fmt::format(&file, Default::default()) {
                    let again = GlossaryFile::parse("g.yaml", &f.text).unwrap();
                    let twice = crate::glossary::fmt::format(&again, Default::default()).unwrap();
                    assert!(twice.is_unchanged(), "{text:?}\n{}", f.text);
                }
                let e = crate::glossary::edit::new_entry(
                    Some("zz".into()),
                    Kind::Term,
                    vec![("vi".into(), vec!["zz".into()])],
                    Vec::new(),
                    None,
                    None,
                    true,
                );
                let _ = crate::glossary::edit::add(&file, &e, &LintOptions::default());
            }
        }
    }

    /// fmt on random but loadable glossaries — keys in any order, scalar or
    /// list forms, comments and blank lines anywhere — keeps every comment
    /// (or refuses) and is idempotent.
    #[test]
    fn fmt_keeps_comments_of_random_glossaries() {
        const VALUES: &[&str] = &[
            "Hoà Bình",
            "'a, b'",
            "\"x #y\"",
            "No",
            "'2024'",
            "Việt  Nam",
            "\"q\\\"t\"",
            "C++",
            "Ha\u{0300} Nội",
            "'it''s'",
            "US$",
            "[a, b]",
            "[Hà Nội,   thủ đô]",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut formatted = 0;
        for round in 0..300 {
            let mut text = String::from("# head\nlanguages: [vi, en]\nentries:\n");
            for i in 0..1 + next(5) {
                let mut keys = vec![
                    format!("id: e{round}x{i}"),
                    format!("vi: {}", VALUES[next(VALUES.len())]),
                    format!("en: {}", VALUES[next(VALUES.len())]),
                    "kind: place".to_string(),
                ];
                if next(3) == 0 {
                    keys.push(format!("note: {}", VALUES[next(VALUES.len())]));
                }
                if next(3) == 0 {
                    keys.push(format!(
                        "forbidden:\n      en: {}",
                        VALUES[next(VALUES.len())]
                    ));
                }
                for k in (1..keys.len()).rev() {
                    keys.swap(k, next(k + 1));
                }
                for (j, key) in keys.iter().enumerate() {
                    let lead = if j == 0 { "  - " } else { "    " };
                    if j > 0 && next(4) == 0 {
                        text.push_str(["    # inside\n", "\n", "  # odd indent\n"][next(3)]);
                    }
                    text.push_str(lead);
                    text.push_str(key);
                    if next(4) == 0 {
                        text.push_str("  # trailing");
                    }
                    text.push('\n');
                }
                if next(3) == 0 {
                    text.push_str("\n  # between\n");
                }
            }
            let Ok(file) = GlossaryFile::parse("g.yaml", &text) else {
                continue;
            };
            if load_str(&text, "g.yaml", &Limits::default()).is_err() {
                continue;
            }
            let f = crate::glossary::fmt::format(&file, Default::default())
                .unwrap_or_else(|e| panic!("{e}\n{text}"));
            formatted += 1;
            let again = GlossaryFile::parse("g.yaml", &f.text).unwrap();
            let count = |g: &GlossaryFile| g.comments.len();
            assert_eq!(count(&again), count(&file), "{text}\n---\n{}", f.text);
            let twice = crate::glossary::fmt::format(&again, Default::default()).unwrap();
            assert!(
                twice.is_unchanged(),
                "{text}\n---\n{}\n---\n{}",
                f.text,
                twice.text
            );
        }
        assert!(formatted > 150, "only {formatted} loadable samples");
    }

    #[test]
    fn fuzzy_false_silences_near_duplicates() {
        let near = format!("{HEAD}  - kind: person\n    vi: [Sergei Lavrov]\n    en: [Sergei Lavrov]\n  - kind: person\n    vi: [Sergey Lavrov]\n    en: [Sergey Lavrov]\n");
        // One report per pair of entries, at the first form that shows it.
        assert_eq!(codes(&near), [(7, "near-duplicate")]);
        let off = near.replace(
            "    en: [Sergey Lavrov]\n",
            "    en: [Sergey Lavrov]\n    fuzzy: false\n",
        );
        assert!(codes(&off).is_empty());
    }
}
