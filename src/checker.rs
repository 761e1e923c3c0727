//! The pipeline for one pair: documents → aligned blocks with glossary
//! matches → every check → configured, ordered findings.

use std::collections::BTreeSet;

use std::ops::Range;

use crate::align::{align, Block, ParagraphFeatures};
use crate::checks::{
    all_checks, name_variant, segment, BlockView, Check, PairContext, PairSummary,
};
use crate::document::Document;
use crate::finding::{Finding, Rule, RuleConfig};
use crate::glossary::{FormMatch, Glossary, GlossaryIndex};
use crate::input::SourceText;
use crate::names::candidates::{candidates, foreign_names};
use crate::names::similarity::Thresholds;
use crate::normalize::NormText;

/// The findings for one source/target pair, with the texts they point into.
#[derive(Debug, Clone)]
pub struct PairReport {
    pub source: SourceText,
    pub target: SourceText,
    pub findings: Vec<Finding>,
    /// The paragraph alignment, in order; reports that show both texts side
    /// by side (HTML) use it. Empty for a file without a counterpart.
    pub blocks: Vec<AlignedBlock>,
}

/// What a batch keeps of each checked pair until the report is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retain {
    /// Everything: both texts and the alignment (HTML shows them side by
    /// side; baselines fingerprint findings by their lines).
    All,
    /// The texts of pairs that have findings or may receive some from the
    /// checks across pairs (snippets in human and SARIF reports); no
    /// alignment.
    FlaggedTexts,
    /// Paths and findings only (formats that quote just the finding's own
    /// text, which its locations carry).
    FindingsOnly,
}

impl PairReport {
    /// Drops what the report's format will not need, so that a batch's
    /// memory grows with its findings, not with its text.
    pub fn retain(&mut self, retain: Retain, summaries: &PairSummaries) {
        if retain == Retain::All {
            return;
        }
        self.blocks = Vec::new();
        let keep_texts =
            retain == Retain::FlaggedTexts && (!self.findings.is_empty() || !summaries.is_empty());
        if !keep_texts {
            for file in [&mut self.source, &mut self.target] {
                let path = std::mem::take(&mut file.path);
                *file = SourceText::new(path, String::new());
            }
        }
    }

    /// A pair whose findings were not produced by the checker (an unpaired
    /// file): no alignment.
    pub fn without_alignment(
        source: SourceText,
        target: SourceText,
        findings: Vec<Finding>,
    ) -> PairReport {
        PairReport {
            source,
            target,
            findings,
            blocks: Vec::new(),
        }
    }
}

/// One aligned block: the paragraph indices on each side and the original
/// byte span they cover (None for an empty side).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedBlock {
    pub block: Block,
    pub source: Option<Range<usize>>,
    pub target: Option<Range<usize>>,
}

/// Per-check summaries of one pair, in check order.
#[derive(Default)]
pub struct PairSummaries(Vec<Option<PairSummary>>);

impl PairSummaries {
    /// True when no check kept anything of the pair for the checks across
    /// pairs, which then cannot add findings to it.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
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

    /// Judges name near-misses with other similarity thresholds (the
    /// `--name-threshold` option).
    pub fn with_name_thresholds(mut self, thresholds: Thresholds) -> Checker {
        self.index.set_name_thresholds(thresholds);
        self
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn glossary(&self) -> &GlossaryIndex {
        &self.index
    }

    /// Checks one pair on its own (a batch of one).
    pub fn check(&self, source: SourceText, target: SourceText) -> PairReport {
        let (report, summaries) = self.check_pair(source, target);
        let mut reports = [report];
        self.finish_batch(&mut reports, vec![summaries]);
        let [report] = reports;
        report
    }

    /// Checks one pair of a batch; the summaries go to [`Checker::finish_batch`]
    /// once every pair is checked.
    pub fn check_pair(
        &self,
        source: SourceText,
        target: SourceText,
    ) -> (PairReport, PairSummaries) {
        let source = Document::new(source, self.index.source_lang());
        let target = Document::new(target, self.index.target_lang());
        let blocks = self.blocks(&source, &target);
        let (findings, summaries) = self.check_blocks(&source, &target, &blocks);
        let blocks = blocks
            .into_iter()
            .map(|view| AlignedBlock {
                source: source.span_of(view.block.source.clone()),
                target: target.span_of(view.block.target.clone()),
                block: view.block,
            })
            .collect();
        let report = PairReport {
            source: source.file,
            target: target.file,
            findings,
            blocks,
        };
        (report, summaries)
    }

    /// Runs the checks that look across pairs and settles the final order.
    /// `summaries[i]` must come from the check of `reports[i]`.
    pub fn finish_batch(&self, reports: &mut [PairReport], mut summaries: Vec<PairSummaries>) {
        for (c, check) in self.checks.iter().enumerate() {
            let per_pair: Vec<Option<PairSummary>> = summaries
                .iter_mut()
                .map(|s| s.0.get_mut(c).and_then(Option::take))
                .collect();
            if per_pair.iter().all(Option::is_none) {
                continue;
            }
            let mut found: Vec<Vec<Finding>> = vec![Vec::new(); reports.len()];
            check.check_batch(&per_pair, &mut found);
            for (report, extra) in reports.iter_mut().zip(found) {
                if !extra.is_empty() {
                    report.findings.extend(extra);
                    self.finalize(&mut report.findings);
                }
            }
        }
    }

    pub fn check_documents(
        &self,
        source: &Document,
        target: &Document,
    ) -> (Vec<Finding>, PairSummaries) {
        let blocks = self.blocks(source, target);
        self.check_blocks(source, target, &blocks)
    }

    fn check_blocks(
        &self,
        source: &Document,
        target: &Document,
        blocks: &[BlockView],
    ) -> (Vec<Finding>, PairSummaries) {
        let ctx = PairContext {
            source,
            target,
            blocks,
            glossary: &self.index,
        };
        let mut findings = Vec::new();
        let mut summaries = Vec::with_capacity(self.checks.len());
        for check in &self.checks {
            check.check(&ctx, &mut findings);
            summaries.push(check.summarize(&ctx));
        }
        self.finalize(&mut findings);
        (findings, PairSummaries(summaries))
    }

    /// The aligned blocks of a pair with their glossary matches, as the
    /// checks see them; for tools that mine a pair (`glossary suggest`).
    pub fn aligned_blocks(&self, source: &Document, target: &Document) -> Vec<BlockView> {
        self.blocks(source, target)
    }

    /// Applies the configured severities (dropping rules that are off) and
    /// sorts into report order; for findings raised outside the checks
    /// (e.g. unpaired files in a batch).
    pub fn configure(&self, findings: &mut Vec<Finding>) {
        self.finalize(findings);
    }

    /// Applies the configured severities (dropping rules that are off) and
    /// sorts into report order.
    fn finalize(&self, findings: &mut Vec<Finding>) {
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
    }

    fn blocks(&self, source: &Document, target: &Document) -> Vec<BlockView> {
        let index = &self.index;
        let mut source_terms: Vec<Vec<FormMatch>> = source
            .paragraphs
            .iter()
            .map(|p| index.source_matches(&p.norm.text))
            .collect();
        // A sentence-initial one-word match counts only if the document also
        // names the entry where capitalization is telling.
        let confirmed: BTreeSet<usize> = source_terms
            .iter()
            .flatten()
            .filter(|m| !m.ambiguous)
            .map(|m| m.entry)
            .collect();
        for terms in &mut source_terms {
            terms.retain(|m| !m.ambiguous || confirmed.contains(&m.entry));
        }
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
        // Near-misses are only looked for when name.variant reports them:
        // with the rule off, term.missing must not defer to it.
        let near_wanted = self.config.severity(&name_variant::VARIANT).is_some();
        alignment
            .into_iter()
            .map(|block| {
                let (source_text, source_terms) = join(source, block.source.clone(), &source_terms);
                let (target_text, target_terms) = join(target, block.target.clone(), &target_terms);
                let (_, target_forbidden) = join(target, block.target.clone(), &target_forbidden);
                let (status, untranslated) =
                    segment::classify(&source_text, &target_text, &source.lang, &target.lang);
                // Vietnamese text keeps foreign names among native words;
                // elsewhere names are capitalized runs.
                let target_names = if target.lang == "vi" {
                    foreign_names(&target_text.text)
                } else {
                    candidates(&target_text.text)
                };
                let target_near = if near_wanted {
                    index.near_matches(&target_names, target_terms.iter().chain(&target_forbidden))
                } else {
                    Vec::new()
                };
                BlockView {
                    block,
                    source: source_text,
                    target: target_text,
                    source_terms,
                    target_terms,
                    target_forbidden,
                    target_names,
                    target_near,
                    status,
                    untranslated,
                    copy_issues: Default::default(),
                    sentences: Default::default(),
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
