//! A fuzzy index over accepted name renderings: finds the near-misses of a
//! candidate without comparing it with every form.
//!
//! [`classify`] only accepts variants whose tokens line up one to one with
//! at most one token more than an edit or two away, whose folded strings
//! without spaces agree (spacing), or — for a lone token — whose last token
//! is near. So every variant shares a **signature** with its rendering:
//! * `S`: the phonetic key of the whole folded name without spaces;
//! * `W(n, i)`: the phonetic keys of all tokens but token `i`, plus one
//!   element of token `i`'s neighbourhood: its exact key, and for tokens
//!   long enough to take an edit the key and its one-letter deletions (two
//!   letters from 10 chars on, where two edits are allowed). Two keys one
//!   edit apart always share a one-letter deletion (or one is the other's),
//!   the symmetric-deletion trick;
//! * `P`: the deletion neighbourhood of the last token, for a lone candidate
//!   token. These signatures point to a vocabulary of distinct last tokens,
//!   not to forms, so that "Lavrov" alone costs one comparison with the
//!   token "lavrov" however many entries end in it.
//!
//! A lookup hashes the candidate's signatures, gathers the forms that share
//! one (sorted postings, binary search) and runs [`classify`] on those only.
//! The work per lookup depends on how many forms genuinely look alike, not
//! on the number of forms: see the `comparisons_do_not_grow_with_size` test.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use super::fold::{fold_tokens, FoldedToken};
use super::similarity::{phonetic_key, Thresholds, EDIT_MIN_CHARS, VIET_EDIT_MIN_CHARS};
use super::syllable::could_be_vietnamese_syllable;
use super::variant::{classify_with, token_variant, Variant};

/// How many forms a lone-token near-miss is reported against. A surname
/// alone that is near the surname of more entries than this is ambiguous,
/// and the suggestion (the surname) is the same for all of them.
pub const MAX_PARTIAL_FANOUT: usize = 8;

#[derive(Debug, Clone)]
struct Form {
    key: u32,
    text: String,
    tokens: usize,
}

/// A distinct last token (lowercased as written) and the forms ending in it.
#[derive(Debug, Clone)]
struct LastToken {
    raw: String,
    folded: String,
    forms: Vec<u32>,
}

/// Fuzzy index over `(key, form)` pairs; see the module doc.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    forms: Vec<Form>,
    /// (signature, form index), sorted after [`FuzzyIndex::new`].
    postings: Vec<(u64, u32)>,
    /// (signature, last-token index), sorted after [`FuzzyIndex::new`].
    partial: Vec<(u64, u32)>,
    /// Signatures of forms inserted after construction.
    extra: HashMap<u64, Vec<u32>>,
    extra_partial: HashMap<u64, Vec<u32>>,
    last_tokens: Vec<LastToken>,
    last_token_ids: HashMap<String, u32>,
    comparisons: AtomicU64,
    /// The thresholds [`classify_with`] is called with; they also set how
    /// many deletions each token's neighbourhood holds.
    thresholds: Thresholds,
}

fn hash_of(parts: &impl Hash) -> u64 {
    let mut h = SignatureHasher(0);
    parts.hash(&mut h);
    h.finish()
}

/// The hasher of signatures: a multiply-rotate over 8-byte words with a
/// final avalanche. Building the index hashes every deletion of every token
/// of every form (about 200 signatures per form), where SipHash (the
/// default, keyed against hash flooding, which a glossary cannot mount
/// through a lookup table it does not choose) was a third of the index
/// build. A collision only adds a candidate that `classify` then rejects.
struct SignatureHasher(u64);

impl Hasher for SignatureHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i) | 0x100);
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // murmur3's fmix64: every input bit reaches every output bit.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

impl SignatureHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// True when a token is long enough to be one edit off another (see
/// [`crate::names::variant`]): 6 chars, or 5 for a Vietnamese syllable.
fn can_take_edit(folded: &str) -> bool {
    let len = folded.chars().count();
    len >= EDIT_MIN_CHARS || (len >= VIET_EDIT_MIN_CHARS && could_be_vietnamese_syllable(folded))
}

/// The signature parts of one token: its exact key (tag `E`), and, for
/// tokens that can take an edit, the key and its deletions (tag `D`), up to
/// as many letters as the thresholds allow edits at this length (one below
/// 10 chars and two from 10 on by default, see [`Thresholds::max_edits`]).
/// Two tokens share a `D` part only when both could be an edit apart, so
/// short tokens never meet the deletions of long ones ("Kavo" is not
/// compared with "Cakvo").
fn neighbourhood(key: &str, folded: &str, t: &Thresholds) -> Vec<(char, String)> {
    let mut out = vec![('E', key.to_string())];
    if !can_take_edit(folded) {
        return out;
    }
    let chars: Vec<char> = key.chars().collect();
    let without = |skip: &[usize]| -> String {
        chars
            .iter()
            .enumerate()
            .filter(|(k, _)| !skip.contains(k))
            .map(|(_, c)| c)
            .collect()
    };
    out.push(('D', key.to_string()));
    for i in 0..chars.len() {
        out.push(('D', without(&[i])));
    }
    if t.max_edits(folded.chars().count()) >= 2 {
        for i in 0..chars.len() {
            for j in i + 1..chars.len() {
                out.push(('D', without(&[i, j])));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A token's phonetic key and the hashes of its neighbourhood parts
/// (`(tag, string)` as [`neighbourhood`] lists them), computed once per
/// distinct token while an index is built: glossary names repeat the same
/// few thousand tokens, and each one's deletions cost hundreds of small
/// strings.
#[derive(Debug, Clone)]
struct TokenParts {
    key: String,
    /// Each part fed to a fresh [`SignatureHasher`] on its own; a signature
    /// continues the hasher state of its prefix instead (see
    /// [`signatures`]), so the parts themselves are kept.
    hood: Vec<(char, String)>,
}

/// Per-token work shared by the forms of one index build.
type TokenCache = HashMap<String, TokenParts>;

fn token_parts<'c>(cache: &'c mut TokenCache, tok: &FoldedToken, t: &Thresholds) -> &'c TokenParts {
    if !cache.contains_key(&tok.folded) {
        let key = phonetic_key(&tok.folded);
        let hood = neighbourhood(&key, &tok.folded, t);
        cache.insert(tok.folded.clone(), TokenParts { key, hood });
    }
    &cache[&tok.folded]
}

/// The `S` and `W` signatures of a tokenized name.
fn signatures(tokens: &[FoldedToken], t: &Thresholds, cache: &mut TokenCache) -> Vec<u64> {
    for tok in tokens {
        token_parts(cache, tok, t);
    }
    let parts: Vec<&TokenParts> = tokens.iter().map(|tok| &cache[&tok.folded]).collect();
    let joined: String = tokens.iter().map(|t| t.folded.as_str()).collect();
    let mut out = vec![hash_of(&("S", phonetic_key(&joined)))];
    for (i, part) in parts.iter().enumerate() {
        let others: Vec<&str> = parts
            .iter()
            .enumerate()
            .filter(|(k, _)| *k != i)
            .map(|(_, p)| p.key.as_str())
            .collect();
        // Hashing a tuple hashes its fields in order, so the state after
        // the common prefix is shared by every part of the token:
        // hash_of(&("W", n, i, &others, d)) without re-hashing the prefix.
        let mut prefix = SignatureHasher(0);
        ("W", tokens.len(), i, &others).hash(&mut prefix);
        for d in &part.hood {
            let mut h = SignatureHasher(prefix.0);
            d.hash(&mut h);
            out.push(h.finish());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The `P` signatures of one token.
fn partial_signatures(tok: &FoldedToken, t: &Thresholds, cache: &mut TokenCache) -> Vec<u64> {
    token_parts(cache, tok, t)
        .hood
        .iter()
        .map(|d| hash_of(&("P", d)))
        .collect()
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

fn postings_for(sorted: &[(u64, u32)], sig: u64) -> &[(u64, u32)] {
    let start = sorted.partition_point(|(s, _)| *s < sig);
    let end = start + sorted[start..].partition_point(|(s, _)| *s == sig);
    &sorted[start..end]
}

impl FuzzyIndex {
    /// Builds the index from `(key, form)` pairs; the form index returned by
    /// [`FuzzyIndex::lookup`] is the pair's position in this iterator.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (u32, &'a str)>) -> Self {
        Self::with_thresholds(pairs, Thresholds::default())
    }

    /// An empty index whose lookups classify with `thresholds`.
    pub fn empty(thresholds: Thresholds) -> Self {
        FuzzyIndex {
            thresholds,
            ..FuzzyIndex::default()
        }
    }

    /// [`FuzzyIndex::new`] with the given string-score thresholds.
    pub fn with_thresholds<'a>(
        pairs: impl IntoIterator<Item = (u32, &'a str)>,
        thresholds: Thresholds,
    ) -> Self {
        let mut index = FuzzyIndex::empty(thresholds);
        let mut cache = TokenCache::new();
        for (key, form) in pairs {
            index.add(key, form, false, &mut cache);
        }
        index.postings.sort_unstable();
        index.partial.sort_unstable();
        index
    }

    /// Adds one more form after construction (used to grow the index while
    /// grouping spellings). Returns its form index.
    pub fn insert(&mut self, key: u32, form: &str) -> usize {
        self.add(key, form, true, &mut TokenCache::new())
    }

    fn add(&mut self, key: u32, form: &str, late: bool, cache: &mut TokenCache) -> usize {
        let idx = self.forms.len();
        let id = u32::try_from(idx).unwrap_or(u32::MAX);
        let tokens = fold_tokens(form);
        self.forms.push(Form {
            key,
            text: form.to_string(),
            tokens: tokens.len(),
        });
        if tokens.is_empty() {
            return idx;
        }
        for sig in signatures(&tokens, &self.thresholds, cache) {
            if late {
                self.extra.entry(sig).or_default().push(id);
            } else {
                self.postings.push((sig, id));
            }
        }
        if let Some(last) = tokens.last().filter(|_| tokens.len() >= 2) {
            let raw = lower(form.get(last.span.clone()).unwrap_or(""));
            let next_id = u32::try_from(self.last_tokens.len()).unwrap_or(u32::MAX);
            let vocab_id = *self.last_token_ids.entry(raw.clone()).or_insert_with(|| {
                self.last_tokens.push(LastToken {
                    raw,
                    folded: last.folded.clone(),
                    forms: Vec::new(),
                });
                for sig in partial_signatures(last, &self.thresholds, cache) {
                    if late {
                        self.extra_partial.entry(sig).or_default().push(next_id);
                    } else {
                        self.partial.push((sig, next_id));
                    }
                }
                next_id
            });
            if let Some(entry) = self.last_tokens.get_mut(vocab_id as usize) {
                entry.forms.push(id);
            }
        }
        idx
    }

    /// Number of forms indexed.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    /// True when no form is indexed.
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The thresholds lookups classify with.
    pub fn thresholds(&self) -> &Thresholds {
        &self.thresholds
    }

    /// The form text at `index`.
    pub fn form(&self, index: usize) -> Option<&str> {
        self.forms.get(index).map(|f| f.text.as_str())
    }

    /// Total number of similarity computations ([`classify`] calls and
    /// lone-token comparisons) done by lookups so far.
    pub fn comparisons(&self) -> u64 {
        self.comparisons.load(Ordering::Relaxed)
    }

    /// Near-misses of `candidate`: `(key, form index, variant)` for every
    /// indexed form of which `candidate` is a variant (as decided by
    /// [`classify`]), in form order. Identical forms are not near-misses.
    pub fn lookup(&self, candidate: &str) -> Vec<(u32, usize, Variant)> {
        let tokens = fold_tokens(candidate);
        if tokens.is_empty() {
            return Vec::new();
        }
        let mut cache = TokenCache::new();
        let mut ids: Vec<u32> = Vec::new();
        for sig in signatures(&tokens, &self.thresholds, &mut cache) {
            ids.extend(postings_for(&self.postings, sig).iter().map(|(_, id)| *id));
            if let Some(more) = self.extra.get(&sig) {
                ids.extend(more);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        let mut out: Vec<(u32, usize, Variant)> = Vec::new();
        for id in ids {
            let Some(form) = self.forms.get(id as usize) else {
                continue;
            };
            self.comparisons.fetch_add(1, Ordering::Relaxed);
            if let Some(v) = classify_with(candidate, &form.text, &self.thresholds) {
                out.push((form.key, id as usize, v));
            }
        }
        if let [tok] = tokens.as_slice() {
            let mut vocab: Vec<u32> = Vec::new();
            for sig in partial_signatures(tok, &self.thresholds, &mut cache) {
                vocab.extend(postings_for(&self.partial, sig).iter().map(|(_, id)| *id));
                if let Some(more) = self.extra_partial.get(&sig) {
                    vocab.extend(more);
                }
            }
            vocab.sort_unstable();
            vocab.dedup();
            for vid in vocab {
                let Some(last) = self.last_tokens.get(vid as usize) else {
                    continue;
                };
                self.comparisons.fetch_add(1, Ordering::Relaxed);
                let Some(v) =
                    token_variant(candidate, tok, &last.raw, &last.folded, &self.thresholds)
                else {
                    continue;
                };
                for &id in last.forms.iter().take(MAX_PARTIAL_FANOUT) {
                    let Some(form) = self.forms.get(id as usize) else {
                        continue;
                    };
                    let part = Some(form.tokens.saturating_sub(1));
                    out.push((form.key, id as usize, Variant { part, ..v }));
                }
            }
            out.sort_by_key(|(_, id, _)| *id);
            out.dedup_by_key(|(_, id, _)| *id);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::variant::tests::{DISTINCT, VARIANTS};

    /// The index finds exactly what classifying against every form finds,
    /// with the default thresholds and with overridden ones (the
    /// neighbourhoods widen with looser thresholds).
    #[test]
    fn finds_the_same_variants_as_brute_force() {
        let mut forms: Vec<&str> = VARIANTS.iter().map(|(_, r, ..)| *r).collect();
        for (a, b) in DISTINCT {
            forms.push(a);
            forms.push(b);
        }
        let mut candidates: Vec<&str> = VARIANTS.iter().map(|(c, ..)| *c).collect();
        candidates.extend(forms.iter().copied());
        // Two edits in 7-9 letters: found only with loose thresholds.
        candidates.extend(["Angela Merkell", "Stoltenbrug", "Zelenkyy", "Afganistn"]);
        let mut found_total = Vec::new();
        for t in [
            Thresholds::default(),
            Thresholds::new(0.85, 0.70).unwrap(),
            Thresholds::new(0.99, 0.95).unwrap(),
        ] {
            let index = FuzzyIndex::with_thresholds(
                forms.iter().enumerate().map(|(i, f)| (i as u32, *f)),
                t,
            );
            let mut missing = Vec::new();
            let mut found = 0;
            for cand in &candidates {
                let got: Vec<usize> = index.lookup(cand).iter().map(|(_, i, _)| *i).collect();
                let want: Vec<usize> = forms
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| classify_with(cand, f, &t).is_some())
                    .map(|(i, _)| i)
                    .collect();
                found += want.len();
                if got != want {
                    missing.push(format!("{cand:?}: index {got:?}, brute force {want:?}"));
                }
            }
            assert!(missing.is_empty(), "{t:?}\n{}", missing.join("\n"));
            found_total.push(found);
        }
        // Looser thresholds find more, stricter fewer.
        assert!(found_total[1] > found_total[0] && found_total[0] > found_total[2]);
    }

    #[test]
    fn lookup_reports_key_form_and_variant() {
        let index = FuzzyIndex::new([(7, "Sergei Lavrov"), (9, "Kim Jong Un")]);
        let hits = index.lookup("Sergey Lavrov");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].0, hits[0].1), (7, 0));
        assert!(index.lookup("Sergei Lavrov").is_empty());
        assert!(index.lookup("Kim Yo Jong").is_empty());
        let hits = index.lookup("Lavrow");
        assert_eq!(hits[0].2.part, Some(1));
        assert_eq!(hits[0].2.suggestion(index.form(0).unwrap_or("")), "Lavrov");
        assert_eq!(index.lookup("Kim Jong-un")[0].0, 9);
        assert!(index.lookup("").is_empty());
    }

    #[test]
    fn insert_after_build() {
        let mut index = FuzzyIndex::new([(1, "Antony Blinken")]);
        index.insert(2, "Sergei Lavrov");
        assert_eq!(index.lookup("Sergey Lavrov")[0].0, 2);
        assert_eq!(index.lookup("Lavrow")[0].0, 2);
        assert_eq!(index.lookup("Blinkin")[0].0, 1);
        assert_eq!(index.len(), 2);
    }

    /// Deterministic xorshift so the synthetic glossary is the same on
    /// every run.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        /// A pronounceable word of `min..=max` syllables, each
        /// consonant-vowel with an optional final consonant (about 1,000
        /// syllables, so 10^6 words of two syllables and more above).
        fn word(&mut self, min: usize, max: usize) -> String {
            const C: &[u8] = b"bcdfghjklmnprstvwxyz";
            const V: &[u8] = b"aeiou";
            const F: &[u8] = b"nrslmtk";
            let n = min + self.below(max - min + 1);
            let mut w = String::new();
            for k in 0..n {
                let c = C[self.below(C.len())] as char;
                w.push(if k == 0 { c.to_ascii_uppercase() } else { c });
                w.push(V[self.below(V.len())] as char);
                if self.below(2) == 0 {
                    w.push(F[self.below(F.len())] as char);
                }
            }
            w
        }
    }

    /// Synthetic glossary: 1-3 token names; surnames drawn from a pool of
    /// 300 so that many entries share tokens, as real glossaries do (about
    /// 110 entries per surname at 100,000 forms). The word space is wide, as
    /// real names are: with only ~100 open syllables, 100,000 forms hold
    /// most short words and every lookup has dozens of genuine look-alikes
    /// one deletion away, which measures density, not index cost.
    fn synthetic(n: usize) -> Vec<String> {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let pool: Vec<String> = (0..300).map(|_| rng.word(2, 3)).collect();
        (0..n)
            .map(|_| match rng.below(3) {
                0 => rng.word(2, 4),
                1 => format!("{} {}", rng.word(1, 3), pool[rng.below(pool.len())]),
                _ => format!(
                    "{} {} {}",
                    pool[rng.below(pool.len())],
                    rng.word(1, 2),
                    rng.word(1, 3)
                ),
            })
            .collect()
    }

    /// Candidates: typos, romanizations, surnames alone and unrelated
    /// names, derived from the first 1,000 forms so both glossaries hold
    /// their targets.
    fn probe_candidates(forms: &[String]) -> Vec<String> {
        let mut rng = Rng(42);
        let mut out = Vec::new();
        for i in 0..300 {
            let f = &forms[rng.below(1000.min(forms.len()))];
            out.push(match i % 5 {
                0 => f.replacen('o', "oo", 1),
                1 => f.replacen('v', "w", 1).replacen('y', "i", 1),
                2 => f.split(' ').next_back().unwrap_or("").replacen('e', "", 1),
                3 => f.replace(' ', "-"),
                _ => rng.word(2, 4),
            });
        }
        out
    }

    fn comparisons_per_lookup(n: usize) -> (f64, u64, usize) {
        let forms = synthetic(n);
        let index = FuzzyIndex::new(
            forms
                .iter()
                .enumerate()
                .map(|(i, f)| (i as u32, f.as_str())),
        );
        let probes = probe_candidates(&forms);
        let mut max = 0;
        let mut hits = 0;
        for p in &probes {
            let before = index.comparisons();
            hits += index.lookup(p).len();
            max = max.max(index.comparisons() - before);
        }
        (index.comparisons() as f64 / probes.len() as f64, max, hits)
    }

    /// Not a timing assertion: counts full similarity computations per
    /// lookup, which is what the lookup cost is made of.
    #[test]
    fn comparisons_do_not_grow_with_size() {
        let (avg_small, max_small, hits_small) = comparisons_per_lookup(1_000);
        let (avg_large, max_large, hits_large) = comparisons_per_lookup(100_000);
        println!(
            "1k forms: {avg_small:.2} comparisons/lookup (max {max_small}, {hits_small} hits); \
             100k forms: {avg_large:.2} (max {max_large}, {hits_large} hits)"
        );
        assert!(hits_small > 0);
        assert!(
            avg_large <= 2.0 * avg_small.max(1.0),
            "{avg_large} vs {avg_small}"
        );
        assert!(max_large <= 16, "{max_large}");
    }
}
