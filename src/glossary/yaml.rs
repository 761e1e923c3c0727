//! A small YAML tree with source positions, built from saphyr-parser events.
//!
//! Glossary errors must name the line and column of the offending entry or
//! key, which a plain serde deserialization cannot tell us. The tree also
//! enforces the limits that keep hostile files harmless: nesting depth and
//! the number of nodes that aliases may expand to.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

/// A 1-based line and column in the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Mark {
    pub line: usize,
    pub column: usize,
}

impl Mark {
    fn from_span(span: &Span) -> Mark {
        Mark {
            line: span.start.line(),
            column: span.start.col() + 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A scalar; `plain` is false for quoted and block scalars, which are
    /// always strings.
    Scalar {
        text: String,
        plain: bool,
    },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub mark: Mark,
}

impl Node {
    /// The scalar's text, unless it is a plain `null`/`~`/empty scalar.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, plain } if !(*plain && is_null(text)) => Some(text),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if is_null(text))
    }

    /// A short description of the node's type for error messages.
    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "null",
            Value::Scalar { .. } => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

/// Limits that keep a hostile YAML file from exhausting the machine.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
    /// Nodes that aliases may add by copying anchored nodes ("billion
    /// laughs" protection). Nodes written out in the file are bounded by the
    /// file size limit instead.
    pub max_alias_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_alias_nodes: 1_000_000,
        }
    }
}

#[derive(Debug, Clone)]
pub struct YamlError {
    pub mark: Mark,
    pub message: String,
}

/// Parses one YAML document; an empty stream gives None.
pub fn parse(text: &str, limits: Limits) -> Result<Option<Node>, YamlError> {
    let mut builder = Builder {
        parser: Parser::new_from_str(text),
        anchors: HashMap::new(),
        limits,
        alias_nodes: 0,
    };
    builder.document()
}

struct Builder<'a> {
    parser: Parser<'a, saphyr_parser::StrInput<'a>>,
    /// Anchored nodes with their sizes, so an alias is counted before it is
    /// copied.
    anchors: HashMap<usize, (Node, usize)>,
    limits: Limits,
    alias_nodes: usize,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, Span), YamlError> {
        match self.parser.next_event() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => Err(YamlError {
                mark: Mark {
                    line: e.marker().line(),
                    column: e.marker().col() + 1,
                },
                message: format!("YAML syntax error: {}", e.info()),
            }),
            None => Err(YamlError {
                mark: Mark::default(),
                message: "unexpected end of YAML".into(),
            }),
        }
    }

    fn document(&mut self) -> Result<Option<Node>, YamlError> {
        let mut root = None;
        loop {
            let (ev, span) = self.next()?;
            match ev {
                Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
                Event::StreamEnd => return Ok(root),
                Event::DocumentStart(_) => {
                    if root.is_some() {
                        return Err(YamlError {
                            mark: Mark::from_span(&span),
                            message:
                                "a glossary file holds one YAML document; found a second `---`"
                                    .into(),
                        });
                    }
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::DocumentEnd) {
                        continue;
                    }
                    root = Some(self.node(ev, span, 1)?);
                }
                _ => {
                    return Err(YamlError {
                        mark: Mark::from_span(&span),
                        message: "unexpected YAML event outside a document".into(),
                    })
                }
            }
        }
    }

    fn count_alias(&mut self, n: usize, mark: Mark) -> Result<(), YamlError> {
        self.alias_nodes += n;
        if self.alias_nodes > self.limits.max_alias_nodes {
            return Err(YamlError {
                mark,
                message: format!(
                    "YAML aliases expand to more than {} nodes; refusing a possible \"billion laughs\" file",
                    self.limits.max_alias_nodes
                ),
            });
        }
        Ok(())
    }

    fn node(&mut self, ev: Event<'a>, span: Span, depth: usize) -> Result<Node, YamlError> {
        let mark = Mark::from_span(&span);
        if depth > self.limits.max_depth {
            return Err(YamlError {
                mark,
                message: format!(
                    "YAML nested more than {} levels deep",
                    self.limits.max_depth
                ),
            });
        }
        let (node, anchor) = match ev {
            Event::Scalar(text, style, anchor, _) => (
                Node {
                    value: Value::Scalar {
                        text: text.into_owned(),
                        plain: style == ScalarStyle::Plain,
                    },
                    mark,
                },
                anchor,
            ),
            Event::Alias(id) => {
                let Some(&(_, size)) = self.anchors.get(&id) else {
                    return Err(YamlError {
                        mark,
                        message: "alias to an unknown anchor".into(),
                    });
                };
                self.count_alias(size, mark)?;
                return Ok(self.anchors[&id].0.clone());
            }
            Event::SequenceStart(anchor, _) => {
                let mut items = Vec::new();
                loop {
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::SequenceEnd) {
                        break;
                    }
                    items.push(self.node(ev, span, depth + 1)?);
                }
                (
                    Node {
                        value: Value::Seq(items),
                        mark,
                    },
                    anchor,
                )
            }
            Event::MappingStart(anchor, _) => {
                let mut pairs: Vec<(Node, Node)> = Vec::new();
                loop {
                    let (ev, span) = self.next()?;
                    if matches!(ev, Event::MappingEnd) {
                        break;
                    }
                    let key = self.node(ev, span, depth + 1)?;
                    let (ev, span) = self.next()?;
                    let value = self.node(ev, span, depth + 1)?;
                    if let Some(k) = key.as_str() {
                        if pairs.iter().any(|(p, _)| p.as_str() == Some(k)) {
                            return Err(YamlError {
                                mark: key.mark,
                                message: format!("duplicate key `{k}`"),
                            });
                        }
                    }
                    pairs.push((key, value));
                }
                (
                    Node {
                        value: Value::Map(pairs),
                        mark,
                    },
                    anchor,
                )
            }
            _ => {
                return Err(YamlError {
                    mark,
                    message: "unexpected YAML event".into(),
                })
            }
        };
        if anchor != 0 {
            let size = size(&node);
            self.anchors.insert(anchor, (node.clone(), size));
        }
        Ok(node)
    }
}

fn size(node: &Node) -> usize {
    match &node.value {
        Value::Scalar { .. } => 1,
        Value::Seq(items) => 1 + items.iter().map(size).sum::<usize>(),
        Value::Map(pairs) => 1 + pairs.iter().map(|(k, v)| size(k) + size(v)).sum::<usize>(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_one_based() {
        let node = parse("a:\n  - x\n  - 'y'\n", Limits::default())
            .unwrap()
            .unwrap();
        let Value::Map(pairs) = &node.value else {
            panic!()
        };
        let Value::Seq(items) = &pairs[0].1.value else {
            panic!()
        };
        assert_eq!(items[1].mark, Mark { line: 3, column: 5 });
        assert_eq!(items[1].as_str(), Some("y"));
    }

    #[test]
    fn rejects_duplicates_bombs_and_depth() {
        let dup = parse("a: 1\na: 2\n", Limits::default()).unwrap_err();
        assert_eq!(dup.mark.line, 2);
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("l{}", i - 1)
            };
            bomb.push_str(&format!("l{i}: &l{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let err = parse(&bomb, Limits::default()).unwrap_err();
        assert!(err.message.contains("billion laughs"), "{}", err.message);
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let err = parse(&deep, Limits::default()).unwrap_err();
        assert!(
            err.message.contains("nested") || err.message.contains("recursion"),
            "{}",
            err.message
        );
        assert!(parse("", Limits::default()).unwrap().is_none());
        assert!(parse("a: [", Limits::default())
            .unwrap_err()
            .message
            .contains("syntax"));
    }
}
