//! Where AI-redo keeps its files on this machine.
//!
//! The OS data folder comes from `directories` (`%APPDATA%\AI-redo\AI-redo\data`
//! on Windows, `~/Library/Application Support/se.AI-redo.AI-redo` on macOS,
//! `~/.local/share/airedo` on Linux). `AIREDO_DATA_DIR` overrides it, for
//! portable installs and for tests that must not touch the real folder.

use std::path::PathBuf;

/// The environment variable that overrides the data folder.
pub const DATA_DIR_ENV: &str = "AIREDO_DATA_DIR";

/// The folder for assessments, settings and user questionnaires.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("se", "AI-redo", "airedo").map(|p| p.data_dir().to_path_buf())
}

/// The user's questionnaire folder: modules here add to or replace the shipped ones.
pub fn user_questionnaire_dir() -> Option<PathBuf> {
    data_dir().map(|d| d.join("questionnaires"))
}
