//! Output paths (`-o`, `--write-baseline`, `glossary export -o`) respect
//! what they name: devices and FIFOs are written to, never replaced; links
//! are followed and kept; `-` is standard output; inputs of the same run,
//! read-only files and hard links are protected or reported; stale
//! temporary files of crashed runs are cleaned up; and a run that fails
//! changes nothing. Device nodes and FIFOs are made in a temporary
//! directory: no test touches the system's /dev.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_transcheck");

/// A temporary directory holding a pair with findings (a.vi.txt, a.en.txt)
/// and a glossary (g.yaml).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [
        ("eu-sanctions.vi.txt", "a.vi.txt"),
        ("eu-sanctions.en.txt", "a.en.txt"),
    ] {
        fs::copy(fixtures.join(from), dir.path().join(to)).unwrap();
    }
    fs::write(
        dir.path().join("g.yaml"),
        "languages: [vi, en]\nentries:\n  - id: eu\n    kind: organization\n    vi: Liên minh châu Âu\n    en: European Union\n",
    )
    .unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn check(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--no-config", "a.vi.txt", "a.en.txt"];
    args.extend_from_slice(extra);
    run(dir, &args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn mknod(path: &Path, major: u32, minor: u32) {
    let status = Command::new("mknod")
        .arg(path)
        .args(["c", &major.to_string(), &minor.to_string()])
        .status()
        .unwrap();
    assert!(status.success(), "mknod (the tests run as root)");
}

fn is_char_device(path: &Path) -> bool {
    fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_char_device()
}

/// The null and full devices (1:3 and 1:7 on Linux), made in the temporary
/// directory.
#[test]
fn a_character_device_is_written_to_not_replaced() {
    let dir = workspace();
    let null = dir.path().join("null");
    mknod(&null, 1, 3);
    let out = check(dir.path(), &["-o", "null"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert!(is_char_device(&null), "the device was replaced");

    let full = dir.path().join("full");
    mknod(&full, 1, 7);
    let out = check(dir.path(), &["-o", "full"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("full: cannot write"),
        "{}",
        stderr(&out)
    );
    assert!(is_char_device(&full), "the device was replaced");

    // A baseline to the null device as well.
    let out = check(dir.path(), &["--write-baseline", "null", "-o", "-"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(is_char_device(&null));
}

#[test]
fn a_fifo_is_written_to_not_replaced() {
    let dir = workspace();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // The reader is a process, so that it can be stopped when the FIFO
    // was replaced and nothing will ever reach it.
    let mut reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = check(dir.path(), &["-o", "pipe", "--format", "json"]);
    let started = std::time::Instant::now();
    while reader.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(10) {
            reader.kill().unwrap();
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let received = reader.wait_with_output().unwrap().stdout;
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let received = String::from_utf8_lossy(&received);
    assert!(received.contains("\"pairs\""), "{received}");
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn a_fifo_nobody_reads_is_an_error_not_a_hang() {
    let dir = workspace();
    assert!(Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .unwrap()
        .success());
    let out = check(dir.path(), &["-o", "pipe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no reader"), "{}", stderr(&out));
}

/// `/dev/stdout` is a link to `/proc/self/fd/1`; a link of our own to the
/// same place stands in for it.
#[test]
fn a_link_to_standard_output_writes_to_standard_output() {
    let dir = workspace();
    let link = dir.path().join("stdout");
    std::os::unix::fs::symlink("/proc/self/fd/1", &link).unwrap();
    let out = check(dir.path(), &["-o", "stdout", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"pairs\""));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("/proc/self/fd/1"));
}

#[test]
fn a_dash_is_standard_output() {
    let dir = workspace();
    let out = check(dir.path(), &["-o", "-", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"pairs\""));
    assert!(!dir.path().join("-").exists());
    let out = run(
        dir.path(),
        &["glossary", "export", "g.yaml", "--to", "csv", "-o", "-"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("European Union"));
}

#[test]
fn links_are_followed_and_kept_even_dangling_ones() {
    let dir = workspace();
    fs::create_dir(dir.path().join("reports")).unwrap();
    let link = dir.path().join("latest");
    std::os::unix::fs::symlink("reports/r.json", &link).unwrap();
    let out = check(dir.path(), &["-o", "latest", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(dir.path().join("reports/r.json")).unwrap();
    assert!(written.contains("\"pairs\""));
    // Once the target exists, it is replaced and the link still stays.
    let out = check(dir.path(), &["-o", "latest", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let written = fs::read_to_string(dir.path().join("reports/r.json")).unwrap();
    assert!(!written.contains("\"pairs\""), "{written}");
}

#[test]
fn an_input_of_the_same_run_is_never_overwritten_without_force() {
    let dir = workspace();
    let source = fs::read(dir.path().join("a.vi.txt")).unwrap();
    let target = fs::read(dir.path().join("a.en.txt")).unwrap();
    let glossary = fs::read(dir.path().join("g.yaml")).unwrap();
    let refused = |out: Output, path: &str| {
        assert_eq!(out.status.code(), Some(2), "{path}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("input of this run"), "{err}");
        assert!(err.contains("--force"), "{err}");
    };
    refused(check(dir.path(), &["-o", "a.en.txt"]), "-o");
    refused(
        check(dir.path(), &["--write-baseline", "a.vi.txt"]),
        "--write-baseline",
    );
    refused(check(dir.path(), &["-g", "g.yaml", "-o", "g.yaml"]), "-g");
    // Through another name (a link) it is the same file.
    std::os::unix::fs::symlink("a.en.txt", dir.path().join("alias")).unwrap();
    refused(check(dir.path(), &["-o", "alias"]), "link");
    refused(
        run(
            dir.path(),
            &[
                "glossary", "export", "g.yaml", "--to", "csv", "-o", "g.yaml",
            ],
        ),
        "export",
    );
    assert_eq!(fs::read(dir.path().join("a.vi.txt")).unwrap(), source);
    assert_eq!(fs::read(dir.path().join("a.en.txt")).unwrap(), target);
    assert_eq!(fs::read(dir.path().join("g.yaml")).unwrap(), glossary);

    let out = run(
        dir.path(),
        &[
            "glossary", "export", "g.yaml", "--to", "csv", "-o", "g.yaml", "--force",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(fs::read_to_string(dir.path().join("g.yaml"))
        .unwrap()
        .contains("European Union"));
}

#[test]
fn a_replaced_file_keeps_owner_group_and_mode() {
    let dir = workspace();
    let report = dir.path().join("report.txt");
    fs::write(&report, "old").unwrap();
    std::os::unix::fs::chown(&report, Some(1234), Some(5678)).unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).unwrap();
    let out = check(dir.path(), &["-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let meta = fs::metadata(&report).unwrap();
    assert_ne!(fs::read_to_string(&report).unwrap(), "old");
    assert_eq!((meta.uid(), meta.gid()), (1234, 5678));
    assert_eq!(meta.mode() & 0o7777, 0o640);
}

#[test]
fn a_read_only_file_is_refused_unless_forced() {
    let dir = workspace();
    let report = dir.path().join("report.txt");
    fs::write(&report, "old").unwrap();
    fs::set_permissions(&report, fs::Permissions::from_mode(0o444)).unwrap();
    let out = check(dir.path(), &["-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&report).unwrap(), "old");
    let out = check(dir.path(), &["-o", "report.txt", "--force"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_ne!(fs::read_to_string(&report).unwrap(), "old");
    assert_eq!(fs::metadata(&report).unwrap().mode() & 0o777, 0o444);
}

#[test]
fn splitting_a_hard_link_is_reported() {
    let dir = workspace();
    let report = dir.path().join("report.txt");
    fs::write(&report, "old").unwrap();
    fs::hard_link(&report, dir.path().join("other-name.txt")).unwrap();
    let out = check(dir.path(), &["-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("2 hard links"), "{err}");
    assert!(err.contains("other name keep"), "{err}");
    assert_eq!(
        fs::read_to_string(dir.path().join("other-name.txt")).unwrap(),
        "old"
    );
}

#[test]
fn stale_temporary_files_of_dead_runs_are_removed() {
    let dir = workspace();
    let mut gone = Command::new("true").spawn().unwrap();
    let dead = gone.id();
    gone.wait().unwrap();
    let stale = format!(".report.txt.{dead}.0.tmp");
    // A live process (this test) may be writing its own right now.
    let live = format!(".report.txt.{}.0.tmp", std::process::id());
    // Not ours at all: another name, or not a PID.
    let foreign = [".report.txt.backup.tmp", ".other.txt.1.0.tmp"];
    for name in [stale.as_str(), live.as_str()].iter().chain(&foreign) {
        fs::write(dir.path().join(name), "partial").unwrap();
    }
    let out = check(dir.path(), &["-o", "report.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!dir.path().join(&stale).exists());
    assert!(dir.path().join(&live).exists());
    for name in foreign {
        assert!(dir.path().join(name).exists(), "{name}");
    }
    // The glossary commands' writes clean up the same way (a killed
    // `glossary add` left a full-size copy of the glossary behind).
    let stale = format!(".g.yaml.{dead}.0.tmp");
    fs::write(dir.path().join(&stale), "partial").unwrap();
    let out = run(
        dir.path(),
        &[
            "glossary",
            "add",
            "g.yaml",
            "--lang",
            "vi=Hà Lan",
            "--lang",
            "en=the Netherlands",
            "--kind",
            "place",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join(&stale).exists());
}

/// The report cannot be written (a full device): the baseline of the same
/// run must not have been rewritten either.
#[test]
fn a_run_that_fails_changes_nothing() {
    let dir = workspace();
    mknod(&dir.path().join("full"), 1, 7);
    let baseline = dir.path().join("b.yaml");
    fs::write(&baseline, "old baseline").unwrap();
    let out = check(dir.path(), &["--write-baseline", "b.yaml", "-o", "full"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&baseline).unwrap(), "old baseline");
    // A report that cannot even be staged (its directory is a file).
    fs::write(dir.path().join("not-a-dir"), "").unwrap();
    let out = check(
        dir.path(),
        &["--write-baseline", "b.yaml", "-o", "not-a-dir/r.txt"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&baseline).unwrap(), "old baseline");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

#[test]
fn report_and_baseline_cannot_be_the_same_file() {
    let dir = workspace();
    let out = check(dir.path(), &["--write-baseline", "r.yaml", "-o", "r.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("same file"), "{}", stderr(&out));
    assert!(!dir.path().join("r.yaml").exists());
    let out = check(dir.path(), &["--write-baseline", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard output"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}
