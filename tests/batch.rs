//! Batch checking from the command line: directories, transcheck.yaml,
//! --changed-since, --jobs, --output, completions and the man page.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const BATCH_CONFIG: &str = "tests/fixtures/batch/transcheck.yaml";

/// Runs transcheck in `dir`. Configuration discovery stays on only where
/// the test put a transcheck.yaml into `dir` or a parent inside its own
/// temporary directory (found before anything further up).
fn transcheck_in(dir: &Path, args: &[&str]) -> Output {
    let temp = std::env::temp_dir();
    let own_config = dir.join("transcheck.yaml").exists()
        || dir
            .ancestors()
            .take_while(|a| a.starts_with(&temp) && *a != temp)
            .any(|a| a.join("transcheck.yaml").exists());
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", if own_config { "0" } else { "1" })
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("RAYON_NUM_THREADS")
        .output()
        .expect("runs the binary")
}

fn transcheck(args: &[&str]) -> Output {
    transcheck_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(output), stderr(output)))
}

/// Copies the batch fixture (articles, glossary, transcheck.yaml) into a
/// fresh directory.
fn batch_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/batch"), dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// (source, target, rules) of each pair of a JSON report.
fn pairs(report: &Value) -> Vec<(String, String, Vec<String>)> {
    report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["source"].as_str().unwrap().to_string(),
                p["target"].as_str().unwrap().to_string(),
                p["findings"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["rule"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_directory_of_fixture_pairs_checks_in_one_command() {
    let out = transcheck(&[
        "check",
        "tests/fixtures",
        "tests/fixtures",
        "--exclude",
        "batch/**",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let batch = json(&out);
    let stems: Vec<String> = {
        let mut s: Vec<String> = std::fs::read_dir("tests/fixtures")
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".vi.txt").map(str::to_string)
            })
            .collect();
        s.sort();
        s
    };
    let got = batch["pairs"].as_array().unwrap();
    assert_eq!(got.len(), stems.len());
    // Each pair of the batch reports what checking it alone does; only
    // `name.inconsistent` looks across the batch, so its counts may grow
    // and it may find more.
    let mut across = 0;
    for (pair, stem) in got.iter().zip(&stems) {
        let vi = format!("tests/fixtures/{stem}.vi.txt");
        let en = format!("tests/fixtures/{stem}.en.txt");
        assert_eq!(pair["source"], vi.as_str());
        assert_eq!(pair["target"], en.as_str());
        let alone = json(&transcheck(&["check", &vi, &en, "--format", "json"]));
        let (in_batch, batch_names) = split_inconsistent(pair);
        let (on_its_own, own_names) = split_inconsistent(&alone["pairs"][0]);
        assert_eq!(in_batch, on_its_own, "{stem}");
        for (name, _) in &own_names {
            assert!(batch_names.iter().any(|(n, _)| n == name), "{stem}: {name}");
        }
        across += batch_names
            .iter()
            .filter(|(_, message)| message.contains("in the other"))
            .count();
    }
    // The fixtures share people: some name is spelled differently in two of them.
    assert!(across > 0);
}

/// A pair's findings other than `name.inconsistent`, and those as
/// ("line:column text → suggestion", message).
fn split_inconsistent(pair: &Value) -> (Vec<Value>, Vec<(String, String)>) {
    let (names, others): (Vec<&Value>, Vec<&Value>) = pair["findings"]
        .as_array()
        .unwrap()
        .iter()
        .partition(|f| f["rule"] == "name.inconsistent");
    let names = names
        .iter()
        .map(|f| {
            let t = &f["target"];
            let at = format!(
                "{}:{} {} → {}",
                t["line"], t["column"], t["text"], f["suggestion"]
            );
            (at, f["message"].as_str().unwrap_or_default().to_string())
        })
        .collect::<Vec<_>>();
    (others.into_iter().cloned().collect(), names)
}

#[test]
fn pairs_by_path_and_stem_and_reports_unpaired_files() {
    let out = transcheck(&["check", "--config", BATCH_CONFIG, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let b = "tests/fixtures/batch";
    let expected = [
        (
            format!("{b}/vi/2024/assembly.txt"),
            format!("{b}/en/2024/assembly.txt"),
            vec![],
        ),
        (
            format!("{b}/vi/2024/bank.vi.md"),
            format!("{b}/en/2024/bank.en.md"),
            vec!["term.missing", "segment.missing"],
        ),
        (
            format!("{b}/vi/2024/draft-only.txt"),
            String::new(),
            vec!["segment.unpaired"],
        ),
        (
            format!("{b}/vi/2024/flood.txt"),
            format!("{b}/en/2024/flood.txt"),
            vec!["term.forbidden", "term.missing"],
        ),
        (
            String::new(),
            format!("{b}/en/2024/orphan.txt"),
            vec!["segment.unpaired"],
        ),
        (
            format!("{b}/vi/2024/un.txt"),
            format!("{b}/en/2024/un.txt"),
            vec!["segment.untranslated", "segment.extra"],
        ),
    ];
    let expected: Vec<(String, String, Vec<String>)> = expected
        .into_iter()
        .map(|(s, t, r)| (s, t, r.into_iter().map(String::from).collect()))
        .collect();
    // drafts/ is excluded by the configuration.
    assert_eq!(pairs(&json(&out)), expected);
}

#[test]
fn output_is_identical_with_one_or_many_threads() {
    for format in [
        "human", "json", "jsonl", "sarif", "github", "junit", "markdown", "html",
    ] {
        let run = |jobs: &str| {
            let out = transcheck(&[
                "check",
                "--config",
                BATCH_CONFIG,
                "--format",
                format,
                "--jobs",
                jobs,
            ]);
            assert!(
                out.stderr.is_empty(),
                "no progress bar when piped: {}",
                stderr(&out)
            );
            without_time(&stdout(&out))
        };
        let one = run("1");
        assert!(!one.is_empty());
        assert_eq!(one, run("4"), "{format}");
    }
    // RAYON_NUM_THREADS is honoured as well when --jobs is not given.
    let with_threads = |n: &str| {
        Command::new(env!("CARGO_BIN_EXE_transcheck"))
            .env("TRANSCHECK_NO_CONFIG", "1")
            .args([
                "check",
                "tests/fixtures",
                "tests/fixtures",
                "--format",
                "json",
            ])
            .env("RAYON_NUM_THREADS", n)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(with_threads("1"), with_threads("3"));
}

/// The human report without the time taken.
fn without_time(text: &str) -> String {
    text.lines()
        .map(|line| {
            let line = match (line.strip_prefix("summary: "), line.split_once(" in ")) {
                (Some(_), Some((head, rest))) => {
                    format!("{head}{}", rest.split_once('s').map_or("", |(_, t)| t))
                }
                _ => line.to_string(),
            };
            line + "\n"
        })
        .collect()
}

#[test]
fn configuration_is_found_in_a_parent_and_the_command_line_wins() {
    let dir = batch_copy();
    let sub = dir.path().join("vi/2024");
    let out = transcheck_in(&sub, &["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    let all = pairs(&report);
    assert_eq!(all.len(), 6);
    assert_eq!(all[1].0, "../../vi/2024/bank.vi.md");
    // segment.extra is `info` in the file; the command line turns it off,
    // and --fail-on overrides the default.
    let out = transcheck_in(
        &sub,
        &[
            "check",
            "--format",
            "json",
            "--rule",
            "segment.*=off",
            "--rule",
            "term.*=warning",
            "--fail-on",
            "error",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rules: Vec<String> = pairs(&json(&out)).into_iter().flat_map(|p| p.2).collect();
    assert_eq!(rules, ["term.missing", "term.forbidden", "term.missing"]);
    // `format:` in the file is the default output format.
    std::fs::write(
        dir.path().join("transcheck.yaml"),
        std::fs::read_to_string(dir.path().join("transcheck.yaml")).unwrap() + "format: jsonl\n",
    )
    .unwrap();
    let out = transcheck_in(dir.path(), &["check"]);
    let lines = stdout(&out);
    assert_eq!(lines.lines().count(), 8, "{lines}");
    for line in lines.lines() {
        let finding: Value = serde_json::from_str(line).unwrap();
        assert!(finding["rule"].is_string());
    }
}

#[test]
fn configuration_errors_name_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "source: vi\ntarget: en\nfromm: vi\n",
            "transcheck.yaml:3:1: unknown key `fromm` (did you mean `from`?); expected one of: source, target, from, to, glossaries, pairs, exclude, rules, format, fail_on, output, baseline, jobs\n",
        ),
        (
            "rules:\n  name.wrong: off\n",
            "transcheck.yaml:2:3: `name.wrong=off`: unknown rule `name.wrong`",
        ),
        (
            "pairs:\n  - {source: \"{stem}.txt\", target: \"x.txt\"}\n",
            "transcheck.yaml:2:36: pattern `x.txt` has no `{stem}` placeholder",
        ),
        ("format: [json]\n", "transcheck.yaml:1:9: expected a format name, found a list\n"),
    ];
    for (text, expected) in cases {
        std::fs::write(dir.path().join("transcheck.yaml"), text).unwrap();
        let out = transcheck_in(dir.path(), &["check", "a.vi.txt", "a.en.txt"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!("transcheck: {expected}")),
            "{text}\n got: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(out.stdout.is_empty());
    }
    // --no-config ignores a broken file.
    let out = transcheck_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/asean-meeting.vi.txt")
                .display()
                .to_string(),
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/asean-meeting.en.txt")
                .display()
                .to_string(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A missing --config file is an input error.
    let out = transcheck(&["check", "--config", "nope.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("transcheck: nope.yaml: cannot read: "));
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {}", stderr(&status));
}

#[test]
fn changed_since_checks_only_pairs_that_changed() {
    let dir = batch_copy();
    let root = dir.path();
    git(root, &["init", "-q"]);
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "articles"]);
    let run =
        |rev: &str| transcheck_in(root, &["check", "--changed-since", rev, "--format", "json"]);
    // Nothing changed: nothing to check.
    let out = run("HEAD");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(pairs(&json(&out)), []);
    // An edited translation (unstaged) and a new, untracked source.
    let flood = root.join("en/2024/flood.txt");
    let text = std::fs::read_to_string(&flood).unwrap();
    std::fs::write(&flood, text.replace("Ha Noi", "Hanoi")).unwrap();
    std::fs::write(root.join("vi/2024/new.txt"), "Bản tin mới.\n").unwrap();
    let out = run("HEAD");
    let got = pairs(&json(&out));
    assert_eq!(
        got,
        [
            (
                "vi/2024/flood.txt".to_string(),
                "en/2024/flood.txt".to_string(),
                vec!["term.missing".to_string()]
            ),
            (
                "vi/2024/new.txt".to_string(),
                String::new(),
                vec!["segment.unpaired".to_string()]
            ),
        ]
    );
    // A range ending at HEAD compares the working tree with its start:
    // `HEAD..HEAD` is not "nothing" while there are uncommitted changes.
    for range in ["HEAD..HEAD", "HEAD..", "HEAD...HEAD", "main..HEAD"] {
        assert_eq!(pairs(&json(&run(range))), got, "{range}");
    }
    // A staged change counts too.
    git(root, &["add", "-A"]);
    assert_eq!(pairs(&json(&run("HEAD"))).len(), 2);
    // A range ending elsewhere than HEAD is refused, not silently empty.
    git(root, &["commit", "-q", "-m", "more"]);
    let out = run("HEAD..HEAD~1");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the range must end at HEAD"),
        "{}",
        stderr(&out)
    );
    // A revision git does not know is a usage error.
    let out = run("no-such-revision");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("transcheck: --changed-since no-such-revision: git diff failed: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_file_is_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.sarif");
    std::fs::write(&report, "old").unwrap();
    let target = report.display().to_string();
    let out = transcheck(&[
        "check",
        "--config",
        BATCH_CONFIG,
        "--format",
        "sarif",
        "-o",
        &target,
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings still set the exit code"
    );
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(written["version"], "2.1.0");
    // Renaming over a directory fails: the error names the file, and no
    // temporary file is left behind.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir_all(blocked.join("inside")).unwrap();
    let out = transcheck(&[
        "check",
        "--config",
        BATCH_CONFIG,
        "-o",
        &blocked.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!(
            "transcheck: {}: cannot write: ",
            blocked.display()
        )),
        "{}",
        stderr(&out)
    );
    let left: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(blocked.join("inside").is_dir());
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    let out = transcheck(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let bash = stdout(&out);
    assert!(bash.contains("_transcheck()"), "{bash}");
    assert!(bash.contains("--changed-since") && bash.contains("--write-baseline"));
    let fish = stdout(&transcheck(&["completions", "fish"]));
    assert!(fish.contains("complete -c transcheck"));
    let man = stdout(&transcheck(&["man"]));
    assert!(man.contains(".TH transcheck 1"));
    let check = stdout(&transcheck(&["man", "check"]));
    assert!(check.contains(".TH transcheck-check 1"), "{check}");
    assert!(check.contains("changed\\-since"));
    let out = transcheck(&["man", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "transcheck: no subcommand `frobnicate` of `transcheck`; expected one of: check, completions, man, glossary\n"
    );
}

/// Every page, nested ones too, exists, has an EXIT STATUS section, and
/// lists -V exactly where the command accepts it.
#[test]
fn man_pages_match_what_each_command_accepts() {
    let pages: [&[&str]; 5] = [
        &[],
        &["check"],
        &["glossary"],
        &["glossary", "lint"],
        &["glossary", "add"],
    ];
    for page in pages {
        let mut args = vec!["man"];
        args.extend_from_slice(page);
        let out = transcheck(&args);
        assert_eq!(out.status.code(), Some(0), "{page:?}: {}", stderr(&out));
        let man = stdout(&out);
        let title = std::iter::once("transcheck")
            .chain(page.iter().copied())
            .collect::<Vec<_>>()
            .join("-");
        assert!(man.contains(&format!(".TH {title} 1")), "{man}");
        assert!(man.contains(".SH \"EXIT STATUS\""), "{page:?}");
        let mut run = page.to_vec();
        run.push("-V");
        let accepts_version = transcheck(&run).status.code() == Some(0);
        assert_eq!(man.contains("\\-\\-version"), accepts_version, "{page:?}");
    }
    let out = transcheck(&["man", "glossary", "lnit"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no subcommand `lnit` of `transcheck-glossary`"));
}

/// Every `transcheck check` command in the README, the CI examples and the
/// pre-commit hooks parses, and the README's configuration example loads.
#[test]
fn documented_commands_and_configuration_are_valid() {
    use clap::Parser;
    let files = [
        "README.md",
        "examples/ci/github-actions.yml",
        "examples/ci/gitlab-ci.yml",
        ".pre-commit-hooks.yaml",
    ];
    let mut commands = 0;
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let Some(at) = line.find("transcheck check ") else {
                continue;
            };
            let command = &line[at..];
            // Usage synopses with [optional] parts and prose are not commands.
            if command.contains('[') || command.contains('`') {
                continue;
            }
            let command = command.split(" # ").next().unwrap();
            let args: Vec<String> = command
                .split_whitespace()
                .map(|a| a.trim_matches('"').to_string())
                .collect();
            if let Err(e) = transcheck::cli::Cli::try_parse_from(&args) {
                panic!("{file}: `{command}`: {e}");
            }
            commands += 1;
        }
    }
    assert!(commands >= 10, "found {commands} commands");
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find("```yaml\n# transcheck.yaml\n").unwrap() + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let config =
        transcheck::config::Config::parse(&readme[start..end], Path::new("transcheck.yaml"))
            .unwrap_or_else(|e| panic!("README configuration: {e}"));
    assert_eq!(config.pairs.len(), 2);
    assert_eq!(config.rules.len(), 2);
}

/// One pair that cannot be read (not UTF-8) is reported on its own line and
/// the rest of the batch is still checked and reported; the run exits 2.
/// Its look-alike, the same batch without that file, exits 1.
#[test]
fn an_unreadable_pair_is_reported_and_the_rest_checked() {
    for broken in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for side in ["vi", "en"] {
            std::fs::create_dir_all(root.join(side)).unwrap();
        }
        std::fs::write(root.join("vi/a.txt"), "Hà Nội mở thêm tuyến xe buýt.\n").unwrap();
        std::fs::write(root.join("en/a.txt"), "Ha Noi opens a new bus route.\n").unwrap();
        if broken {
            std::fs::write(root.join("vi/b.txt"), b"Xin ch\xff.\n").unwrap();
            std::fs::write(root.join("en/b.txt"), "Hello.\n").unwrap();
        }
        let out = transcheck_in(
            root,
            &["check", "--no-config", "vi", "en", "--format", "json"],
        );
        let report = json(&out);
        let pairs = report["pairs"].as_array().unwrap();
        assert_eq!(pairs.len(), 1, "{report:#}");
        assert_eq!(pairs[0]["findings"][0]["rule"], "term.forbidden");
        if broken {
            assert_eq!(out.status.code(), Some(2));
            assert_eq!(
                stderr(&out),
                "transcheck: vi/b.txt: invalid UTF-8 at byte offset 6; save the file as UTF-8\n"
            );
        } else {
            assert_eq!(out.status.code(), Some(1));
            assert_eq!(stderr(&out), "");
        }
    }
}

/// File names with a newline or a tab: one line per `-->` in human output
/// (the newline shown as a control picture), aligned with the other
/// findings' arrows; JUnit keeps both characters through an XML parser.
#[test]
fn odd_file_names_keep_reports_in_shape() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for side in ["vi", "en"] {
        std::fs::create_dir_all(root.join(side)).unwrap();
        std::fs::write(root.join(side).join("t\tab.txt"), "Hà Nội.\n").unwrap();
    }
    std::fs::write(root.join("en/t\tab.txt"), "Ha Noi.\n").unwrap();
    std::fs::write(root.join("vi/only\nnew.txt"), "Xin chào.\n").unwrap();
    let human = stdout(&transcheck_in(root, &["check", "--no-config", "vi", "en"]));
    let arrows: Vec<&str> = human.lines().filter(|l| l.contains("--> ")).collect();
    assert_eq!(
        arrows,
        [" --> vi/only\u{240A}new.txt", " --> en/t\u{2409}ab.txt:1:1"],
        "{human}"
    );
    let junit = stdout(&transcheck_in(
        root,
        &["check", "--no-config", "vi", "en", "--format", "junit"],
    ));
    let mut reader = quick_xml::Reader::from_str(&junit);
    let mut names = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.name().as_ref() == b"testcase" =>
            {
                let name = e.try_get_attribute("name").unwrap().unwrap();
                names.push(
                    name.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                );
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(
        names,
        [
            "vi/only\nnew.txt → (no translation)",
            "vi/t\tab.txt → en/t\tab.txt"
        ],
        "{junit}"
    );
}
