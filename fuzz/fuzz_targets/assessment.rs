//! The assessment loader on arbitrary bytes: see
//! `airedo::fuzzing::assessment` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| airedo::fuzzing::assessment(bytes));
