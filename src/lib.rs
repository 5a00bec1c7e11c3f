//! AI-redo: an offline AI-readiness self-assessment.
//!
//! The crate is a functional core with thin shells around it.
//!
//! - **Core** (no UI types, tested directly):
//!   [`questionnaire`] (the file format, loading, validation),
//!   [`catalogue`] (shipped and user modules together), [`assessment`]
//!   (one organisation's answers, and migrating them), [`scoring`],
//!   [`recommend`], [`compare`], [`evaluation`] (all three at once),
//!   [`export`] (answers as CSV),
//!   [`storage`] (atomic saves, files moved aside when unreadable),
//!   [`strategy`] (the sections of COM(2025) 723 that content cites), [`paths`].
//! - **Shells**: [`cli`] (the `airedo` command) and [`ui`] (the egui desktop
//!   app). Both only call the core.

pub mod assessment;
pub mod catalogue;
pub mod cli;
pub mod compare;
pub mod evaluation;
pub mod export;
pub mod paths;
pub mod questionnaire;
pub mod recommend;
pub mod scoring;
pub mod storage;
pub mod strategy;
pub mod ui;

/// The version of this build, written into files it saves.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
