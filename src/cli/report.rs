//! `airedo report`: an assessment file to a PDF recommendation report,
//! through the same core the app's export button uses.

use std::path::{Path, PathBuf};

use super::Cli;
use super::score::read;
use crate::catalogue::Catalogue;
use crate::compare::same_organisation;
use crate::questionnaire::Lang;
use crate::report;

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
    benchmark: Option<&Path>,
) -> u8 {
    let catalogue = Catalogue::load(&cli.user_dirs());
    let benchmark = match benchmark
        .map(crate::group::peers::read_benchmark)
        .transpose()
    {
        Ok(benchmark) => benchmark,
        Err(message) => {
            eprintln!("error: {message}");
            return 2;
        }
    };
    let read = |path| read(path, &catalogue);
    let (assessment, before) = match (read(file), previous.map(read).transpose()) {
        (Ok(assessment), Ok(before)) => (assessment, before),
        (Err(message), _) | (_, Err(message)) => {
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
    let output = output.map_or_else(|| default_output(file), Path::to_path_buf);
    if let Some(benchmark) = &benchmark
        && crate::group::peers::peers_of(benchmark, &assessment.profile).is_none()
    {
        eprintln!(
            "note: the benchmark has no group with figures for this organisation; the report leaves the comparison out"
        );
    }
    // A combined assessment (`airedo merge`) has its spread beside it.
    let spread = match crate::group::merge::read_spread_beside(file) {
        Ok(spread) => spread,
        Err(message) => {
            eprintln!("note: {message}; the report leaves the spread out");
            None
        }
    };
    let extras = report::Extras {
        previous: before.as_ref(),
        benchmark: benchmark.as_ref(),
        spread: spread.as_ref(),
    };
    let written = report::write_assessment(&catalogue, &assessment, extras, lang, &output);
    match written {
        Ok(written) => {
            for line in &written.migration {
                eprintln!("note: {line}");
            }
            println!(
                "wrote {} ({} pages, {} KB)",
                output.display(),
                written.pages,
                written.bytes.div_ceil(1024)
            );
            0
        }
        Err(error) => {
            eprintln!("error: {}: {error}", output.display());
            2
        }
    }
}
