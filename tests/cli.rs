//! The binary: exit codes, error messages and options, run as a user would.

use std::process::{Command, Output};

fn transcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs the binary")
}

fn fixture(stem: &str) -> [String; 2] {
    [
        format!("tests/fixtures/{stem}.vi.txt"),
        format!("tests/fixtures/{stem}.en.txt"),
    ]
}

fn check(stem: &str, extra: &[&str]) -> Output {
    let [vi, en] = fixture(stem);
    let mut args = vec!["check", vi.as_str(), en.as_str()];
    args.extend_from_slice(extra);
    transcheck(&args)
}

/// The report with the time taken (" in 0.01s" on the summary line) left out.
fn without_time(stdout: &[u8]) -> String {
    let text = String::from_utf8_lossy(stdout);
    text.lines()
        .map(|line| match line.strip_prefix("summary: ") {
            Some(_) => {
                let (head, rest) = line.split_once(" in ").expect("the summary has a time");
                let (_, tail) = rest.split_once('s').expect("seconds");
                format!("{head}{tail}\n")
            }
            None => format!("{line}\n"),
        })
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn exit_codes_follow_fail_on() {
    let cases: &[(&str, &[&str], i32)] = &[
        ("asean-meeting", &[], 0),
        ("eu-sanctions", &[], 1),
        ("eu-sanctions", &["--fail-on", "never"], 0),
        ("who-vaccination", &["--rule", "segment.extra=warning"], 0),
        // An added paragraph is information by default (segment.extra).
        ("who-vaccination", &["--fail-on", "warning"], 0),
        (
            "who-vaccination",
            &["--fail-on", "warning", "--rule", "segment.extra=warning"],
            1,
        ),
        (
            "who-vaccination",
            &["--fail-on", "warning", "--rule", "segment.extra=off"],
            0,
        ),
        (
            "who-vaccination",
            &["--fail-on", "warning", "--rule", "segment.*=info"],
            0,
        ),
        (
            "eu-sanctions",
            &["--rule", "term.*=warning", "--rule", "number.*=warning"],
            0,
        ),
    ];
    for (stem, extra, code) in cases {
        let out = check(stem, extra);
        assert_eq!(
            out.status.code(),
            Some(*code),
            "{stem} {extra:?}\n{}",
            stderr(&out)
        );
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
    }
}

#[test]
fn errors_are_one_line_with_exit_code_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["check", "tests/fixtures/nope.vi.txt", "tests/fixtures/asean-meeting.en.txt"],
            "transcheck: tests/fixtures/nope.vi.txt: cannot read: No such file or directory (os error 2)\n",
        ),
        (
            &["check", "tests/fixtures/bad/invalid-utf8.txt", "tests/fixtures/asean-meeting.en.txt"],
            "transcheck: tests/fixtures/bad/invalid-utf8.txt: invalid UTF-8 at byte offset 6; save the file as UTF-8\n",
        ),
        (
            &["check", "tests/fixtures/asean-meeting.vi.txt", "tests/fixtures/asean-meeting.en.txt", "-g", "tests/fixtures/bad/duplicate-id.yaml"],
            "transcheck: tests/fixtures/bad/duplicate-id.yaml:8:5: entry 2 (id: hanoi): unknown key `kinds` (did you mean `kind`?); expected a language code (vi, en) or one of: id, kind, forbidden, note, case, fuzzy, override\n",
        ),
        (
            &["check", "tests/fixtures/asean-meeting.vi.txt", "tests/fixtures/asean-meeting.en.txt", "-g", "tests/fixtures/bad/undeclared-language.yaml"],
            "transcheck: tests/fixtures/bad/undeclared-language.yaml:6:5: entry 1 (id: hanoi): language `fr` is not declared in `languages` (vi, en)\n",
        ),
        (
            &["check", "tests/fixtures/asean-meeting.vi.txt", "tests/fixtures/asean-meeting.en.txt", "--rule", "term.mising=off"],
            "transcheck: `--rule term.mising=off`: unknown rule `term.mising` (did you mean `term.missing`?); known rules: ",
        ),
        (
            &["check", "tests/fixtures/asean-meeting.vi.txt", "tests/fixtures/asean-meeting.en.txt", "--from", "en"],
            "transcheck: source and target are both `en`; pass --from and --to\n",
        ),
        (
            &["check", "tests/fixtures/asean-meeting.vi.txt", "tests/fixtures/asean-meeting.en.txt", "-g", "tests/fixtures"],
            "transcheck: tests/fixtures: is a directory, not a file",
        ),
        (
            &["check", "tests/fixtures", "tests/fixtures/asean-meeting.en.txt"],
            "transcheck: tests/fixtures: is a directory, not a file (`check` takes two files, or two directories to check every pair)\n",
        ),
    ];
    for (args, expected) in cases {
        let out = transcheck(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let message = stderr(&out);
        assert!(
            message.starts_with(expected),
            "{args:?}\n got: {message}\nwant: {expected}"
        );
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(out.stdout.is_empty(), "no partial report for {args:?}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["check", "a", "b", "--format", "yaml"][..],
        &["check", "a", "b", "--jobs", "0"],
        &["frobnicate"],
    ] {
        let out = transcheck(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("error: "), "{}", stderr(&out));
        assert!(stderr(&out).contains("--help"), "{}", stderr(&out));
    }
}

#[test]
fn files_come_from_the_command_line_or_the_configuration() {
    let out = transcheck(&["check", "--no-config"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "transcheck: give SOURCE and TARGET (files or directories), or set `source` and `target` in transcheck.yaml\n"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = check("eu-sanctions", &[]);
    assert!(
        !plain.stdout.contains(&0x1b),
        "piped output has no escape codes"
    );
    let coloured = check("eu-sanctions", &["--color", "always"]);
    assert!(coloured.stdout.contains(&0x1b));
    let never = check("eu-sanctions", &["--color", "never"]);
    assert_eq!(without_time(&never.stdout), without_time(&plain.stdout));
}

#[test]
fn languages_default_from_file_names() {
    // Swapping the files makes English the source; the checker must notice
    // from the names and use the glossary the other way round.
    let [vi, en] = fixture("asean-meeting");
    let out = transcheck(&["check", &en, &vi, "--format", "json", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["pairs"][0]["source"], en.as_str());
}

#[test]
fn json_has_the_documented_shape() {
    let out = check("world-bank-forecast", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["version"], 1);
    let pair = &json["pairs"][0];
    assert_eq!(pair["source"], "tests/fixtures/world-bank-forecast.vi.txt");
    let finding = &pair["findings"][0];
    for key in [
        "rule",
        "severity",
        "message",
        "source",
        "target",
        "suggestion",
    ] {
        assert!(finding.get(key).is_some(), "finding has {key}");
    }
    let summary = &json["summary"];
    let total = summary["errors"].as_u64().unwrap()
        + summary["warnings"].as_u64().unwrap()
        + summary["infos"].as_u64().unwrap();
    assert_eq!(total as usize, pair["findings"].as_array().unwrap().len());
}

/// As docs/formats.md says: colour with `--color always` on standard
/// output, but never into an `--output` file and never under NO_COLOR.
#[test]
fn color_never_reaches_files_or_no_color_runs() {
    let dir = tempfile::tempdir().unwrap();
    let [vi, en] = fixture("eu-sanctions");
    let report = dir.path().join("report.txt");
    let run = |extra: &[&str], no_color: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_transcheck"));
        command
            .args([
                "check",
                "--no-config",
                vi.as_str(),
                en.as_str(),
                "--color",
                "always",
            ])
            .args(extra)
            .env_remove("NO_COLOR");
        if no_color {
            command.env("NO_COLOR", "1");
        }
        command.output().unwrap()
    };
    let has_escape = |bytes: &[u8]| bytes.contains(&0x1b);
    assert!(
        has_escape(&run(&[], false).stdout),
        "the look-alike: colour on stdout"
    );
    assert!(!has_escape(&run(&[], true).stdout), "NO_COLOR");
    let out = run(&["-o", report.to_str().unwrap()], false);
    assert_eq!(out.status.code(), Some(1));
    let written = std::fs::read(&report).unwrap();
    assert!(
        !written.is_empty() && !has_escape(&written),
        "--output file"
    );
}
