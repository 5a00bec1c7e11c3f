//! `airedo new-sector ID`: a commented skeleton module that already passes `check`.

use std::fs;

use super::Cli;
use crate::catalogue;
use crate::questionnaire::validate::is_valid_module_id;

/// The skeleton, with `my-sector` standing for the new id.
pub const TEMPLATE: &str = include_str!("../../questionnaires/template/sector-template.ron");
const PLACEHOLDER: &str = "my-sector";

/// The skeleton module for a sector id.
pub fn skeleton(id: &str) -> String {
    TEMPLATE.replace(&format!("\"{PLACEHOLDER}"), &format!("\"{id}"))
}

pub fn new_sector(cli: &Cli, id: &str, force: bool) -> u8 {
    if !is_valid_module_id(id) {
        eprintln!(
            "error: `{id}` is not a valid sector id; use lower-case letters a-z, digits, '_' and '-' (at most 40), e.g. `tourism`"
        );
        return 2;
    }
    let Some(dir) = cli
        .questionnaires
        .clone()
        .or_else(crate::paths::user_questionnaire_dir)
    else {
        eprintln!("error: no data folder could be found on this system; pass --questionnaires DIR");
        return 2;
    };
    let builtin = catalogue::Catalogue::builtin();
    if builtin.module(id).is_some() {
        eprintln!(
            "error: `{id}` is a shipped module; choose another id, or copy the shipped file and raise its version to replace it"
        );
        return 2;
    }
    let path = dir.join(format!("{id}.ron"));
    if path.exists() && !force {
        eprintln!(
            "error: {} already exists; pass --force to overwrite it",
            path.display()
        );
        return 2;
    }
    if let Err(error) = fs::create_dir_all(&dir).and_then(|()| fs::write(&path, skeleton(id))) {
        eprintln!("error: cannot write {}: {error}", path.display());
        return 2;
    }
    println!("wrote {}", path.display());
    println!(
        "next: edit the TODO texts, then run `airedo check {}`",
        path.display()
    );
    0
}
