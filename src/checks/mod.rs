//! Per-rule checks. Each file is one rule family; every check sees the same
//! [`PairContext`]: both documents, the aligned blocks with their normalized
//! text and glossary matches, and the glossary index. Every finding about
//! the translation points into it (see [`locate`]).

pub mod locate;
pub mod name_copy;
pub mod name_inconsistent;
pub mod name_variant;
pub mod numbers;
pub mod segment;
pub mod term_forbidden;
pub mod term_missing;

use std::ops::Range;
use std::sync::OnceLock;

use crate::align::Block;
use crate::document::Document;
use crate::finding::{Anchor, Finding, Location, Rule};
use crate::glossary::{FormMatch, GlossaryIndex, Kind, NearMatch};
use crate::names::candidates::NameCandidate;
use crate::names::copy::CopyIssue;
use crate::normalize::NormText;

/// What the segment check concluded about a block; other checks only look
/// at `Translated` blocks, so a dropped or untranslated paragraph raises one
/// finding instead of a cascade.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockStatus {
    Translated,
    /// Source paragraphs with no target.
    Missing,
    /// Target paragraphs with no source.
    Extra,
    /// The target is still (wholly) in the source language.
    Untranslated,
    /// Captions or credit lines on one side only: layout the other edition
    /// left out (a photo it did not use, a byline), not missing content.
    Layout,
}

/// One aligned block, normalized once for all checks.
#[derive(Debug, Clone)]
pub struct BlockView {
    pub block: Block,
    /// How well the block's two sides agree, 0 to 1 (see
    /// [`crate::align::confidence`]).
    pub confidence: f64,
    /// Source paragraphs joined with '\n'.
    pub source: NormText,
    pub target: NormText,
    /// Glossary entries named in the source (leftmost-longest).
    pub source_terms: Vec<FormMatch>,
    /// Accepted renderings present in the target (overlapping).
    pub target_terms: Vec<FormMatch>,
    /// Forbidden renderings present in the target.
    pub target_forbidden: Vec<FormMatch>,
    /// Candidate names in the target (capitalized runs, see
    /// [`crate::names::candidates`]).
    pub target_names: Vec<NameCandidate>,
    /// Target names that are near-misses of a glossary name's accepted
    /// rendering (what `name.variant` reports and `term.missing` defers
    /// to); empty when `name.variant` is off.
    pub target_near: Vec<NearMatch>,
    pub status: BlockStatus,
    /// Byte ranges of the target text (in `target`) that are still in the
    /// source language, found by the segment check.
    pub untranslated: Vec<Range<usize>>,
    /// The block's `name.copy` issues, computed by the first check that
    /// asks (see [`name_copy::block_issues`]).
    pub copy_issues: OnceLock<Vec<CopyIssue>>,
    /// The block's sentences, split by the first finding that needs a
    /// place in the translation (see [`locate`]).
    pub sentences: OnceLock<locate::Sentences>,
}

pub struct PairContext<'a> {
    pub source: &'a Document,
    pub target: &'a Document,
    pub blocks: &'a [BlockView],
    pub glossary: &'a GlossaryIndex,
}

impl PairContext<'_> {
    pub fn source_location(&self, block: &BlockView, range: Range<usize>) -> Location {
        self.source.location(block.source.original_range(range))
    }

    pub fn target_location(&self, block: &BlockView, range: Range<usize>) -> Location {
        self.target.location(block.target.original_range(range))
    }

    /// The place in the translation a finding about `source` concerns,
    /// when it has no span of its own there (see [`locate`]); `kind` is the
    /// kind of the glossary entry it is about.
    pub fn likely_target(
        &self,
        block: &BlockView,
        source: Option<&Location>,
        kind: Option<Kind>,
    ) -> (Location, Anchor) {
        locate::likely_target(self, block, source, kind)
    }

    /// Fills in the block context of a finding, and a target location
    /// when it has a source span but none in the translation: every
    /// finding of a block is about its translation.
    pub fn in_block(&self, block: &BlockView, finding: Finding) -> Finding {
        // A finding with neither span is a shell for the block's spans.
        let finding = match (&finding.target, &finding.source) {
            (Some(_), _) | (None, None) => finding,
            (None, Some(_)) => {
                let (location, anchor) = self.likely_target(block, finding.source.as_ref(), None);
                finding.target_near(location, anchor)
            }
        };
        Finding {
            source_block: self.source.span_of(block.block.source.clone()),
            target_block: self.target.span_of(block.block.target.clone()).or_else(|| {
                let at = locate::gap(self.target, block.block.target.start);
                Some(at..at)
            }),
            ..finding
        }
    }
}

/// What a check keeps of one pair for a look across all pairs checked
/// together (e.g. the spellings of names used in each translation). It must
/// stay small: a batch keeps one per pair until the end.
pub type PairSummary = Box<dyn std::any::Any + Send + Sync>;

pub trait Check: Send + Sync {
    /// The rules this check can raise.
    fn rules(&self) -> &'static [Rule];

    /// Findings within one pair.
    fn check(&self, ctx: &PairContext, out: &mut Vec<Finding>);

    /// A compact summary of the pair for [`Check::check_batch`]; None for
    /// checks that only look within a pair.
    fn summarize(&self, _ctx: &PairContext) -> Option<PairSummary> {
        None
    }

    /// Findings across all pairs of a run (one pair on its own is a batch of
    /// one): `summaries[i]` came from pair i and findings for it go to
    /// `out[i]`.
    fn check_batch(&self, _summaries: &[Option<PairSummary>], _out: &mut [Vec<Finding>]) {}
}

/// Every check, in the order they run.
pub fn all_checks() -> Vec<Box<dyn Check>> {
    vec![
        Box::new(segment::SegmentCheck),
        Box::new(term_missing::TermMissing),
        Box::new(term_forbidden::TermForbidden),
        Box::new(name_variant::NameVariant),
        Box::new(name_copy::NameCopy),
        Box::<name_inconsistent::NameInconsistent>::default(),
        Box::new(numbers::NumberCheck),
    ]
}

/// Every rule of every check.
pub fn all_rules() -> Vec<Rule> {
    all_checks()
        .iter()
        .flat_map(|c| c.rules().iter().copied())
        .collect()
}

/// "Triều Tiên" → `“Triều Tiên”`; quotes forms in messages.
pub(crate) fn quote(s: &str) -> String {
    format!("\u{201C}{s}\u{201D}")
}
