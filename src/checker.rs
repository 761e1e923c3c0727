//! The pipeline for one pair: documents → aligned blocks with glossary
//! matches → every check → configured, ordered findings.

use std::borrow::Cow;
use std::collections::BTreeSet;

use std::ops::Range;

use crate::align::{align, confidence, pair_moved, Block, ParagraphFeatures};
use crate::checks::{
    all_checks, name_variant, segment, BlockStatus, BlockView, Check, PairContext, PairSummary,
};
use crate::document::Document;
use crate::finding::{Finding, Rule, RuleConfig};
use crate::glossary::{FormMatch, Glossary, GlossaryIndex};
use crate::input::SourceText;
use crate::lang::layout::{self, Role};
use crate::names::candidates::{candidates, foreign_names};
use crate::names::similarity::Thresholds;
use crate::nearby::drop_found_nearby;
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
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedBlock {
    pub block: Block,
    pub source: Option<Range<usize>>,
    pub target: Option<Range<usize>>,
    /// How well the two sides agree, 0 to 1 (see [`crate::align::confidence`]).
    pub confidence: f64,
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
    /// Per check: some rule of it is on. A check whose rules are all off
    /// is never run, so that a disabled rule costs nothing.
    enabled: Vec<bool>,
    /// Some `name.*` rule is on: only then are the target's candidate
    /// names gathered for each block.
    names_wanted: bool,
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
        let rules: Vec<Rule> = checks
            .iter()
            .flat_map(|c| c.rules().iter().copied())
            .collect();
        let on = |r: &Rule| config.severity(r).is_some();
        let enabled = checks.iter().map(|c| c.rules().iter().any(on)).collect();
        let names_wanted = rules.iter().any(|r| r.id.starts_with("name.") && on(r));
        Checker {
            index: GlossaryIndex::new(glossary, source_lang, target_lang),
            checks,
            enabled,
            names_wanted,
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
        let (blocks, matches) = self.blocks(&source, &target, self.names_wanted);
        let (findings, summaries) = self.check_blocks(&source, &target, &blocks, &matches);
        let blocks = blocks
            .into_iter()
            .map(|view| AlignedBlock {
                source: source.span_of(view.block.source.clone()),
                target: target.span_of(view.block.target.clone()),
                block: view.block,
                confidence: view.confidence,
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
        let (blocks, matches) = self.blocks(source, target, self.names_wanted);
        self.check_blocks(source, target, &blocks, &matches)
    }

    fn check_blocks(
        &self,
        source: &Document,
        target: &Document,
        blocks: &[BlockView],
        matches: &ParagraphMatches,
    ) -> (Vec<Finding>, PairSummaries) {
        let ctx = PairContext {
            source,
            target,
            blocks,
            glossary: &self.index,
        };
        let mut findings = Vec::new();
        let mut summaries = Vec::with_capacity(self.checks.len());
        for (check, &enabled) in self.checks.iter().zip(&self.enabled) {
            if !enabled {
                summaries.push(None);
                continue;
            }
            #[cfg(test)]
            tests::CHECKS_RUN.with(|n| n.set(n.get() + 1));
            let mut found = Vec::new();
            check.check(&ctx, &mut found);
            // Before an item is reported absent, its neighbours are looked
            // at: found there, the alignment is at fault, not the text.
            drop_found_nearby(check.as_ref(), &ctx, &mut found, |block, s, t| {
                self.view(source, target, matches, block, s, t, 0.0)
            });
            findings.append(&mut found);
            summaries.push(check.summarize(&ctx));
        }
        self.finalize(&mut findings);
        (findings, PairSummaries(summaries))
    }

    /// The aligned blocks of a pair with their glossary matches, as the
    /// checks see them; for tools that mine a pair (`glossary suggest`).
    pub fn aligned_blocks(&self, source: &Document, target: &Document) -> Vec<BlockView> {
        self.blocks(source, target, true).0
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

    /// `names`: gather each block's candidate target names (only the
    /// `name.*` rules read them).
    fn blocks(
        &self,
        source: &Document,
        target: &Document,
        names: bool,
    ) -> (Vec<BlockView>, ParagraphMatches) {
        let index = &self.index;
        let source_terms: Vec<Vec<FormMatch>> = source
            .paragraphs
            .iter()
            .map(|p| index.source_matches(&with_dateline_in_title_case(&p.norm.text)))
            .collect();
        // A sentence-initial one-word match ("Anh …": Britain or "you") is
        // read from its own context once its translation is known; it does
        // not anchor the alignment.
        let anchoring: Vec<Vec<FormMatch>> = source_terms
            .iter()
            .map(|terms| terms.iter().filter(|m| !m.ambiguous).cloned().collect())
            .collect();
        let target_terms: Vec<Vec<FormMatch>> = target
            .paragraphs
            .iter()
            .map(|p| index.target_matches(&with_dateline_in_title_case(&p.norm.text)))
            .collect();
        let target_forbidden: Vec<Vec<FormMatch>> = target
            .paragraphs
            .iter()
            .map(|p| index.forbidden_matches(&with_dateline_in_title_case(&p.norm.text)))
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
                    let last = i + 1 == doc.paragraphs.len();
                    ParagraphFeatures::of(&p.norm.text, entries)
                        .with_role(layout::role(&p.norm.text, last))
                })
                .collect()
        };
        let source_features = features(source, &anchoring, &[]);
        let target_features = features(target, &target_terms, &target_forbidden);
        let alignment = pair_moved(
            &source_features,
            &target_features,
            align(&source_features, &target_features),
        );
        let confidences = confidence(&source_features, &target_features, &alignment);
        let matches = ParagraphMatches {
            names,
            source_terms,
            target_terms,
            target_forbidden,
        };
        let layout_only = |features: &[ParagraphFeatures], paragraphs: &Range<usize>| {
            paragraphs.clone().all(|i| features[i].role != Role::Body)
        };
        let views = alignment
            .into_iter()
            .zip(confidences)
            .map(|(block, confidence)| {
                let (s, t) = (block.source.clone(), block.target.clone());
                // A caption or byline on one side only is layout, not a
                // paragraph left untranslated or added.
                let layout = (t.is_empty() && layout_only(&source_features, &s))
                    || (s.is_empty() && layout_only(&target_features, &t));
                let mut view = self.view(source, target, &matches, block, s, t, confidence);
                if layout {
                    view.status = BlockStatus::Layout;
                }
                view
            })
            .collect();
        (views, matches)
    }

    /// The view of a block made of the given paragraphs (in order; they
    /// need not be consecutive): the block itself, or one widened by a
    /// neighbour's paragraphs to see whether a missing item is there.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn view(
        &self,
        source: &Document,
        target: &Document,
        matches: &ParagraphMatches,
        block: Block,
        source_paragraphs: impl IntoIterator<Item = usize> + Clone,
        target_paragraphs: impl IntoIterator<Item = usize> + Clone,
        confidence: f64,
    ) -> BlockView {
        let index = &self.index;
        let (source_text, mut source_terms) =
            join(source, source_paragraphs, &matches.source_terms);
        let (target_text, target_terms) =
            join(target, target_paragraphs.clone(), &matches.target_terms);
        self.read_homographs(
            &mut source_terms,
            &target_terms,
            &target_text.text,
            &target.lang,
        );
        let (_, target_forbidden) = join(target, target_paragraphs, &matches.target_forbidden);
        let (status, untranslated) =
            segment::classify(&source_text, &target_text, &source.lang, &target.lang);
        // Vietnamese text keeps foreign names among native words;
        // elsewhere names are capitalized runs.
        let target_names = if !matches.names {
            Vec::new()
        } else if target.lang == "vi" {
            foreign_names(&target_text.text)
        } else {
            candidates(&target_text.text)
        };
        // Near-misses are only looked for when name.variant reports them:
        // with the rule off, term.missing must not defer to it.
        let target_near = if self.config.severity(&name_variant::VARIANT).is_some() {
            let mut near =
                index.near_matches(&target_names, target_terms.iter().chain(&target_forbidden));
            near.extend(name_variant::anchored_near_matches(
                index,
                &source_terms,
                &[&target_terms, &target_forbidden],
                &near,
                &target_text.text,
            ));
            near
        } else {
            Vec::new()
        };
        BlockView {
            block,
            confidence,
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
    }
}

impl Checker {
    /// Keeps a sentence-initial homograph ("Anh", "Đức", "Nam" …) as a
    /// mention of its place only where the translation reads it so: it
    /// renders the place, or puts another place of that kind in its stead
    /// ("Anh rời EU" ⇔ "France left the EU"), or speaks of no person that
    /// the word could be ("Anh sẽ nhớ em" ⇔ "I will miss you" is a pronoun).
    fn read_homographs(
        &self,
        source_terms: &mut Vec<FormMatch>,
        target_terms: &[FormMatch],
        target_text: &str,
        target_lang: &str,
    ) {
        if source_terms.iter().all(|m| !m.ambiguous) {
            return;
        }
        let named: BTreeSet<usize> = source_terms
            .iter()
            .filter(|m| !m.ambiguous)
            .map(|m| m.entry)
            .collect();
        let person = crate::lang::speaks_of_a_person(target_lang, target_text).unwrap_or(true);
        let kind = |entry: usize| self.index.entry(entry).kind;
        source_terms.retain(|m| {
            !m.ambiguous
                || !person
                || target_terms.iter().any(|t| {
                    t.entry == m.entry
                        || (kind(t.entry) == kind(m.entry) && !named.contains(&t.entry))
                })
        });
    }
}

/// The glossary matches of every paragraph of a pair, kept so that blocks
/// can be re-viewed with other paragraphs.
pub(crate) struct ParagraphMatches {
    /// Whether views gather candidate target names (see [`Checker::blocks`]).
    names: bool,
    source_terms: Vec<Vec<FormMatch>>,
    target_terms: Vec<Vec<FormMatch>>,
    target_forbidden: Vec<Vec<FormMatch>>,
}

/// A dateline in capitals ("HO CHI MINH CITY —") in title case, byte
/// offsets kept, so that the glossary finds the place it names.
fn with_dateline_in_title_case(text: &str) -> Cow<'_, str> {
    match layout::title_case_dateline(text) {
        Some(cased) => Cow::Owned(cased),
        None => Cow::Borrowed(text),
    }
}

/// Joins paragraphs with '\n' and shifts their matches to the joined text.
fn join(
    doc: &Document,
    paragraphs: impl IntoIterator<Item = usize> + Clone,
    matches: &[Vec<FormMatch>],
) -> (NormText, Vec<FormMatch>) {
    let text = NormText::join(
        paragraphs
            .clone()
            .into_iter()
            .map(|i| &doc.paragraphs[i].norm),
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

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;

    use super::*;

    thread_local! {
        /// Checks run on this thread (operation count, see below).
        pub(crate) static CHECKS_RUN: Cell<usize> = const { Cell::new(0) };
    }

    fn checker(rules: &[&str]) -> Checker {
        let glossary = Glossary::default_vi_en().expect("the embedded glossary loads");
        let mut config = RuleConfig::default();
        for spec in rules {
            config.set(spec, &crate::checks::all_rules()).unwrap();
        }
        Checker::new(glossary, "vi", "en", config)
    }

    fn run(checker: &Checker) -> (usize, usize, usize) {
        let source = SourceText::new(
            "a.vi",
            "Ông Takeshi Iwaya đến Hà Nội ngày 5/3 với 120 người.\n".into(),
        );
        let target = SourceText::new(
            "a.en",
            "Mr Takeshi Iwata arrived in Hanoi on March 6 with 210 people.\n".into(),
        );
        let source = Document::new(source, "vi");
        let target = Document::new(target, "en");
        CHECKS_RUN.with(|n| n.set(0));
        let (findings, _) = checker.check_documents(&source, &target);
        let names: usize = checker
            .blocks(&source, &target, checker.names_wanted)
            .0
            .iter()
            .map(|b| b.target_names.len())
            .sum();
        (CHECKS_RUN.with(Cell::get), names, findings.len())
    }

    #[test]
    fn disabled_rules_cost_nothing() {
        let (all, names, findings) = run(&checker(&[]));
        assert_eq!(all, all_checks().len());
        assert!(
            names > 0 && findings > 0,
            "{names} names, {findings} findings"
        );
        // Look-alike: one rule of a check still on runs that check.
        let (runs, names, _) = run(&checker(&["*=off", "name.copy=warning"]));
        assert_eq!((runs, names > 0), (1, true));
        let (runs, names, _) = run(&checker(&["name.*=off"]));
        assert_eq!((runs, names), (all - 3, 0));
        assert_eq!(run(&checker(&["*=off"])), (0, 0, 0));
    }

    #[test]
    fn a_long_untranslated_block_quotes_its_source_once() {
        // Sentences still in Vietnamese among English ones, in one block.
        let vi = "Bộ Y tế cho biết số ca mắc mới đã giảm mạnh trong tuần qua. ".repeat(40);
        let en = "The health ministry said new cases fell sharply last week. Bộ Y tế cho biết số ca mắc mới đã giảm mạnh trong tuần qua. ".repeat(20);
        let source = Document::new(SourceText::new("a.vi", vi.clone()), "vi");
        let target = Document::new(SourceText::new("a.en", en), "en");
        let (findings, _) = checker(&[]).check_documents(&source, &target);
        let untranslated: Vec<&Finding> = findings
            .iter()
            .filter(|f| f.rule == "segment.untranslated")
            .collect();
        let quoted: usize = untranslated
            .iter()
            .filter_map(|f| f.source.as_ref())
            .map(|l| l.text.len())
            .sum();
        assert!(untranslated.len() > 1, "{findings:#?}");
        assert!(quoted <= vi.len(), "{quoted} bytes of source quoted");
    }
}
