//! The bad-input matrix: every kind of broken or hostile input, run through
//! the binary as a user would. Each case either gets a correct report or a
//! one-line error naming the file (and position) with exit code 2 — never a
//! panic, a hang or a partial report. The outcome of each case is a
//! snapshot in `snapshots/matrix.*.snap`; the cases run in a temporary
//! directory with relative paths so that messages are the same everywhere.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_transcheck");

/// A scratch directory the unprivileged user of [`as_unprivileged`] can
/// enter too.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    dir
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs the binary")
}

/// `check --no-config SOURCE TARGET` plus `extra`, in `dir`.
fn check_in(dir: &Path, source: &str, target: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--no-config", source, target];
    args.extend_from_slice(extra);
    run_in(dir, &args)
}

/// Exit code, stderr and stdout, as a snapshot shows them.
fn outcome(out: &Output) -> String {
    format!(
        "exit: {:?}\nstderr: {}\nstdout:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    )
}

fn snapshot(name: &str, text: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("matrix.{name}"), text));
}

/// A refusal: exit 2, nothing on stdout, exactly one line on stderr that
/// starts with `transcheck: ` and names `file`.
fn assert_refused(out: &Output, file: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{}", outcome(out));
    assert!(out.stdout.is_empty(), "{}", outcome(out));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("transcheck: {file}")),
        "{stderr}"
    );
}

/// A report: exit 0 or 1 and nothing on stderr.
fn assert_checked(out: &Output) {
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", outcome(out));
    assert!(out.stderr.is_empty(), "{}", outcome(out));
}

const VI: &str =
    "Hà Nội đón 25.000 du khách.\nBộ trưởng Ngoại giao gặp Tổng thư ký Liên Hợp Quốc.\n";
const EN: &str =
    "Hanoi welcomed 25,000 visitors.\nThe foreign minister met the UN Secretary-General.\n";

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn empty_files() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", "");
    write(dir.path(), "a.en.txt", "");
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "json"]);
    assert_checked(&out);
    snapshot("empty-files", &outcome(&out));
}

#[test]
fn whitespace_only() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", " \n\t\r\n\u{3000}\u{200B}\n\n");
    write(dir.path(), "a.en.txt", "\n\n   \n");
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "json"]);
    assert_checked(&out);
    snapshot("whitespace-only", &outcome(&out));
}

#[test]
fn one_side_empty() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", "");
    write(dir.path(), "b.vi.txt", "");
    write(dir.path(), "b.en.txt", EN);
    let missing = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "json"]);
    let extra = check_in(dir.path(), "b.vi.txt", "b.en.txt", &["--format", "json"]);
    assert_eq!(missing.status.code(), Some(1), "{}", outcome(&missing));
    // An empty (or blank) source against a full translation is one error;
    // its look-alike, a source of one paragraph, is not that error.
    assert_eq!(extra.status.code(), Some(1), "{}", outcome(&extra));
    write(dir.path(), "c.vi.txt", " \n\u{200B}\n");
    write(dir.path(), "d.vi.txt", VI.lines().next().unwrap());
    for (source, empty) in [("b.vi.txt", true), ("c.vi.txt", true), ("d.vi.txt", false)] {
        let out = check_in(dir.path(), source, "b.en.txt", &["--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let rules: Vec<&str> = report["pairs"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap())
            .collect();
        assert_eq!(
            rules.contains(&"segment.empty-source"),
            empty,
            "{source}: {rules:?}"
        );
        if empty {
            assert_eq!(rules, ["segment.empty-source"], "{source}");
        }
    }
    snapshot(
        "one-side-empty",
        &format!(
            "translation empty: {}\nsource empty: {}",
            outcome(&missing),
            outcome(&extra)
        ),
    );
}

#[test]
fn eighty_megabyte_single_line_is_refused_by_the_size_limit() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let line = "Hanoi welcomed 25,000 visitors. ".repeat(80 * 1024 * 1024 / 32);
    write(dir.path(), "a.en.txt", line);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.en.txt");
    snapshot("eighty-megabyte-line", &outcome(&out));
}

#[test]
fn a_long_single_line_is_checked_with_exact_positions() {
    let dir = scratch();
    // Every sentence has a number the translation gets wrong, so findings
    // sit all along one very long line.
    let n = 4096;
    let vi: String = (0..n)
        .map(|i| format!("Có {i}.000 người đến Hà Nội. "))
        .collect();
    let en: String = (0..n)
        .map(|i| format!("{i}00 people came to Hanoi. "))
        .collect();
    write(dir.path(), "a.vi.txt", &vi);
    write(dir.path(), "a.en.txt", &en);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "json"]);
    assert_checked(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["pairs"][0]["findings"].as_array().unwrap();
    assert!(findings.len() > 1000, "{} findings", findings.len());
    let chars: Vec<char> = en.chars().collect();
    for f in findings {
        let t = &f["target"];
        if t.is_null() {
            continue;
        }
        assert_eq!(t["line"], 1);
        let (col, end) = (
            t["column"].as_u64().unwrap() as usize,
            t["end_column"].as_u64().unwrap() as usize,
        );
        let quoted: String = chars[col - 1..end - 1].iter().collect();
        assert_eq!(quoted, t["text"].as_str().unwrap());
    }
    // The formats that show context cut the line around each span instead
    // of repeating the whole line per finding (5 GB of SARIF, once): a few
    // thousand characters of context per finding at most.
    for format in ["human", "sarif"] {
        let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", format]);
        assert_checked(&out);
        assert!(
            out.stdout.len() < findings.len() * 64 * 1024,
            "{format}: {} bytes for {} findings",
            out.stdout.len(),
            findings.len()
        );
    }
}

#[test]
fn more_lines_than_the_old_limit_are_checked() {
    // There is no line limit any more (issue 14; it was 200,000): 300,000
    // paragraphs against two are checked, the surplus reported as missing.
    // The million-line figures are benches (BENCHMARKS.md, *Scaling*).
    let dir = scratch();
    write(dir.path(), "a.vi.txt", "từ\n".repeat(300_000));
    write(dir.path(), "a.en.txt", EN);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "jsonl"]);
    assert_checked(&out);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("\"rule\":\"segment.missing\""),
        "{report:.2000}"
    );
}

#[test]
fn many_lines_within_the_limit_are_checked() {
    let dir = scratch();
    // Different counts: the banded alignment, which once allocated a cell
    // for every pair of paragraphs (21 GB here).
    let vi: String = (0..30_000).map(|i| format!("Dòng {i}.\n")).collect();
    let en: String = (0..29_990).map(|i| format!("Line {i}.\n")).collect();
    write(dir.path(), "a.vi.txt", vi);
    write(dir.path(), "a.en.txt", en);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "jsonl"]);
    assert_checked(&out);
    assert!(!out.stdout.is_empty());
}

#[test]
fn nul_bytes() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(
        dir.path(),
        "a.en.txt",
        b"Hanoi welcomed\0 25,000 visitors.\n",
    );
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.en.txt");
    snapshot("nul-bytes", &outcome(&out));
}

#[test]
fn binary_file() {
    let dir = scratch();
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    write(dir.path(), "a.vi.txt", png);
    write(dir.path(), "a.en.txt", EN);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.vi.txt");
    snapshot("binary-file", &outcome(&out));
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let mut latin1 = b"Hanoi welcomed 25,000 visitors.\nThe caf".to_vec();
    latin1.extend(b"\xE9 was full.\n");
    write(dir.path(), "a.en.txt", &latin1);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.en.txt");
    assert!(String::from_utf8_lossy(&out.stderr).contains("byte offset 39"));
    snapshot("invalid-utf8", &outcome(&out));
}

#[test]
fn utf16_with_a_bom_is_checked_like_utf8() {
    let dir = scratch();
    let vi = std::fs::read_to_string("tests/fixtures/eu-sanctions.vi.txt").unwrap();
    let en = std::fs::read_to_string("tests/fixtures/eu-sanctions.en.txt").unwrap();
    write(dir.path(), "utf8.vi.txt", &vi);
    write(dir.path(), "utf8.en.txt", &en);
    let utf8 = check_in(
        dir.path(),
        "utf8.vi.txt",
        "utf8.en.txt",
        &["--format", "json"],
    );
    assert_eq!(utf8.status.code(), Some(1), "{}", outcome(&utf8));
    let expected = String::from_utf8_lossy(&utf8.stdout).replace("utf8.", "x.");
    for (name, big_endian) in [("le", false), ("be", true)] {
        write(
            dir.path(),
            &format!("{name}.vi.txt"),
            utf16(&vi, big_endian, true),
        );
        write(
            dir.path(),
            &format!("{name}.en.txt"),
            utf16(&en, big_endian, true),
        );
        let out = check_in(
            dir.path(),
            &format!("{name}.vi.txt"),
            &format!("{name}.en.txt"),
            &["--format", "json"],
        );
        assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));
        let got = String::from_utf8_lossy(&out.stdout).replace(&format!("{name}."), "x.");
        assert_eq!(got, expected, "UTF-16{name}");
    }
    snapshot("utf16-with-bom", &outcome(&utf8));
}

#[test]
fn utf16_without_a_bom_is_refused() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", utf16(EN, false, false));
    write(dir.path(), "b.en.txt", utf16(EN, true, false));
    let le = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    let be = check_in(dir.path(), "a.vi.txt", "b.en.txt", &[]);
    assert_refused(&le, "a.en.txt");
    assert_refused(&be, "b.en.txt");
    snapshot(
        "utf16-without-bom",
        &format!("{}{}", outcome(&le), outcome(&be)),
    );
}

#[test]
fn truncated_utf16_is_refused() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let mut half = utf16(EN, false, true);
    half.pop();
    write(dir.path(), "a.en.txt", half);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.en.txt");
    snapshot("truncated-utf16", &outcome(&out));
}

#[test]
fn mixed_line_endings_keep_positions() {
    let dir = scratch();
    let vi = std::fs::read_to_string("tests/fixtures/eu-sanctions.vi.txt").unwrap();
    let en = std::fs::read_to_string("tests/fixtures/eu-sanctions.en.txt").unwrap();
    // Every line ending in turn LF, CRLF, CR.
    let mixed = |text: &str| -> String {
        text.split('\n')
            .enumerate()
            .map(|(i, line)| {
                let end = ["\n", "\r\n", "\r"][i % 3];
                format!("{line}{end}")
            })
            .collect()
    };
    write(dir.path(), "lf.vi.txt", &vi);
    write(dir.path(), "lf.en.txt", &en);
    write(dir.path(), "mixed.vi.txt", mixed(&vi));
    write(dir.path(), "mixed.en.txt", mixed(&en));
    let lf = check_in(dir.path(), "lf.vi.txt", "lf.en.txt", &["--format", "json"]);
    let out = check_in(
        dir.path(),
        "mixed.vi.txt",
        "mixed.en.txt",
        &["--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace("mixed.", "x."),
        String::from_utf8_lossy(&lf.stdout).replace("lf.", "x.")
    );
}

#[test]
fn invisible_bidi_combining_and_emoji_characters() {
    let dir = scratch();
    let flood = format!("a{}", "\u{0301}".repeat(100_000));
    let vi = format!(
        "Hà\u{200B} Nội đón 25.000 du khách 🎉.\n\
         \u{202E}Bộ trưởng\u{202C} Ngoại giao gặp Tổng thư ký Liên Hợp Quốc.\n\
         {flood}\n"
    );
    let en = format!(
        "🎉 Ha\u{200D}noi welcomed 2,500 visitors 👨‍👩‍👧.\n\
         The \u{2066}foreign minister\u{2069} met the UN Secretary-General.\n\
         {flood}\n"
    );
    write(dir.path(), "a.vi.txt", vi);
    write(dir.path(), "a.en.txt", en);
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["--format", "json"]);
    assert_checked(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    // The wrong number is found, its columns counted in characters past
    // the emoji and the joiner.
    let report: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        report["pairs"][0]["findings"][0]["target"]["column"], 19,
        "{text}"
    );
    snapshot(
        "invisible-characters",
        &text.replace(&flood, "a+COMBINING×100000"),
    );
}

#[test]
fn a_directory_where_a_file_is_expected() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    std::fs::create_dir(dir.path().join("en")).unwrap();
    let out = check_in(dir.path(), "a.vi.txt", "en", &[]);
    assert_refused(&out, "en");
    snapshot("directory", &outcome(&out));
}

#[test]
fn a_missing_file() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let out = check_in(dir.path(), "a.vi.txt", "nowhere.en.txt", &[]);
    assert_refused(&out, "nowhere.en.txt");
    snapshot("missing", &outcome(&out));
}

/// Runs `args` in `dir` as an unprivileged user when this is root (to
/// whom every file is readable), else as is.
fn as_unprivileged(dir: &Path, args: &[&str]) -> Output {
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

#[test]
fn an_unreadable_file() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let secret = write(dir.path(), "a.en.txt", EN);
    set_mode(&secret, 0o000);
    let out = as_unprivileged(
        dir.path(),
        &["check", "--no-config", "a.vi.txt", "a.en.txt"],
    );
    assert_refused(&out, "a.en.txt");
    snapshot("unreadable", &outcome(&out));
}

#[test]
fn symlink_loops_and_dangling_links_in_batch_mode() {
    let dir = scratch();
    write(dir.path(), "vi/a.txt", VI);
    write(dir.path(), "en/a.txt", EN);
    std::os::unix::fs::symlink("b.txt", dir.path().join("en/c.txt")).unwrap();
    std::os::unix::fs::symlink("c.txt", dir.path().join("en/b.txt")).unwrap();
    let looped = check_in(dir.path(), "vi", "en", &[]);
    assert_refused(&looped, "en/b.txt");
    std::fs::remove_file(dir.path().join("en/c.txt")).unwrap();
    let dangling = check_in(dir.path(), "vi", "en", &[]);
    assert_refused(&dangling, "en/b.txt");
    // A directory link back up is not followed: no endless walk.
    std::fs::remove_file(dir.path().join("en/b.txt")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("en/up")).unwrap();
    let up = check_in(dir.path(), "vi", "en", &["--format", "json"]);
    assert_checked(&up);
    snapshot(
        "symlinks-in-batch",
        &format!("{}{}{}", outcome(&looped), outcome(&dangling), outcome(&up)),
    );
}

#[test]
fn a_symlink_loop_given_as_a_file() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    std::os::unix::fs::symlink("b.en.txt", dir.path().join("a.en.txt")).unwrap();
    std::os::unix::fs::symlink("a.en.txt", dir.path().join("b.en.txt")).unwrap();
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &[]);
    assert_refused(&out, "a.en.txt");
    snapshot("symlink-loop", &outcome(&out));
}

/// Runs `args` with standard output a pipe whose reading end is already
/// closed, as when `| head -1` has exited, and standard error too when
/// `close_stderr`.
fn with_closed_pipe(dir: &Path, args: &[&str], close_stderr: bool) -> Output {
    let mut child = Command::new(BIN)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stderr = Vec::new();
    if close_stderr {
        drop(child.stderr.take());
    } else if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_end(&mut stderr).unwrap();
    }
    let status = child.wait().unwrap();
    Output {
        status,
        stdout: Vec::new(),
        stderr,
    }
}

#[test]
fn a_closed_pipe_ends_quietly_in_every_format_and_command() {
    let dir = scratch();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let vi = fixtures.join("eu-sanctions.vi.txt");
    let en = fixtures.join("eu-sanctions.en.txt");
    let batch = fixtures.join("batch");
    let (vi, en, batch) = (
        vi.to_str().unwrap(),
        en.to_str().unwrap(),
        batch.to_str().unwrap(),
    );
    let formats = [
        "human", "json", "jsonl", "sarif", "github", "junit", "markdown", "html",
    ];
    let mut runs: Vec<(Vec<&str>, i32)> = Vec::new();
    for format in formats {
        runs.push((vec!["check", "--no-config", vi, en, "--format", format], 1));
        runs.push((
            vec!["check", "--config", "transcheck.yaml", "--format", format],
            1,
        ));
    }
    runs.push((vec!["completions", "bash"], 0));
    runs.push((vec!["man"], 0));
    runs.push((vec!["--help"], 0));
    for (args, code) in runs {
        let args: Vec<&str> = args;
        let cwd = if args.contains(&"transcheck.yaml") {
            Path::new(batch)
        } else {
            dir.path()
        };
        for close_stderr in [false, true] {
            let out = with_closed_pipe(cwd, &args, close_stderr);
            assert_eq!(out.status.code(), Some(code), "{args:?}: {}", outcome(&out));
            assert!(out.stderr.is_empty(), "{args:?}: {}", outcome(&out));
        }
    }
    // An error with standard error closed still exits 2, not with a panic.
    let out = with_closed_pipe(
        dir.path(),
        &["check", "--no-config", "no.vi", "no.en"],
        true,
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn head_dash_one_exits_quietly() {
    let dir = scratch();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let script = format!(
        "{BIN} check --no-config {0}/eu-sanctions.vi.txt {0}/eu-sanctions.en.txt --format html | head -1; \
         echo \"exit ${{PIPESTATUS[0]}}\"",
        fixtures.display()
    );
    let out = Command::new("bash")
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(["-c", &script])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "<!DOCTYPE html>\nexit 1\n"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `check` with glossary `name` whose content is `yaml`.
fn with_glossary(name: &str, yaml: impl AsRef<[u8]>) -> Output {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", EN);
    write(dir.path(), name, yaml);
    check_in(dir.path(), "a.vi.txt", "a.en.txt", &["-g", name])
}

#[test]
fn glossary_empty() {
    let out = with_glossary("empty.yaml", "");
    assert_refused(&out, "empty.yaml");
    let comments = with_glossary("comments.yaml", "# nothing yet\n");
    assert_refused(&comments, "comments.yaml");
    snapshot(
        "glossary-empty",
        &format!("{}{}", outcome(&out), outcome(&comments)),
    );
}

#[test]
fn glossary_not_a_mapping() {
    let list = with_glossary("list.yaml", "- vi: Hà Nội\n  en: Hanoi\n");
    let scalar = with_glossary("scalar.yaml", "just some text\n");
    assert_refused(&list, "list.yaml");
    assert_refused(&scalar, "scalar.yaml");
    snapshot(
        "glossary-not-a-mapping",
        &format!("{}{}", outcome(&list), outcome(&scalar)),
    );
}

#[test]
fn glossary_alias_bomb() {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        yaml.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let out = with_glossary("lol.yaml", yaml);
    assert_refused(&out, "lol.yaml");
    snapshot("glossary-alias-bomb", &outcome(&out));
}

#[test]
fn glossary_nested_ten_thousand_deep() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let flow = with_glossary("deep.yaml", &deep);
    let block: String = (0..10_000)
        .map(|i| format!("{}k:\n", " ".repeat(i)))
        .collect();
    let indented = with_glossary("indented.yaml", block);
    assert_refused(&flow, "deep.yaml");
    assert_refused(&indented, "indented.yaml");
    snapshot(
        "glossary-deep",
        &format!("{}{}", outcome(&flow), outcome(&indented)),
    );
}

#[test]
fn glossary_with_a_million_entries() {
    let mut yaml = String::from("languages: [vi, en]\nentries:\n");
    for _ in 0..1_000_000 {
        yaml.push_str("- {vi: a, en: b}\n");
    }
    let out = with_glossary("huge.yaml", yaml);
    assert_refused(&out, "huge.yaml");
    snapshot("glossary-million-entries", &outcome(&out));
}

#[test]
fn glossary_larger_than_the_file_limit() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", EN);
    // Sparse: takes no disk space, and is never read whole.
    let file = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
    file.set_len(256 * 1024 * 1024 + 1).unwrap();
    let out = check_in(dir.path(), "a.vi.txt", "a.en.txt", &["-g", "big.yaml"]);
    assert_refused(&out, "big.yaml");
    snapshot("glossary-too-large", &outcome(&out));
}

#[test]
fn glossary_duplicate_keys() {
    let top = with_glossary(
        "top.yaml",
        "languages: [vi, en]\nlanguages: [vi, fr]\nentries: []\n",
    );
    let entry = with_glossary(
        "entry.yaml",
        "languages: [vi, en]\nentries:\n  - vi: Hà Nội\n    en: Hanoi\n    en: Ha Noi\n",
    );
    assert_refused(&top, "top.yaml");
    assert_refused(&entry, "entry.yaml");
    snapshot(
        "glossary-duplicate-keys",
        &format!("{}{}", outcome(&top), outcome(&entry)),
    );
}

#[test]
fn glossary_wrong_types() {
    let cases = [
        ("languages.yaml", "languages: vi\nentries: []\n"),
        ("entries.yaml", "languages: [vi, en]\nentries: {vi: a}\n"),
        ("entry.yaml", "languages: [vi, en]\nentries:\n  - Hà Nội\n"),
        (
            "form.yaml",
            "languages: [vi, en]\nentries:\n  - vi: {a: b}\n    en: x\n",
        ),
        (
            "kind.yaml",
            "languages: [vi, en]\nentries:\n  - vi: a\n    en: b\n    kind: [place]\n",
        ),
        (
            "case.yaml",
            "languages: [vi, en]\nentries:\n  - vi: a\n    en: b\n    case: [yes]\n",
        ),
        (
            "fuzzy.yaml",
            "languages: [vi, en]\nentries:\n  - vi: a\n    en: b\n    fuzzy: maybe\n",
        ),
    ];
    let mut all = String::new();
    for (name, yaml) in cases {
        let out = with_glossary(name, yaml);
        assert_refused(&out, name);
        all.push_str(&outcome(&out));
    }
    snapshot("glossary-wrong-types", &all);
}

#[test]
fn glossary_binary_and_bad_encoding() {
    let binary = with_glossary("bin.yaml", b"languages: [vi, en]\0\n");
    let latin1 = with_glossary(
        "latin1.yaml",
        b"languages: [vi, en]\nentries:\n  - vi: H\xE0 N\xF4i\n",
    );
    assert_refused(&binary, "bin.yaml");
    assert_refused(&latin1, "latin1.yaml");
    snapshot(
        "glossary-bad-encoding",
        &format!("{}{}", outcome(&binary), outcome(&latin1)),
    );
}

#[test]
fn configuration_and_baseline_limits_and_encoding() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", EN);
    write(
        dir.path(),
        "big.yaml",
        format!("exclude:\n{}", "  - \"drafts/**\"\n".repeat(100_000)),
    );
    write(dir.path(), "bad.yaml", b"format: h\xFCman\n");
    write(
        dir.path(),
        "baseline.yaml",
        b"version: 1\nfindings:\n- rule: \xFF\n",
    );
    let big = run_in(
        dir.path(),
        &["check", "--config", "big.yaml", "a.vi.txt", "a.en.txt"],
    );
    let bad = run_in(
        dir.path(),
        &["check", "--config", "bad.yaml", "a.vi.txt", "a.en.txt"],
    );
    let baseline = check_in(
        dir.path(),
        "a.vi.txt",
        "a.en.txt",
        &["--baseline", "baseline.yaml"],
    );
    assert_refused(&big, "big.yaml");
    assert_refused(&bad, "bad.yaml");
    assert_refused(&baseline, "baseline.yaml");
    snapshot(
        "config-and-baseline",
        &format!("{}{}{}", outcome(&big), outcome(&bad), outcome(&baseline)),
    );
}

#[test]
fn control_characters_in_a_path_stay_on_one_error_line() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    let out = check_in(dir.path(), "a.vi.txt", "evil\n\u{1b}[2Jname.en.txt", &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "{stderr}");
    snapshot("control-characters-in-path", &outcome(&out));
}

/// `transcheck glossary ARGS` in `dir`.
fn glossary_command(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["glossary"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// Every glossary command on broken and hostile files: a report or a
/// one-line refusal, never a panic, and nothing from a file that can drive
/// the terminal.
#[test]
fn glossary_commands_on_broken_and_hostile_files() {
    let dir = scratch();
    let d = dir.path();
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    write(d, "bomb.yaml", bomb);
    write(
        d,
        "deep.yaml",
        format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)),
    );
    write(d, "binary.yaml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(
        d,
        "utf16.yaml",
        utf16("languages: [vi, en]\nentries: []\n", false, true),
    );
    write(
        d,
        "escape.yaml",
        "languages: [vi, en]\nentries:\n  - id: x\n    vi: [\"Hà Nội \\u001b[31m\"]\n    en: [\"Hanoi \\u001b[2J\"]\n  - id: y\n    vi: [\"Hà Nội \\u001b[31m\"]\n    en: [Other]\n",
    );
    write(d, "bad.csv", "id,kind,vi,en\nx,term,\"unclosed,Hanoi\n");
    write(d, "binary.csv", b"\0\x01\x02\xff");
    write(
        d,
        "entities.tbx",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE martif [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>\n<martif><text><body><termEntry><langSet xml:lang=\"vi\"><tig><term>&c;</term></tig></langSet></termEntry></body></text></martif>\n",
    );
    write(
        d,
        "deep.tbx",
        format!(
            "<martif>{}{}</martif>",
            "<x>".repeat(10_000),
            "</x>".repeat(10_000)
        ),
    );
    let runs: &[&[&str]] = &[
        &["lint", "bomb.yaml"],
        &["lint", "deep.yaml"],
        &["lint", "binary.yaml"],
        &["lint", "escape.yaml"],
        &["stats", "bomb.yaml"],
        &["fmt", "utf16.yaml"],
        &["fmt", "deep.yaml"],
        &["add", "bomb.yaml", "--lang", "vi=a", "--lang", "en=b"],
        &["export", "escape.yaml", "--to", "tbx"],
        &["import", "bad.csv", "--to", "out.yaml"],
        &["import", "binary.csv", "--to", "out.yaml"],
        &["import", "entities.tbx", "--to", "out.yaml"],
        &["import", "deep.tbx", "--to", "out.yaml"],
    ];
    let mut all = String::new();
    for args in runs {
        let out = glossary_command(d, args);
        let code = out.status.code();
        assert!(matches!(code, Some(1 | 2)), "{args:?}: {}", outcome(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        if code == Some(2) {
            assert_refused(&out, args[1]);
        }
        for stream in [&out.stdout, &out.stderr] {
            assert!(!stream.contains(&0x1b), "{args:?}: {}", outcome(&out));
        }
        all.push_str(&format!(
            "$ glossary {}\n{}\n",
            args.join(" "),
            outcome(&out)
        ));
        let _ = stderr;
    }
    assert!(
        !d.join("out.yaml").exists(),
        "a refused import wrote a file"
    );
    snapshot("glossary-commands", &all);
}

/// A glossary of markup, quotes and separators exports to TBX a reader
/// parses and to CSV that imports back to the same glossary.
#[test]
fn glossary_exports_round_trip_hostile_text() {
    let dir = scratch();
    let d = dir.path();
    write(
        d,
        "g.yaml",
        "languages: [vi, en]\nentries:\n  - id: hostile\n    kind: term\n    vi: [\"<b>Hà</b> & \\\"Nội\\\", ]]> 'x'\"]\n    en: [\"Ha, \\\"noi\\\" <i>&amp;</i>\", \"=cmd|' /C calc'!A0\"]\n    note: \"line\\nbreak, comma; <script>\"\n",
    );
    for (format, file) in [("tbx", "g.tbx"), ("csv", "g.csv")] {
        let out = glossary_command(d, &["export", "g.yaml", "--to", format, "-o", file]);
        assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
        let back = format!("back-{format}.yaml");
        let out = glossary_command(d, &["import", file, "--to", &back]);
        assert_eq!(out.status.code(), Some(0), "{}", outcome(&out));
        let export = |name: &str| {
            let out = glossary_command(d, &["export", name, "--to", "csv"]);
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        assert_eq!(export(&back), export("g.yaml"), "{format} round trip");
    }
    let tbx = std::fs::read_to_string(d.join("g.tbx")).unwrap();
    let mut reader = quick_xml::Reader::from_str(&tbx);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("TBX does not parse: {e}\n{tbx}"),
        }
    }
}

#[test]
fn glossary_commands_end_quietly_on_a_closed_pipe() {
    let dir = scratch();
    for args in [
        &["glossary", "lint"][..],
        &["glossary", "stats"],
        &["glossary", "export", "--to", "tbx", "x"],
    ] {
        let mut args = args.to_vec();
        if args.last() == Some(&"x") {
            args.pop();
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("glossaries/vi-en.yaml");
            let path = path.to_str().unwrap().to_string();
            let out = with_closed_pipe(
                dir.path(),
                &[args.as_slice(), &[path.as_str()]].concat(),
                false,
            );
            assert_eq!(out.status.code(), Some(0), "{args:?}: {}", outcome(&out));
            assert!(out.stderr.is_empty(), "{}", outcome(&out));
            continue;
        }
        let out = with_closed_pipe(dir.path(), &args, false);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            outcome(&out)
        );
        assert!(out.stderr.is_empty(), "{args:?}: {}", outcome(&out));
    }
}

/// A `--changed-since` value that git would take for an option
/// (`--output=FILE` makes `git diff` write a file) is refused before git
/// runs.
#[test]
fn changed_since_cannot_pass_options_to_git() {
    let dir = scratch();
    let d = dir.path();
    let git = |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.email=t@example.invalid", "-c", "user.name=t"])
            .args(args)
            .current_dir(d)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    git(&["init", "-q", "."]);
    write(d, "vi/a.txt", VI);
    write(d, "en/a.txt", EN);
    git(&["add", "."]);
    git(&["commit", "-qm", "articles"]);
    let out = check_in(d, "vi", "en", &["--changed-since=--output=pwned"]);
    assert_refused(&out, "--changed-since");
    assert!(!d.join("pwned").exists(), "git wrote a file");
    snapshot("changed-since-option", &outcome(&out));
}

/// A full disk under standard output is an error, not a silently lost
/// report (unlike a reader that went away).
#[test]
fn a_full_disk_under_standard_output_is_an_error() {
    let dir = scratch();
    write(dir.path(), "a.vi.txt", VI);
    write(dir.path(), "a.en.txt", EN);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(BIN)
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args([
            "check",
            "--no-config",
            "a.vi.txt",
            "a.en.txt",
            "--format",
            "html",
        ])
        .current_dir(dir.path())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    snapshot("full-disk", &outcome(&out));
}
