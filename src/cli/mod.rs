//! The `airedo` command line: a shell over the core, like the app.
//!
//! Each subcommand parses its arguments, calls the core and prints. Exit
//! codes: 0 success, 1 the command ran but found errors, 2 bad usage or I/O.

mod check;
mod coverage;
mod merge;
mod new_sector;
pub mod report;
mod rollup;
pub mod score;
mod strings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::paths;
use crate::questionnaire::Lang;

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code)
        .ok_or_else(|| format!("`{code}` is not a language AI-redo speaks; use sv or en"))
}

/// AI-redo: an offline AI-readiness self-assessment for companies and public bodies.
///
/// With no command, opens the desktop app.
#[derive(Debug, Parser)]
#[command(name = "airedo", version)]
pub struct Cli {
    /// A folder of questionnaire modules to add to the shipped ones (besides
    /// the `questionnaires` folder in the AI-redo data folder).
    #[arg(long, value_name = "DIR", global = true)]
    pub questionnaires: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check questionnaire files and report every problem as file:line:col.
    ///
    /// With no PATH, checks the shipped modules and the user folders. A PATH
    /// may be a file or a folder (searched for .ron files). Exits 1 if any
    /// error is found, 0 otherwise (warnings alone pass).
    Check {
        /// Files or folders to check.
        paths: Vec<PathBuf>,
        /// Hold the files to the rules for shipped modules (sv and en both required).
        #[arg(long)]
        shipped: bool,
        /// Print what each module covers: questions and the highest score per
        /// dimension, reachable recommendations, strategy sections cited,
        /// texts missing a language.
        #[arg(long)]
        coverage: bool,
    },
    /// List the questionnaire modules in force.
    List,
    /// Score an assessment file: dimensions, levels, completion and first steps.
    Score {
        /// The assessment file (.ron).
        file: PathBuf,
        /// Print the stable JSON form instead of text.
        #[arg(long)]
        json: bool,
        /// The language of texts (default: the assessment's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Compare two assessments of the same organisation.
    Compare {
        /// The earlier assessment file.
        old: PathBuf,
        /// The later assessment file.
        new: PathBuf,
        /// Print the stable JSON form instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the PDF recommendation report for an assessment file.
    Report {
        /// The assessment file (.ron).
        file: PathBuf,
        /// Where to write the PDF (default: beside FILE, ending in .pdf).
        #[arg(short, long, value_name = "OUT.pdf")]
        output: Option<PathBuf>,
        /// The report's language (default: the assessment's).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// An earlier assessment of the same organisation, to show the changes.
        #[arg(long, value_name = "OLD")]
        compare: Option<PathBuf>,
        /// A benchmark from `airedo rollup`, to compare with organisations like this one.
        #[arg(long, value_name = "BENCHMARK.ron")]
        benchmark: Option<PathBuf>,
    },
    /// Preview questionnaire files as a respondent sees them, live.
    ///
    /// Opens the app in author mode: the files are read again within a
    /// second of every save, problems are shown as file:line:col with the
    /// source line, and a side panel shows hidden questions, the scores and
    /// the recommendations that fire. Trial answers are never saved.
    Preview {
        /// Questionnaire files or folders to preview.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Export a module's texts to a CSV sheet for translators, or import them back.
    Strings(strings::StringsArgs),
    /// Merge several people's answers for one organisation into a combined
    /// assessment, and show where they disagree.
    ///
    /// Writes the combined assessment (an ordinary assessment file) and,
    /// beside it, NAME.spread.ron with the spread of answers per question.
    /// Unreadable files are listed and skipped (exit 1); files about
    /// different organisations are refused (exit 2).
    Merge {
        /// The assessment files, one per respondent (at least two).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Where to write the combined assessment (default: combined.ron beside the first FILE).
        #[arg(short, long, value_name = "OUT.ron")]
        output: Option<PathBuf>,
        /// Print the JSON form instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Sum up a folder of organisations' assessments as an anonymised benchmark.
    ///
    /// Only distributions and counts are written: no names, places, people,
    /// notes or free text, and no figures for a group of fewer than five
    /// organisations. Unreadable files are listed and skipped (exit 1).
    Rollup {
        /// The folder of assessment files (.ron).
        dir: PathBuf,
        /// Where to write the benchmark.
        #[arg(short, long, value_name = "OUT.ron", default_value = "benchmark.ron")]
        output: PathBuf,
        /// Also write the overall picture as a PDF, for the region or EDIH.
        #[arg(long, value_name = "ROLLUP.pdf")]
        pdf: Option<PathBuf>,
        /// The PDF's language.
        #[arg(long, value_parser = parse_lang, default_value = "sv")]
        lang: Lang,
    },
    /// Write a commented skeleton for a new sector module into the user folder.
    NewSector {
        /// The sector id: lower case letters, digits, '_' and '-'.
        id: String,
        /// Overwrite the file if it already exists.
        #[arg(long)]
        force: bool,
    },
}

impl Cli {
    /// The user questionnaire folders in force: the data folder's and `--questionnaires`.
    pub fn user_dirs(&self) -> Vec<PathBuf> {
        paths::user_questionnaire_dir()
            .into_iter()
            .chain(self.questionnaires.clone())
            .collect()
    }
}

/// Runs the command line of this process.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(command) = &cli.command else {
        return open_app(&cli);
    };
    let code = match command {
        Command::Check {
            paths,
            shipped,
            coverage: false,
        } => check::check(&cli, paths, *shipped),
        Command::Check {
            paths,
            shipped,
            coverage: true,
        } => coverage::run(&cli, paths, *shipped),
        Command::Strings(args) => strings::run(&cli, args),
        Command::Preview { paths } => return open_preview(&cli, paths),
        Command::List => check::list(&cli),
        Command::NewSector { id, force } => new_sector::new_sector(&cli, id, *force),
        Command::Score { file, json, lang } => score::score(&cli, file, *json, *lang),
        Command::Compare { old, new, json } => score::compare_files(&cli, old, new, *json),
        Command::Report {
            file,
            output,
            lang,
            compare,
            benchmark,
        } => report::report(
            &cli,
            file,
            output.as_deref(),
            *lang,
            compare.as_deref(),
            benchmark.as_deref(),
        ),
        Command::Merge {
            files,
            output,
            json,
        } => merge::merge(&cli, files, output.as_deref(), *json),
        Command::Rollup {
            dir,
            output,
            pdf,
            lang,
        } => rollup::rollup(&cli, dir, output, pdf.as_deref(), *lang),
    };
    ExitCode::from(code)
}

#[cfg(feature = "gui")]
fn open_app(cli: &Cli) -> ExitCode {
    match crate::ui::run(cli.questionnaires.clone().into_iter().collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: the window could not be opened: {error}");
            eprintln!("(the command line still works: `airedo --help`)");
            ExitCode::from(2)
        }
    }
}

#[cfg(feature = "gui")]
fn open_preview(cli: &Cli, paths: &[PathBuf]) -> ExitCode {
    if let Some(missing) = paths.iter().find(|p| !p.exists()) {
        eprintln!("error: {} does not exist", missing.display());
        return ExitCode::from(2);
    }
    match crate::ui::run_preview(paths.to_vec(), cli.user_dirs()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: the window could not be opened: {error}");
            ExitCode::from(2)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_preview(_cli: &Cli, _paths: &[PathBuf]) -> ExitCode {
    open_app(_cli)
}

#[cfg(not(feature = "gui"))]
fn open_app(_cli: &Cli) -> ExitCode {
    eprintln!(
        "error: this build of AI-redo has no desktop app (built without the `gui` feature); see `airedo --help`"
    );
    ExitCode::from(2)
}
