//! transcheck: checks a translated news article against its source and a glossary.
pub mod numbers;
