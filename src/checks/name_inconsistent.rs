//! `name.inconsistent`: the translation spells one person or place two or
//! more ways ("Sergei Lavrov" here, "Sergey Lavrov" there). Within one
//! article, and across all the articles checked together in a batch (one
//! pair on its own is a batch of one). Two kinds of mix are reported:
//!
//! * names no glossary entry settles: every occurrence of a minority
//!   spelling is reported, naming the majority one (the most frequent; on a
//!   tie, the first — see [`crate::names::consistency`]);
//! * two renderings one glossary entry accepts ("Sergei Lavrov" and
//!   "Sergey Lavrov"): each alone is fine, both in one text are not, and
//!   the glossary's order decides — its preferred form wins over frequency.
//!   Forms that differ only in case ("Al-Qaeda", "al-Qaeda") are one
//!   spelling, and a surname ranks with the full name it is part of, so
//!   the two are never played against each other.
//!
//! Misspellings of glossary names are left out (`name.variant` and
//! `name.copy` report them), so that no occurrence is reported twice; so are
//! forbidden renderings (`term.forbidden`). Each pair's summary is the list
//! of its remaining names with their positions — a few hundred bytes per
//! article.
//!
//! Default severity warning: two spellings are certainly one too many, but
//! which one is right is a majority vote or house style, not knowledge.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, RwLock};

use super::{name_copy, quote, BlockStatus, BlockView, Check, PairContext, PairSummary};
use crate::finding::{Finding, Location, Rule, Severity};
use crate::glossary::{is_name_kind, Coverage, FormMatch, MatchRole};
use crate::input::Position;
use crate::names::consistency::{inconsistent_spellings_ranked, Occurrence};
use crate::names::copy::CopyIssue;
use crate::names::similarity::Thresholds;
use crate::normalize::{fold_case, normalize_str};

pub const INCONSISTENT: Rule = Rule {
    id: "name.inconsistent",
    default_severity: Severity::Warning,
    summary: "The translation (or the batch of translations checked together) spells a name two or more ways: either no glossary entry settles it, or it mixes renderings one entry accepts.",
};

#[derive(Default)]
pub struct NameInconsistent {
    /// What each glossary entry met so far allows (see [`EntryProfile`]),
    /// worked out once per checker: the pairs of a batch share it.
    profiles: RwLock<HashMap<usize, Arc<EntryProfile>>>,
}

impl NameInconsistent {
    fn profile(&self, ctx: &PairContext, entry: usize) -> Arc<EntryProfile> {
        // A poisoned lock only means another pair panicked; the map is
        // still whole.
        if let Some(profile) = self
            .profiles
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(&entry)
        {
            return Arc::clone(profile);
        }
        let profile = Arc::new(EntryProfile::new(ctx, entry));
        self.profiles
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(entry, Arc::clone(&profile));
        profile
    }
}

/// One name as written in a translation, with what a finding needs.
struct Spelled {
    text: String,
    target: Location,
    source_block: Option<Range<usize>>,
    target_block: Option<Range<usize>>,
}

/// One accepted glossary rendering of a name and where a translation
/// writes it. A batch keeps these for every pair, and most of a newsroom's
/// names are renderings, so the form is kept once and each place compactly.
struct Rendering {
    entry: usize,
    /// The form's rank (see [`EntryProfile`]): 0 for the preferred form
    /// and its parts.
    rank: usize,
    /// The form, not the text: "Al-Qaeda" opening a sentence is the
    /// glossary's "al-Qaeda".
    form: String,
    /// How many times the pair writes the form.
    count: usize,
    /// Where: every place, or only the first for a preferred form, which
    /// is never the one reported.
    at: Vec<WrittenAt>,
}

/// Where a translation writes a rendering.
struct WrittenAt {
    range: Range<usize>,
    start: Position,
    end: Position,
    /// The text as written, when it is not the form itself.
    written: Option<Box<str>>,
    /// Index into [`Spellings::blocks`].
    block: usize,
}

/// The source and target spans of a block, as findings carry them.
type BlockSpans = (Option<Range<usize>>, Option<Range<usize>>);

/// The summary of one pair.
struct Spellings {
    thresholds: Thresholds,
    target_lang: String,
    names: Vec<Spelled>,
    renderings: Vec<Rendering>,
    /// The (source, target) spans of the blocks renderings are in.
    blocks: Vec<BlockSpans>,
}

impl Spellings {
    fn spelled(&self, rendering: &Rendering, at: &WrittenAt) -> Spelled {
        let (source_block, target_block) = self.blocks[at.block].clone();
        Spelled {
            text: rendering.form.clone(),
            target: Location {
                range: at.range.clone(),
                start: at.start,
                end: at.end,
                text: at.written.as_deref().unwrap_or(&rendering.form).to_string(),
            },
            source_block,
            target_block,
        }
    }
}

impl Check for NameInconsistent {
    fn rules(&self) -> &'static [Rule] {
        &[INCONSISTENT]
    }

    /// Everything happens across pairs, in [`Check::check_batch`].
    fn check(&self, _ctx: &PairContext, _out: &mut Vec<Finding>) {}

    fn summarize(&self, ctx: &PairContext) -> Option<PairSummary> {
        let mut names = Vec::new();
        let mut renderings = Renderings::default();
        let profile = |entry| self.profile(ctx, entry);
        for block in ctx.blocks {
            if block.status != BlockStatus::Translated || !block.untranslated.is_empty() {
                continue;
            }
            renderings.add_block(ctx, block, &profile);
            // Few per block: a scan. A misspelling may be part of a name
            // ("Governor Nguyen Thi Hang"), so any overlap counts.
            let copied: Vec<&Range<usize>> = name_copy::block_issues(ctx, block)
                .iter()
                .filter_map(|i| match i {
                    CopyIssue::Misspelled { target, .. } => Some(target),
                    CopyIssue::Absent { .. } => None,
                })
                .collect();
            let is_copied = |span: &Range<usize>| {
                copied
                    .iter()
                    .any(|c| c.start < span.end && span.start < c.end)
            };
            // Looked up once per name: sets, not scans, so a paragraph with
            // thousands of names and matches takes time for their sum.
            let matched = Coverage::new(
                block
                    .target_terms
                    .iter()
                    .chain(&block.target_forbidden)
                    .map(|m| m.range.clone()),
            );
            let near: HashSet<&Range<usize>> = block.target_near.iter().map(|n| &n.range).collect();
            for name in &block.target_names {
                let settled = matched.covers(&name.span) || near.contains(&name.span);
                if name.acronym || settled || is_copied(&name.span) {
                    continue;
                }
                let shell = ctx.in_block(block, Finding::new(&INCONSISTENT, ""));
                names.push(Spelled {
                    text: name.text.clone(),
                    target: ctx.target_location(block, name.span.clone()),
                    source_block: shell.source_block,
                    target_block: shell.target_block,
                });
            }
        }
        // Nothing to compare: no summary, so that a batch knows this pair
        // gets no finding from across pairs (see `Retain::FlaggedTexts`).
        if names.is_empty() && renderings.list.is_empty() {
            return None;
        }
        let (renderings, blocks) = renderings.into_parts();
        names.shrink_to_fit();
        Some(Box::new(Spellings {
            thresholds: *ctx.glossary.name_thresholds(),
            target_lang: ctx.glossary.target_lang().to_string(),
            names,
            renderings,
            blocks,
        }))
    }

    fn check_batch(&self, summaries: &[Option<PairSummary>], out: &mut [Vec<Finding>]) {
        let pairs: Vec<Option<&Spellings>> = summaries
            .iter()
            .map(|s| s.as_ref().and_then(|s| s.downcast_ref::<Spellings>()))
            .collect();
        let Some(first) = pairs.iter().flatten().next() else {
            return;
        };
        let (thresholds, lang) = (first.thresholds, first.target_lang.as_str());
        let unsettled: Vec<(usize, &Spelled)> = pairs
            .iter()
            .enumerate()
            .flat_map(|(doc, pair)| {
                pair.iter()
                    .flat_map(move |p| &p.names)
                    .map(move |n| (doc, n))
            })
            .collect();
        let other_word = |a: &str, b: &str| crate::lang::is_derivation(lang, a, b);
        report(&unsettled, &thresholds, |_| None, other_word, out);

        // Accepted renderings, entry by entry: a glossary that accepts
        // "Sergey Lavrov" beside "Sergei Lavrov" allows either, not both in
        // one text. Its preferred rendering is the right one.
        let mut by_entry: BTreeMap<usize, Vec<(usize, &Spellings, &Rendering)>> = BTreeMap::new();
        for (doc, pair) in pairs.iter().enumerate() {
            for p in pair.iter() {
                for r in &p.renderings {
                    by_entry.entry(r.entry).or_default().push((doc, p, r));
                }
            }
        }
        for renderings in by_entry.values() {
            let rank_of: HashMap<&str, usize> = renderings
                .iter()
                .map(|(_, _, r)| (r.form.as_str(), r.rank))
                .collect();
            if rank_of.len() < 2 {
                continue;
            }
            // A form kept once stands for each time it is written.
            let mut owned: Vec<(usize, Spelled)> = Vec::new();
            for (doc, pair, rendering) in renderings {
                for at in &rendering.at {
                    owned.push((*doc, pair.spelled(rendering, at)));
                }
                let first = rendering.at.first();
                for at in first
                    .into_iter()
                    .cycle()
                    .take(rendering.count - rendering.at.len())
                {
                    owned.push((*doc, pair.spelled(rendering, at)));
                }
            }
            // In reading order: on a tie the first spelling written wins.
            owned.sort_by_key(|(doc, s)| (*doc, s.target.range.start));
            let spelled: Vec<(usize, &Spelled)> = owned.iter().map(|(doc, s)| (*doc, s)).collect();
            report(
                &spelled,
                &thresholds,
                |text| rank_of.get(text).copied(),
                other_word,
                out,
            );
        }
    }
}

/// Reports every minority spelling among `names` (document, name). `rank`
/// gives a glossary rendering's position among its entry's accepted forms
/// (`None` for names the glossary does not know); `other_word` tells two
/// words of one stem apart from two spellings.
fn report(
    names: &[(usize, &Spelled)],
    thresholds: &Thresholds,
    rank: impl Fn(&str) -> Option<usize>,
    other_word: impl Fn(&str, &str) -> bool,
    out: &mut [Vec<Finding>],
) {
    let mut occurrences = Vec::new();
    let mut spelled: HashMap<(usize, usize), &Spelled> = HashMap::new();
    for &(doc, name) in names {
        spelled.insert((doc, name.target.range.start), name);
        occurrences.push(Occurrence {
            doc,
            span: name.target.range.clone(),
            text: name.text.clone(),
        });
    }
    let order = |text: &str| rank(text).unwrap_or(usize::MAX);
    // A place stands for several occurrences when a form is kept by count;
    // it is reported once.
    let mut reported = HashSet::new();
    for group in inconsistent_spellings_ranked(&occurrences, thresholds, order, other_word) {
        for minority in &group.minority {
            let occ = &minority.occurrence;
            let Some(name) = spelled.get(&(occ.doc, occ.span.start)) else {
                continue;
            };
            if !reported.insert((occ.doc, occ.span.start)) {
                continue;
            }
            let (here, elsewhere) = occurrences
                .iter()
                .filter(|o| o.text == group.majority)
                .fold((0, 0), |(h, e), o| {
                    if o.doc == occ.doc {
                        (h + 1, e)
                    } else {
                        (h, e + 1)
                    }
                });
            let preferred = if rank(&group.majority) == Some(0) {
                ", the glossary's preferred spelling"
            } else {
                ""
            };
            let message = format!(
                "{} is also written {} ({}){preferred}",
                quote(&name.target.text),
                quote(&group.majority),
                where_written(here, elsewhere)
            );
            let finding = Finding {
                source_block: name.source_block.clone(),
                target_block: name.target_block.clone(),
                ..Finding::new(&INCONSISTENT, message)
                    .target(Some(name.target.clone()))
                    .suggestion(Some(minority.suggestion.clone()))
            };
            if let Some(found) = out.get_mut(occ.doc) {
                found.push(finding);
            }
        }
    }
}

/// A pair's accepted renderings of glossary names, grouped by form.
#[derive(Default)]
struct Renderings {
    list: Vec<Rendering>,
    index: HashMap<(usize, String), usize>,
    blocks: Vec<BlockSpans>,
}

impl Renderings {
    /// Adds the block's renderings, each at its widest ("Sergei Lavrov",
    /// not the "Lavrov" inside it).
    fn add_block(
        &mut self,
        ctx: &PairContext,
        block: &BlockView,
        profile: &dyn Fn(usize) -> Arc<EntryProfile>,
    ) {
        let terms = &block.target_terms;
        let inside_wider = inside_wider(terms);
        let mut block_index = None;
        for (i, m) in terms.iter().enumerate() {
            let entry = ctx.glossary.entry(m.entry);
            if m.role != MatchRole::Listed || !is_name_kind(entry.kind) || inside_wider[i] {
                continue;
            }
            let Some((rank, form)) = profile(m.entry).mixable_rank_of(&m.form) else {
                continue;
            };
            // Ranks outweigh frequency, so a preferred form is never the
            // minority spelling: where it is written beyond the first time
            // does not matter, only how often. A batch keeps most names
            // this way.
            let keep_every_place = rank != 0;
            let next = self.list.len();
            let slot = *self.index.entry((m.entry, form.clone())).or_insert(next);
            if slot == next {
                self.list.push(Rendering {
                    entry: m.entry,
                    rank,
                    form,
                    count: 0,
                    at: Vec::new(),
                });
            }
            let rendering = &mut self.list[slot];
            rendering.count += 1;
            if !keep_every_place && !rendering.at.is_empty() {
                continue;
            }
            let in_block = *block_index.get_or_insert_with(|| {
                let shell = ctx.in_block(block, Finding::new(&INCONSISTENT, ""));
                self.blocks.push((shell.source_block, shell.target_block));
                self.blocks.len() - 1
            });
            let location = ctx.target_location(block, m.range.clone());
            let written = (location.text != rendering.form).then(|| location.text.into_boxed_str());
            rendering.at.push(WrittenAt {
                range: location.range,
                start: location.start,
                end: location.end,
                written,
                block: in_block,
            });
        }
    }

    /// What a batch keeps: the lists without their spare capacity (a
    /// batch holds one per pair until the end).
    fn into_parts(mut self) -> (Vec<Rendering>, Vec<BlockSpans>) {
        for rendering in &mut self.list {
            rendering.at.shrink_to_fit();
        }
        self.list.shrink_to_fit();
        self.blocks.shrink_to_fit();
        (self.list, self.blocks)
    }
}

/// For each match, whether a longer match holds it ("Lavrov" inside
/// "Sergei Lavrov"). One sort and a sweep: a paragraph may hold many
/// thousands of matches.
fn inside_wider(terms: &[FormMatch]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..terms.len()).collect();
    // By start, the longest first: everything before a match in this
    // order starts earlier, or at the same place and ends no earlier.
    order.sort_by_key(|&i| (terms[i].range.start, std::cmp::Reverse(terms[i].range.end)));
    let mut inside = vec![false; terms.len()];
    let mut max_end_before = 0; // among matches that start strictly earlier
    let mut group_start = usize::MAX;
    let mut group_end = 0; // the longest match starting here
    let mut max_end_so_far = 0;
    for &i in &order {
        let r = &terms[i].range;
        if r.start != group_start {
            max_end_before = max_end_so_far;
            group_start = r.start;
            group_end = r.end;
        }
        inside[i] = max_end_before >= r.end || group_end > r.end;
        max_end_so_far = max_end_so_far.max(r.end);
    }
    inside
}

/// What the check needs to know of a glossary entry's accepted forms.
struct EntryProfile {
    /// (form, rank, mixable), one per spelling: forms that differ only in
    /// case ("Senate", "senate") are one spelling, which the grammar of the
    /// sentence picks. A form ranks with the first form that is it or
    /// contains it, so "Orban" is as preferred as "Viktor Orban" and ahead
    /// of "Viktor Orbán", and a surname never competes with its full name.
    /// A form is mixable when it is a variant of another form of the entry;
    /// one that is not ("Hanoi" beside "Vietnam", "Vietnamese") can neither
    /// be reported nor decide a report, and is not kept.
    forms: Vec<(String, usize, bool)>,
}

impl EntryProfile {
    fn new(ctx: &PairContext, entry: usize) -> EntryProfile {
        let mut spellings: Vec<(String, Vec<String>)> = Vec::new();
        for form in ctx.glossary.entry(entry).forms(ctx.glossary.target_lang()) {
            let form = normalize_str(form);
            let folded = fold_case(&form);
            if spellings.iter().all(|(f, _)| fold_case(f) != folded) {
                let words = crate::lang::words_of(&folded).map(str::to_string).collect();
                spellings.push((form, words));
            }
        }
        // Fewer words, in a row: "Kim Jong-un" is another spelling of
        // "Kim Jong Un", not a part. A form without letters ("2024") is
        // part of no other.
        let part_of = |part: &[String], whole: &[String]| {
            !part.is_empty()
                && part.len() < whole.len()
                && whole.windows(part.len()).any(|w| w == part)
        };
        let ranks: Vec<usize> = spellings
            .iter()
            .enumerate()
            .map(|(i, (_, words))| {
                spellings[..i]
                    .iter()
                    .position(|(_, whole)| part_of(words, whole))
                    .unwrap_or(i)
            })
            .collect();
        let lang = ctx.glossary.target_lang();
        let variants = |a: usize, b: usize| {
            let occurrences: Vec<Occurrence> = [a, b]
                .iter()
                .map(|&i| Occurrence {
                    doc: 0,
                    span: i..i + 1,
                    text: spellings[i].0.clone(),
                })
                .collect();
            let rank = |text: &str| {
                if text == spellings[a].0 {
                    ranks[a]
                } else {
                    ranks[b]
                }
            };
            !inconsistent_spellings_ranked(
                &occurrences,
                ctx.glossary.name_thresholds(),
                rank,
                |x, y| crate::lang::is_derivation(lang, x, y),
            )
            .is_empty()
        };
        let n = spellings.len();
        let mut mixable = vec![false; n];
        for a in 0..n {
            for b in a + 1..n {
                if variants(a, b) {
                    mixable[a] = true;
                    mixable[b] = true;
                }
            }
        }
        let forms = spellings
            .into_iter()
            .zip(ranks)
            .zip(mixable)
            .map(|(((form, _), rank), mixable)| (form, rank, mixable))
            .collect();
        EntryProfile { forms }
    }

    /// The rank and glossary spelling of a matched form that can be part
    /// of a mix.
    fn mixable_rank_of(&self, matched: &str) -> Option<(usize, String)> {
        let folded = fold_case(matched);
        self.forms
            .iter()
            .find(|(f, ..)| fold_case(f) == folded)
            .filter(|(.., mixable)| *mixable)
            .map(|(f, rank, _)| (*rank, f.clone()))
    }
}

/// "2 times in this translation, once in the others checked with it".
fn where_written(here: usize, elsewhere: usize) -> String {
    let times = |n: usize| match n {
        1 => "once".to_string(),
        n => format!("{n} times"),
    };
    match (here, elsewhere) {
        (h, 0) => format!("{} in this translation", times(h)),
        (0, e) => format!("{} in the other translations checked with it", times(e)),
        (h, e) => format!(
            "{} in this translation, {} in the others checked with it",
            times(h),
            times(e)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_wider_matches_the_pairwise_definition() {
        let ranges = [
            0..13,
            7..13,
            7..13,
            0..6,
            20..25,
            18..25,
            20..30,
            22..24,
            40..41,
        ];
        let terms: Vec<FormMatch> = ranges
            .iter()
            .map(|r| FormMatch {
                entry: 0,
                range: r.clone(),
                role: MatchRole::Listed,
                form: String::new(),
                ambiguous: false,
            })
            .collect();
        let pairwise: Vec<bool> = ranges
            .iter()
            .map(|m| {
                ranges
                    .iter()
                    .any(|o| o.start <= m.start && m.end <= o.end && o.len() > m.len())
            })
            .collect();
        assert_eq!(inside_wider(&terms), pairwise);
        assert_eq!(
            pairwise,
            [false, true, true, true, true, false, false, true, false]
        );
    }

    #[test]
    fn where_written_table() {
        for (here, elsewhere, want) in [
            (1, 0, "once in this translation"),
            (3, 0, "3 times in this translation"),
            (0, 2, "2 times in the other translations checked with it"),
            (
                1,
                1,
                "once in this translation, once in the others checked with it",
            ),
        ] {
            assert_eq!(where_written(here, elsewhere), want);
        }
    }
}
