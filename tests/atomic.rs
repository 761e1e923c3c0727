//! No data loss: every file transcheck writes (reports with `--output`,
//! baselines with `--write-baseline`, glossaries rewritten by `glossary fmt`,
//! `glossary add` and `glossary import`) is replaced atomically. Each test
//! makes the write fail for real — midway, through the file size limit of
//! the process (`ulimit -f`, with SIGXFSZ ignored so that the write returns
//! an error), or before it starts, in a directory the user cannot write —
//! and checks that the old file is intact, no temporary file is left and
//! the error is one line with exit code 2.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_transcheck");

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Runs transcheck in `dir` with writes to files limited to 1 KiB.
/// Configuration discovery stays on only where `dir` has its own
/// transcheck.yaml (the batch fixture), found before any parent's.
fn with_small_file_limit(dir: &Path, args: &[&str]) -> Output {
    let mut script = String::from("trap '' XFSZ; ulimit -f 1; exec \"$0\"");
    for i in 1..=args.len() {
        script.push_str(&format!(" \"${i}\""));
    }
    let own_config = dir.join("transcheck.yaml").exists();
    Command::new("bash")
        .env("TRANSCHECK_NO_CONFIG", if own_config { "0" } else { "1" })
        .arg("-c")
        .arg(script)
        .arg(BIN)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Runs transcheck in `dir` as an unprivileged user (root may write
/// anywhere).
fn unprivileged(dir: &Path, args: &[&str]) -> Output {
    let uid = Command::new("id").arg("-u").output().unwrap();
    let mut command = if String::from_utf8_lossy(&uid.stdout).trim() == "0" {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN]);
        c
    } else {
        Command::new(BIN)
    };
    command
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The write failed cleanly: exit 2, one line naming `file`, `file` still
/// holds `old`, and nothing but `expected` is in `dir`.
fn assert_intact(out: &Output, dir: &Path, file: &str, old: &[u8], expected: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("transcheck: {file}: ")),
        "{stderr}"
    );
    // The write itself failed, not some check before it.
    assert!(
        stderr.contains("cannot write")
            && (stderr.contains("File too large") || stderr.contains("Permission denied")),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read(dir.join(file)).unwrap(),
        old,
        "{file} changed"
    );
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(names, expected, "a temporary file was left behind");
}

/// A directory the unprivileged user can read, with the fixture pair.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    for name in ["eu-sanctions.vi.txt", "eu-sanctions.en.txt"] {
        std::fs::copy(fixtures().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

const PAIR: [&str; 2] = ["eu-sanctions.vi.txt", "eu-sanctions.en.txt"];

#[test]
fn a_report_that_fails_midway_leaves_the_old_one() {
    let dir = workspace();
    let old = b"<p>yesterday's report</p>\n";
    std::fs::write(dir.path().join("report.html"), old).unwrap();
    let mut args = vec!["check", "--no-config"];
    args.extend(PAIR);
    args.extend(["--format", "html", "-o", "report.html"]);
    let out = with_small_file_limit(dir.path(), &args);
    assert!(String::from_utf8_lossy(&out.stderr).contains("File too large"));
    let mut files = PAIR.to_vec();
    files.push("report.html");
    assert_intact(&out, dir.path(), "report.html", old, &files);
}

#[test]
fn a_report_into_a_read_only_directory_leaves_the_old_one() {
    let dir = workspace();
    let old = b"old report\n";
    std::fs::write(dir.path().join("report.json"), old).unwrap();
    set_mode(dir.path(), 0o555);
    let mut args = vec!["check", "--no-config"];
    args.extend(PAIR);
    args.extend(["--format", "json", "--output", "report.json"]);
    let out = unprivileged(dir.path(), &args);
    set_mode(dir.path(), 0o755);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Permission denied"));
    let mut files = PAIR.to_vec();
    files.push("report.json");
    assert_intact(&out, dir.path(), "report.json", old, &files);
}

#[test]
fn a_report_onto_a_directory_is_refused() {
    let dir = workspace();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/keep.txt"), "kept").unwrap();
    let mut args = vec!["check", "--no-config"];
    args.extend(PAIR);
    args.extend(["-o", "out"]);
    let out = with_small_file_limit(dir.path(), &args);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/keep.txt")).unwrap(),
        "kept"
    );
    let mut files = PAIR.to_vec();
    files.push("out");
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), files.len(), "{names:?}");
}

#[test]
fn a_baseline_that_fails_midway_leaves_the_old_one() {
    let dir = workspace();
    // The batch fixture has findings enough for a baseline over 1 KiB.
    let batch = fixtures().join("batch");
    let old = b"version: 1\nfindings: []\n";
    std::fs::write(dir.path().join("baseline.yaml"), old).unwrap();
    let baseline = dir.path().join("baseline.yaml");
    let out = with_small_file_limit(
        &batch,
        &["check", "--write-baseline", baseline.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(std::fs::read(&baseline).unwrap(), old);
    let mut files = PAIR.to_vec();
    files.push("baseline.yaml");
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    files.sort();
    assert_eq!(names, files);
}

/// A glossary of `n` entries in flow style (not canonical, so `fmt`
/// rewrites it) that is larger than 1 KiB once formatted.
fn glossary(n: usize) -> String {
    let mut text = String::from("languages: [vi, en]\nentries:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - {{id: e{i}, kind: term, vi: [thuật ngữ {i}], en: [term number {i}]}}\n"
        ));
    }
    text
}

#[test]
fn glossary_fmt_that_fails_midway_leaves_the_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let old = glossary(60);
    std::fs::write(dir.path().join("g.yaml"), &old).unwrap();
    let check = Command::new(BIN)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(["glossary", "fmt", "--check", "g.yaml"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        check.status.code(),
        Some(1),
        "the glossary must need formatting"
    );
    let out = with_small_file_limit(dir.path(), &["glossary", "fmt", "g.yaml"]);
    let left = files_in(dir.path());
    assert_intact(
        &out,
        dir.path(),
        "g.yaml",
        old.as_bytes(),
        &left_without_temp(&left),
    );
}

#[test]
fn glossary_add_that_fails_midway_leaves_the_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let old = glossary(60);
    std::fs::write(dir.path().join("g.yaml"), &old).unwrap();
    let out = with_small_file_limit(
        dir.path(),
        &[
            "glossary", "add", "g.yaml", "--id", "new", "--lang", "vi=mới", "--lang", "en=new",
        ],
    );
    let left = files_in(dir.path());
    assert_intact(
        &out,
        dir.path(),
        "g.yaml",
        old.as_bytes(),
        &left_without_temp(&left),
    );
}

#[test]
fn glossary_import_that_fails_midway_leaves_the_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let old = b"languages: [vi, en]\nentries: []\n";
    std::fs::write(dir.path().join("g.yaml"), old).unwrap();
    let mut csv = String::from("id,kind,vi,en\n");
    for i in 0..60 {
        csv.push_str(&format!("e{i},term,thuật ngữ {i},term number {i}\n"));
    }
    std::fs::write(dir.path().join("terms.csv"), csv).unwrap();
    let out = with_small_file_limit(
        dir.path(),
        &[
            "glossary",
            "import",
            "terms.csv",
            "--to",
            "g.yaml",
            "--force",
        ],
    );
    let left = files_in(dir.path());
    assert_intact(&out, dir.path(), "g.yaml", old, &left_without_temp(&left));
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// The names in a directory that are not temporary files; `assert_intact`
/// then fails if any temporary file is there. Lock files stay: they are
/// empty and meant to persist.
fn left_without_temp(names: &[String]) -> Vec<&str> {
    names
        .iter()
        .filter(|n| !n.ends_with(".tmp"))
        .map(String::as_str)
        .collect()
}
