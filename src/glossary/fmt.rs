//! The canonical form of a glossary file and `glossary fmt`, which rewrites
//! entries into it line by line.
//!
//! Canonical entry (documented in docs/glossary.md):
//!
//! ```yaml
//!   - id: north-korea
//!     kind: place
//!     vi: [Triều Tiên, Bắc Triều Tiên]
//!     en: [North Korea, DPRK]
//!     forbidden:
//!       en: [Korea North]
//!     note: Free text.
//!     case: sensitive
//!     fuzzy: false
//! ```
//!
//! Keys in the order id, kind, the languages in `languages` order,
//! forbidden (languages in the same order), note, case, fuzzy, override; `kind`
//! always written, `fuzzy` only when false; forms always as a flow list;
//! forms in NFC with the house tone placement (the normalizer's: hòa, khỏe,
//! thủy, quý) and single spaces; scalars plain where YAML allows and no YAML
//! reader could take them for anything but a string, else single-quoted,
//! else double-quoted.
//!
//! Only entries change. Everything between and around them — comments,
//! blank lines, the header, `languages:` — is kept byte for byte, and the
//! comments and blank lines inside an entry move with the key they belong
//! to. The result is verified before anything is written: it must load to
//! the same entries (forms normalized) and keep every comment.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use super::file::{EntriesLayout, GlossaryFile};
use super::yaml::Value;
use super::{load_str, Entry, Glossary, Limits};
use crate::error::{Error, Result};

/// The house form of a glossary form: NFC, the normalizer's tone placement,
/// whitespace runs as one space, trimmed.
pub fn house_form(form: &str) -> String {
    let nfc: String = form.nfc().collect();
    let spaced = nfc.split_whitespace().collect::<Vec<_>>().join(" ");
    retone(&spaced)
}

/// Moves every Vietnamese word's tone mark to the house position.
pub fn retone(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Vec<char> = Vec::new();
    let flush = |word: &mut Vec<char>, out: &mut String| {
        if !word.iter().all(char::is_ascii) {
            crate::lang::vi::retone(word);
        }
        out.extend(word.drain(..));
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Tone placement of one word where the two styles differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToneStyle {
    /// The house style: hòa, khỏe, thủy, quý.
    House,
    /// The other style (hoà, khoẻ, thuỷ) or a misplaced mark (qúy).
    Other,
}

/// The tone style of each word of `text` whose spelling depends on the
/// style; words that are the same in both styles are skipped.
pub fn tone_styles(text: &str) -> Vec<(String, ToneStyle)> {
    let nfc: String = text.nfc().collect();
    let mut out = Vec::new();
    for word in nfc.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.is_ascii() {
            continue;
        }
        let mut chars: Vec<char> = word.chars().collect();
        if crate::lang::vi::retone(&mut chars) {
            out.push((word.to_string(), ToneStyle::Other));
        } else if is_house_open_pair(word) {
            out.push((word.to_string(), ToneStyle::House));
        }
    }
    out
}

/// "hòa", "khỏe", "thủy": a word ending in open oa/oe/uy (not after q)
/// with the tone on the first vowel of the pair.
fn is_house_open_pair(word: &str) -> bool {
    use crate::lang::vi::split_tone;
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 2 {
        return false;
    }
    let (a, tone) = split_tone(chars[n - 2]);
    let (b, tone_b) = split_tone(chars[n - 1]);
    if tone == 0 || tone_b != 0 {
        return false;
    }
    let pair = (
        a.to_lowercase().next().unwrap_or(a),
        b.to_lowercase().next().unwrap_or(b),
    );
    let after_q = n >= 3 && matches!(chars[n - 3], 'q' | 'Q');
    matches!(pair, ('o', 'a') | ('o', 'e')) || (pair == ('u', 'y') && !after_q)
}

/// Words that YAML 1.1 or 1.2 readers resolve to something other than a
/// string when written plain.
fn resolves_to_non_string(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes",
        "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        "=", "<<",
    ];
    if WORDS.contains(&s) {
        return true;
    }
    let unsigned = s.trim_start_matches(['+', '-']);
    let lower = unsigned.to_ascii_lowercase();
    if matches!(lower.as_str(), ".inf" | ".nan" | "inf" | "nan") {
        return true;
    }
    if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
        return true;
    }
    let first_digit = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if first_digit {
        let cleaned: String = unsigned.chars().filter(|&c| c != '_').collect();
        if cleaned.parse::<f64>().is_ok() {
            return true;
        }
        // YAML 1.1 sexagesimal numbers (1:20) and timestamps (2024-01-31).
        if cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            && cleaned.contains(':')
        {
            return true;
        }
        let b = cleaned.as_bytes();
        if b.len() >= 8
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5].is_ascii_digit()
        {
            return true;
        }
    }
    false
}

/// Can `s` be written as a plain scalar (in a flow list when `flow`)?
fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    if s.trim() != s
        || s.chars().any(|c| {
            c.is_control() || c == '\u{FEFF}' || c == '\u{85}' || c == '\u{2028}' || c == '\u{2029}'
        })
    {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    if s.contains(": ") || s.contains(" #") || s.ends_with(':') {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}']) {
        return false;
    }
    !resolves_to_non_string(s)
}

/// A scalar as YAML text: plain where possible; else double-quoted when
/// that needs no escape, else single-quoted (no escapes either), else
/// double-quoted with escapes (control characters).
pub fn scalar(s: &str, flow: bool) -> String {
    if plain_ok(s, flow) {
        return s.to_string();
    }
    let control = s
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}'));
    if !control && !s.contains(['"', '\\']) {
        return format!("\"{s}\"");
    }
    if !control {
        return format!("'{}'", s.replace('\'', "''"));
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn flow_list(forms: &[String]) -> String {
    let items: Vec<String> = forms.iter().map(|f| scalar(f, true)).collect();
    format!("[{}]", items.join(", "))
}

/// An entry with its forms in house form and its note in NFC: what fmt
/// makes of it.
pub fn canonical_entry(entry: &Entry) -> Entry {
    let house = |forms: &[(String, Vec<String>)]| {
        forms
            .iter()
            .map(|(l, fs)| (l.clone(), fs.iter().map(|f| house_form(f)).collect()))
            .collect()
    };
    Entry {
        forms: house(&entry.forms),
        forbidden: house(&entry.forbidden),
        note: entry.note.as_ref().map(|n| n.nfc().collect()),
        ..entry.clone()
    }
}

/// One key line of a rendered entry.
#[derive(Debug, Clone)]
struct KeyLine {
    /// "id", "vi", "forbidden", "forbidden.en", …
    slot: String,
    /// Nesting below the entry: 0 for entry keys, 1 under `forbidden`.
    depth: usize,
    text: String,
}

/// The key lines of an entry in canonical order, without comments; `order`
/// is the declared language order (languages not in it follow in entry
/// order).
fn key_lines(entry: &Entry, order: &[String]) -> Vec<KeyLine> {
    fn sorted<'a>(
        forms: &'a [(String, Vec<String>)],
        order: &[String],
    ) -> Vec<&'a (String, Vec<String>)> {
        let mut v: Vec<&(String, Vec<String>)> = forms.iter().collect();
        v.sort_by_key(|(l, _)| order.iter().position(|o| o == l).unwrap_or(usize::MAX));
        v
    }
    let mut out = Vec::new();
    let mut push =
        |slot: String, depth: usize, text: String| out.push(KeyLine { slot, depth, text });
    if let Some(id) = &entry.id {
        push("id".into(), 0, format!("id: {}", scalar(id, false)));
    }
    push("kind".into(), 0, format!("kind: {}", entry.kind.as_str()));
    for (lang, forms) in sorted(&entry.forms, order) {
        push(
            lang.clone(),
            0,
            format!("{}: {}", scalar(lang, false), flow_list(forms)),
        );
    }
    if !entry.forbidden.is_empty() {
        push("forbidden".into(), 0, "forbidden:".into());
        for (lang, forms) in sorted(&entry.forbidden, order) {
            push(
                format!("forbidden.{lang}"),
                1,
                format!("{}: {}", scalar(lang, false), flow_list(forms)),
            );
        }
    }
    if let Some(note) = &entry.note {
        push("note".into(), 0, format!("note: {}", scalar(note, false)));
    }
    if let Some(case) = entry.case {
        push("case".into(), 0, format!("case: {}", case.as_str()));
    }
    if !entry.fuzzy {
        push("fuzzy".into(), 0, "fuzzy: false".into());
    }
    if entry.replaces {
        push("override".into(), 0, "override: true".into());
    }
    out
}

/// Renders a new entry (no comments) at `indent` (column of its `-`).
pub fn render_entry(entry: &Entry, languages: &[String], indent: usize) -> Vec<String> {
    key_lines(entry, languages)
        .into_iter()
        .enumerate()
        .map(|(i, k)| line_for(&k, i == 0, indent))
        .collect()
}

fn line_for(k: &KeyLine, first: bool, indent: usize) -> String {
    if first {
        format!("{}- {}", " ".repeat(indent), k.text)
    } else {
        format!("{}{}", " ".repeat(indent + 2 + 2 * k.depth), k.text)
    }
}

/// The original key lines of an item: slot name → 1-based line.
fn original_key_lines(node: &super::yaml::Node) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    if let Value::Map(pairs) = &node.value {
        for (k, v) in pairs {
            let name = k.as_str().unwrap_or("").to_string();
            out.push((name.clone(), k.mark.line));
            if name == "forbidden" {
                if let Value::Map(sub) = &v.value {
                    for (sk, _) in sub {
                        out.push((
                            format!("forbidden.{}", sk.as_str().unwrap_or("")),
                            sk.mark.line,
                        ));
                    }
                }
            }
        }
    }
    out
}

/// Renders item `i` of `file` canonically, with the comments and blank
/// lines inside it attached to their keys: a full-line comment or blank
/// line to the key after it, a trailing comment to the key on its line.
fn render_item(
    file: &GlossaryFile,
    item: usize,
    entry: &Entry,
    languages: &[String],
    indent: usize,
) -> Vec<String> {
    let it = &file.items[item];
    let keys = key_lines(&canonical_entry(entry), languages);
    let originals = original_key_lines(&it.node);
    let line_of_slot = |slot: &str| originals.iter().find(|(s, _)| s == slot).map(|(_, l)| *l);
    // Sorted (line, slot) of the original keys.
    let mut by_line: Vec<(usize, &str)> = originals.iter().map(|(s, l)| (*l, s.as_str())).collect();
    by_line.sort();
    let mut leading: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut trailing: BTreeMap<&str, Vec<(String, String)>> = BTreeMap::new();
    let mut after_all: Vec<String> = Vec::new();
    let range = it.first_line..it.last_line + 1;
    for line in range.clone() {
        let comment = file.comment_on(line);
        let blank = file.blank_lines.contains(&line);
        match comment {
            Some(c) if !c.full_line => {
                let owner = by_line
                    .iter()
                    .rev()
                    .find(|(l, _)| *l <= line)
                    .or(by_line.first())
                    .map(|(_, s)| *s)
                    .unwrap_or("");
                trailing.entry(owner).or_default().push((
                    file.comment_gap(c).to_string(),
                    file.comment_text(c).to_string(),
                ));
            }
            _ if comment.is_some() || blank => {
                let text = file.line(line).to_string();
                match by_line.iter().find(|(l, _)| *l > line) {
                    Some((_, slot)) => leading.entry(slot).or_default().push(text),
                    None => after_all.push(text),
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let slot_name = if line_of_slot(&k.slot).is_some() {
            k.slot.as_str()
        } else {
            ""
        };
        if let Some(lines) = leading.get(slot_name) {
            out.extend(lines.iter().cloned());
        }
        let mut line = line_for(k, i == 0, indent);
        if let Some(comments) = trailing.get(slot_name) {
            let (gap, text) = &comments[0];
            line.push_str(if gap.is_empty() { " " } else { gap });
            line.push_str(text);
            out.push(line);
            let pad = " ".repeat(indent + 2 + 2 * k.depth);
            out.extend(comments[1..].iter().map(|(_, t)| format!("{pad}{t}")));
        } else {
            out.push(line);
        }
    }
    out.extend(after_all);
    out
}

/// One entry that fmt rewrote, for `--check` reports.
#[derive(Debug, Clone)]
pub struct Change {
    pub label: String,
    /// First line of the entry in the original file.
    pub line: usize,
    pub old: Vec<String>,
    pub new: Vec<String>,
}

/// What fmt made of a file.
#[derive(Debug, Clone)]
pub struct Formatted {
    /// The new file contents (byte-order mark included if there was one).
    pub text: String,
    /// Entries whose text changed, in file order.
    pub changes: Vec<Change>,
    /// Entries that moved (`--sort`), as labels.
    pub moved: Vec<String>,
}

impl Formatted {
    pub fn is_unchanged(&self) -> bool {
        self.changes.is_empty() && self.moved.is_empty()
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct FmtOptions {
    /// Order entries by id within each group (a run of entries not
    /// separated by a blank line or a comment).
    pub sort: bool,
}

fn refuse(file: &GlossaryFile, message: String) -> Error {
    Error::Glossary {
        path: file.path.clone().into(),
        message,
    }
}

/// Formats a glossary file. The file must load; a file whose comments or
/// blank lines cannot be kept is refused with the lines named.
pub fn format(file: &GlossaryFile, options: FmtOptions) -> Result<Formatted> {
    let glossary = load_str(&file.text, &file.path, &Limits::default())?;
    let languages = glossary.languages.clone();
    let nl = file.newline;
    let mut out = String::new();
    if file.bom {
        out.push('\u{FEFF}');
    }
    let mut changes = Vec::new();
    let mut moved = Vec::new();
    let entries_key_column = match &file.root {
        Some(root) => match &root.value {
            Value::Map(pairs) => pairs
                .iter()
                .find(|(k, _)| k.as_str() == Some("entries"))
                .map(|(k, _)| k.mark.column)
                .unwrap_or(1),
            _ => 1,
        },
        None => 1,
    };
    let indent = entries_key_column - 1 + 2;
    match &file.entries {
        EntriesLayout::Flow {
            key_line,
            last_line,
            empty: false,
        } => {
            // A flow list of entries has no line per entry: it is rewritten
            // whole, which is only safe without comments or blank lines in it.
            let lost: Vec<usize> = (*key_line..=*last_line)
                .filter(|l| file.comment_on(*l).is_some() || file.blank_lines.contains(l))
                .collect();
            if !lost.is_empty()
                || entries_key_column != 1
                || !file.line(*key_line).starts_with("entries")
            {
                return Err(refuse(
                    file,
                    format!(
                        "`entries` is a flow list (`[...]`) with comments or blank lines on {}; rewriting it as a block list would lose them — move them out of the list first",
                        lines_phrase(&lost)
                    ),
                ));
            }
            for line in 1..*key_line {
                out.push_str(file.full_line(line));
            }
            out.push_str("entries:");
            out.push_str(nl);
            for entry in &glossary.entries {
                let new = render_entry(&canonical_entry(entry), &languages, 2);
                for l in &new {
                    out.push_str(l);
                    out.push_str(nl);
                }
                changes.push(Change {
                    label: entry.label(),
                    line: entry.origin.line,
                    old: Vec::new(),
                    new,
                });
            }
            for line in last_line + 1..=file.line_count() {
                out.push_str(file.full_line(line));
            }
        }
        EntriesLayout::Block { .. } => {
            let items = &file.items;
            // Groups: runs of items with no line between them.
            let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
            for i in 0..items.len() {
                match groups.last_mut() {
                    Some(g) if items[i].first_line == items[i - 1].last_line + 1 => g.end = i + 1,
                    _ => groups.push(i..i + 1),
                }
            }
            let mut cursor = 1;
            for group in groups {
                let mut order: Vec<usize> = group.clone().collect();
                if options.sort {
                    order.sort_by(|&a, &b| {
                        let key = |i: usize| {
                            let id = glossary.entries[i].id.as_deref();
                            (id.is_none(), id.unwrap_or("").to_string())
                        };
                        key(a).cmp(&key(b))
                    });
                }
                let first = items[group.start].first_line;
                for line in cursor..first {
                    out.push_str(file.full_line(line));
                }
                for (pos, &i) in order.iter().enumerate() {
                    let item = &items[i];
                    let entry = &glossary.entries[i];
                    if i != group.start + pos {
                        moved.push(entry.label());
                    }
                    let old: Vec<String> = (item.first_line..=item.last_line)
                        .map(|l| file.line(l).to_string())
                        .collect();
                    let new = render_item(file, i, entry, &languages, indent);
                    if new == old {
                        for l in item.first_line..=item.last_line {
                            let full = file.full_line(l);
                            out.push_str(full);
                            if !full.ends_with('\n') && !full.ends_with('\r') {
                                out.push_str(nl);
                            }
                        }
                    } else {
                        for l in &new {
                            out.push_str(l);
                            out.push_str(nl);
                        }
                        changes.push(Change {
                            label: entry.label(),
                            line: item.first_line,
                            old,
                            new,
                        });
                    }
                }
                cursor = items[group.end - 1].last_line + 1;
            }
            for line in cursor..=file.line_count() {
                out.push_str(file.full_line(line));
            }
        }
        _ => out.push_str(&file.text),
    }
    let formatted = Formatted {
        text: out,
        changes,
        moved,
    };
    if !formatted.is_unchanged() {
        verify(file, &glossary, &formatted.text, options.sort)?;
    }
    Ok(formatted)
}

/// "line 4", "lines 4, 9"
pub fn lines_phrase(lines: &[usize]) -> String {
    let list: Vec<String> = lines.iter().map(usize::to_string).collect();
    match list.len() {
        1 => format!("line {}", list[0]),
        _ => format!("lines {}", list.join(", ")),
    }
}

/// Two entries mean the same (positions aside).
pub fn same_entry(a: &Entry, b: &Entry) -> bool {
    let forms = |f: &[(String, Vec<String>)]| {
        let mut v = f.to_vec();
        v.sort();
        v
    };
    a.id == b.id
        && a.kind == b.kind
        && forms(&a.forms) == forms(&b.forms)
        && forms(&a.forbidden) == forms(&b.forbidden)
        && a.note == b.note
        && a.case == b.case
        && a.fuzzy == b.fuzzy
        && a.replaces == b.replaces
}

/// Checks a rewrite before it is written: same entries (forms in house
/// form), same comments, same blank lines outside entries. A failure is a
/// bug in fmt; refusing keeps the file safe.
fn verify(file: &GlossaryFile, before: &Glossary, text: &str, sorted: bool) -> Result<()> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let after = load_str(body, &file.path, &Limits::default()).map_err(|e| {
        refuse(
            file,
            format!("fmt produced a file that does not load ({e}); nothing was written"),
        )
    })?;
    let mut expected: Vec<Entry> = before.entries.iter().map(canonical_entry).collect();
    let mut got: Vec<Entry> = after.entries.clone();
    if sorted {
        let key = |e: &Entry| (e.id.clone(), format!("{:?}", e.forms));
        expected.sort_by_key(key);
        got.sort_by_key(key);
    }
    if expected.len() != got.len() || expected.iter().zip(&got).any(|(a, b)| !same_entry(a, b)) {
        return Err(refuse(
            file,
            "fmt would change the meaning of an entry; nothing was written (please report this)"
                .into(),
        ));
    }
    let new_file = GlossaryFile::parse(&file.path, body).map_err(|e| refuse(file, e.message))?;
    let texts = |f: &GlossaryFile| {
        let mut v: Vec<String> = f
            .comments
            .iter()
            .map(|c| f.comment_text(c).to_string())
            .collect();
        v.sort();
        v
    };
    let (old, new) = (texts(file), texts(&new_file));
    if old != new {
        let lost: Vec<usize> = file
            .comments
            .iter()
            .filter(|c| {
                new.binary_search(&file.comment_text(c).to_string())
                    .is_err()
            })
            .map(|c| c.line)
            .collect();
        return Err(refuse(
            file,
            format!(
                "fmt would lose the comments on {}; nothing was written",
                lines_phrase(&lost)
            ),
        ));
    }
    if file.blank_lines.len() != new_file.blank_lines.len() {
        return Err(refuse(
            file,
            format!(
                "fmt would change the blank lines ({} before, {} after); nothing was written",
                file.blank_lines.len(),
                new_file.blank_lines.len()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str, sort: bool) -> Result<Formatted> {
        let file = GlossaryFile::parse("g.yaml", text).unwrap();
        format(&file, FmtOptions { sort })
    }

    #[test]
    fn house_forms() {
        assert_eq!(house_form("  Hoà \u{00A0} Bình "), "Hòa Bình");
        assert_eq!(house_form("Thuy\u{0309} Sĩ"), "Thủy Sĩ");
        assert_eq!(house_form("qúy"), "quý");
        assert_eq!(house_form("José Orbán"), "José Orbán");
    }

    #[test]
    fn tone_styles_of_words() {
        let styles = |s: &str| {
            tone_styles(s)
                .into_iter()
                .map(|(_, t)| t)
                .collect::<Vec<_>>()
        };
        assert_eq!(styles("Hòa Bình"), [ToneStyle::House]);
        assert_eq!(styles("Khánh Hoà"), [ToneStyle::Other]);
        assert_eq!(styles("quý qúy"), [ToneStyle::Other]);
        assert_eq!(
            styles("thủy thuỷ khỏe"),
            [ToneStyle::House, ToneStyle::Other, ToneStyle::House]
        );
        assert!(styles("hoàng Hà Nội quý").is_empty());
    }

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        for (s, flow, want) in [
            ("North Korea", true, "North Korea"),
            ("People's Court", true, "People's Court"),
            ("a, b", true, "\"a, b\""),
            ("a, \"b\"", true, "'a, \"b\"'"),
            ("back\\slash, 'q'", true, "'back\\slash, ''q'''"),
            ("a, b", false, "a, b"),
            ("\"X\" said", false, "'\"X\" said'"),
            ("No", true, "\"No\""),
            ("2024", true, "\"2024\""),
            ("1.5", false, "\"1.5\""),
            ("G7", true, "G7"),
            ("S&P 500", true, "S&P 500"),
            ("& co", true, "\"& co\""),
            ("key: value", false, "\"key: value\""),
            ("it's #1", false, "\"it's #1\""),
            ("it's#1", true, "it's#1"),
            ("a #b", true, "\"a #b\""),
            ("line\nbreak", false, "\"line\\nbreak\""),
            ("OPEC+", true, "OPEC+"),
            ("$", true, "$"),
        ] {
            assert_eq!(scalar(s, flow), want, "{s:?}");
        }
    }

    #[test]
    fn rewrites_only_what_is_not_canonical() {
        let text = "# head\nlanguages: [vi, en]\nentries:\n  # Section\n  - id: a  # keep\n    kind: place\n    vi: [Hà Nội]\n    en: [Hanoi]\n\n  - en: Saigon   # trailing\n    # about vi\n    vi: TP Hồ Chí Minh\n    kind: place\n    id: b\n# tail\n";
        let f = fmt(text, false).unwrap();
        assert_eq!(
            f.text,
            "# head\nlanguages: [vi, en]\nentries:\n  # Section\n  - id: a  # keep\n    kind: place\n    vi: [Hà Nội]\n    en: [Hanoi]\n\n  - id: b\n    kind: place\n    # about vi\n    vi: [TP Hồ Chí Minh]\n    en: [Saigon]   # trailing\n# tail\n"
        );
        assert_eq!(f.changes.len(), 1);
        assert_eq!(f.changes[0].line, 10);
        let again = fmt(&f.text, false).unwrap();
        assert!(again.is_unchanged());
        assert_eq!(again.text, f.text);
    }

    #[test]
    fn sort_orders_within_groups_only() {
        let text = "languages: [vi]\nentries:\n  - id: c\n    kind: term\n    vi: [c]\n  - id: a\n    kind: term\n    vi: [a]\n  # group two\n  - id: b\n    kind: term\n    vi: [b]\n  - kind: term\n    vi: [x]\n  - id: a2\n    kind: term\n    vi: [a2]\n";
        let f = fmt(text, true).unwrap();
        let ids: Vec<&str> = f
            .text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- "))
            .collect();
        assert_eq!(ids, ["id: a", "id: c", "id: a2", "id: b", "kind: term"]);
        assert!(f.text.contains("    vi: [c]\n  # group two\n  - id: a2\n"));
        assert!(fmt(&f.text, true).unwrap().is_unchanged());
    }

    #[test]
    fn refuses_to_flatten_a_commented_flow_list() {
        let err = fmt(
            "languages: [vi]\nentries: [\n  {vi: a},  # one\n  {vi: b}\n]\n",
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("g.yaml: `entries` is a flow list"), "{err}");
        assert!(err.contains("line 3"), "{err}");
        let ok = fmt("languages: [vi]\nentries: [{vi: a}, {vi: 'b'}]\n", false).unwrap();
        assert_eq!(
            ok.text,
            "languages: [vi]\nentries:\n  - kind: term\n    vi: [a]\n  - kind: term\n    vi: [b]\n"
        );
    }

    #[test]
    fn crlf_bom_and_missing_final_newline_are_kept() {
        let text = "\u{FEFF}languages: [vi]\r\nentries:\r\n  - vi: hoà\r\n    kind: term";
        let f = fmt(text, false).unwrap();
        assert_eq!(
            f.text,
            "\u{FEFF}languages: [vi]\r\nentries:\r\n  - kind: term\r\n    vi: [hòa]\r\n"
        );
    }
}
