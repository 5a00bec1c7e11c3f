//! Assessments taken together: several people answering for one
//! organisation ([`merge`]), and many organisations summed up for a region
//! without naming any of them ([`rollup`]), and one organisation set beside
//! the benchmark group like it ([`peers`]).
//!
//! Both build on the single-assessment core (reading, migration, scoring)
//! rather than re-implementing it, so a combined or benchmarked score is
//! always the score `airedo score` would give. [`stats`] holds the small
//! order statistics both need.

pub mod merge;
pub mod peers;
pub mod rollup;
pub mod stats;

use std::path::PathBuf;

/// A file left out of a merge or roll-up, and why, so the user can fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}
