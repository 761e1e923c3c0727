//! `glossary lint` on fixture glossaries with every lint code planted, on
//! the shipped glossary (clean, and still sharp when problems are added to
//! it), in both output formats.

use std::collections::BTreeSet;

use transcheck::glossary::file::GlossaryFile;
use transcheck::glossary::fmt::{format, FmtOptions};
use transcheck::glossary::lint::{lint_text, render_human, render_json, Code, LintOptions};
use transcheck::glossary::DEFAULT_GLOSSARY;

const PLANTED: &str = "tests/fixtures/glossaries/planted.yaml";
const SYNTAX: &str = "tests/fixtures/glossaries/syntax-error.yaml";

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

#[test]
fn planted_problems_snapshot() {
    let reports = vec![
        lint_text(PLANTED, &read(PLANTED), &LintOptions::default()),
        lint_text(SYNTAX, &read(SYNTAX), &LintOptions::default()),
    ];
    settings().bind(|| {
        insta::assert_snapshot!("glossary-lint.human", render_human(&reports));
        insta::assert_snapshot!("glossary-lint.json", render_json(&reports));
    });
}

#[test]
fn every_lint_code_is_planted_and_found() {
    let found: BTreeSet<Code> = [PLANTED, SYNTAX]
        .iter()
        .flat_map(|p| lint_text(p, &read(p), &LintOptions::default()).diagnostics)
        .map(|d| d.code)
        .collect();
    let all: BTreeSet<Code> = Code::ALL.into_iter().collect();
    assert_eq!(found, all);
}

#[test]
fn diagnostics_point_at_the_entry_not_the_file() {
    let report = lint_text(PLANTED, &read(PLANTED), &LintOptions::default());
    for d in &report.diagnostics {
        assert!(d.line > 1, "{d:?}");
        let entry = d
            .entry
            .as_ref()
            .expect("every planted problem is in an entry");
        assert!(
            d.message.starts_with(&format!("entry {}", entry.number)),
            "{d:?}"
        );
    }
}

#[test]
fn the_shipped_glossary_is_clean_and_canonical() {
    let report = lint_text(
        "glossaries/vi-en.yaml",
        DEFAULT_GLOSSARY,
        &LintOptions::default(),
    );
    assert_eq!(report.entries, 1162);
    assert!(report.diagnostics.is_empty(), "{}", render_human(&[report]));
    let file = GlossaryFile::parse("glossaries/vi-en.yaml", DEFAULT_GLOSSARY).unwrap();
    let formatted = format(&file, FmtOptions::default()).unwrap();
    assert!(formatted.is_unchanged(), "{:?}", formatted.changes.first());
    assert_eq!(formatted.text, DEFAULT_GLOSSARY);
}

/// Precision on the shipped file must not come from deafness: the same
/// problems planted into it are found, each at the new entry.
#[test]
fn problems_added_to_the_shipped_glossary_are_found() {
    let lines = DEFAULT_GLOSSARY.lines().count();
    let text = format!(
        "{DEFAULT_GLOSSARY}  - id: hanoi\n    kind: place\n    vi: [Hà Nội mới]\n    en: [New Hanoi]\n  - id: nga-given-name\n    kind: person\n    vi: [Nga]\n    en: [Nga]\n  - id: viet-nam-typo\n    kind: place\n    vi: [Việt Nam mới]\n    en: [Viet Nam]\n  - id: sergey-lavrov-2\n    kind: person\n    vi: [Xéc-gây Láp-rốp]\n    en: [Sergey Lavrov]\n"
    );
    let report = lint_text("g.yaml", &text, &LintOptions::default());
    let found: Vec<(&str, bool)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), d.line > lines))
        .collect();
    for code in ["duplicate-id", "conflict", "near-duplicate"] {
        assert!(
            found.contains(&(code, true)),
            "{code}: {}",
            render_human(std::slice::from_ref(&report))
        );
    }
    // The forbidden form is reported where it is forbidden (the vietnam
    // entry), naming the new entry that accepts it.
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.code == Code::ForbiddenAccepted && d.message.contains("viet-nam-typo")));
}

#[test]
fn the_source_language_decides_what_conflicts() {
    // Shared English renderings are fine with vi as source, conflicts with en.
    let text = "languages: [vi, en]\nentries:\n  - id: a\n    vi: [quốc hội]\n    en: [parliament]\n  - id: b\n    vi: [nghị viện]\n    en: [parliament]\n";
    let codes = |source: Option<&str>| -> Vec<&'static str> {
        lint_text(
            "g.yaml",
            text,
            &LintOptions {
                source: source.map(str::to_string),
            },
        )
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
    };
    assert!(codes(None).is_empty());
    assert_eq!(codes(Some("en")), ["conflict"]);
}
