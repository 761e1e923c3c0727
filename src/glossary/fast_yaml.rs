//! A fast path for the YAML that glossaries are written in.
//!
//! Going through saphyr-parser's event stream and building the tree costs
//! about 250 instructions per byte, a second for a 100k-entry glossary.
//! Glossaries use a small, regular part of YAML: a block mapping of
//! `key: value` lines, block sequences of such mappings, one-line flow
//! sequences and plain or quoted one-line scalars. This parser reads
//! exactly that part, line by line, and builds the same [`Node`] tree, marks
//! included, as [`yaml::parse`](super::yaml::parse) would. Anything else —
//! multi-line scalars, flow mappings, anchors, tags, escapes, tabs, several
//! documents, any doubt — makes it give up (`None`), and the caller parses
//! the text with saphyr as before; errors are always saphyr's. The test
//! `fast_path_agrees_with_saphyr` compares the two trees on the default and
//! generated glossaries and on mutations of their lines.

use super::yaml::{Mark, Node, Value};

/// The tree of `text`, or None when the text is not in the subset this
/// parser reads (which says nothing about whether it is valid YAML).
pub fn parse(text: &str) -> Option<Node> {
    // Tabs and carriage returns are whitespace YAML treats specially, and
    // backslashes are escapes in double-quoted scalars.
    if text.contains(['\t', '\r', '\u{FEFF}', '\\']) {
        return None;
    }
    let mut lines: Vec<Line> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        // Document markers and directives.
        if raw.starts_with("---") || raw.starts_with("...") || raw.starts_with('%') {
            return None;
        }
        lines.extend(Line::new(i + 1, raw));
    }
    let mut parser = Parser {
        lines,
        at: 0,
        depth: 0,
    };
    let root = parser.block(0)?;
    // Everything must have been read.
    (parser.at == parser.lines.len()).then_some(root)
}

/// A line with content: its number, indentation and text after it.
struct Line<'a> {
    number: usize,
    indent: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    /// None for blank and comment-only lines.
    fn new(number: usize, raw: &'a str) -> Option<Line<'a>> {
        let text = raw.trim_start_matches(' ');
        if text.is_empty() || text.starts_with('#') || text.trim_end_matches(' ').is_empty() {
            return None;
        }
        Some(Line {
            number,
            indent: raw.len() - text.len(),
            text,
        })
    }
}

struct Parser<'a> {
    lines: Vec<Line<'a>>,
    at: usize,
    /// Block nodes open: the parser recurses once per level, so a hostile
    /// file 10,000 levels deep would overflow the stack. Past the YAML
    /// depth limit it gives up and saphyr's parse reports the limit.
    depth: usize,
}

impl<'a> Parser<'a> {
    /// The block node (mapping or sequence) whose first line is the current
    /// one, which must be indented by at least `min_indent`.
    fn block(&mut self, min_indent: usize) -> Option<Node> {
        let line = self.lines.get(self.at)?;
        if line.indent < min_indent || self.depth >= super::yaml::Limits::default().max_depth {
            return None;
        }
        self.depth += 1;
        let node = if line.text.starts_with("- ") || line.text == "-" {
            self.sequence(line.indent)
        } else {
            self.mapping(line.indent)
        };
        self.depth -= 1;
        node
    }

    /// A block mapping whose keys are at `indent`.
    fn mapping(&mut self, indent: usize) -> Option<Node> {
        self.mapping_from(indent, None)
    }

    /// A block mapping whose keys are at `indent`; `first` is its first
    /// line (number, text) when it shares a line with a sequence's dash.
    fn mapping_from(&mut self, indent: usize, first: Option<(usize, &'a str)>) -> Option<Node> {
        let mut pairs: Vec<(Node, Node)> = Vec::new();
        let mut mark = None;
        // The first key of a sequence item shares the line with the dash.
        let mut pending = first;
        loop {
            let (number, text) = match pending.take() {
                Some(f) => f,
                None => {
                    let Some(line) = self.lines.get(self.at) else {
                        break;
                    };
                    if line.indent < indent {
                        break;
                    }
                    if line.indent > indent || line.text.starts_with('-') {
                        return None;
                    }
                    self.at += 1;
                    (line.number, line.text)
                }
            };
            let column = indent + 1;
            let (key, rest) = split_key(text)?;
            let key_node = Node {
                value: Value::Scalar {
                    text: key.to_string(),
                    plain: true,
                },
                mark: Mark {
                    line: number,
                    column,
                },
            };
            mark.get_or_insert(key_node.mark);
            if pairs.iter().any(|(k, _)| k.as_str() == Some(key)) {
                // A duplicate key is an error: saphyr's path reports it.
                return None;
            }
            let value_column =
                column + key.chars().count() + 1 + (rest.len() - rest.trim_start().len());
            let rest = rest.trim_start_matches(' ');
            let value = if rest.is_empty() || rest.starts_with('#') {
                // The value is the block below, more indented (or, for a
                // sequence, possibly at the key's indentation).
                let next = self.lines.get(self.at)?;
                // (A sequence at the key's own indentation is valid YAML,
                // but saphyr marks it differently: left to saphyr.)
                if next.indent > indent {
                    self.block(indent)?
                } else {
                    return None;
                }
            } else {
                inline_value(rest, number, value_column)?
            };
            pairs.push((key_node, value));
        }
        Some(Node {
            value: Value::Map(pairs),
            mark: mark?,
        })
    }

    /// A block sequence whose dashes are at `indent`; each item is a
    /// mapping starting on the dash's line.
    fn sequence(&mut self, indent: usize) -> Option<Node> {
        let mut items = Vec::new();
        let mut mark = None;
        while let Some(line) = self.lines.get(self.at) {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return None;
            }
            let rest = line.text.strip_prefix("- ")?;
            let gap = rest.len() - rest.trim_start_matches(' ').len();
            let rest = rest.trim_start_matches(' ');
            mark.get_or_insert(Mark {
                line: line.number,
                column: indent + 1,
            });
            if rest.is_empty() || rest.starts_with('#') || rest.starts_with('-') {
                return None;
            }
            let number = line.number;
            self.at += 1;
            let key_indent = indent + 2 + gap;
            items.push(self.mapping_from(key_indent, Some((number, rest)))?);
        }
        Some(Node {
            value: Value::Seq(items),
            mark: mark?,
        })
    }
}

/// `key: rest` with a plain key of letters, digits, `_` and `-`.
fn split_key(text: &str) -> Option<(&str, &str)> {
    let end = text.find(':')?;
    let key = &text[..end];
    let rest = &text[end + 1..];
    let simple = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && !key.starts_with('-');
    (simple && (rest.is_empty() || rest.starts_with(' '))).then_some((key, rest))
}

/// A value on the key's line: a flow sequence or a scalar, then nothing but
/// an optional comment.
fn inline_value(text: &str, line: usize, column: usize) -> Option<Node> {
    let mark = Mark { line, column };
    if let Some(inner) = text.strip_prefix('[') {
        let mut items = Vec::new();
        let mut rest = inner;
        let mut col = column + 1;
        loop {
            let skipped = rest.len() - rest.trim_start_matches(' ').len();
            rest = &rest[skipped..];
            col += skipped;
            if items.is_empty() {
                if let Some(after) = rest.strip_prefix(']') {
                    return end_of_line(after).then_some(Node {
                        value: Value::Seq(items),
                        mark,
                    });
                }
            }
            let (node, used) = scalar(rest, line, col, true)?;
            items.push(node);
            col += rest[..used].chars().count();
            rest = &rest[used..];
            let skipped = rest.len() - rest.trim_start_matches(' ').len();
            rest = &rest[skipped..];
            col += skipped;
            if let Some(after) = rest.strip_prefix(']') {
                return end_of_line(after).then_some(Node {
                    value: Value::Seq(items),
                    mark,
                });
            }
            rest = rest.strip_prefix(", ")?;
            col += 2;
        }
    }
    let (node, used) = scalar(text, line, column, false)?;
    end_of_line(&text[used..]).then_some(node)
}

/// Only spaces and an optional comment (after a space) remain.
fn end_of_line(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

/// One scalar at the start of `text`: its node and the bytes it used. In a
/// flow sequence (`flow`), a plain scalar also ends at `,` and `]`.
fn scalar(text: &str, line: usize, column: usize, flow: bool) -> Option<(Node, usize)> {
    let mark = Mark { line, column };
    let first = text.chars().next()?;
    if first == '\'' || first == '"' {
        let body = &text[1..];
        let mut out = String::new();
        let mut i = 0;
        loop {
            let j = body[i..].find(first)? + i;
            out.push_str(&body[i..j]);
            // '' is a quote inside a single-quoted scalar.
            if first == '\'' && body[j + 1..].starts_with('\'') {
                out.push('\'');
                i = j + 2;
                continue;
            }
            let used = 1 + j + 1;
            let after = &text[used..];
            let ends = after.is_empty()
                || after.starts_with(' ')
                || (flow && (after.starts_with(',') || after.starts_with(']')));
            if !ends {
                return None;
            }
            return Some((
                Node {
                    value: Value::Scalar {
                        text: out,
                        plain: false,
                    },
                    mark,
                },
                used,
            ));
        }
    }
    if matches!(
        first,
        '-' | '?'
            | ':'
            | ','
            | '['
            | ']'
            | '{'
            | '}'
            | '#'
            | '&'
            | '*'
            | '!'
            | '|'
            | '>'
            | '%'
            | '@'
            | '`'
    ) {
        return None;
    }
    // A plain scalar runs to the end of the line or to " #"; in a flow
    // sequence also to "," or "]". ": " inside would start a mapping.
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        let stop = (c == '#' && text[..i].ends_with(' ')) || (flow && matches!(c, ',' | ']'));
        if stop {
            end = i;
            break;
        }
        if flow && matches!(c, '[' | '{' | '}') {
            return None;
        }
    }
    let body = text[..end].trim_end_matches(' ');
    if body.is_empty() || body.contains(": ") || body.ends_with(':') {
        return None;
    }
    Some((
        Node {
            value: Value::Scalar {
                text: body.to_string(),
                plain: true,
            },
            mark,
        },
        body.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::super::yaml;
    use super::*;

    fn slow(text: &str) -> Option<Node> {
        yaml::parse(text, yaml::Limits::default()).ok().flatten()
    }

    /// Where the fast path answers, it answers as saphyr does.
    fn agrees(text: &str) -> bool {
        match parse(text) {
            Some(fast) => {
                assert_eq!(Some(&fast), slow(text).as_ref(), "{text}");
                true
            }
            None => false,
        }
    }

    #[test]
    fn fast_path_agrees_with_saphyr() {
        let default = super::super::DEFAULT_GLOSSARY;
        assert!(agrees(default), "the default glossary takes the fast path");
        // Mutations of the first entries (a whole glossary per mutation
        // would take minutes in a debug build).
        let lines: Vec<&str> = default.lines().take(150).collect();
        // Every line altered in ways the fast path must either read as
        // saphyr does or refuse.
        let mutations: [fn(&str) -> String; 14] = [
            |l| format!("{l} # comment"),
            |l| format!("{l}#x"),
            |l| l.replacen(": ", ":  ", 1),
            |l| l.replacen(", ", ",", 1),
            |l| l.replacen(", ", " , ", 1),
            |l| l.replacen('[', "[ ", 1),
            |l| l.replacen(']', " ]", 1),
            |l| l.replacen(": ", ": 'a''b' ", 1),
            |l| l.replacen(": ", ": \"x\"", 1),
            |l| l.replacen(": [", ": ['x y', ", 1),
            |l| format!("{l}:"),
            |l| format!(" {l}"),
            |l| l.replacen("- ", "-  ", 1),
            |l| l.replacen(": ", ": : ", 1),
        ];
        let mut fast = 0;
        for i in 0..lines.len() {
            for m in mutations {
                let mut changed = lines.clone();
                let altered = m(lines[i]);
                changed[i] = &altered;
                if agrees(&(changed.join("\n") + "\n")) {
                    fast += 1;
                }
            }
        }
        assert!(fast > 500, "the fast path took only {fast} mutations");
        for text in [
            "",
            "a: b\n",
            "a: [x, 'y', \"z\"]\nb:\n  - c: d\n    e: [ ]\n",
            "a:\n- b: c\n- b: d\n",
            "a:\n  b: c\n  d:\n    e: f\n",
            "a: b # c\n",
            "a: C#\n",
            "a: 'it''s'\n",
            "a: x: y\n",
            "a: [x\n",
            "a: [x, y,]\n",
            "a: [, y]\n",
            "a: 5\nb: true\nc: ~\n",
            "- a\n",
            "a: b\n  c\n",
        ] {
            agrees(text);
        }
    }
}
