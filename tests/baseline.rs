//! Baselines: record the findings of a batch, then report only new ones —
//! and keep recognising the recorded ones after unrelated edits.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;
use transcheck::baseline::Baseline;

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
        .output()
        .expect("runs the binary")
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

/// (rule, severity, target line) of every finding.
fn findings(out: &Output) -> Vec<(String, String, Option<u64>)> {
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap().clone())
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["target"]["line"].as_u64(),
            )
        })
        .collect()
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

#[test]
fn baseline_suppresses_known_findings_and_survives_unrelated_edits() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(Path::new("tests/fixtures/batch"), root);
    std::fs::create_dir_all(root.join("ci")).unwrap();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        transcheck_in(root, &args)
    };

    // Record: the report is unchanged, the file lists every finding.
    let out = check(&["--write-baseline", "ci/baseline.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let recorded = findings(&out);
    assert_eq!(recorded.len(), 8);
    let baseline = Baseline::load(&root.join("ci/baseline.yaml")).unwrap();
    assert_eq!(baseline.findings.len(), 8);
    // Paths are relative to the baseline file, so it works from anywhere.
    assert_eq!(baseline.findings[0].source_file, "../vi/2024/bank.vi.md");
    assert_eq!(baseline.findings[0].target_file, "../en/2024/bank.en.md");

    // With the baseline nothing is left, and the run passes.
    let out = check(&["--baseline", "ci/baseline.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(findings(&out), []);
    // The same from another directory, with the file given from there.
    let out = transcheck_in(
        &root.join("ci"),
        &["check", "--format", "json", "--baseline", "baseline.yaml"],
    );
    assert_eq!(findings(&out), []);

    // Unrelated edit: a new first paragraph on both sides moves every
    // finding of the flood article two lines down. Still nothing new.
    edit(&root.join("vi/2024/flood.txt"), |t| {
        format!("Trung tâm Dự báo Khí tượng Thủy văn quốc gia cho biết mưa sẽ giảm dần.\n\n{t}")
    });
    edit(&root.join("en/2024/flood.txt"), |t| {
        format!("The national weather forecasting centre said the rain would ease.\n\n{t}")
    });
    let out = check(&[]);
    let moved = findings(&out);
    assert!(
        moved.contains(&("term.forbidden".to_string(), "error".to_string(), Some(3))),
        "the finding did move: {moved:?}"
    );
    let out = check(&["--baseline", "ci/baseline.yaml"]);
    assert_eq!(findings(&out), [], "moved findings are not new");
    assert_eq!(out.status.code(), Some(0));

    // A new mistake is reported, and only it.
    edit(&root.join("en/2024/bank.en.md"), |t| {
        t.replace("for Vietnam's", "for Viet Nam's")
    });
    let out = check(&["--baseline", "ci/baseline.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        findings(&out),
        [("term.forbidden".to_string(), "error".to_string(), Some(1))]
    );

    // A recorded finding that was fixed is reported as info, and the run
    // still passes on it.
    edit(&root.join("en/2024/bank.en.md"), |t| {
        t.replace("for Viet Nam's", "for Vietnam's")
    });
    edit(&root.join("en/2024/flood.txt"), |t| {
        t.replace("Ha Noi", "Hanoi")
    });
    let out = check(&["--baseline", "ci/baseline.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let flood = report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["target"] == "en/2024/flood.txt")
        .unwrap();
    assert_eq!(
        flood["findings"],
        serde_json::json!([{
            "rule": "baseline.fixed",
            "severity": "info",
            "message": "fixed since the baseline: term.forbidden “Hà Nội” → “Ha Noi”",
            "source": null,
            "target": null,
            "target_anchor": null,
            "suggestion": null
        }])
    );
}

#[test]
fn a_reworded_sentence_makes_its_finding_new() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(Path::new("tests/fixtures/batch"), root);
    let check = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend_from_slice(extra);
        transcheck_in(root, &args)
    };
    check(&["--write-baseline", "baseline.yaml"]);
    edit(&root.join("en/2024/flood.txt"), |t| {
        t.replace("many districts of Ha Noi", "the suburbs of Ha Noi")
    });
    let out = check(&["--baseline", "baseline.yaml"]);
    let got = findings(&out);
    assert!(got.contains(&("term.forbidden".to_string(), "error".to_string(), Some(1))));
    assert!(got.contains(&("baseline.fixed".to_string(), "info".to_string(), None)));
    assert_eq!(got.len(), 2, "{got:?}");
}

#[test]
fn baseline_file_is_reviewable_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_tree(Path::new("tests/fixtures/batch"), root);
    transcheck_in(root, &["check", "--write-baseline", "baseline.yaml"]);
    let text = std::fs::read_to_string(root.join("baseline.yaml")).unwrap();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!("batch.baseline", text));
    // A damaged file is an input error naming the position.
    std::fs::write(
        root.join("bad.yaml"),
        "version: 1\nfindings:\n  - rule: x\n    colour: red\n",
    )
    .unwrap();
    let out = transcheck_in(root, &["check", "--baseline", "bad.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "transcheck: bad.yaml:4:5: findings[0]: unknown field `colour`, expected one of"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

/// (rule, source text, target text) of a baseline entry or a reported
/// finding: what it is about, whatever its fingerprint.
type About = (String, Option<String>, Option<String>);

fn about_entries(baseline: &Baseline) -> Vec<About> {
    baseline
        .findings
        .iter()
        .map(|e| (e.rule.clone(), e.source_text.clone(), e.target_text.clone()))
        .collect()
}

/// The findings of a JSON report that a baseline entry could be about.
fn about_findings(out: &Output) -> Vec<About> {
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    });
    let text = |v: &Value| v["text"].as_str().map(str::to_string);
    report["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["findings"].as_array().unwrap().clone())
        .map(|f| {
            // A baseline records the target text only where the finding
            // names the text at fault, not a paragraph it points into.
            let exact = f["target_anchor"].as_str().is_none_or(|a| a == "span");
            (
                f["rule"].as_str().unwrap().to_string(),
                text(&f["source"]),
                text(&f["target"]).filter(|_| exact),
            )
        })
        .collect()
}

/// Baselines in tests/fixtures/baselines were written by transcheck before
/// findings without a span of their own in the translation got a target
/// location (the clause, paragraph or gap they concern). A project's
/// baseline must keep suppressing those findings: no finding reported
/// through an old baseline may be one the baseline records.
#[test]
fn baselines_written_before_target_locations_still_match() {
    let old = Path::new("tests/fixtures/baselines");
    let mut checked = 0;
    for entry in std::fs::read_dir(old).unwrap() {
        let path = entry.unwrap().path();
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut args: Vec<String> = vec!["check".into(), "--format".into(), "json".into()];
        if stem == "batch" {
            copy_tree(Path::new("tests/fixtures/batch"), root);
        } else {
            std::fs::create_dir_all(root.join("fixtures")).unwrap();
            for side in ["vi.txt", "en.txt", "glossary.yaml"] {
                let file = format!("{stem}.{side}");
                let from = Path::new("tests/fixtures").join(&file);
                if from.exists() {
                    std::fs::copy(from, root.join("fixtures").join(&file)).unwrap();
                }
            }
            let glossary = format!("fixtures/{stem}.glossary.yaml");
            if root.join(&glossary).exists() {
                args.extend(["--glossary".into(), glossary]);
            }
            args.extend([
                "--no-config".into(),
                format!("fixtures/{stem}.vi.txt"),
                format!("fixtures/{stem}.en.txt"),
            ]);
        }
        std::fs::create_dir_all(root.join("ci")).unwrap();
        std::fs::copy(&path, root.join("ci/old.yaml")).unwrap();
        let baseline = Baseline::load(&path).unwrap();
        assert!(!baseline.findings.is_empty(), "{stem}");
        args.extend(["--baseline".into(), "ci/old.yaml".into()]);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = transcheck_in(root, &args);
        let recorded = about_entries(&baseline);
        let left = about_findings(&out);
        for finding in &left {
            assert!(
                !recorded.contains(finding),
                "{stem}: {finding:?} is recorded in the old baseline but reported as new"
            );
        }
        checked += recorded.len();
    }
    assert!(checked >= 30, "{checked} recorded findings checked");
}
