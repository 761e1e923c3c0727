//! Fuzz target `numbers_vi`: see `transcheck::fuzzing::numbers` for what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::numbers("vi", data));
