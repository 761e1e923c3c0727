//! Fuzz target `check`: see `transcheck::fuzzing::check` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::check(data));
