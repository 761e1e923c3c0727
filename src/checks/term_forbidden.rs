//! `term.forbidden`: the translation uses a rendering the glossary forbids
//! ("Ha Noi" where house style says "Hanoi").

use super::{quote, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};

pub const FORBIDDEN: Rule = Rule {
    id: "term.forbidden",
    default_severity: Severity::Error,
    summary: "The translation uses a rendering that the glossary forbids.",
};

pub struct TermForbidden;

impl Check for TermForbidden {
    fn rules(&self) -> &'static [Rule] {
        &[FORBIDDEN]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        let target_lang = ctx.glossary.target_lang();
        for block in ctx.blocks {
            for m in &block.target_forbidden {
                let entry = ctx.glossary.entry(m.entry);
                let target = ctx.target_location(block, m.range.clone());
                let source = block
                    .source_terms
                    .iter()
                    .find(|s| s.entry == m.entry)
                    .map(|s| ctx.source_location(block, s.range.clone()));
                let preferred = entry.preferred(target_lang);
                let message = match (&source, preferred) {
                    (Some(s), Some(p)) => format!(
                        "{} is a forbidden rendering of {}; use {}",
                        quote(&target.text),
                        quote(&s.text),
                        quote(p)
                    ),
                    (None, Some(p)) => format!(
                        "{} is a forbidden rendering; use {}",
                        quote(&target.text),
                        quote(p)
                    ),
                    (_, None) => format!("{} is a forbidden rendering", quote(&target.text)),
                };
                let finding = Finding::new(&FORBIDDEN, message)
                    .source(source)
                    .target(Some(target))
                    .suggestion(preferred.map(str::to_string))
                    .note(entry.note.clone());
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}
