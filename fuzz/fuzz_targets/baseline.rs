//! Fuzz target `baseline`: see `transcheck::fuzzing::baseline` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::baseline(data));
