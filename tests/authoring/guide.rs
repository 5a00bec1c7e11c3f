//! `docs/authoring.md`, run: every command in the guide, in order, in a
//! fresh folder, with the files it shows written where it says. The guide
//! cannot go stale without this test failing.
//!
//! The guide's own markup, read here:
//! - a ```` ```sh ```` block holds commands, one per line, each starting with
//!   `airedo` (the real binary is run, with an empty data folder);
//! - a ```` ```ron file=PATH ```` or ```` ```csv file=PATH ```` block is a file
//!   the reader writes: it is written to PATH;
//! - `<!-- guide-test: replace "A" with "B" in PATH -->` is an edit the
//!   guide asks for in words.
//!
//! Two commands open windows, which a test cannot: `airedo preview` is run
//! as the app runs it (the core `Preview` over the same paths, checked to
//! load with no problems; the window itself is tested in `tests/app.rs`),
//! and the app itself is checked to have the module on offer.

use std::fs;
use std::path::Path;
use std::process::Command;

use airedo::authoring::preview::Preview;
use airedo::catalogue::Catalogue;

const GUIDE: &str = "docs/authoring.md";

/// One step of the guide.
#[derive(Debug)]
enum Step {
    Run(Vec<String>),
    Write {
        path: String,
        text: String,
    },
    Replace {
        from: String,
        to: String,
        path: String,
    },
}

fn steps(guide: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        if let Some(edit) = line
            .strip_prefix("<!-- guide-test: replace \"")
            .and_then(|rest| rest.strip_suffix(" -->"))
        {
            let (from, rest) = edit.split_once("\" with \"").expect("replace … with …");
            let (to, path) = rest.split_once("\" in ").expect("… in PATH");
            steps.push(Step::Replace {
                from: from.to_string(),
                to: to.to_string(),
                path: path.to_string(),
            });
            continue;
        }
        let Some(info) = line.strip_prefix("```") else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        if info == "sh" {
            for command in body.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                let words: Vec<String> = command.split_whitespace().map(String::from).collect();
                assert_eq!(
                    words[0], "airedo",
                    "{GUIDE}: not an airedo command: {command}"
                );
                steps.push(Step::Run(words[1..].to_vec()));
            }
        } else if let Some(path) = info.split_once(" file=").map(|(_, p)| p) {
            steps.push(Step::Write {
                path: path.to_string(),
                text: body.iter().map(|l| format!("{l}\n")).collect(),
            });
        }
    }
    steps
}

fn run(folder: &Path, data: &Path, args: &[String]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_airedo"))
        .args(args)
        .env(airedo::paths::DATA_DIR_ENV, data)
        .current_dir(folder)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).to_string(),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

/// Whether a command opens a window: `preview PATH…`, or no command at all.
fn opens_a_window(args: &[String]) -> bool {
    args.first().is_some_and(|a| a == "preview")
        || (args.len() == 2 && args[0] == "--questionnaires")
}

/// What a window command would show, checked through the core.
fn check_window_command(folder: &Path, args: &[String]) {
    if args[0] == "preview" {
        let paths = args[1..].iter().map(|p| folder.join(p)).collect();
        let preview = Preview::open(paths, Vec::new());
        assert!(preview.problems.is_empty(), "{:#?}", preview.problems);
        assert_eq!(preview.modules, ["tourism"]);
    } else {
        let catalogue = Catalogue::load(&[folder.join(&args[1])]);
        let module = catalogue.module("tourism").expect("the app offers tourism");
        let title = module.title.get(airedo::questionnaire::Lang::Sv);
        assert_eq!(title, "Besöksnäring och turism");
    }
}

#[test]
fn every_command_in_the_authoring_guide_works_as_it_says() {
    let guide = fs::read_to_string(GUIDE).unwrap();
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let steps = steps(&guide);
    let mut commands = 0;
    let mut outputs = Vec::new();
    for step in &steps {
        match step {
            Step::Write { path, text } => fs::write(folder.path().join(path), text).unwrap(),
            Step::Replace { from, to, path } => {
                let file = folder.path().join(path);
                let text = fs::read_to_string(&file).unwrap();
                assert_eq!(
                    text.matches(from.as_str()).count(),
                    1,
                    "{GUIDE}: `{from}` in {path}"
                );
                fs::write(&file, text.replace(from.as_str(), to)).unwrap();
            }
            Step::Run(args) => {
                commands += 1;
                if opens_a_window(args) {
                    check_window_command(folder.path(), args);
                    continue;
                }
                let (code, out, err) = run(folder.path(), data.path(), args);
                assert_eq!(
                    code,
                    0,
                    "{GUIDE}: `airedo {}` failed:\n{out}{err}",
                    args.join(" ")
                );
                outputs.push(format!("{out}{err}"));
            }
        }
    }
    assert!(commands >= 10, "the guide has {commands} commands");
    let all = outputs.join("\n");
    // What the guide promises the reader sees.
    assert!(
        all.contains("checked 1 file: 0 errors, 0 warnings"),
        "{all}"
    );
    assert!(
        all.contains("29 texts changed, 0 unchanged, 0 skipped (en)"),
        "{all}"
    );
    assert!(
        all.contains(
            "Texts missing a language (the module declares sv, en; the app speaks sv, en): none"
        ),
        "{all}"
    );
    assert!(all.contains("Samla bokningarna i ett system"), "{all}");
    assert!(
        all.contains("Säg till gästerna att de chattar med en AI"),
        "{all}"
    );
    // The import kept the author's comments and layout: only `en:` was added.
    let module = fs::read_to_string(folder.path().join("my-modules/tourism.ron")).unwrap();
    let written = steps
        .iter()
        .find_map(|s| match s {
            Step::Write { path, text } if path.ends_with("tourism.ron") => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    let comments = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.trim_start().starts_with("//"))
            .map(String::from)
            .collect()
    };
    assert_eq!(comments(&module), comments(&written));
    assert!(
        module
            .contains("title: (sv: \"Besöksnäring och turism\", en: \"Hospitality and tourism\"),")
    );
    for pdf in ["hotel.pdf", "hotel-en.pdf"] {
        let bytes = fs::read(folder.path().join(pdf)).unwrap();
        assert!(bytes.starts_with(b"%PDF-") && bytes.len() > 10_000, "{pdf}");
    }
}
