//! The authoring tools: the translation round trip (`airedo strings`) and
//! coverage (`airedo check --coverage`), and the authoring guide run
//! command by command.

mod common;

#[path = "authoring/coverage.rs"]
mod coverage;
#[path = "authoring/guide.rs"]
mod guide;
#[path = "authoring/strings.rs"]
mod strings;
