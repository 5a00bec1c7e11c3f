//! Tools for the people who write questionnaires: the translation round
//! trip ([`strings`]) and what a module covers ([`coverage`]). Plain core
//! code, shared by the command line and the app's preview.

pub mod coverage;
pub mod strings;
