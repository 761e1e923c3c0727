//! Snapshot of the human and JSON report of every fixture pair in
//! tests/fixtures, checked against the embedded default glossary, or
//! against `NAME.glossary.yaml` when the pair has one (a house style under
//! test that must not depend on the default glossary).

use std::path::Path;

use transcheck::input::SourceText;
use transcheck::report::{render, Format, RenderOptions, Report};
use transcheck::{Checker, Glossary};

fn fixture_pairs() -> Vec<String> {
    let mut stems: Vec<String> = std::fs::read_dir("tests/fixtures")
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".vi.txt").map(str::to_string)
        })
        .collect();
    stems.sort();
    stems
}

fn report(stem: &str) -> Report {
    let own = format!("tests/fixtures/{stem}.glossary.yaml");
    let glossary = if Path::new(&own).exists() {
        Glossary::load_files(&[own], &Default::default()).unwrap()
    } else {
        Glossary::default_vi_en().unwrap()
    };
    let checker = Checker::new(glossary, "vi", "en", Default::default());
    let read = |lang: &str| {
        SourceText::read(Path::new(&format!("tests/fixtures/{stem}.{lang}.txt"))).unwrap()
    };
    Report {
        pairs: vec![checker.check(read("vi"), read("en"))],
    }
}

#[test]
fn every_fixture_has_both_sides() {
    let stems = fixture_pairs();
    assert!(stems.len() >= 6, "at least six fixture pairs");
    for stem in stems {
        assert!(
            Path::new(&format!("tests/fixtures/{stem}.en.txt")).exists(),
            "{stem}"
        );
    }
}

#[test]
fn fixture_reports() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for stem in fixture_pairs() {
            let report = report(&stem);
            insta::assert_snapshot!(
                format!("{stem}.human"),
                render(&report, Format::Human, RenderOptions::default())
            );
            insta::assert_snapshot!(
                format!("{stem}.json"),
                render(&report, Format::Json, RenderOptions::default())
            );
        }
    });
}
