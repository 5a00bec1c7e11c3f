//! The questionnaire loader and validator on arbitrary bytes: see
//! `airedo::fuzzing::questionnaire` for the properties checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| airedo::fuzzing::questionnaire(bytes));
