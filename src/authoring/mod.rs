//! Tools for the people who write questionnaires: the translation round
//! trip ([`strings`]), what a module covers ([`coverage`]) and the live
//! preview ([`preview`]). Plain core
//! code, shared by the command line and the app's preview.

pub mod coverage;
pub mod preview;
pub mod strings;
