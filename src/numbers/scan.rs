//! Machinery shared by the language extractors: token access, building
//! mentions from token ranges, hedge detection, and the final pass that
//! spreads a scale or unit across a range ("2 to 3 million" means 2
//! million, "từ 10 đến 15%" means 10%).

use super::lexer::{TokKind, Token};
use super::literal::{parse_num, split_number, Conv, Item};
use super::{Currency, Mention, NumberKind, NumberValue};

/// The unit that follows an amount.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Unit {
    None,
    Percent,
    PercentagePoint,
    /// Basis points: a hundredth of a percentage point.
    BasisPoint,
    Money(Currency),
}

/// A mention with the token range it came from and how its value was built.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub m: Mention,
    /// First and last token, inclusive.
    pub first: usize,
    pub last: usize,
    /// Value before the final scale word ("3" in "3 triệu").
    pub base: f64,
    /// The final scale word's value, or 1.
    pub scale: f64,
    pub unit: Unit,
}

/// Items for the number-word parsers: plain digit literals become numbers.
pub(crate) fn make_items<'t>(toks: &'t [Token<'_>], conv: Conv) -> Vec<Item<'t>> {
    toks.iter()
        .map(|t| match t.kind {
            TokKind::Word => Item::Word(t.lower.as_str()),
            TokKind::Lit => {
                let (p, core, s) = split_number(t.text);
                if p.is_empty() && s.is_empty() {
                    parse_num(core, conv).map_or(Item::Other, |n| Item::Num(n.value))
                } else {
                    Item::Other
                }
            }
            TokKind::Punct if t.text == "," => Item::Comma,
            _ => Item::Other,
        })
        .collect()
}

/// The scanning state of one block.
pub(crate) struct Scan<'t, 'a> {
    pub text: &'a str,
    pub toks: &'t [Token<'a>],
    pub items: &'t [Item<'t>],
    pub found: Vec<Found>,
}

impl<'t, 'a> Scan<'t, 'a> {
    pub fn new(text: &'a str, toks: &'t [Token<'a>], items: &'t [Item<'t>]) -> Self {
        Scan {
            text,
            toks,
            items,
            found: Vec::new(),
        }
    }

    /// Lower-cased token text, "" past either end.
    pub fn lower(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.lower.as_str())
    }

    /// Lower-cased text of the token before `i`, "" at the start.
    pub fn prev(&self, i: usize) -> &'t str {
        if i == 0 {
            ""
        } else {
            self.lower(i - 1)
        }
    }

    /// Lower-cased word at `i`, None for literals and punctuation.
    pub fn word(&self, i: usize) -> Option<&'t str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_str())
    }

    pub fn tok(&self, i: usize) -> Option<&'t Token<'a>> {
        self.toks.get(i)
    }

    /// Raw text of the token at `i`, "" past the end.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text)
    }

    pub fn is_lit(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Lit)
    }

    /// The plain number at `i` (a literal without prefix or suffix).
    pub fn num(&self, i: usize) -> Option<f64> {
        match self.items.get(i) {
            Some(Item::Num(v)) => Some(*v),
            _ => None,
        }
    }

    /// A plain integer literal of at most `max_digits` digits with no separators.
    pub fn plain_int(&self, i: usize, max_digits: usize) -> Option<u32> {
        let t = self.toks.get(i)?;
        if t.kind != TokKind::Lit
            || t.text.len() > max_digits
            || !t.text.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        t.text.parse().ok()
    }

    /// A mention covering tokens `first..=last`.
    pub fn mention(
        &self,
        first: usize,
        last: usize,
        kind: NumberKind,
        value: NumberValue,
    ) -> Mention {
        let start = self.toks[first].start;
        let end = self.toks[last.max(first)].end;
        Mention::new(start..end, &self.text[start..end], kind, value)
    }

    /// A mention covering a byte range inside one token.
    pub fn mention_in(
        &self,
        tok: usize,
        from: usize,
        to: usize,
        kind: NumberKind,
        value: NumberValue,
    ) -> Mention {
        let t = &self.toks[tok];
        let start = t.start + from;
        let end = t.start + to;
        Mention::new(start..end, &self.text[start..end], kind, value)
    }

    pub fn push(&mut self, m: Mention, first: usize, last: usize) {
        let base = match m.value {
            NumberValue::Number(v) => v,
            NumberValue::Money { amount, .. } => amount,
            _ => f64::NAN,
        };
        self.found.push(Found {
            m,
            first,
            last,
            base,
            scale: 1.0,
            unit: Unit::None,
        });
    }

    pub fn push_scaled(
        &mut self,
        m: Mention,
        first: usize,
        last: usize,
        base: f64,
        scale: f64,
        unit: Unit,
    ) {
        self.found.push(Found {
            m,
            first,
            last,
            base,
            scale,
            unit,
        });
    }

    /// True when one of `singles` or a two-word hedge in `pairs` ends right
    /// before token `first`.
    pub fn hedged(&self, first: usize, singles: &[&str], pairs: &[(&str, &str)]) -> bool {
        if first == 0 {
            return false;
        }
        let p1 = self.lower(first - 1);
        if singles.contains(&p1) {
            return true;
        }
        first >= 2 && pairs.contains(&(self.lower(first - 2), p1))
    }

    /// Spread scales and units across ranges, then return the mentions in
    /// text order without overlaps.
    pub fn finish(mut self, connectors: &[&str]) -> Vec<Mention> {
        self.found
            .sort_by_key(|f| (f.m.span.start, std::cmp::Reverse(f.m.span.end)));
        let toks = self.toks;
        let lower = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
        for k in 1..self.found.len() {
            let (a, b) = {
                let (l, r) = self.found.split_at_mut(k);
                (&mut l[k - 1], &r[0])
            };
            if b.first != a.last + 2 || !connectors.contains(&lower(a.last + 1)) {
                continue;
            }
            if !(b.scale > 1.0 || b.unit != Unit::None) || a.scale > 1.0 {
                continue;
            }
            if !matches!(
                a.m.kind,
                NumberKind::Cardinal | NumberKind::Decimal | NumberKind::Money
            ) {
                continue;
            }
            if !(a.base.is_finite() && b.base.is_finite() && a.base <= b.base && a.base > 0.0) {
                continue;
            }
            // "$2 to $3 billion": the first end already has the unit.
            if a.unit != Unit::None && a.unit != b.unit {
                continue;
            }
            let v = a.base * b.scale;
            let (kind, value) = match b.unit {
                Unit::None => (
                    if v.fract() == 0.0 {
                        NumberKind::Cardinal
                    } else {
                        NumberKind::Decimal
                    },
                    NumberValue::Number(v),
                ),
                Unit::Percent => (NumberKind::Percent, NumberValue::Number(v)),
                Unit::PercentagePoint => (NumberKind::PercentagePoint, NumberValue::Number(v)),
                Unit::BasisPoint => (NumberKind::PercentagePoint, NumberValue::Number(v / 100.0)),
                Unit::Money(c) => (
                    NumberKind::Money,
                    NumberValue::Money {
                        amount: v,
                        currency: c,
                    },
                ),
            };
            a.m.kind = kind;
            a.m.value = value;
            a.unit = b.unit;
            a.m.strength = a.m.strength.max(b.m.strength.min(super::Strength::Weak));
        }
        let mut out: Vec<Mention> = Vec::new();
        for f in self.found {
            if out.last().is_some_and(|p| f.m.span.start < p.span.end) {
                continue;
            }
            out.push(f.m);
        }
        out
    }
}
