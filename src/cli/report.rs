//! `airedo report`: an assessment file to a PDF recommendation report,
//! through the same core the app's export button uses.

use std::path::{Path, PathBuf};

use super::Cli;
use super::score::read;
use crate::catalogue::Catalogue;
use crate::compare::same_organisation;
use crate::evaluation::evaluate;
use crate::questionnaire::Lang;
use crate::report::{self, ReportInput};

/// Where the report goes when no `-o` is given: beside the assessment, with
/// the extension `.pdf`.
pub fn default_output(file: &Path) -> PathBuf {
    file.with_extension("pdf")
}

pub fn report(
    cli: &Cli,
    file: &Path,
    output: Option<&Path>,
    lang: Option<Lang>,
    previous: Option<&Path>,
) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let assessment = match read(file) {
        Ok(a) => a,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let before = match previous.map(read).transpose() {
        Ok(before) => before,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    if let Some(before) = &before
        && !same_organisation(before, &assessment)
    {
        eprintln!(
            "error: --compare needs an earlier assessment of the same organisation; `{}` is not `{}`",
            before.profile.name, assessment.profile.name
        );
        return 2;
    }
    let Some(evaluation) = evaluate(&catalogue, &assessment) else {
        eprintln!("error: no core questionnaire could be loaded; run `airedo check`");
        return 2;
    };
    let previous_evaluation = before.as_ref().and_then(|b| evaluate(&catalogue, b));
    for line in evaluation.migration.lines() {
        eprintln!("note: {line}");
    }
    let input = ReportInput {
        catalogue: &catalogue,
        evaluation: &evaluation,
        previous: previous_evaluation.as_ref(),
        lang: lang.unwrap_or(evaluation.assessment.language),
        generated: report::now(),
    };
    let output = output.map_or_else(|| default_output(file), Path::to_path_buf);
    match report::write(&input, &output) {
        Ok(done) => {
            println!(
                "wrote {} ({} pages, {} KB)",
                output.display(),
                done.pages.len(),
                done.pdf.len().div_ceil(1024)
            );
            0
        }
        Err(error) => {
            eprintln!("error: {}: {error}", output.display());
            2
        }
    }
}
