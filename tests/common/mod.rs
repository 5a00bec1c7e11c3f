//! Helpers shared by the test crates (a folder module, so not a test binary).

use std::path::Path;
use std::process::Command;

/// Runs the real `airedo` binary in the source tree with `data_dir` as its
/// data folder; returns the exit code, standard output and standard error.
pub fn airedo(data_dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_airedo"))
        .args(args)
        .env(airedo::paths::DATA_DIR_ENV, data_dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}
