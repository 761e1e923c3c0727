//! The name options of `transcheck check`, run as a user would:
//! `--name-threshold` and the name rules' interplay with `--rule`.

use std::path::PathBuf;
use std::process::{Command, Output};

fn transcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("runs the binary")
}

fn check(vi: &str, en: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", vi, en, "--format", "json"];
    args.extend_from_slice(extra);
    transcheck(&args)
}

/// (rule, flagged text) of every finding in a JSON report.
fn findings(out: &Output) -> Vec<(String, String)> {
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is the JSON report");
    json["pairs"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            // The flagged text: the target span when it is the text at
            // fault, not only the clause or paragraph it is in.
            let exact = f["target_anchor"] == "span";
            let text = f["target"]["text"]
                .as_str()
                .filter(|_| exact)
                .or(f["source"]["text"].as_str())
                .unwrap_or("");
            (
                f["rule"].as_str().unwrap_or("").to_string(),
                text.to_string(),
            )
        })
        .collect()
}

/// A pair written to a fresh temporary directory.
fn pair(name: &str, vi: &str, en: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("transcheck-cli-names-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (v, e) = (
        dir.join(format!("{name}.vi.txt")),
        dir.join(format!("{name}.en.txt")),
    );
    std::fs::write(&v, vi).unwrap();
    std::fs::write(&e, en).unwrap();
    (v, e)
}

const NATO: [&str; 2] = [
    "tests/fixtures/names-nato-washington.vi.txt",
    "tests/fixtures/names-nato-washington.en.txt",
];

#[test]
fn stricter_thresholds_drop_typos_but_not_romanizations() {
    let variants = |extra: &[&str]| -> Vec<String> {
        let out = check(NATO[0], NATO[1], extra);
        assert_eq!(out.status.code(), Some(1), "{extra:?}");
        findings(&out)
            .into_iter()
            .filter(|(rule, _)| rule == "name.variant")
            .map(|(_, text)| text)
            .collect()
    };
    assert_eq!(
        variants(&[]),
        ["Stoltenburg", "Benjamin Netanyhu", "Masoud Pezeshkyan"]
    );
    // One edit in 9-11 letters scores 0.89-0.91: below 0.95.
    assert_eq!(
        variants(&["--name-threshold", "dl=0.95"]),
        ["Masoud Pezeshkyan"]
    );
    // Repeated, the last value of each key wins.
    assert_eq!(
        variants(&[
            "--name-threshold",
            "dl=0.95",
            "--name-threshold",
            "jw=0.99",
            "--name-threshold",
            "dl=0.8"
        ]),
        ["Stoltenburg", "Benjamin Netanyhu", "Masoud Pezeshkyan"]
    );
}

#[test]
fn looser_thresholds_catch_two_edits_instead_of_term_missing() {
    let (vi, en) = pair(
        "merkel",
        "Cựu Thủ tướng Đức Angela Merkel phát biểu tại Berlin.\n",
        "Former German Chancellor Angela Markell spoke in Berlin.\n",
    );
    let (vi, en) = (vi.to_str().unwrap(), en.to_str().unwrap());
    // Two edits in seven letters (0.71) is no near-miss by default: the
    // rendering is simply missing (term.missing points at the translator's
    // words).
    let default = findings(&check(vi, en, &[]));
    assert_eq!(
        default,
        [("term.missing".to_string(), "Angela Markell".to_string())]
    );
    let loose = findings(&check(vi, en, &["--name-threshold", "dl=0.7"]));
    assert_eq!(
        loose,
        [("name.variant".to_string(), "Angela Markell".to_string())]
    );
}

#[test]
fn with_name_variant_off_term_missing_reports_the_misspelling() {
    let out = check(NATO[0], NATO[1], &["--rule", "name.variant=off"]);
    // term.missing no longer defers: it reports each entry whose rendering
    // is missing (the surname alone has no target span to point at, so the
    // source "Stoltenberg" stands for it).
    let got = findings(&out);
    assert_eq!(
        got,
        [
            ("term.missing".to_string(), "Stoltenberg".to_string()),
            // The planted Orbán/Orban mix is a different rule and stays.
            ("name.inconsistent".to_string(), "Viktor Orbán".to_string()),
            ("term.missing".to_string(), "Benjamin Netanyhu".to_string()),
            ("term.missing".to_string(), "Masoud Pezeshkyan".to_string()),
        ]
    );
}

#[test]
fn bad_thresholds_are_usage_errors() {
    for (value, message) in [
        (
            "0.9",
            "transcheck: `--name-threshold 0.9`: expected jw=SCORE or dl=SCORE, e.g. dl=0.85\n",
        ),
        (
            "dl=high",
            "transcheck: `--name-threshold dl=high`: `high` is not a number\n",
        ),
        (
            "lev=0.9",
            "transcheck: `--name-threshold lev=0.9`: unknown threshold `lev`; use jw or dl\n",
        ),
        (
            "jw=1.5",
            "transcheck: `--name-threshold jw=1.5`: name threshold `jw` must be a number greater than 0 and at most 1, not 1.5\n",
        ),
    ] {
        let out = check(NATO[0], NATO[1], &["--name-threshold", value]);
        assert_eq!(out.status.code(), Some(2), "{value}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), message);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn name_rules_can_be_tuned_as_a_family() {
    let out = check(
        "tests/fixtures/names-eu-ukraine.vi.txt",
        "tests/fixtures/names-eu-ukraine.en.txt",
        &["--rule", "name.*=info", "--fail-on", "warning"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(findings(&out).len(), 4);
    let out = check(
        "tests/fixtures/names-eu-ukraine.vi.txt",
        "tests/fixtures/names-eu-ukraine.en.txt",
        &["--rule", "name.copy=off", "--fail-on", "warning"],
    );
    assert_eq!(out.status.code(), Some(1));
    let rules: Vec<String> = findings(&out).into_iter().map(|(r, _)| r).collect();
    assert_eq!(rules, ["name.inconsistent", "name.inconsistent"]);
}

/// One kind of mistake, one rule: a misspelled glossary name is
/// `name.variant`, whatever the letters did (a swap, a wrong vowel, a short
/// token), and the message quotes and the report underlines the
/// translator's spelling. Each case beside its correct look-alike.
#[test]
fn misspelled_names_are_one_rule_quoting_the_translators_spelling() {
    let vi = "Chủ tịch Ủy ban châu Âu Ursula von der Leyen gặp Tổng thống Ukraine Volodymyr Zelensky tại Brussels hôm thứ Năm.\n";
    let sentence = |leyen: &str, zelensky: &str| {
        format!("European Commission President Ursula von der {leyen} met Ukrainian President Volodymyr {zelensky} in Brussels on Thursday.\n")
    };
    let cases: [(&str, &str, &[&str]); 5] = [
        ("Leyen", "Zelensky", &[]),
        ("Layen", "Zelensky", &["Ursula von der Layen"]),
        ("Leyen", "Zelenksy", &["Volodymyr Zelenksy"]),
        ("Leyen", "Zalensky", &["Volodymyr Zalensky"]),
        ("Lyen", "Zelenskyy", &["Ursula von der Lyen"]),
    ];
    for (i, (leyen, zelensky, wrong)) in cases.into_iter().enumerate() {
        let (v, e) = pair(&format!("misspelt-{i}"), vi, &sentence(leyen, zelensky));
        let out = check(v.to_str().unwrap(), e.to_str().unwrap(), &[]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let reported: Vec<&serde_json::Value> = json["pairs"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "segment.extra")
            .collect();
        let texts: Vec<&str> = reported
            .iter()
            .map(|f| f["target"]["text"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(texts, wrong, "{leyen} {zelensky}: {reported:#?}");
        for f in reported {
            assert_eq!(f["rule"], "name.variant", "{f:#}");
            let quoted = format!("“{}”", f["target"]["text"].as_str().unwrap());
            assert!(f["message"].as_str().unwrap().starts_with(&quoted), "{f:#}");
        }
    }
}
