//! Fuzz target `check_big`: big files from small inputs; see
//! `transcheck::fuzzing::check_big` for how they are built and what it asserts.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| transcheck::fuzzing::check_big(data));
