//! `glossary fmt`: the canonical rewrite keeps every comment and blank
//! line, changes nothing outside the entries it rewrites, is idempotent,
//! and refuses (leaving the file as it was) what it cannot keep.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use transcheck::glossary::file::GlossaryFile;

const COMMENTED: &str = "tests/fixtures/glossaries/commented.yaml";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transcheck-fmt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn transcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Lines outside every entry, in order: comments, blank lines, header.
fn outside_entries(text: &str) -> Vec<String> {
    let file = GlossaryFile::parse("g.yaml", text).unwrap();
    (1..=file.line_count())
        .filter(|l| {
            !file
                .items
                .iter()
                .any(|i| (i.first_line..=i.last_line).contains(l))
        })
        .map(|l| file.full_line(l).to_string())
        .collect()
}

fn comments(text: &str) -> Vec<String> {
    let file = GlossaryFile::parse("g.yaml", text).unwrap();
    let mut v: Vec<String> = file
        .comments
        .iter()
        .map(|c| file.comment_text(c).to_string())
        .collect();
    v.sort();
    v
}

#[test]
fn check_reports_and_changes_nothing() {
    let dir = scratch("check");
    std::fs::copy(COMMENTED, dir.join("g.yaml")).unwrap();
    let out = transcheck(&dir, &["glossary", "fmt", "--check", "g.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    settings().bind(|| insta::assert_snapshot!("glossary-fmt-check", stdout(&out)));
    assert_eq!(
        std::fs::read_to_string(dir.join("g.yaml")).unwrap(),
        std::fs::read_to_string(COMMENTED).unwrap()
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_glossary_full_of_comments_survives_fmt() {
    let dir = scratch("comments");
    let path = dir.join("g.yaml");
    let original = std::fs::read_to_string(COMMENTED).unwrap();
    std::fs::write(&path, &original).unwrap();
    let out = transcheck(&dir, &["glossary", "fmt", "g.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let formatted = std::fs::read_to_string(&path).unwrap();
    settings().bind(|| insta::assert_snapshot!("glossary-fmt-commented", formatted));
    // Byte for byte outside the entries, every comment kept.
    assert_eq!(outside_entries(&formatted), outside_entries(&original));
    assert_eq!(comments(&formatted), comments(&original));
    // The canonical entry is untouched, byte for byte.
    let hanoi = "  - id: hanoi  # capital\n    kind: place\n    vi: [Hà Nội, thủ đô Hà Nội]\n    en: [Hanoi]\n    forbidden:\n      en: [Ha Noi]  # house style\n    note: House style is \"Hanoi\".\n";
    assert!(original.contains(hanoi) && formatted.contains(hanoi));
    // Twice changes nothing the second time.
    let again = transcheck(&dir, &["glossary", "fmt", "g.yaml"]);
    assert_eq!(stdout(&again), "g.yaml: canonical\n");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), formatted);
    let check = transcheck(&dir, &["glossary", "fmt", "--check", "g.yaml"]);
    assert_eq!(check.status.code(), Some(0));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sort_orders_by_id_within_groups() {
    let dir = scratch("sort");
    let path = dir.join("g.yaml");
    let original = std::fs::read_to_string(COMMENTED).unwrap();
    std::fs::write(&path, &original).unwrap();
    let out = transcheck(&dir, &["glossary", "fmt", "--sort", "g.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let sorted = std::fs::read_to_string(&path).unwrap();
    settings().bind(|| insta::assert_snapshot!("glossary-fmt-sorted", sorted));
    assert_eq!(outside_entries(&sorted), outside_entries(&original));
    assert_eq!(comments(&sorted), comments(&original));
    let check = transcheck(&dir, &["glossary", "fmt", "--check", "--sort", "g.yaml"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn refusals_name_the_lines_and_leave_the_file_alone() {
    let dir = scratch("refuse");
    let cases = [
        (
            "languages: [vi, en]\nentries: [\n  {vi: a, en: a},  # first\n\n  {vi: b, en: b}\n]\n",
            "transcheck: g.yaml: `entries` is a flow list (`[...]`) with comments or blank lines on lines 3, 4; rewriting it as a block list would lose them — move them out of the list first\n",
        ),
        (
            "languages: [vi, en]\nentries:\n  - id: a\n    kind: city\n    vi: [a]\n",
            "transcheck: g.yaml:4:11: entry 1 (id: a): unknown kind `city`; expected one of person, place, organization, event, term, other\n",
        ),
        (
            "languages: [vi, en]\nentries:\n  - id: a\n    vi: [a\n",
            "transcheck: g.yaml:5:1: YAML syntax error: while parsing a flow sequence, expected ',' or ']'\n",
        ),
    ];
    for (text, message) in cases {
        std::fs::write(dir.join("g.yaml"), text).unwrap();
        let out = transcheck(&dir, &["glossary", "fmt", "g.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), message);
        assert!(out.stdout.is_empty());
        assert_eq!(std::fs::read_to_string(dir.join("g.yaml")).unwrap(), text);
        assert!(!dir.join(".g.yaml.lock").exists());
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn byte_order_mark_and_crlf_are_kept() {
    let dir = scratch("crlf");
    let text = "\u{FEFF}# notes\r\nlanguages: [vi, en]\r\nentries:\r\n  - vi: Thuỷ điện\r\n    en: hydropower  # ok\r\n";
    std::fs::write(dir.join("g.yaml"), text).unwrap();
    let out = transcheck(&dir, &["glossary", "fmt", "g.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.join("g.yaml")).unwrap(),
        "\u{FEFF}# notes\r\nlanguages: [vi, en]\r\nentries:\r\n  - kind: term\r\n    vi: [Thủy điện]\r\n    en: [hydropower]  # ok\r\n"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
