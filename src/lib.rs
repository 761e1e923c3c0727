//! transcheck: checks a translated news article against its source and a
//! glossary, and reports glossary, name, number and paragraph problems with
//! positions in both files.
//!
//! Data flow: [`input`] decodes files → [`normalize`] builds normalized text
//! with an offset map → [`segment`] splits paragraphs and [`align`] pairs
//! them → [`checks`] run per aligned block → [`finding`]s → one emitter per
//! format in [`report`].

pub mod error;
pub mod fsutil;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod names;
pub mod normalize;

pub use error::{Error, Result};
pub mod align;
pub mod checker;
pub mod checks;
pub mod document;
pub mod finding;
pub mod segment;

pub use checker::{Checker, PairReport};
pub use glossary::Glossary;
pub mod cli;
pub mod report;
