//! `airedo strings export` and `airedo strings import`: the translation
//! round trip through a CSV sheet. (Being written.)

use super::Cli;

/// The `strings` subcommands.
#[derive(Debug, clap::Args)]
pub struct StringsArgs {}

pub fn run(_cli: &Cli, _args: &StringsArgs) -> u8 {
    eprintln!("error: not written yet");
    2
}
