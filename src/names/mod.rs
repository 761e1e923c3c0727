//! Name analysis: tells foreign names from Vietnamese words, folds and
//! compares names, and classifies near-misses (transliteration variants,
//! typos, wrong tokens) while keeping distinct look-alike names apart.

pub mod candidates;
pub mod consistency;
pub mod fold;
pub mod index;
pub mod similarity;
pub mod syllable;
pub mod variant;
