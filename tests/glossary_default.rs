//! `default` names the embedded vi-en glossary in every command that takes
//! a glossary, as it does in `check`; the commands that rewrite a glossary
//! say that the embedded one cannot be rewritten.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .args(args)
        .current_dir(dir)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .output()
        .unwrap()
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An empty directory, so that a file named `default` could not be what
/// is read.
fn empty() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn default_works_wherever_a_glossary_is_read() {
    let dir = empty();
    let d = dir.path();
    let (implicit, _) = text(&run(d, &["glossary", "stats"]));
    let out = run(d, &["glossary", "stats", "default"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stdout, implicit);

    let out = run(d, &["glossary", "lint", "default"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("vi-en.yaml (embedded)"), "{stdout}");

    let out = run(d, &["glossary", "export", "default", "--to", "csv"]);
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stdout.lines().count() > 100, "{stdout}");

    let out = run(d, &["glossary", "export", "default", "--to", "tbx"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out).1);

    std::fs::write(d.join("a.vi.txt"), "Bộ Ngoại giao Việt Nam ra thông báo.\n").unwrap();
    std::fs::write(
        d.join("a.en.txt"),
        "Vietnam's Foreign Ministry issued a notice.\n",
    )
    .unwrap();
    let out = run(
        d,
        &[
            "glossary", "suggest", "a.vi.txt", "a.en.txt", "-g", "default",
        ],
    );
    let (stdout, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    let out = run(d, &["glossary", "suggest", "a.vi.txt", "a.en.txt"]);
    assert_eq!(text(&out).0, stdout, "-g default is the default");
}

#[test]
fn the_embedded_glossary_cannot_be_rewritten() {
    let dir = empty();
    let d = dir.path();
    for args in [
        vec!["glossary", "fmt", "default"],
        vec![
            "glossary", "add", "default", "--lang", "vi=A", "--lang", "en=B",
        ],
    ] {
        let out = run(d, &args);
        let (_, stderr) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr.contains("embedded glossary"), "{stderr}");
        assert!(!d.join("default").exists());
    }
}
