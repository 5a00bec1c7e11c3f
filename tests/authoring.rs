//! The authoring tools: the translation round trip (`airedo strings`) and
//! coverage (`airedo check --coverage`).

mod common;

#[path = "authoring/coverage.rs"]
mod coverage;
#[path = "authoring/strings.rs"]
mod strings;
