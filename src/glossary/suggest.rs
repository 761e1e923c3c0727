//! `glossary suggest`: proposes glossary entries mined from a source and
//! its translation.
//!
//! The pair is aligned by the checker's own aligner. In every translated
//! block, the names of the source that the glossary lacks — foreign names
//! and runs of capitalized words — are paired with the names of the aligned
//! target block: by name similarity (a foreign name is usually kept, a
//! Vietnamese name loses its diacritics), by shared tokens, and by relative
//! position in the block. Each proposal carries a confidence in [0, 1]:
//! similarity or shared tokens weigh most, position breaks ties and, alone
//! (one unknown name on each side of a block), gives a low confidence.
//! Target names spelled several ways in the translation are reported with
//! the proposals they concern, or on their own.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use super::{Entry, Kind};
use crate::checker::Checker;
use crate::checks::{BlockStatus, BlockView};
use crate::document::Document;
use crate::input::SourceText;
use crate::names::candidates::{
    candidates, foreign_names, is_vietnamese_family_name, NameCandidate,
};
use crate::names::consistency::{inconsistent_spellings, Occurrence};
use crate::names::fold::{fold, fold_tokens};
use crate::names::similarity::name_similarity;
use crate::normalize::{fold_case, normalize_str};

/// Below this, a pairing is not proposed.
const MIN_CONFIDENCE: f64 = 0.3;

/// A proposed entry.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub entry: Entry,
    pub confidence: f64,
    /// Where the source form was first seen (path:line:column).
    pub source_at: String,
    pub target_at: String,
    /// How many times the pairing was seen.
    pub seen: usize,
    /// Other spellings of the target form in the translation, with where.
    pub variants: Vec<(String, String)>,
}

/// Everything suggest found.
#[derive(Debug, Clone, Default)]
pub struct Suggestions {
    pub entries: Vec<Suggestion>,
    /// Source names with no counterpart: (name, where).
    pub unpaired: Vec<(String, String)>,
    /// Target names spelled several ways that no proposal covers:
    /// (majority, [(minority spelling, where)]).
    pub inconsistent: Vec<(String, Vec<(String, String)>)>,
}

/// A name found in one block: its normalized-text span and text.
#[derive(Debug, Clone)]
struct Name {
    span: Range<usize>,
    text: String,
    acronym: bool,
    /// A foreign name kept in Latin script in a Vietnamese source: its
    /// spelling there is the reference for the translation.
    foreign: bool,
}

/// Titles and words before a name that tell its kind (Vietnamese and
/// English, lowercased).
const PERSON_CUES: &[&str] = &[
    "ông",
    "bà",
    "anh",
    "chị",
    "tổng thống",
    "thủ tướng",
    "bộ trưởng",
    "ngoại trưởng",
    "chủ tịch",
    "giám đốc",
    "tổng giám đốc",
    "đại sứ",
    "thượng nghị sĩ",
    "tướng",
    "đại tướng",
    "vua",
    "nữ hoàng",
    "hoàng tử",
    "phát ngôn viên",
    "người phát ngôn",
    "president",
    "minister",
    "prime minister",
    "mr",
    "mrs",
    "ms",
    "dr",
    "secretary",
    "spokesperson",
    "spokesman",
    "ambassador",
    "general",
    "chairman",
    "ceo",
    "king",
    "queen",
    "prince",
    "senator",
];
const PLACE_CUES: &[&str] = &[
    "tỉnh",
    "thành phố",
    "tp",
    "huyện",
    "quận",
    "xã",
    "phường",
    "thị xã",
    "sông",
    "đảo",
    "vùng",
    "bang",
    "thủ đô",
    "nước",
    "tại",
    "ở",
    "đến",
    "tới",
    "province",
    "city",
    "in",
    "river",
    "island",
    "state",
];
const ORG_WORDS: &[&str] = &[
    "bộ",
    "ủy ban",
    "ngân hàng",
    "tập đoàn",
    "công ty",
    "tổng công ty",
    "trường",
    "đại học",
    "viện",
    "hội",
    "quỹ",
    "tổ chức",
    "cục",
    "tổng cục",
    "sở",
    "hiệp hội",
    "ministry",
    "bank",
    "group",
    "company",
    "corporation",
    "university",
    "institute",
    "association",
    "fund",
    "organization",
    "organisation",
    "agency",
    "committee",
    "department",
    "council",
    "party",
];
fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// Words of `text` with their byte ranges.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || crate::glossary::is_word_char(c);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Runs of two or more capitalized words in Vietnamese text ("Nguyễn Văn
/// An", "Đà Nẵng"); a sentence-initial word opens a run only if it is a
/// common surname.
fn capitalized_runs(text: &str) -> Vec<Name> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut run: Vec<Range<usize>> = Vec::new();
    let flush = |run: &mut Vec<Range<usize>>, out: &mut Vec<Name>| {
        // A run that starts with an organisation word is the capitalized
        // head of a longer name ("Bộ Tài" of "Bộ Tài chính"): cut, so no
        // proposal is better than a wrong one.
        let org_head = run.first().is_some_and(|w| {
            ORG_WORDS.iter().any(|o| {
                lower(&text[w.clone()]) == *o
                    || o.starts_with(&format!("{} ", lower(&text[w.clone()])))
            })
        });
        if run.len() >= 2 && !org_head {
            let span = run[0].start..run[run.len() - 1].end;
            out.push(Name {
                text: text[span.clone()].to_string(),
                span,
                acronym: false,
                foreign: false,
            });
        }
        run.clear();
    };
    for (k, w) in ws.iter().enumerate() {
        let word = &text[w.clone()];
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && !word.chars().all(|c| !c.is_lowercase());
        let gap = ws
            .get(k.wrapping_sub(1))
            .map(|p| &text[p.end..w.start])
            .unwrap_or("");
        let sentence_start = k == 0 || gap.contains(['.', '!', '?', ':', '\n', '"', '“']);
        if !gap.trim().is_empty() || !capital {
            flush(&mut run, &mut out);
        }
        if !capital {
            continue;
        }
        // A run that starts a sentence with a family name is a name, not a
        // sentence-initial word.
        if sentence_start && !is_vietnamese_family_name(word) {
            flush(&mut run, &mut out);
            continue;
        }
        run.push(w.clone());
    }
    flush(&mut run, &mut out);
    out
}

fn to_names(c: Vec<NameCandidate>, foreign: bool) -> Vec<Name> {
    c.into_iter()
        .map(|c| Name {
            span: c.span,
            text: c.text,
            acronym: c.acronym,
            foreign,
        })
        .collect()
}

/// Names in a text of language `lang`.
fn names_in(text: &str, lang: &str) -> Vec<Name> {
    if lang == "vi" {
        let mut all = to_names(foreign_names(text), true);
        for run in capitalized_runs(text) {
            if !all
                .iter()
                .any(|n| n.span.start < run.span.end && run.span.start < n.span.end)
            {
                all.push(run);
            }
        }
        all.sort_by_key(|n| n.span.start);
        all
    } else {
        to_names(candidates(text), false)
            .into_iter()
            .filter(|n| n.text.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .collect()
    }
}

fn overlaps_any(span: &Range<usize>, taken: &[Range<usize>]) -> bool {
    taken
        .iter()
        .any(|t| t.start < span.end && span.start < t.end)
}

/// A target name that lost leading words the source name has — "Minh
/// Khoi" for "Đỗ Minh Khôi", because a sentence-initial "Do" looks like an
/// English word — grows back over the words before it that fold to them.
fn extend_left(text: &str, name: &Name, source: &str) -> Name {
    let want: Vec<String> = fold_tokens(source).into_iter().map(|t| t.folded).collect();
    let have: Vec<String> = fold_tokens(&name.text)
        .into_iter()
        .map(|t| t.folded)
        .collect();
    if have.is_empty() || have.len() >= want.len() || !want.ends_with(&have) {
        return name.clone();
    }
    let missing = &want[..want.len() - have.len()];
    let before: Vec<Range<usize>> = words(&text[..name.span.start]);
    if before.len() < missing.len() {
        return name.clone();
    }
    let lead = &before[before.len() - missing.len()..];
    let joined_by_spaces = lead
        .iter()
        .map(|w| w.end)
        .zip(
            lead.iter()
                .skip(1)
                .map(|w| w.start)
                .chain([name.span.start]),
        )
        .all(|(end, next)| text[end..next].chars().all(|c| c == ' '));
    let folds: Vec<String> = lead.iter().map(|w| fold(&text[w.clone()])).collect();
    if !joined_by_spaces || folds != missing {
        return name.clone();
    }
    let span = lead[0].start..name.span.end;
    Name {
        text: text[span.clone()].to_string(),
        span,
        ..name.clone()
    }
}

/// Share of folded tokens the two names have in common.
fn shared_tokens(a: &str, b: &str) -> f64 {
    let ta: Vec<String> = fold_tokens(a).into_iter().map(|t| t.folded).collect();
    let tb: Vec<String> = fold_tokens(b).into_iter().map(|t| t.folded).collect();
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let common = ta.iter().filter(|t| tb.contains(t)).count();
    common as f64 / ta.len().max(tb.len()) as f64
}

fn guess_kind(text: &str, span: &Range<usize>, name: &str, acronym: bool) -> Kind {
    let before = lower(text[..span.start].trim_end());
    let lname = lower(name);
    if acronym
        || ORG_WORDS
            .iter()
            .any(|w| lname.starts_with(&format!("{w} ")) || lname.ends_with(&format!(" {w}")))
    {
        return Kind::Organization;
    }
    let ends_with_cue = |cues: &[&str]| ends_with_cue(&before, cues);
    if ends_with_cue(ORG_WORDS) {
        // "công ty Hải Đăng", "tập đoàn Equinor"
        Kind::Organization
    } else if ends_with_cue(PERSON_CUES) {
        Kind::Person
    } else if ends_with_cue(PLACE_CUES) {
        Kind::Place
    } else if fold_tokens(name).len() >= 2 {
        Kind::Person
    } else {
        Kind::Other
    }
}

/// The confidence at most of a proposal whose source form names two
/// things (a person, and a city the translation names with "City").
const AMBIGUOUS_CONFIDENCE: f64 = 0.4;

/// Words of a rendering that name a kind of place ("Ho Chi Minh City").
const PLACE_WORDS: &[&str] = &[
    "city", "province", "district", "county", "river", "island", "islands", "lake", "mountain",
    "mount", "bay", "sea", "strait", "valley", "region", "state", "town", "village", "commune",
];

/// The kind of a proposal from the source and the target context, and a
/// note when the source form is ambiguous. A cue on either side decides
/// ("đến Hà Nội", "in Hanoi", "Mr. Hong"); a rendering that adds a place
/// word is a place, and if the source form alone has the shape of a
/// Vietnamese personal name ("Hồ Chí Minh"), it names a person as well.
fn guess_kind_in_pair(
    block: &BlockView,
    s: &Name,
    t: &Name,
    rendering: &str,
) -> (Kind, Option<String>) {
    let from_source = guess_kind(&block.source.text, &s.span, &s.text, s.acronym);
    let from_target = guess_kind(&block.target.text, &t.span, &t.text, t.acronym);
    let source_words = fold_tokens(&s.text).len();
    let rendering_tokens = fold_tokens(rendering);
    let adds_place_word = rendering_tokens.len() > source_words
        && rendering_tokens
            .iter()
            .any(|tok| PLACE_WORDS.contains(&tok.folded.as_str()));
    if adds_place_word {
        let first = s.text.split_whitespace().next().unwrap_or("");
        let person_shaped = (2..=4).contains(&source_words) && is_vietnamese_family_name(first);
        let note = person_shaped.then(|| {
            format!(
                "Ambiguous: “{}” is also a person's name; prefer the source's fuller form (e.g. with “thành phố”) for “{rendering}”.",
                s.text
            )
        });
        return (Kind::Place, note);
    }
    if let Some(kind) = known_kind(&s.text) {
        return (kind, None);
    }
    let kind = match (from_source, from_target) {
        // The fallback of a name of two or more words; a cue elsewhere wins.
        (Kind::Person, other) if !has_cue(&block.source.text, &s.span) => match other {
            Kind::Other => Kind::Person,
            other => other,
        },
        (Kind::Other, other) => other,
        (kind, _) => kind,
    };
    (kind, None)
}

/// The kind the embedded default glossary gives a name written this way in
/// any of its languages, if it lists it: a house glossary that lacks "Hà
/// Nội" still should not hear it proposed as a person.
fn known_kind(name: &str) -> Option<Kind> {
    use std::sync::OnceLock;
    static KINDS: OnceLock<HashMap<String, Kind>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let Ok(glossary) = super::load_str(
            super::DEFAULT_GLOSSARY,
            super::DEFAULT_GLOSSARY_NAME,
            &super::Limits::default(),
        ) else {
            return HashMap::new();
        };
        let mut kinds = HashMap::new();
        for entry in &glossary.entries {
            for (_, forms) in &entry.forms {
                for form in forms {
                    kinds
                        .entry(fold_case(&normalize_str(form)))
                        .or_insert(entry.kind);
                }
            }
        }
        kinds
    });
    kinds.get(&fold_case(&normalize_str(name))).copied()
}

/// True when `before` ends with one of the cue words as a whole word.
fn ends_with_cue(before: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| {
        before.ends_with(c)
            && before[..before.len() - c.len()]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric())
    })
}

/// True when a cue word stands right before the name.
fn has_cue(text: &str, span: &Range<usize>) -> bool {
    let before = lower(text[..span.start].trim_end());
    [PERSON_CUES, PLACE_CUES, ORG_WORDS]
        .iter()
        .any(|cues| ends_with_cue(&before, cues))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Target spans `check` flags on this pair (original byte ranges), each
/// with the fix it suggests: the checker's own name logic decides which
/// spellings are mistakes, so a proposal never turns one into the glossary.
fn flagged_target_spans(
    checker: &Checker,
    source: &Document,
    target: &Document,
) -> Vec<(Range<usize>, Option<String>)> {
    let (findings, _) = checker.check_documents(source, target);
    findings
        .into_iter()
        .filter(|f| !f.rule.starts_with("segment."))
        .filter_map(|f| f.target.map(|t| (t.range, f.suggestion)))
        .collect()
}

/// A rendering the glossary itself would reject: one containing a
/// forbidden form, or a near-miss of an entry's rendering (what
/// `name.variant` reports).
fn acceptable_rendering(index: &super::GlossaryIndex, rendering: &str) -> bool {
    if !index.forbidden_matches(rendering).is_empty() {
        return false;
    }
    let exact = index.target_matches(rendering);
    index
        .near_matches(&candidates(rendering), &exact)
        .is_empty()
}

/// An id for a proposal: the folded preferred target form, hyphenated,
/// made unique against `taken`.
fn slug(text: &str, taken: &mut Vec<String>) -> String {
    let base: String = fold(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        "entry".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

fn at(doc: &Document, block_text: &crate::normalize::NormText, span: &Range<usize>) -> String {
    let range = block_text.original_range(span.clone());
    let p = doc.file.position(range.start);
    format!("{}:{}:{}", doc.file.path, p.line, p.column)
}

/// Mines `source`/`target` for entries the checker's glossary lacks.
pub fn suggest(checker: &Checker, source: SourceText, target: SourceText) -> Suggestions {
    let index = checker.glossary();
    let (sl, tl) = (
        index.source_lang().to_string(),
        index.target_lang().to_string(),
    );
    let source = Document::new(source, &sl);
    let target = Document::new(target, &tl);
    let blocks: Vec<BlockView> = checker.aligned_blocks(&source, &target);
    let flagged = flagged_target_spans(checker, &source, &target);
    let known: Vec<String> = index
        .glossary()
        .entries
        .iter()
        .flat_map(|e| e.forms(&sl).iter().map(|f| normalize_str(f)))
        .collect();
    let mut taken_ids: Vec<String> = index
        .glossary()
        .entries
        .iter()
        .filter_map(|e| e.id.clone())
        .collect();
    // Keyed by normalized source form.
    let mut found: BTreeMap<String, Suggestion> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut unpaired: Vec<(String, String)> = Vec::new();
    let mut target_occurrences: Vec<Occurrence> = Vec::new();
    let mut target_where: HashMap<usize, String> = HashMap::new();
    for block in &blocks {
        if block.status != BlockStatus::Translated {
            continue;
        }
        let src_terms: Vec<Range<usize>> =
            block.source_terms.iter().map(|m| m.range.clone()).collect();
        let tgt_terms: Vec<Range<usize>> = block
            .target_terms
            .iter()
            .chain(&block.target_forbidden)
            .map(|m| m.range.clone())
            .collect();
        let src_names: Vec<Name> = names_in(&block.source.text, &sl)
            .into_iter()
            .filter(|n| {
                !overlaps_any(&n.span, &src_terms) && !known.contains(&normalize_str(&n.text))
            })
            .collect();
        let all_tgt = names_in(&block.target.text, &tl);
        for n in &all_tgt {
            let id = target_occurrences.len();
            let range = block.target.original_range(n.span.clone());
            target_where.insert(id, at(&target, &block.target, &n.span));
            target_occurrences.push(Occurrence {
                doc: 0,
                span: range,
                text: n.text.clone(),
            });
        }
        let tgt_names: Vec<Name> = all_tgt
            .into_iter()
            .filter(|n| !overlaps_any(&n.span, &tgt_terms))
            .collect();
        let (slen, tlen) = (
            block.source.text.len().max(1) as f64,
            block.target.text.len().max(1) as f64,
        );
        let mut scored: Vec<(f64, usize, usize)> = Vec::new();
        for (i, s) in src_names.iter().enumerate() {
            for (j, t) in tgt_names.iter().enumerate() {
                let sim = name_similarity(&s.text, &t.text).max(shared_tokens(&s.text, &t.text));
                let position =
                    1.0 - (s.span.start as f64 / slen - t.span.start as f64 / tlen).abs();
                let only = src_names.len() == 1 && tgt_names.len() == 1;
                let score = if sim >= 0.5 {
                    0.8 * sim + 0.2 * position
                } else if only && s.acronym == t.acronym {
                    // Nothing but position: one unknown name on each side.
                    0.4 * position
                } else {
                    0.0
                };
                if score >= MIN_CONFIDENCE {
                    scored.push((score, i, j));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut used_s = vec![false; src_names.len()];
        let mut used_t = vec![false; tgt_names.len()];
        for (score, i, j) in scored {
            if used_s[i] || used_t[j] {
                continue;
            }
            used_s[i] = true;
            used_t[j] = true;
            let s = &src_names[i];
            let t = &extend_left(&block.target.text, &tgt_names[j], &s.text);
            // The translator's spelling is only a proposal if `check`
            // accepts it; where it flags it, its fix is proposed instead.
            let t_range = block.target.original_range(t.span.clone());
            let (rendering, corrected) = match flagged.iter().find(|f| overlaps(&f.0, &t_range)) {
                None => (t.text.clone(), false),
                Some((_, Some(fix))) => (fix.clone(), true),
                Some((_, None)) => {
                    used_s[i] = false;
                    continue;
                }
            };
            if !acceptable_rendering(index, &rendering) {
                used_s[i] = false;
                continue;
            }
            let key = normalize_str(&s.text);
            match found.get_mut(&key) {
                Some(prev) => {
                    prev.seen += 1;
                    if score > prev.confidence {
                        prev.confidence = score;
                    }
                }
                None => {
                    let (kind, ambiguous) = guess_kind_in_pair(block, s, t, &rendering);
                    // A foreign name the translation spells otherwise
                    // ("Iwata" for "Iwaya", beyond accents): the source
                    // spelling is proposed and the translation's reported.
                    let misspelled = corrected || (s.foreign && fold(&t.text) != fold(&s.text));
                    let rendering = if s.foreign && misspelled {
                        &s.text
                    } else {
                        &rendering
                    };
                    let score = if ambiguous.is_some() {
                        score.min(AMBIGUOUS_CONFIDENCE)
                    } else {
                        score
                    };
                    let t_at = at(&target, &block.target, &t.span);
                    let entry = super::edit::new_entry(
                        Some(slug(rendering, &mut taken_ids)),
                        kind,
                        vec![
                            (sl.clone(), vec![s.text.clone()]),
                            (tl.clone(), vec![rendering.clone()]),
                        ],
                        Vec::new(),
                        ambiguous,
                        None,
                        true,
                    );
                    order.push(key.clone());
                    found.insert(
                        key,
                        Suggestion {
                            entry,
                            confidence: score,
                            source_at: at(&source, &block.source, &s.span),
                            variants: if misspelled {
                                vec![(t.text.clone(), t_at.clone())]
                            } else {
                                Vec::new()
                            },
                            target_at: t_at,
                            seen: 1,
                        },
                    );
                }
            }
        }
        for (i, s) in src_names.iter().enumerate() {
            let key = normalize_str(&s.text);
            if !used_s[i]
                && !found.contains_key(&key)
                && !unpaired.iter().any(|(n, _)| normalize_str(n) == key)
            {
                unpaired.push((s.text.clone(), at(&source, &block.source, &s.span)));
            }
        }
    }
    let mut entries: Vec<Suggestion> = order.into_iter().filter_map(|k| found.remove(&k)).collect();
    // A lone token that ends another proposal's name is its second
    // reference ("Støre" after "Jonas Gahr Støre"), not a name of its own.
    let last_tokens: Vec<String> = entries
        .iter()
        .flat_map(|s| s.entry.forms(&sl).to_vec())
        .filter_map(|f| {
            let toks = fold_tokens(&f);
            (toks.len() > 1)
                .then(|| toks.last().map(|t| t.folded.clone()))
                .flatten()
        })
        .collect();
    entries.retain(|s| {
        let toks: Vec<String> = s
            .entry
            .forms(&sl)
            .iter()
            .flat_map(|f| fold_tokens(f).into_iter().map(|t| t.folded))
            .collect();
        !(toks.len() == 1 && last_tokens.contains(&toks[0]))
    });
    unpaired.retain(|(n, _)| {
        !entries.iter().any(|e| {
            e.entry
                .forms(&sl)
                .iter()
                .any(|f| normalize_str(f) == normalize_str(n))
        })
    });
    let mut inconsistent = Vec::new();
    for group in inconsistent_spellings(&target_occurrences) {
        let minority: Vec<(String, String)> = group
            .minority
            .iter()
            .map(|m| {
                let id = target_occurrences
                    .iter()
                    .position(|o| o.span == m.occurrence.span)
                    .unwrap_or(0);
                (
                    m.occurrence.text.clone(),
                    target_where.get(&id).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let spellings: Vec<String> = std::iter::once(group.majority.clone())
            .chain(minority.iter().map(|(t, _)| t.clone()))
            .collect();
        match entries
            .iter_mut()
            .find(|e| e.entry.forms(&tl).iter().any(|f| spellings.contains(f)))
        {
            Some(s) => {
                // The translation is not sure of its own spelling: the
                // proposal uses the majority and says so.
                for (lang, forms) in s.entry.forms.iter_mut() {
                    if *lang == tl {
                        *forms = vec![group.majority.clone()];
                    }
                }
                s.variants.extend(minority);
                s.confidence *= 0.8;
            }
            None => inconsistent.push((group.majority, minority)),
        }
    }
    entries.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    Suggestions {
        entries,
        unpaired,
        inconsistent,
    }
}

fn level(confidence: f64) -> &'static str {
    if confidence >= 0.8 {
        "high"
    } else if confidence >= 0.5 {
        "medium"
    } else {
        "low"
    }
}

/// Ready-to-paste YAML: one entry per proposal with its confidence and
/// where it was seen in comments, indented to go under `entries:`.
pub fn render(s: &Suggestions, languages: &[String], source: &str, target: &str) -> String {
    let mut out = format!(
        "# transcheck glossary suggest: {} entr{} from {source} and {target}\n# Paste under `entries:` after checking each one.\n",
        s.entries.len(),
        if s.entries.len() == 1 { "y" } else { "ies" }
    );
    for sug in &s.entries {
        out.push_str(&format!(
            "\n  # confidence {:.2} ({}): {} and {}{}\n",
            sug.confidence,
            level(sug.confidence),
            sug.source_at,
            sug.target_at,
            if sug.seen > 1 {
                format!(", seen {} times", sug.seen)
            } else {
                String::new()
            }
        ));
        for (text, at) in &sug.variants {
            out.push_str(&format!(
                "  # the translation also writes \u{201C}{text}\u{201D} ({at}); forbid it if it is wrong\n"
            ));
        }
        for line in super::fmt::render_entry(&sug.entry, languages, 2) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !s.unpaired.is_empty() {
        out.push_str("\n# Names without a counterpart in the translation:\n");
        for (name, at) in &s.unpaired {
            out.push_str(&format!("#   \u{201C}{name}\u{201D} ({at})\n"));
        }
    }
    if !s.inconsistent.is_empty() {
        out.push_str("\n# Names the translation spells several ways:\n");
        for (majority, minority) in &s.inconsistent {
            let others: Vec<String> = minority
                .iter()
                .map(|(t, at)| format!("\u{201C}{t}\u{201D} ({at})"))
                .collect();
            out.push_str(&format!(
                "#   \u{201C}{majority}\u{201D}, also {}\n",
                others.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_runs_skip_sentence_initial_words() {
        let runs: Vec<String> = capitalized_runs(
            "Theo Bộ Tài chính, ông Nguyễn Văn An nói. Nguyễn Thị Lan đến Đà Nẵng.",
        )
        .into_iter()
        .map(|n| n.text)
        .collect();
        assert_eq!(runs, ["Nguyễn Văn An", "Nguyễn Thị Lan", "Đà Nẵng"]);
    }

    #[test]
    fn slugs_are_unique() {
        let mut taken = vec!["nguyen-van-an".to_string()];
        assert_eq!(slug("Nguyễn Văn An", &mut taken), "nguyen-van-an-2");
        assert_eq!(slug("O'Neill & Co.", &mut taken), "o-neill-co");
    }

    #[test]
    fn kinds_from_context() {
        let t = "Tổng thống Volodymyr Zelensky và Ngân hàng Phát triển Châu Á tại Kharkiv";
        let span = |s: &str| {
            let i = t.find(s).unwrap();
            i..i + s.len()
        };
        assert_eq!(
            guess_kind(t, &span("Volodymyr Zelensky"), "Volodymyr Zelensky", false),
            Kind::Person
        );
        assert_eq!(
            guess_kind(
                t,
                &span("Ngân hàng Phát triển Châu Á"),
                "Ngân hàng Phát triển Châu Á",
                false
            ),
            Kind::Organization
        );
        assert_eq!(
            guess_kind(t, &span("Kharkiv"), "Kharkiv", false),
            Kind::Place
        );
    }
}
