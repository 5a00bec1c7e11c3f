//! `airedo strings export` and `airedo strings import`: the translation
//! round trip through a CSV sheet. The work is done in
//! [`crate::authoring::strings`]; this reads and writes the files and prints.
//!
//! Exit codes: 0 done; 1 the sheet or the module has problems (for an
//! import: some rows were skipped, or nothing could be applied); 2 bad usage
//! or a file that cannot be read or written.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Cli;
use crate::authoring::strings::{self, Import, ImportError, SOURCE_LANG};
use crate::questionnaire::Lang;
use crate::questionnaire::load::parse_module;
use crate::storage::save_atomically;

/// The `strings` subcommands.
#[derive(Debug, clap::Args)]
pub struct StringsArgs {
    #[command(subcommand)]
    pub command: StringsCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum StringsCommand {
    /// Write every text of a module to a CSV sheet for a translator: columns
    /// id, sv (the Swedish source) and the target language (blank where
    /// missing). UTF-8 with a byte-order mark, so Excel and LibreOffice keep
    /// å, ä and ö.
    Export {
        /// The module file (.ron).
        file: PathBuf,
        /// The language translated into.
        #[arg(long, default_value = "en", value_parser = parse_target_lang)]
        lang: Lang,
        /// Where to write the sheet; `-` or none prints it.
        #[arg(short, long, value_name = "OUT.csv")]
        output: Option<PathBuf>,
    },
    /// Write the translations of a CSV sheet back into the module file,
    /// changing only those texts. Rows with an unknown id or a Swedish text
    /// that has changed since the export are reported and not applied (exit
    /// 1); blank translations leave the file's text as it is.
    Import {
        /// The sheet (.csv) made by `airedo strings export`.
        csv: PathBuf,
        /// The module file (.ron) to write the texts into.
        file: PathBuf,
        /// Report what would change, but write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

fn parse_target_lang(code: &str) -> Result<Lang, String> {
    let lang = super::parse_lang(code)?;
    if lang == SOURCE_LANG {
        return Err(format!(
            "`{code}` is the source language of the sheet; name the language translated into, e.g. en"
        ));
    }
    Ok(lang)
}

pub fn run(_cli: &Cli, args: &StringsArgs) -> u8 {
    match &args.command {
        StringsCommand::Export { file, lang, output } => export(file, *lang, output.as_deref()),
        StringsCommand::Import { csv, file, dry_run } => import(csv, file, *dry_run),
    }
}

fn export(file: &Path, lang: Lang, output: Option<&Path>) -> u8 {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(error) => return io_error("cannot read", file, &error),
    };
    let parsed = parse_module(&file.display().to_string(), &bytes);
    let module = match parsed.module {
        Some(module) if parsed.problems.is_empty() => module,
        _ => {
            for problem in &parsed.problems {
                println!("{problem}");
            }
            eprintln!("error: {} does not load; fix it first", file.display());
            return 1;
        }
    };
    let sheet = strings::export_csv(&module, lang);
    let count = strings::module_texts(&module).len();
    match output.filter(|path| *path != Path::new("-")) {
        Some(path) => {
            if let Err(error) = save_atomically(path, sheet.as_bytes()) {
                return io_error("cannot write", path, &error);
            }
            eprintln!("wrote {count} texts ({lang}) to {}", path.display());
        }
        None => {
            // `| head`: a reader that has read enough is not an error.
            match std::io::stdout().write_all(sheet.as_bytes()) {
                Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot print the sheet: {error}");
                    return 2;
                }
                _ => {}
            }
        }
    }
    0
}

fn import(csv: &Path, file: &Path, dry_run: bool) -> u8 {
    let (sheet, source) = match (read_text(csv), read_text(file)) {
        (Ok(sheet), Ok(source)) => (sheet, source),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let csv_name = csv.display().to_string();
    let file_name = file.display().to_string();
    let import = match strings::import_csv(&file_name, &source, &sheet) {
        Ok(import) => import,
        Err(error) => return report_import_error(&csv_name, &file_name, &error),
    };
    for skipped in &import.skipped {
        println!("{csv_name}:{}: {skipped}", skipped.line);
    }
    let written = import.has_changes() && !dry_run;
    if written && let Err(error) = save_atomically(file, import.text.as_bytes()) {
        return io_error("cannot write", file, &error);
    }
    eprintln!("{}", summary(&file_name, &import, written));
    u8::from(!import.skipped.is_empty())
}

/// The file as text; prints why not and gives the exit code otherwise.
fn read_text(path: &Path) -> Result<String, u8> {
    let bytes = std::fs::read(path).map_err(|error| io_error("cannot read", path, &error))?;
    String::from_utf8(bytes).map_err(|_| {
        eprintln!(
            "error: {} is not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")",
            path.display()
        );
        1
    })
}

fn report_import_error(csv_name: &str, file_name: &str, error: &ImportError) -> u8 {
    match error {
        ImportError::Csv(_) | ImportError::Header(_) => println!("{csv_name}:{error}"),
        ImportError::Module(_) => {
            println!("{error}");
            eprintln!("error: {file_name} does not load; fix it first");
        }
        ImportError::NotVerified => eprintln!("error: {file_name}: {error}"),
    }
    eprintln!("{file_name}: nothing imported");
    1
}

/// `core.ron: 3 texts changed, 410 unchanged, 2 skipped (en)`.
fn summary(file_name: &str, import: &Import, written: bool) -> String {
    let changed = import.changed.len();
    let note = match (import.has_changes(), written) {
        (true, true) => "",
        (true, false) => "; dry run, nothing written",
        (false, _) => "; file left as it was",
    };
    format!(
        "{file_name}: {changed} text{} changed, {} unchanged, {} skipped ({}){note}",
        if changed == 1 { "" } else { "s" },
        import.unchanged,
        import.skipped.len(),
        import.target
    )
}

fn io_error(what: &str, path: &Path, error: &std::io::Error) -> u8 {
    eprintln!("error: {what} {}: {error}", path.display());
    2
}
