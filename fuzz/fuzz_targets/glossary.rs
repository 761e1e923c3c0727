//! Fuzz target `glossary`: see `transcheck::fuzzing::glossary` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::glossary(data));
