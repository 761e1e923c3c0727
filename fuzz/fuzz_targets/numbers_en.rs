//! Fuzz target `numbers_en`: see `transcheck::fuzzing::numbers` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::numbers("en", data));
