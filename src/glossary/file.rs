//! A glossary file as its editors wrote it: the text with its comments,
//! blank lines and line endings, where each entry starts and ends, and each
//! entry's keys and forms with their positions, read tolerantly so that one
//! broken entry does not hide the problems of the others.
//!
//! The maintenance commands build on this: `lint` reports problems at the
//! position of the offending entry, key or form; `fmt` and `add` replace
//! whole entries line by line and leave every other line — comments, blank
//! lines, section headers — byte for byte as it was.

use std::collections::BTreeSet;
use std::ops::Range;

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::load::RESERVED_KEYS;
use super::yaml::{self, Mark, Node, Value};
use super::Kind;

/// A comment: from `#` to the end of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// 1-based line.
    pub line: usize,
    /// Byte offset of `#` in the text.
    pub start: usize,
    /// Nothing but whitespace before it on its line.
    pub full_line: bool,
}

/// How the `entries:` value is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntriesLayout {
    /// `entries:` followed by `- ` items; `key_line` is the line of
    /// `entries:`.
    Block { key_line: usize },
    /// `entries: [...]`, from `key_line` to `last_line` (the line of the
    /// closing bracket).
    Flow {
        key_line: usize,
        last_line: usize,
        empty: bool,
    },
    /// `entries:` with nothing after it.
    Null { key_line: usize },
    /// No usable `entries` key (the file does not load).
    Missing,
}

/// One item of the `entries` list and the lines it occupies.
#[derive(Debug, Clone)]
pub struct Item {
    pub node: Node,
    /// First line: the line of its `-` indicator (1-based).
    pub first_line: usize,
    /// Last line holding any of its content (1-based, inclusive).
    pub last_line: usize,
    /// 0-based column of its `-` indicator.
    pub dash_column: usize,
}

/// A glossary file's text and layout.
#[derive(Debug, Clone)]
pub struct GlossaryFile {
    pub path: String,
    /// The file started with a UTF-8 byte-order mark (kept on rewrite).
    pub bom: bool,
    /// The text without the byte-order mark.
    pub text: String,
    /// "\r\n" when most lines end so, else "\n"; used for new lines.
    pub newline: &'static str,
    /// Byte range of each line's content (terminator excluded); index 0 is
    /// line 1.
    pub lines: Vec<Range<usize>>,
    /// Byte range of each line including its terminator.
    pub full_lines: Vec<Range<usize>>,
    pub comments: Vec<Comment>,
    /// Lines (1-based) holding only whitespace outside any scalar.
    pub blank_lines: BTreeSet<usize>,
    /// The YAML tree; None for an empty file.
    pub root: Option<Node>,
    pub entries: EntriesLayout,
    pub items: Vec<Item>,
}

/// A YAML syntax error, positioned.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub mark: Mark,
    pub message: String,
}

impl GlossaryFile {
    /// Reads the layout of a decoded glossary text (a leading BOM is
    /// remembered and stripped).
    pub fn parse(path: &str, text: &str) -> Result<GlossaryFile, SyntaxError> {
        let (bom, text) = match text.strip_prefix('\u{FEFF}') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let root = yaml::parse(text, yaml::Limits::default()).map_err(|e| SyntaxError {
            mark: e.mark,
            message: e.message,
        })?;
        let (lines, full_lines) = split_lines(text);
        let crlf = full_lines
            .iter()
            .filter(|r| text[(*r).clone()].ends_with("\r\n"))
            .count();
        let newline = if crlf * 2 > full_lines.len() {
            "\r\n"
        } else {
            "\n"
        };
        let scan = scan_events(text).map_err(|e| SyntaxError {
            mark: e.mark,
            message: e.message,
        })?;
        let mut file = GlossaryFile {
            path: path.to_string(),
            bom,
            text: text.to_string(),
            newline,
            lines,
            full_lines,
            comments: Vec::new(),
            blank_lines: BTreeSet::new(),
            root,
            entries: EntriesLayout::Missing,
            items: Vec::new(),
        };
        file.find_comments(&scan.scalar_bytes);
        file.find_entries(&scan);
        Ok(file)
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Content of a 1-based line, terminator excluded.
    pub fn line(&self, line: usize) -> &str {
        self.lines
            .get(line.wrapping_sub(1))
            .map(|r| &self.text[r.clone()])
            .unwrap_or("")
    }

    /// A 1-based line with its terminator.
    pub fn full_line(&self, line: usize) -> &str {
        self.full_lines
            .get(line.wrapping_sub(1))
            .map(|r| &self.text[r.clone()])
            .unwrap_or("")
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.full_lines.binary_search_by(|r| {
            if offset < r.start {
                std::cmp::Ordering::Greater
            } else if offset >= r.end {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }

    /// The comment on a line, if any. Comments are found line by line, one
    /// per line, so they are sorted: a binary search (fmt asks for every
    /// line of every entry; a scan each time was quadratic).
    pub fn comment_on(&self, line: usize) -> Option<&Comment> {
        let at = self.comments.partition_point(|c| c.line < line);
        self.comments.get(at).filter(|c| c.line == line)
    }

    /// The text of a comment, `#` included.
    pub fn comment_text(&self, comment: &Comment) -> &str {
        let end = self.lines[comment.line - 1].end;
        &self.text[comment.start..end]
    }

    /// Whitespace between a trailing comment and the content before it.
    pub fn comment_gap(&self, comment: &Comment) -> &str {
        let line_start = self.lines[comment.line - 1].start;
        let before = &self.text[line_start..comment.start];
        &before[before.trim_end().len()..]
    }

    fn find_comments(&mut self, scalars: &[Range<usize>]) {
        // Scalar byte ranges are sorted by start; a '#' inside one is text.
        let inside = |offset: usize| {
            let i = scalars.partition_point(|r| r.start <= offset);
            i > 0 && scalars[i - 1].end > offset
        };
        for (i, range) in self.lines.iter().enumerate() {
            let line = &self.text[range.clone()];
            if line.trim().is_empty() {
                if !inside(range.start) {
                    self.blank_lines.insert(i + 1);
                }
                continue;
            }
            let mut prev_space = true;
            for (j, c) in line.char_indices() {
                let at = range.start + j;
                if c == '#' && prev_space && !inside(at) {
                    self.comments.push(Comment {
                        line: i + 1,
                        start: at,
                        full_line: line[..j].trim().is_empty(),
                    });
                    break;
                }
                prev_space = c == ' ' || c == '\t';
            }
        }
    }

    fn find_entries(&mut self, scan: &Scan) {
        let Some(Node {
            value: Value::Map(pairs),
            ..
        }) = &self.root
        else {
            return;
        };
        let Some((key, value)) = pairs.iter().find(|(k, _)| k.as_str() == Some("entries")) else {
            return;
        };
        let key_line = key.mark.line;
        match &value.value {
            Value::Seq(items) => {
                let Some(spans) = &scan.entries else {
                    return;
                };
                if spans.flow {
                    let last = self.line_of(spans.end.saturating_sub(1));
                    self.entries = EntriesLayout::Flow {
                        key_line,
                        last_line: last,
                        empty: items.is_empty(),
                    };
                    return;
                }
                self.entries = EntriesLayout::Block { key_line };
                for (node, span) in items.iter().zip(&spans.items) {
                    let (first_line, dash_column) = self.dash_before(span.start);
                    let last_line = self.line_of(span.end.saturating_sub(1));
                    self.items.push(Item {
                        node: node.clone(),
                        first_line,
                        last_line: last_line.max(first_line),
                        dash_column,
                    });
                }
            }
            _ if value.is_null() => self.entries = EntriesLayout::Null { key_line },
            _ => {}
        }
    }

    /// The line and column of the `-` that introduces an item whose content
    /// starts at byte `offset`: the last non-blank character before it,
    /// outside comments.
    fn dash_before(&self, offset: usize) -> (usize, usize) {
        let mut line = self.line_of(offset);
        let mut end = offset;
        loop {
            let range = self.lines[line - 1].clone();
            let end_here = end.min(range.end);
            let comment = self.comment_on(line).map_or(range.end, |c| c.start);
            let before = &self.text[range.start..end_here.min(comment)];
            if let Some(j) = before.rfind('-') {
                if before[j + 1..].trim().is_empty() {
                    let column = self.text[range.start..range.start + j].chars().count();
                    return (line, column);
                }
            }
            if !before.trim().is_empty() || line == 1 {
                // Not a block item after all; the item starts where its
                // content does.
                let l = self.line_of(offset);
                let start = self.lines[l - 1].start;
                return (l, self.text[start..offset].chars().count());
            }
            line -= 1;
            end = usize::MAX;
        }
    }
}

fn split_lines(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut lines = Vec::new();
    let mut full = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                let end = if i > start && bytes[i - 1] == b'\r' {
                    i - 1
                } else {
                    i
                };
                lines.push(start..end);
                full.push(start..i + 1);
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                lines.push(start..i);
                full.push(start..i + 1);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push(start..bytes.len());
        full.push(start..bytes.len());
    }
    (lines, full)
}

/// Byte spans of the items of the top-level `entries` sequence.
struct EntrySpans {
    flow: bool,
    end: usize,
    items: Vec<Range<usize>>,
}

struct Scan {
    /// Byte ranges of every scalar (quotes included), sorted by start.
    scalar_bytes: Vec<Range<usize>>,
    entries: Option<EntrySpans>,
}

/// Walks the parser's events once more for what the tree does not keep:
/// where each scalar ends (so that a `#` inside a quoted form is not taken
/// for a comment) and where each entry's content ends.
fn scan_events(text: &str) -> Result<Scan, yaml::YamlError> {
    // Char index → byte offset; the parser counts chars.
    let mut byte_at: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    byte_at.push(text.len());
    let to_byte = |i: usize| byte_at.get(i).copied().unwrap_or(text.len());
    let mut parser = Parser::new_from_str(text);
    let mut scalars = Vec::new();
    // Stack of open collections: (is_mapping, is_flow, items seen).
    let mut stack: Vec<(bool, bool, usize)> = Vec::new();
    let mut entries: Option<EntrySpans> = None;
    // Depth of the entries sequence on the stack while inside it.
    let mut in_entries: Option<usize> = None;
    let mut next_is_entries = false;
    let mut current: Option<Range<usize>> = None;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| yaml::YamlError {
            mark: Mark {
                line: e.marker().line(),
                column: e.marker().col() + 1,
            },
            message: format!("YAML syntax error: {}", e.info()),
        })?;
        let start = to_byte(span.start.index());
        let end = to_byte(span.end.index());
        // A value event at the item level of the entries sequence starts
        // an entry.
        let item_level = in_entries.is_some_and(|d| stack.len() == d);
        let mut content_end: Option<usize> = None;
        match &event {
            Event::Scalar(value, style, _, _) => {
                let mut e = end;
                if matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted) {
                    // The parser's span of a quoted scalar in block context
                    // runs on over the spaces and comment after it.
                    e = quoted_end(text, start, *style == ScalarStyle::DoubleQuoted).unwrap_or(end);
                } else if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                    // A block scalar's span runs over trailing blank
                    // lines; its content ends at its last non-blank char.
                    e = start + text[start..end].trim_end().len();
                } else if span.start.index() == span.end.index() && value.is_empty() {
                    e = start;
                }
                scalars.push(start..e.max(start));
                content_end = Some(e);
            }
            Event::Alias(_) => content_end = Some(end),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((_, flow, _)) = stack.last() {
                    if *flow {
                        // The span starts at the closing bracket.
                        content_end = Some(start + 1);
                    }
                }
            }
            _ => {}
        }
        if item_level
            && matches!(
                event,
                Event::Scalar(..)
                    | Event::Alias(_)
                    | Event::SequenceStart(..)
                    | Event::MappingStart(..)
            )
        {
            if let (Some(cur), Some(list)) = (current.take(), entries.as_mut()) {
                list.items.push(cur);
            }
            current = Some(start..start);
        }
        if let (Some(e), Some(cur)) = (content_end, current.as_mut()) {
            if in_entries.is_some_and(|d| stack.len() >= d) {
                cur.end = cur.end.max(e);
            }
        }
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let is_map = matches!(event, Event::MappingStart(..));
                let flow = span.end.index() > span.start.index();
                if next_is_entries && !is_map {
                    entries = Some(EntrySpans {
                        flow,
                        end,
                        items: Vec::new(),
                    });
                    in_entries = Some(stack.len() + 1);
                }
                next_is_entries = false;
                if let Some(top) = stack.last_mut() {
                    top.2 += 1;
                }
                stack.push((is_map, flow, 0));
                if flow {
                    if let Some(cur) = current.as_mut() {
                        cur.end = cur.end.max(end);
                    }
                }
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if in_entries == Some(stack.len()) {
                    if let Some(list) = entries.as_mut() {
                        if let Some(cur) = current.take() {
                            list.items.push(cur);
                        }
                        if list.flow {
                            list.end = start + 1;
                        }
                    }
                    in_entries = None;
                }
                stack.pop();
            }
            Event::Scalar(value, ..) => {
                // A key of the root mapping (depth 1, even item count).
                let is_root_key = stack.len() == 1
                    && stack[0].0
                    && stack[0].2.is_multiple_of(2)
                    && in_entries.is_none();
                next_is_entries = is_root_key && value == "entries";
                if let Some(top) = stack.last_mut() {
                    top.2 += 1;
                }
            }
            Event::Alias(_) => {
                next_is_entries = false;
                if let Some(top) = stack.last_mut() {
                    top.2 += 1;
                }
            }
            _ => {}
        }
    }
    scalars.sort_by_key(|r| r.start);
    Ok(Scan {
        scalar_bytes: scalars,
        entries,
    })
}

/// Byte offset just after the closing quote of the quoted scalar that
/// starts at `start` (its opening quote).
fn quoted_end(text: &str, start: usize, double: bool) -> Option<usize> {
    let quote = if double { '"' } else { '\'' };
    let mut chars = text.get(start..)?.char_indices();
    if chars.next()?.1 != quote {
        return None;
    }
    while let Some((i, c)) = chars.next() {
        if double && c == '\\' {
            chars.next();
        } else if c == quote {
            // In single quotes, '' is an escaped quote.
            if !double && text[start + i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some(start + i + 1);
        }
    }
    None
}

/// A scalar as written, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub text: String,
    pub mark: Mark,
}

/// The forms of one language (accepted or forbidden) as written.
#[derive(Debug, Clone)]
pub struct RawForms {
    pub lang: String,
    pub key_mark: Mark,
    pub forms: Vec<Text>,
}

/// A problem that makes an entry invalid, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub mark: Mark,
    pub kind: ProblemKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// An empty form.
    EmptyForm,
    /// A key that looks like a language code not in `languages`.
    UndeclaredLanguage,
    /// Anything else the format does not allow.
    Invalid,
}

/// One entry read tolerantly: every well-formed part is kept, every
/// problem recorded.
#[derive(Debug, Clone)]
pub struct RawEntry {
    /// 0-based index in `entries`.
    pub index: usize,
    /// Position of the entry (its first key).
    pub mark: Mark,
    pub id: Option<Text>,
    pub kind: Option<Text>,
    pub forms: Vec<RawForms>,
    pub forbidden_mark: Option<Mark>,
    pub forbidden: Vec<RawForms>,
    pub note: Option<Text>,
    pub case: Option<Text>,
    pub fuzzy: Option<Text>,
    pub problems: Vec<Problem>,
}

impl RawEntry {
    /// "entry 12 (id: north-korea)", as the loader says it.
    pub fn label(&self) -> String {
        match &self.id {
            Some(id) => format!("entry {} (id: {})", self.index + 1, id.text),
            None => format!("entry {}", self.index + 1),
        }
    }

    pub fn forms(&self, lang: &str) -> &[Text] {
        self.forms
            .iter()
            .find(|f| f.lang == lang)
            .map(|f| f.forms.as_slice())
            .unwrap_or(&[])
    }

    pub fn forbidden(&self, lang: &str) -> &[Text] {
        self.forbidden
            .iter()
            .find(|f| f.lang == lang)
            .map(|f| f.forms.as_slice())
            .unwrap_or(&[])
    }

    /// The kind as the loader reads it (term when absent or invalid).
    pub fn kind(&self) -> Kind {
        self.kind
            .as_ref()
            .and_then(|k| Kind::parse(&k.text))
            .unwrap_or(Kind::Term)
    }

    /// Case-sensitive matching, from `case` or the kind's default.
    pub fn case_sensitive(&self) -> bool {
        match self.case.as_ref().map(|c| c.text.as_str()) {
            Some("sensitive") => true,
            Some("insensitive") => false,
            _ => self.kind().default_case() == super::CaseMode::Sensitive,
        }
    }
}

/// The declared languages and the entries of a file, read tolerantly, with
/// the problems outside entries (top level, `languages`).
#[derive(Debug, Clone, Default)]
pub struct RawGlossary {
    pub languages: Vec<String>,
    pub entries: Vec<RawEntry>,
    pub problems: Vec<Problem>,
}

fn invalid(mark: Mark, message: String) -> Problem {
    Problem {
        mark,
        kind: ProblemKind::Invalid,
        message,
    }
}

/// Reads every entry of a parsed file, recording problems instead of
/// stopping at the first. The checks mirror the loader's, which stays the
/// authority (lint also runs it).
pub fn read_entries(root: Option<&Node>) -> RawGlossary {
    let mut out = RawGlossary::default();
    let Some(root) = root else {
        out.problems.push(invalid(
            Mark { line: 1, column: 1 },
            "the glossary is empty; expected `languages:` and `entries:`".into(),
        ));
        return out;
    };
    let Value::Map(pairs) = &root.value else {
        out.problems.push(invalid(
            root.mark,
            format!(
                "expected a mapping with `languages:` and `entries:`, found {}",
                root.type_name()
            ),
        ));
        return out;
    };
    if !super::load::is_glossary_shaped(pairs) {
        out.problems
            .push(invalid(root.mark, super::load::NOT_A_GLOSSARY.into()));
        return out;
    }
    let mut entries_node = None;
    let mut have_languages = false;
    for (key, value) in pairs {
        match key.as_str() {
            Some("languages") => {
                have_languages = true;
                match &value.value {
                    Value::Seq(items) => {
                        for item in items {
                            match item.as_str().map(str::trim).filter(|c| !c.is_empty()) {
                                Some(code) if RESERVED_KEYS.contains(&code) => {
                                    out.problems.push(invalid(
                                        item.mark,
                                        format!("`{code}` is a reserved key, not a language code"),
                                    ))
                                }
                                Some(code) if out.languages.iter().any(|l| l == code) => {
                                    out.problems.push(invalid(
                                        item.mark,
                                        format!("language `{code}` is listed twice"),
                                    ))
                                }
                                Some(code) => out.languages.push(code.to_string()),
                                None => out.problems.push(invalid(
                                    item.mark,
                                    "a language code must be a non-empty string".into(),
                                )),
                            }
                        }
                        if items.is_empty() {
                            out.problems
                                .push(invalid(value.mark, "`languages` lists no language".into()));
                        }
                    }
                    _ => out.problems.push(invalid(
                        value.mark,
                        format!(
                            "`languages` must be a list of language codes, found {}",
                            value.type_name()
                        ),
                    )),
                }
            }
            Some("entries") => entries_node = Some(value),
            Some(other) => out.problems.push(invalid(
                key.mark,
                format!(
                    "unknown top-level key `{other}`{}; expected `languages` and `entries`",
                    crate::did_you_mean::hint(other, &super::load::TOP_LEVEL_KEYS)
                ),
            )),
            None => out
                .problems
                .push(invalid(key.mark, "top-level keys must be strings".into())),
        }
    }
    if !have_languages {
        out.problems.push(invalid(
            root.mark,
            "missing `languages:` (e.g. `languages: [vi, en]`)".into(),
        ));
    }
    let Some(entries_node) = entries_node else {
        out.problems
            .push(invalid(root.mark, "missing `entries:`".into()));
        return out;
    };
    match &entries_node.value {
        Value::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                out.entries.push(read_entry(index, item, &out.languages));
            }
        }
        _ if entries_node.is_null() => {}
        _ => out.problems.push(invalid(
            entries_node.mark,
            format!(
                "`entries` must be a list, found {}",
                entries_node.type_name()
            ),
        )),
    }
    out
}

fn read_entry(index: usize, node: &Node, languages: &[String]) -> RawEntry {
    let mut entry = RawEntry {
        index,
        mark: node.mark,
        id: None,
        kind: None,
        forms: Vec::new(),
        forbidden_mark: None,
        forbidden: Vec::new(),
        note: None,
        case: None,
        fuzzy: None,
        problems: Vec::new(),
    };
    let Value::Map(pairs) = &node.value else {
        entry.problems.push(invalid(
            node.mark,
            format!(
                "expected a mapping of keys to forms, found {}",
                node.type_name()
            ),
        ));
        return entry;
    };
    let text = |n: &Node| Text {
        text: n.as_str().unwrap_or("").to_string(),
        mark: n.mark,
    };
    for (key, value) in pairs {
        let Some(name) = key.as_str() else {
            entry
                .problems
                .push(invalid(key.mark, "keys must be strings".into()));
            continue;
        };
        match name {
            "id" => match value.as_str().map(str::trim) {
                Some(id) if !id.is_empty() => entry.id = Some(text(value)),
                _ => entry.problems.push(invalid(
                    value.mark,
                    "`id` must be a non-empty string".into(),
                )),
            },
            "kind" => {
                let t = value.as_str().unwrap_or("");
                if Kind::parse(t).is_none() {
                    entry.problems.push(invalid(
                        value.mark,
                        format!("unknown kind `{t}`; expected one of person, place, organization, event, term, other"),
                    ));
                }
                entry.kind = Some(text(value));
            }
            "case" => {
                let t = value.as_str().unwrap_or("");
                if t != "sensitive" && t != "insensitive" {
                    entry.problems.push(invalid(
                        value.mark,
                        format!("`case` must be `sensitive` or `insensitive`, found `{t}`"),
                    ));
                }
                entry.case = Some(text(value));
            }
            "fuzzy" => {
                if !matches!(
                    value.as_str(),
                    Some("true" | "True" | "yes" | "false" | "False" | "no")
                ) {
                    entry.problems.push(invalid(
                        value.mark,
                        "`fuzzy` must be `true` or `false`".into(),
                    ));
                }
                entry.fuzzy = Some(text(value));
            }
            "override" => {
                if !matches!(
                    value.as_str(),
                    Some("true" | "True" | "yes" | "false" | "False" | "no")
                ) {
                    entry.problems.push(invalid(
                        value.mark,
                        "`override` must be `true` or `false`".into(),
                    ));
                }
            }
            "note" => match value.as_str() {
                Some(_) => entry.note = Some(text(value)),
                None => entry
                    .problems
                    .push(invalid(value.mark, "`note` must be text".into())),
            },
            "forbidden" => {
                entry.forbidden_mark = Some(key.mark);
                let Value::Map(langs) = &value.value else {
                    entry.problems.push(invalid(
                        value.mark,
                        format!(
                            "`forbidden` must map languages to forms (e.g. `forbidden: {{en: [Ha Noi]}}`), found {}",
                            value.type_name()
                        ),
                    ));
                    continue;
                };
                for (lang_key, forms) in langs {
                    if let Some(lang) = language_key(lang_key, languages, &mut entry.problems) {
                        let forms =
                            read_forms(forms, &format!("forbidden.{lang}"), &mut entry.problems);
                        entry.forbidden.push(RawForms {
                            lang,
                            key_mark: lang_key.mark,
                            forms,
                        });
                    }
                }
            }
            _ => {
                if let Some(lang) = language_key(key, languages, &mut entry.problems) {
                    let forms = read_forms(value, &lang, &mut entry.problems);
                    entry.forms.push(RawForms {
                        lang,
                        key_mark: key.mark,
                        forms,
                    });
                }
            }
        }
    }
    if entry.forms.is_empty() && entry.problems.is_empty() {
        entry.problems.push(invalid(
            node.mark,
            "no forms; give at least one language, e.g. `vi: …`".into(),
        ));
    }
    entry
}

fn language_key(key: &Node, languages: &[String], problems: &mut Vec<Problem>) -> Option<String> {
    let name = key.as_str().unwrap_or("");
    if languages.iter().any(|l| l == name) {
        return Some(name.to_string());
    }
    let looks_like_language = (2..=3).contains(&name.split('-').next().unwrap_or("").len())
        && name.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    problems.push(if looks_like_language {
        Problem {
            mark: key.mark,
            kind: ProblemKind::UndeclaredLanguage,
            message: format!(
                "language `{name}` is not declared in `languages` ({})",
                languages.join(", ")
            ),
        }
    } else {
        invalid(
            key.mark,
            format!(
                "unknown key `{name}`{}; expected a language code ({}) or one of: {}",
                crate::did_you_mean::hint(name, &RESERVED_KEYS),
                languages.join(", "),
                RESERVED_KEYS.join(", ")
            ),
        )
    });
    None
}

fn read_forms(node: &Node, what: &str, problems: &mut Vec<Problem>) -> Vec<Text> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar { .. } => vec![node],
        Value::Map(_) => {
            problems.push(invalid(
                node.mark,
                format!("`{what}` must be a form or a list of forms, found a mapping"),
            ));
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for item in &items {
        if let Some(hidden) = item.as_str().and_then(crate::normalize::only_invisible) {
            problems.push(Problem {
                mark: item.mark,
                kind: ProblemKind::EmptyForm,
                message: super::load::invisible_form("", what, &hidden),
            });
            continue;
        }
        match (&item.value, item.as_str()) {
            (_, Some(t)) if !t.trim().is_empty() => out.push(Text {
                text: t.to_string(),
                mark: item.mark,
            }),
            (Value::Scalar { .. }, _) => problems.push(Problem {
                mark: item.mark,
                kind: ProblemKind::EmptyForm,
                message: format!("empty form in `{what}`"),
            }),
            _ => problems.push(invalid(
                item.mark,
                format!(
                    "a form in `{what}` must be text, found {}",
                    item.type_name()
                ),
            )),
        }
    }
    if items.is_empty() {
        problems.push(Problem {
            mark: node.mark,
            kind: ProblemKind::EmptyForm,
            message: format!("`{what}` lists no form"),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let f = GlossaryFile::parse(
            "g",
            "languages: [vi]\nentries:\n  - vi: 'it''s #1'  # one\n    note: \"a \\\" # b\"  # two\n",
        )
        .unwrap();
        let found: Vec<&str> = f.comments.iter().map(|c| f.comment_text(c)).collect();
        assert_eq!(found, ["# one", "# two"]);
    }

    const SAMPLE: &str = "# head\nlanguages: [vi, en]  # langs\nentries:\n\n  # ---- Section ----\n  - id: a  # CLDR A\n    vi: [Hà Nội, 'x #y']\n    # inner\n    en: \"q\"\n    note: |\n      line one\n      # not a comment\n\n  # between\n  -\n    id: b\n    en:\n      - X\n      - Y\n    forbidden:\n      en: [Z,\n        W]\n# tail\n";

    #[test]
    fn finds_comments_outside_scalars() {
        let f = GlossaryFile::parse("g.yaml", SAMPLE).unwrap();
        let found: Vec<(usize, &str, bool)> = f
            .comments
            .iter()
            .map(|c| (c.line, f.comment_text(c), c.full_line))
            .collect();
        assert_eq!(
            found,
            [
                (1, "# head", true),
                (2, "# langs", false),
                (5, "# ---- Section ----", true),
                (6, "# CLDR A", false),
                (8, "# inner", true),
                (14, "# between", true),
                (23, "# tail", true),
            ]
        );
        assert_eq!(f.comment_gap(&f.comments[1]), "  ");
        assert_eq!(f.blank_lines.iter().copied().collect::<Vec<_>>(), [4, 13]);
    }

    #[test]
    fn finds_entry_line_spans() {
        let f = GlossaryFile::parse("g.yaml", SAMPLE).unwrap();
        assert_eq!(f.entries, EntriesLayout::Block { key_line: 3 });
        let spans: Vec<(usize, usize, usize)> = f
            .items
            .iter()
            .map(|i| (i.first_line, i.last_line, i.dash_column))
            .collect();
        assert_eq!(spans, [(6, 12, 2), (15, 22, 2)]);
    }

    #[test]
    fn flow_and_empty_entries() {
        let f = GlossaryFile::parse("g", "languages: [vi]\nentries: [\n  {vi: a}\n]\n").unwrap();
        assert_eq!(
            f.entries,
            EntriesLayout::Flow {
                key_line: 2,
                last_line: 4,
                empty: false
            }
        );
        let f = GlossaryFile::parse("g", "languages: [vi]\nentries:\n").unwrap();
        assert_eq!(f.entries, EntriesLayout::Null { key_line: 2 });
        let f = GlossaryFile::parse("g", "\u{FEFF}languages: [vi]\r\nentries: []\r\n").unwrap();
        assert!(f.bom);
        assert_eq!(f.newline, "\r\n");
        assert!(matches!(f.entries, EntriesLayout::Flow { empty: true, .. }));
    }

    #[test]
    fn reads_every_problem_of_every_entry() {
        let f = GlossaryFile::parse(
            "g",
            "languages: [vi, en]\nentries:\n  - id: a\n    vi: ['', B]\n    fr: C\n    kinds: x\n  - id: b\n    kind: city\n    vi: D\n",
        )
        .unwrap();
        let raw = read_entries(f.root.as_ref());
        let problems: Vec<(usize, usize, ProblemKind)> = raw
            .entries
            .iter()
            .flat_map(|e| {
                e.problems
                    .iter()
                    .map(|p| (p.mark.line, p.mark.column, p.kind))
            })
            .collect();
        assert_eq!(
            problems,
            [
                (4, 10, ProblemKind::EmptyForm),
                (5, 5, ProblemKind::UndeclaredLanguage),
                (6, 5, ProblemKind::Invalid),
                (8, 11, ProblemKind::Invalid),
            ]
        );
        assert_eq!(raw.entries[0].forms("vi")[0].text, "B");
    }

    #[test]
    fn lint_reads_invisible_only_forms_as_empty() {
        // Refused forms beside look-alikes with visible text.
        let cases = [
            ("\"\\u200B\"", true),
            ("\"Nga\\u200B\"", false),
            ("\"\\u00AD \"", true),
            ("\"Ha\\u00ADnoi\"", false),
            ("\"\\u2061\\uFE0E\"", true),
            ("\"x\\uFE0E\"", false),
        ];
        for (form, refused) in cases {
            let text = format!("languages: [vi, en]\nentries:\n  - vi: Nga\n    en: {form}\n");
            let f = GlossaryFile::parse("g", &text).unwrap();
            let raw = read_entries(f.root.as_ref());
            let problems: Vec<_> = raw.entries[0].problems.iter().map(|p| p.kind).collect();
            let want: &[ProblemKind] = if refused {
                &[ProblemKind::EmptyForm]
            } else {
                &[]
            };
            assert_eq!(problems, want, "{form}");
        }
    }
}
