//! Every output format on the same batch (tests/fixtures/batch): a snapshot
//! of each, and each checked by something that reads it — the official
//! SARIF validator, an XML parser for JUnit, JSON parsers for the JSON
//! formats — against the findings of the JSON report.

use std::process::{Command, Output};

use serde_json::Value;

const FORMATS: [&str; 8] = [
    "human", "json", "jsonl", "sarif", "github", "junit", "markdown", "html",
];

fn report(format: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args([
            "check",
            "--config",
            "tests/fixtures/batch/transcheck.yaml",
            "--format",
            format,
        ])
        .env_remove("NO_COLOR")
        .output()
        .expect("runs the binary")
}

fn text(format: &str) -> String {
    let out = report(format);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The findings of the JSON report: (rule, severity, target line/column or
/// source line/column, file).
fn json_findings() -> Vec<(String, String, Value, Value)> {
    let json: Value = serde_json::from_str(&text("json")).unwrap();
    let mut out = Vec::new();
    for pair in json["pairs"].as_array().unwrap() {
        for f in pair["findings"].as_array().unwrap() {
            out.push((
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["target"].clone(),
                f["source"].clone(),
            ));
        }
    }
    out
}

#[test]
fn every_format_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for format in FORMATS {
            let mut report = text(format);
            if format == "human" {
                report = report
                    .lines()
                    .map(|l| match l.split_once(" in ") {
                        Some((head, rest)) if l.starts_with("summary: ") => {
                            format!("{head} in [time]{}\n", &rest[rest.find(':').unwrap()..])
                        }
                        _ => format!("{l}\n"),
                    })
                    .collect();
                assert!(report.contains("checked in [time]: "), "{report}");
            }
            insta::assert_snapshot!(format!("batch.{format}"), report);
        }
    });
}

#[test]
fn jsonl_has_one_finding_per_line() {
    let expected = json_findings();
    let lines = text("jsonl");
    let got: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), expected.len());
    for (line, (rule, severity, target, source)) in got.iter().zip(&expected) {
        assert_eq!(line["rule"], rule.as_str());
        assert_eq!(line["severity"], severity.as_str());
        assert_eq!(&line["target"], target);
        assert_eq!(&line["source"], source);
        assert!(line["source_file"].is_string() && line["target_file"].is_string());
    }
}

#[test]
fn sarif_results_match_the_findings() {
    let sarif: Value = serde_json::from_str(&text("sarif")).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for rule in transcheck::report::all_rules() {
        assert!(ids.contains(&rule.id), "{} has a descriptor", rule.id);
    }
    let results = run["results"].as_array().unwrap();
    let expected = json_findings();
    assert_eq!(results.len(), expected.len());
    for (result, (rule, severity, target, source)) in results.iter().zip(&expected) {
        assert_eq!(result["ruleId"], rule.as_str());
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], rule.as_str());
        let level = match severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(result["level"], level);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let primary = if target.is_null() { source } else { target };
        if primary.is_null() {
            assert_eq!(region, &serde_json::json!({"startLine": 1}));
            continue;
        }
        assert_eq!(region["startLine"], primary["line"]);
        assert_eq!(region["startColumn"], primary["column"]);
        assert_eq!(region["endLine"], primary["end_line"]);
        assert_eq!(region["endColumn"], primary["end_column"]);
        assert_eq!(region["snippet"]["text"], primary["text"]);
        if !target.is_null() && !source.is_null() {
            let related = &result["relatedLocations"][0]["physicalLocation"]["region"];
            assert_eq!(related["startLine"], source["line"]);
            assert_eq!(related["startColumn"], source["column"]);
        }
    }
    // A suggestion on a target span becomes a fix replacing that span.
    let fixed = results
        .iter()
        .find(|r| r["ruleId"] == "term.forbidden")
        .unwrap();
    let change = &fixed["fixes"][0]["artifactChanges"][0];
    assert_eq!(
        change["artifactLocation"]["uri"],
        "tests/fixtures/batch/en/2024/flood.txt"
    );
    assert_eq!(
        change["replacements"][0]["insertedContent"]["text"],
        "Hanoi"
    );
    assert_eq!(
        change["replacements"][0]["deletedRegion"]["startColumn"],
        54
    );
}

fn sarif_validator_installed() -> bool {
    Command::new("sarif-multitool")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// CI is set to something other than `false` or `0` (as `transcheck` reads it).
fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Under CI the validator must be there, so the ignored test above cannot
/// be left out unnoticed. Outside CI this has nothing to check.
#[test]
fn ci_has_the_sarif_validator() {
    if under_ci() {
        assert!(
            sarif_validator_installed(),
            "CI must run the SARIF validator; .ci/run installs it"
        );
    }
}

/// Runs the official validator (npm package @microsoft/sarif-multitool),
/// which also applies the rules GitHub code scanning relies on. Results of
/// level error or warning (the validator's default levels) fail the test.
///
/// It needs an outside tool, so a plain `cargo test` lists it as ignored
/// (with the reason in the summary) instead of passing without running;
/// `.ci/run` runs it with `--include-ignored`, and then a missing validator
/// fails it. Under CI a plain `cargo test` fails too, through
/// `ci_has_the_sarif_validator`.
#[test]
#[ignore = "needs sarif-multitool (npm install -g @microsoft/sarif-multitool); run with --include-ignored, as .ci/run does"]
fn sarif_passes_the_official_validator() {
    assert!(
        sarif_validator_installed(),
        "sarif-multitool is not installed (npm install -g @microsoft/sarif-multitool); .ci/run installs it"
    );
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("batch.sarif");
    std::fs::write(&log, text("sarif")).unwrap();
    let validation = dir.path().join("validation.sarif");
    let out = Command::new("sarif-multitool")
        .arg("validate")
        .arg(&log)
        .arg("--output")
        .arg(&validation)
        .args(["--log", "ForceOverwrite"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "validator failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Value =
        serde_json::from_str(&std::fs::read_to_string(&validation).unwrap()).unwrap();
    let problems: Vec<String> = results["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        // SARIF2005 asks for `informationUri`; transcheck has no public URL
        // yet and names none rather than an invented one.
        .filter(|r| r["ruleId"] != "SARIF2005")
        .map(|r| {
            format!(
                "{} {} {}",
                r["level"].as_str().unwrap_or("warning"),
                r["ruleId"],
                r["message"]
            )
        })
        .collect();
    assert!(
        problems.is_empty(),
        "validator reported:\n{}",
        problems.join("\n")
    );
    // The run did validate something: the validator names the file it read.
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("1 files scanned")
            || results["runs"][0]["artifacts"].is_array(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Absolute input paths become `file://` URIs (a relative reference that
/// begins with a slash is SARIF1004), relative ones stay relative, and no
/// URL that does not exist is given for the tool or its rules.
#[test]
fn sarif_uris_are_valid_for_absolute_and_relative_paths() {
    let root = std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/batch");
    let absolute = |side: &str| root.join(side).display().to_string();
    let runs = [
        (vec![absolute("vi"), absolute("en")], true),
        (
            vec![
                "tests/fixtures/batch/vi".into(),
                "tests/fixtures/batch/en".into(),
            ],
            false,
        ),
    ];
    for (paths, is_absolute) in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_transcheck"))
            .args(["check", "--no-config", "--format", "sarif"])
            .args(&paths)
            .output()
            .unwrap();
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = sarif.to_string();
        assert!(!text.contains("example.invalid"), "an invented URL");
        let driver = &sarif["runs"][0]["tool"]["driver"];
        assert!(driver["informationUri"].is_null());
        assert!(driver["rules"][0]["helpUri"].is_null());
        let mut uris = Vec::new();
        collect_uris(&sarif, &mut uris);
        assert!(!uris.is_empty());
        for uri in uris {
            assert!(!uri.starts_with('/'), "{uri} begins with a slash");
            let want = if is_absolute {
                format!("file://{}", root.display())
            } else {
                "tests/fixtures/batch/".to_string()
            };
            assert!(uri.starts_with(&want), "{uri} should start with {want}");
        }
    }
}

fn collect_uris(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("uri", Value::String(uri)) => out.push(uri.clone()),
                    _ => collect_uris(value, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_uris(v, out)),
        _ => {}
    }
}

#[test]
fn junit_parses_with_one_test_case_per_pair() {
    use quick_xml::events::Event;
    use quick_xml::Reader;

    let xml = text("junit");
    let mut reader = Reader::from_str(&xml);
    let mut cases: Vec<(String, bool)> = Vec::new();
    let mut suites = 0;
    let mut failure_messages = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| {
                            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned()
                        })
                };
                match e.name().as_ref() {
                    b"testsuite" => {
                        suites += 1;
                        assert_eq!(attr(b"tests").as_deref(), Some("6"));
                        assert_eq!(attr(b"failures").as_deref(), Some("3"));
                    }
                    b"testcase" => cases.push((attr(b"name").unwrap(), false)),
                    b"failure" => {
                        cases.last_mut().unwrap().1 = true;
                        failure_messages.push(attr(b"message").unwrap());
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(suites, 1);
    let b = "tests/fixtures/batch";
    assert_eq!(
        cases,
        [
            (
                format!("{b}/vi/2024/assembly.txt → {b}/en/2024/assembly.txt"),
                false
            ),
            (
                format!("{b}/vi/2024/bank.vi.md → {b}/en/2024/bank.en.md"),
                true
            ),
            (
                format!("{b}/vi/2024/draft-only.txt → (no translation)"),
                false
            ),
            (
                format!("{b}/vi/2024/flood.txt → {b}/en/2024/flood.txt"),
                true
            ),
            (format!("(no source) → {b}/en/2024/orphan.txt"), false),
            (format!("{b}/vi/2024/un.txt → {b}/en/2024/un.txt"), true),
        ]
    );
    assert_eq!(failure_messages[0], "2 errors, 0 warnings, 0 infos");
}

#[test]
fn github_annotations_point_at_the_findings() {
    let expected = json_findings();
    let annotations = text("github");
    let lines: Vec<&str> = annotations.lines().collect();
    assert_eq!(lines.len(), expected.len() + 1, "{annotations}");
    for (line, (rule, severity, target, source)) in lines.iter().zip(&expected) {
        let command = match severity.as_str() {
            "info" => "notice",
            other => other,
        };
        assert!(line.starts_with(&format!("::{command} file=")), "{line}");
        assert!(line.contains(&format!(",title={rule}::")), "{line}");
        let at = if target.is_null() { source } else { target };
        if !at.is_null() {
            assert!(
                line.contains(&format!(
                    ",line={},col={},endLine={},endColumn={},",
                    at["line"], at["column"], at["end_line"], at["end_column"]
                )),
                "{line}"
            );
        }
        // Messages stay on one line: line breaks are escaped.
        assert!(!line.contains('\r'));
    }
    assert!(lines
        .iter()
        .any(|l| l.contains("%0Asource: tests/fixtures/batch/vi/2024/flood.txt:1:63 “Hà Nội”")));
    assert!(lines
        .last()
        .unwrap()
        .starts_with("transcheck: 6 pairs checked: "));
}

#[test]
fn markdown_and_html_are_self_contained_summaries() {
    let markdown = text("markdown");
    assert!(markdown.starts_with("## transcheck: 6 pairs checked, 5 errors, 2 warnings, 1 info\n"));
    assert!(markdown.contains("| `term.missing` | 2 | 0 | 0 |"));
    let html = text("html");
    for external in [
        "http://", "https://", "src=\"", "href=\"", "@import", "url(",
    ] {
        assert!(!html.contains(external), "no external asset: {external}");
    }
    assert!(html.contains("default-src 'none'"));
}
