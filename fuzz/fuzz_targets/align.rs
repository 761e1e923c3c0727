//! Fuzz target `align`: see `transcheck::fuzzing::align` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::align(data));
