//! Fuzz target `config`: see `transcheck::fuzzing::config` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::config(data));
