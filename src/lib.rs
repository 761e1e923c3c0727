//! transcheck: checks a translated news article against its source and a
//! glossary, and reports glossary, name, number and paragraph problems with
//! positions in both files.
//!
//! Data flow: [`input`] decodes files → [`normalize`] builds normalized text
//! with an offset map → [`segment`] splits paragraphs and [`align`] pairs
//! them → [`checks`] run per aligned block → [`finding`]s → one emitter per
//! format in [`report`]. Language knowledge lives in [`lang`] (orthography,
//! inflection), [`numbers`] (one module per language) and [`names`].

pub mod align;
pub mod baseline;
pub mod batch;
pub mod chars;
pub mod checker;
pub mod checks;
pub mod cli;
pub mod config;
pub mod did_you_mean;
pub mod document;
pub mod error;
pub mod finding;
pub mod fsutil;
#[doc(hidden)]
pub mod fuzzing;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod names;
pub mod nearby;
pub mod normalize;
pub mod numbers;
pub mod report;
pub mod segment;

pub use checker::{Checker, PairReport};
pub use error::{Error, Result};
pub use glossary::Glossary;
