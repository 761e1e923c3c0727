//! A tiny deterministic random number generator for the benchmark workload
//! generators (`gen_corpus`, `gen_glossary`).
//!
//! SplitMix64 is enough: the generators need reproducible, well-spread
//! choices, not cryptographic or statistical perfection, and a hand-written
//! generator keeps the output byte-identical across platforms and crate
//! versions (no dependency whose algorithm could change under us).

// Each example includes this module on its own and uses a different subset.
#![allow(dead_code)]

/// SplitMix64 (Steele, Lea and Flood 2014; the seeding generator of
/// xoshiro). Its output for a given seed never changes.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 output function: a strong 64-bit mixer.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// An independent stream for one item of a run: article 17 gets the same
    /// text whether 20 or 20,000 articles are generated, and the error
    /// injection stream does not shift the text stream.
    pub fn stream(seed: u64, item: u64, purpose: u64) -> Rng {
        Rng::new(mix(mix(seed ^ GOLDEN).wrapping_add(item)).wrapping_add(mix(purpose)))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// Uniform in `0..n` (n > 0), by multiply-shift: no modulo bias worth
    /// the name at these sizes, and no rejection loop.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0)");
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        assert!(lo <= hi, "range({lo}, {hi})");
        lo + self.below((hi - lo + 1) as usize) as u64
    }

    /// Uniform in `[0, 1)` with 53 bits of precision.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// An index drawn in proportion to `weights` (not all zero).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        assert!(total > 0, "weighted() needs a positive weight");
        let mut x = self.range(0, total - 1);
        for (i, &w) in weights.iter().enumerate() {
            if x < u64::from(w) {
                return i;
            }
            x -= u64::from(w);
        }
        unreachable!("x < total")
    }

    /// Fisher–Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
