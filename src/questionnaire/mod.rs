//! The questionnaire: its file format, loading it with exact error positions,
//! and the rules a module must obey.
//!
//! Nothing here knows about the UI or the command line.

pub mod answer;
pub mod condition;
pub mod load;
pub mod model;
pub mod problem;
pub mod source_map;
pub mod text;
pub mod validate;

pub use answer::Answer;
pub use condition::{Condition, Facts};
pub use model::*;
pub use problem::{Problem, ProblemCode, Severity};
pub use text::{Lang, Text};
