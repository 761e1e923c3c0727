//! `number.*`: every number of a source block compared by value and kind
//! with the numbers of its translation (see `crate::numbers`).

use super::{BlockStatus, Check, PairContext};
use crate::finding::{Finding, Rule, Severity};
use crate::lang::{is_anaphoric_count, is_service_call};
use crate::numbers::{compare, language, NumberRule};

pub const MISMATCH: Rule = Rule {
    id: "number.mismatch",
    default_severity: Severity::Error,
    summary: "A number in the translation has another value or kind than its counterpart in the source (40.000 ⇔ 4,000; thứ 13 ⇔ third).",
};
pub const MISSING: Rule = Rule {
    id: "number.missing",
    default_severity: Severity::Warning,
    summary: "A number in the source has no counterpart in the translation.",
};
pub const EXTRA: Rule = Rule {
    id: "number.extra",
    default_severity: Severity::Info,
    summary: "A number in the translation has no counterpart in the source.",
};
pub const DATE: Rule = Rule {
    id: "number.date",
    default_severity: Severity::Error,
    summary: "A date's day and month are swapped or changed (4/8 ⇔ April 8).",
};
pub const FORMAT: Rule = Rule {
    id: "number.format",
    default_severity: Severity::Error,
    summary: "The translation writes a number in the source language's convention, which changes its meaning (5.000 or 2,5% in English).",
};

pub const UNIT: Rule = Rule {
    id: "number.unit",
    default_severity: Severity::Error,
    summary: "A quantity's unit or currency changed in the translation: another unit or dimension (10 mét ⇔ 10 km, ba ngày ⇔ three weeks), another currency (200 yên ⇔ 200 won), or the same number in a unit it does not convert to (2 tấn ⇔ 2 kg). Conversions within the written precision are fine (5 km ⇔ 3 miles).",
};

pub const MAGNITUDE: Rule = Rule {
    id: "number.magnitude",
    default_severity: Severity::Warning,
    summary: "A vague quantity is rendered an order of magnitude off (hàng chục ⇔ thousands); hàng trăm ⇔ hundreds is fine.",
};

pub struct NumberCheck;

impl Check for NumberCheck {
    fn rules(&self) -> &'static [Rule] {
        &[MISMATCH, MISSING, EXTRA, DATE, FORMAT, UNIT, MAGNITUDE]
    }

    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>) {
        let (Some(source_lang), Some(target_lang)) =
            (language(&ctx.source.lang), language(&ctx.target.lang))
        else {
            return;
        };
        for block in ctx.blocks {
            if block.status != BlockStatus::Translated {
                continue;
            }
            let mut source = source_lang.extract(&block.source.text);
            let mut target = target_lang.extract(&block.target.text);
            // Messages quote a mention's text: quote the file as written
            // (NFD, line breaks, invisible characters and all), exactly
            // what the finding's span holds, not its normalized form.
            for (mentions, doc, norm) in [
                (&mut source, ctx.source, &block.source),
                (&mut target, ctx.target, &block.target),
            ] {
                for m in mentions.iter_mut() {
                    m.text = doc
                        .file
                        .slice(norm.original_range(m.span.clone()))
                        .to_string();
                }
            }
            if source.is_empty() && target.is_empty() {
                continue;
            }
            for issue in compare(&source, &target, source_lang, target_lang) {
                let rule = match issue.rule {
                    NumberRule::Mismatch => &MISMATCH,
                    NumberRule::Missing => &MISSING,
                    NumberRule::Extra => &EXTRA,
                    NumberRule::Date => &DATE,
                    NumberRule::Format => &FORMAT,
                    NumberRule::Unit => &UNIT,
                    NumberRule::Magnitude => &MAGNITUDE,
                };
                // Numbers inside an untranslated sentence are that sentence's problem.
                let in_untranslated = |range: &std::ops::Range<usize>| {
                    block
                        .untranslated
                        .iter()
                        .any(|u| u.start <= range.start && range.end <= u.end)
                };
                let target_span = issue.target.map(|i| target[i].span.clone());
                if target_span.as_ref().is_some_and(in_untranslated) {
                    continue;
                }
                // A service number being called ("gọi cấp cứu" ⇔ "called
                // 911") is added, dropped or localized, not miscopied.
                let called = |lang: &str, text: &str, span: Option<std::ops::Range<usize>>| {
                    span.is_some_and(|s| is_service_call(lang, text, s))
                };
                let source_span = issue.source.map(|i| source[i].span.clone());
                // "3 chữ ấy" ⇔ "them": a count pointing back may be dropped.
                let source_anaphoric = source_span
                    .clone()
                    .is_some_and(|s| is_anaphoric_count(&ctx.source.lang, &block.source.text, s));
                let source_called = called(&ctx.source.lang, &block.source.text, source_span);
                let target_called =
                    called(&ctx.target.lang, &block.target.text, target_span.clone());
                let skip = match issue.rule {
                    NumberRule::Extra => target_called,
                    NumberRule::Missing => source_called || source_anaphoric,
                    NumberRule::Mismatch => source_called && target_called,
                    NumberRule::Date
                    | NumberRule::Format
                    | NumberRule::Unit
                    | NumberRule::Magnitude => false,
                };
                if skip {
                    continue;
                }
                let finding = Finding::new(rule, issue.message)
                    .source(
                        issue
                            .source
                            .map(|i| ctx.source_location(block, source[i].span.clone())),
                    )
                    .target(target_span.map(|span| ctx.target_location(block, span)))
                    .suggestion(issue.suggestion);
                out.push(ctx.in_block(block, finding));
            }
        }
    }
}
