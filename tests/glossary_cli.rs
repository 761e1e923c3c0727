//! The `transcheck glossary …` commands run as a user would: exit codes,
//! one-line errors, and the output of stats and suggest.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FIXTURES: &str = "tests/fixtures/glossaries";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    run_in(Path::new("."), args)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transcheck-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn exit_codes() {
    let planted = format!("{FIXTURES}/planted.yaml");
    let commented = format!("{FIXTURES}/commented.yaml");
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["glossary", "lint"], 0),
        (vec!["glossary", "lint", "glossaries/vi-en.yaml"], 0),
        (vec!["glossary", "lint", &commented], 0),
        (vec!["glossary", "lint", &planted], 1),
        (vec!["glossary", "lint", "--format", "json", &planted], 1),
        (vec!["glossary", "lint", "nope.yaml"], 2),
        (
            vec!["glossary", "fmt", "--check", "glossaries/vi-en.yaml"],
            0,
        ),
        (vec!["glossary", "fmt", "--check", &commented], 1),
        (vec!["glossary", "fmt", "--check", &planted], 2),
        (vec!["glossary", "fmt"], 2),
        (vec!["glossary", "stats", "glossaries/vi-en.yaml"], 0),
        (vec!["glossary", "stats", &planted], 2),
        (vec!["glossary", "export", &commented, "--to", "csv"], 0),
        (vec!["glossary", "export", &commented, "--to", "tbx"], 0),
        (vec!["glossary", "export", &commented, "--to", "xlsx"], 2),
        (vec!["glossary", "export", &planted, "--to", "csv"], 2),
        (vec!["glossary", "add", &commented, "--lang", "vi"], 2),
        (
            vec![
                "glossary", "add", &commented, "--kind", "city", "--lang", "vi=x",
            ],
            2,
        ),
        (
            vec![
                "glossary",
                "suggest",
                "examples/g7-ukraine.vi.txt",
                "examples/g7-ukraine.en.txt",
            ],
            0,
        ),
        (
            vec![
                "glossary",
                "suggest",
                "nope.vi.txt",
                "examples/g7-ukraine.en.txt",
            ],
            2,
        ),
    ];
    for (args, code) in cases {
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(code),
            "{args:?}\n{}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
        if code == 2 {
            let err = text(&out.stderr);
            assert!(
                err.lines().count() == 1 || err.starts_with("error:"),
                "{args:?}: {err}"
            );
        } else {
            assert!(out.stderr.is_empty(), "{args:?}: {}", text(&out.stderr));
        }
    }
}

#[test]
fn errors_are_one_line() {
    for (args, want) in [
        (
            vec!["glossary", "lint", "nope.yaml"],
            "transcheck: nope.yaml: cannot read: No such file or directory (os error 2)\n",
        ),
        (
            vec!["glossary", "stats", "tests/fixtures/glossaries/syntax-error.yaml"],
            "transcheck: tests/fixtures/glossaries/syntax-error.yaml:5:7: YAML syntax error: illegal placement of ':' indicator\n",
        ),
    ] {
        let out = run(&args);
        assert_eq!(text(&out.stderr), want);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn stats_snapshot() {
    let out = run(&["glossary", "stats", "glossaries/vi-en.yaml"]);
    let json = run(&[
        "glossary",
        "stats",
        "--format",
        "json",
        "tests/fixtures/glossaries/commented.yaml",
    ]);
    let planted_ok = scratch("stats");
    std::fs::write(
        planted_ok.join("gaps.yaml"),
        "languages: [vi, en, fr]\nentries:\n  - id: a\n    vi: [a]\n    en: [a]\n  - id: b\n    kind: place\n    vi: [b]\n    fr: [b]\n",
    )
    .unwrap();
    let gaps = run_in(&planted_ok, &["glossary", "stats", "gaps.yaml"]);
    settings().bind(|| {
        insta::assert_snapshot!("glossary-stats-shipped", text(&out.stdout));
        insta::assert_snapshot!("glossary-stats.json", text(&json.stdout));
        insta::assert_snapshot!("glossary-stats-gaps", text(&gaps.stdout));
    });
    std::fs::remove_dir_all(planted_ok).unwrap();
}

#[test]
fn suggest_snapshot_and_write() {
    let out = run(&[
        "glossary",
        "suggest",
        "tests/fixtures/glossaries/suggest-source.txt",
        "tests/fixtures/glossaries/suggest-translation.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    settings().bind(|| insta::assert_snapshot!("glossary-suggest", text(&out.stdout)));

    // Only --write writes, through the same checks as add.
    let dir = scratch("suggest");
    let glossary = dir.join("g.yaml");
    std::fs::write(&glossary, "languages: [vi, en]\nentries:\n  - id: equinor\n    kind: organization\n    vi: [Equinor]\n    en: [Equinor ASA]\n").unwrap();
    let cwd = std::env::current_dir().unwrap();
    let src = cwd.join("tests/fixtures/glossaries/suggest-source.txt");
    let tgt = cwd.join("tests/fixtures/glossaries/suggest-translation.txt");
    let (src, tgt) = (src.to_str().unwrap(), tgt.to_str().unwrap());
    let before = std::fs::read_to_string(&glossary).unwrap();
    let dry = run_in(
        &dir,
        &[
            "glossary",
            "suggest",
            src,
            tgt,
            "-g",
            "g.yaml",
            "--min-confidence",
            "0.9",
        ],
    );
    assert_eq!(dry.status.code(), Some(0), "{}", text(&dry.stderr));
    assert_eq!(std::fs::read_to_string(&glossary).unwrap(), before);
    let wrote = run_in(
        &dir,
        &[
            "glossary",
            "suggest",
            src,
            tgt,
            "-g",
            "g.yaml",
            "--min-confidence",
            "0.9",
            "--write",
            "g.yaml",
        ],
    );
    assert_eq!(wrote.status.code(), Some(0), "{}", text(&wrote.stderr));
    let report = text(&wrote.stdout);
    let after = std::fs::read_to_string(&glossary).unwrap();
    assert!(after.starts_with(&before));
    assert!(report.contains("added entry 2"), "{report}");
    let lint = run_in(&dir, &["glossary", "lint", "g.yaml"]);
    assert_eq!(lint.status.code(), Some(0), "{}", text(&lint.stdout));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn export_import_round_trip_on_disk() {
    let dir = scratch("exchange");
    let cwd = std::env::current_dir().unwrap();
    let commented = cwd.join(FIXTURES).join("commented.yaml");
    let commented = commented.to_str().unwrap();
    for format in ["csv", "tbx"] {
        let file = format!("g.{format}");
        let out = run_in(
            &dir,
            &["glossary", "export", commented, "--to", format, "-o", &file],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let out = run_in(&dir, &["glossary", "import", &file, "--to", "back.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(
            text(&out.stdout),
            format!("back.yaml: imported 5 entries in vi, en from {file}\n")
        );
        // An existing glossary is not replaced without --force.
        let again = run_in(&dir, &["glossary", "import", &file, "--to", "back.yaml"]);
        assert_eq!(again.status.code(), Some(2));
        assert_eq!(
            text(&again.stderr),
            "transcheck: back.yaml exists; importing would replace it and lose its comments (pass --force to replace it)\n"
        );
        let lint = run_in(&dir, &["glossary", "lint", "back.yaml"]);
        assert_eq!(lint.status.code(), Some(0), "{}", text(&lint.stdout));
        let check = run_in(&dir, &["glossary", "fmt", "--check", "back.yaml"]);
        assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
        std::fs::remove_file(dir.join("back.yaml")).unwrap();
    }
    std::fs::remove_dir_all(dir).unwrap();
}

/// `suggest` never proposes what `check` flags or the glossary forbids,
/// tells a place from a person, and says when a name is both. Each case
/// beside its correct look-alike.
#[test]
fn suggest_proposes_only_what_check_accepts() {
    let dir = scratch("suggest-accepts");
    let house = "languages: [vi, en]\nentries:\n  - id: bus\n    vi: xe buýt\n    en: bus\n";
    let forbidding = "languages: [vi, en]\nentries:\n  - id: bus\n    vi: xe buýt\n    en: bus\n  - id: capital\n    vi: thủ đô\n    en: capital\n    forbidden:\n      en: Ha Noi\n";
    std::fs::write(dir.join("house.yaml"), house).unwrap();
    std::fs::write(dir.join("forbidding.yaml"), forbidding).unwrap();
    let vi = "Ông Nguyễn Văn Hùng cho biết xe buýt đến Hà Nội sẽ chạy thêm.\n\nNgười dân Hồ Chí Minh cũng được hưởng lợi.\n";
    // (translation, glossary, wanted lines, unwanted lines)
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        (
            "Mr. Nguyen Van Hong said buses to Ha Noi will run more often.\n\nResidents of Ho Chi Minh City will also benefit.\n",
            "house.yaml",
            &["en: [Nguyen Van Hung]", "writes “Nguyen Van Hong”", "en: [Ha Noi]", "kind: place"],
            &["en: [Nguyen Van Hong]", "kind: person\n    vi: [Hà Nội]"],
        ),
        (
            "Mr. Nguyen Van Hung said buses to Ha Noi will run more often.\n\nResidents of Ho Chi Minh City will also benefit.\n",
            "house.yaml",
            &["en: [Nguyen Van Hung]"],
            &["writes “Nguyen Van Hung”"],
        ),
        (
            "Mr. Nguyen Van Hung said buses to Ha Noi will run more often.\n\nResidents of Ho Chi Minh City will also benefit.\n",
            "forbidding.yaml",
            &["en: [Nguyen Van Hung]"],
            &["en: [Ha Noi]"],
        ),
        (
            "Mr. Nguyen Van Hung said buses to Ha Noi will run more often.\n\nResidents of Ho Chi Minh City will also benefit.\n",
            "house.yaml",
            &["(low)", "kind: place\n    vi: [Hồ Chí Minh]\n    en: [Ho Chi Minh City]", "also a person's name"],
            &["kind: person\n    vi: [Hồ Chí Minh]"],
        ),
    ];
    std::fs::write(dir.join("a.vi.txt"), vi).unwrap();
    for (en, glossary, wanted, unwanted) in cases {
        std::fs::write(dir.join("a.en.txt"), en).unwrap();
        let out = run_in(
            &dir,
            &[
                "glossary", "suggest", "-g", glossary, "a.vi.txt", "a.en.txt",
            ],
        );
        let shown = text(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        for w in wanted {
            assert!(shown.contains(w), "want {w:?} in\n{shown}");
        }
        for u in unwanted {
            assert!(!shown.contains(u), "do not want {u:?} in\n{shown}");
        }
    }
    for (value, ok) in [
        ("0", true),
        ("1", true),
        ("0.5", true),
        ("1.5", false),
        ("-0.1", false),
        ("NaN", false),
        ("high", false),
    ] {
        let out = run_in(
            &dir,
            &[
                "glossary",
                "suggest",
                "-g",
                "house.yaml",
                "--min-confidence",
                value,
                "a.vi.txt",
                "a.en.txt",
            ],
        );
        assert_eq!(
            out.status.code(),
            Some(if ok { 0 } else { 2 }),
            "--min-confidence {value}"
        );
    }
}
