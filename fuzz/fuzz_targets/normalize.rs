//! Fuzz target `normalize`: see `transcheck::fuzzing::normalize` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::normalize(data));
