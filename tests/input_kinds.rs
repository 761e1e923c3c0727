//! Every input (article, glossary, configuration, baseline, exchange file)
//! gets the same file-type checks: a device is refused unread, a FIFO
//! without a writer is an error after a bounded wait (never a hang), a FIFO
//! with one is read. And `-j` / `jobs:` are capped at a few threads per
//! core. Device nodes and FIFOs are made in a temporary directory.
#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_transcheck");

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [
        ("eu-sanctions.vi.txt", "a.vi.txt"),
        ("eu-sanctions.en.txt", "a.en.txt"),
    ] {
        fs::copy(fixtures.join(from), dir.path().join(to)).unwrap();
    }
    // The zero device (1:5): endless NUL bytes if anyone read it.
    let status = Command::new("mknod")
        .arg(dir.path().join("zero"))
        .args(["c", "1", "5"])
        .status()
        .unwrap();
    assert!(status.success(), "mknod (the tests run as root)");
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("fifo"))
        .status()
        .unwrap()
        .success());
    dir
}

/// Runs transcheck in `dir`; a run still going after 60 s is killed and
/// fails the test (a hang).
fn run(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("transcheck {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

fn refused(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(needle), "{stderr}");
}

#[test]
fn a_device_is_refused_unread_as_any_input() {
    let dir = workspace();
    let d = dir.path();
    let pair = ["check", "--no-config", "a.vi.txt", "a.en.txt"];
    let with = |extra: &[&'static str]| [&pair[..], extra].concat();
    let cases: Vec<Vec<&str>> = vec![
        vec!["check", "--no-config", "zero", "a.en.txt"],
        with(&["-g", "zero"]),
        with(&["--baseline", "zero"]),
        vec!["check", "--config", "zero", "a.vi.txt", "a.en.txt"],
        vec!["glossary", "lint", "zero"],
        vec!["glossary", "stats", "zero"],
        vec![
            "glossary", "import", "zero", "--from", "csv", "--to", "g.yaml",
        ],
    ];
    for args in cases {
        let started = Instant::now();
        let out = run(d, &args);
        refused(&out, "zero: cannot read: is a character device");
        // Refused before reading: not 256 MiB of zeros first.
        assert!(started.elapsed() < Duration::from_secs(20), "{args:?}");
    }
}

#[test]
fn a_fifo_without_a_writer_is_an_error_not_a_hang() {
    let dir = workspace();
    let d = dir.path();
    for args in [
        vec!["check", "--no-config", "a.vi.txt", "fifo"],
        vec!["check", "--no-config", "a.vi.txt", "a.en.txt", "-g", "fifo"],
        vec!["glossary", "lint", "fifo"],
    ] {
        refused(
            &run(d, &args),
            "fifo: cannot read: named pipe with no writer",
        );
    }
}

#[test]
fn a_fifo_with_a_writer_is_read() {
    let dir = workspace();
    let text = fs::read(dir.path().join("a.en.txt")).unwrap();
    let fifo = dir.path().join("fifo");
    let writer = std::thread::spawn(move || fs::write(fifo, text).unwrap());
    let out = run(
        dir.path(),
        &["check", "--no-config", "a.vi.txt", "fifo", "--to", "en"],
    );
    writer.join().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("number.mismatch"), "{stdout}");
}

/// Jobs beyond 4 per core are capped with a note, from the command line
/// and from the configuration; the check finishes as with the default.
#[test]
fn jobs_are_capped_at_a_few_per_core() {
    let batch = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch");
    let config = batch.join("transcheck.yaml").display().to_string();
    let out = run(
        &batch,
        &[
            "check", "--config", &config, "-j", "65535", "--format", "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("65535 parallel jobs requested; using "),
        "{stderr}"
    );
    let dir = tempfile::tempdir().unwrap();
    let local = dir.path().join("transcheck.yaml");
    fs::write(
        &local,
        format!(
            "source: {0}/vi\ntarget: {0}/en\nglossaries: [{0}/glossary.yaml]\njobs: 100000\n",
            batch.display()
        ),
    )
    .unwrap();
    let out = run(
        &batch,
        &[
            "check",
            "--config",
            &local.display().to_string(),
            "--format",
            "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() != Some(2), "{stderr}");
    assert!(
        stderr.contains("100000 parallel jobs requested; using "),
        "{stderr}"
    );
}
