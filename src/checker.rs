//! The pipeline for one pair: documents → aligned blocks with glossary
//! matches → every check → configured, ordered findings.

use std::collections::BTreeSet;

use crate::align::{align, ParagraphFeatures};
use crate::checks::{all_checks, segment, BlockView, Check, PairContext};
use crate::document::Document;
use crate::finding::{Finding, Rule, RuleConfig};
use crate::glossary::{FormMatch, Glossary, GlossaryIndex};
use crate::input::SourceText;
use crate::normalize::NormText;

/// The findings for one source/target pair, with the texts they point into.
#[derive(Debug, Clone)]
pub struct PairReport {
    pub source: SourceText,
    pub target: SourceText,
    pub findings: Vec<Finding>,
}

pub struct Checker {
    index: GlossaryIndex,
    checks: Vec<Box<dyn Check>>,
    rules: Vec<Rule>,
    config: RuleConfig,
}

impl Checker {
    pub fn new(
        glossary: Glossary,
        source_lang: &str,
        target_lang: &str,
        config: RuleConfig,
    ) -> Checker {
        let checks = all_checks();
        let rules = checks
            .iter()
            .flat_map(|c| c.rules().iter().copied())
            .collect();
        Checker {
            index: GlossaryIndex::new(glossary, source_lang, target_lang),
            checks,
            rules,
            config,
        }
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn glossary(&self) -> &GlossaryIndex {
        &self.index
    }

    pub fn check(&self, source: SourceText, target: SourceText) -> PairReport {
        let source = Document::new(source, self.index.source_lang());
        let target = Document::new(target, self.index.target_lang());
        let findings = self.check_documents(&source, &target);
        PairReport {
            source: source.file,
            target: target.file,
            findings,
        }
    }

    pub fn check_documents(&self, source: &Document, target: &Document) -> Vec<Finding> {
        let blocks = self.blocks(source, target);
        let ctx = PairContext {
            source,
            target,
            blocks: &blocks,
            glossary: &self.index,
        };
        let mut findings = Vec::new();
        for check in &self.checks {
            check.check(&ctx, &mut findings);
        }
        findings.retain_mut(|f| {
            let rule = self.rules.iter().find(|r| r.id == f.rule);
            match rule.and_then(|r| self.config.severity(r)) {
                Some(severity) => {
                    f.severity = severity;
                    true
                }
                None => false,
            }
        });
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        findings.dedup();
        findings
    }

    fn blocks(&self, source: &Document, target: &Document) -> Vec<BlockView> {
        let index = &self.index;
        let source_terms: Vec<Vec<FormMatch>> = source
            .paragraphs
            .iter()
            .map(|p| index.source_matches(&p.norm.text))
            .collect();
        let target_terms: Vec<Vec<FormMatch>> = target
            .paragraphs
            .iter()
            .map(|p| index.target_matches(&p.norm.text))
            .collect();
        let target_forbidden: Vec<Vec<FormMatch>> = target
            .paragraphs
            .iter()
            .map(|p| index.forbidden_matches(&p.norm.text))
            .collect();
        // A forbidden rendering still renders its entry: it anchors the
        // alignment even though it will be reported.
        let features = |doc: &Document,
                        terms: &[Vec<FormMatch>],
                        more: &[Vec<FormMatch>]|
         -> Vec<ParagraphFeatures> {
            doc.paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let entries: BTreeSet<usize> = terms[i]
                        .iter()
                        .chain(more.get(i).into_iter().flatten())
                        .map(|m| m.entry)
                        .collect();
                    ParagraphFeatures::of(&p.norm.text, entries)
                })
                .collect()
        };
        let alignment = align(
            &features(source, &source_terms, &[]),
            &features(target, &target_terms, &target_forbidden),
        );
        alignment
            .into_iter()
            .map(|block| {
                let (source_text, source_terms) = join(source, block.source.clone(), &source_terms);
                let (target_text, target_terms) = join(target, block.target.clone(), &target_terms);
                let (_, target_forbidden) = join(target, block.target.clone(), &target_forbidden);
                let (status, untranslated) =
                    segment::classify(&source_text, &target_text, &source.lang, &target.lang);
                BlockView {
                    block,
                    source: source_text,
                    target: target_text,
                    source_terms,
                    target_terms,
                    target_forbidden,
                    status,
                    untranslated,
                }
            })
            .collect()
    }
}

/// Joins a run of paragraphs with '\n' and shifts their matches to the
/// joined text.
fn join(
    doc: &Document,
    paragraphs: std::ops::Range<usize>,
    matches: &[Vec<FormMatch>],
) -> (NormText, Vec<FormMatch>) {
    let text = NormText::join(
        doc.paragraphs[paragraphs.clone()].iter().map(|p| &p.norm),
        '\n',
    );
    let mut shifted = Vec::new();
    let mut offset = 0;
    for i in paragraphs {
        for m in &matches[i] {
            shifted.push(FormMatch {
                range: m.range.start + offset..m.range.end + offset,
                ..m.clone()
            });
        }
        offset += doc.paragraphs[i].norm.text.len() + 1;
    }
    (text, shifted)
}
