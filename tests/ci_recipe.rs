//! The README's CI recipe, run as a new user would: its sample
//! `transcheck.yaml` (taken from the README itself) in a fresh git
//! repository, then the recipe's commands in order. Also the workflow
//! examples (cached build, no made-up tag) and that TRANSCHECK_NO_CONFIG
//! keeps a parent directory's configuration out of a run.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_transcheck");

fn readme() -> String {
    fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

/// The README's sample configuration, verbatim.
fn sample_config() -> String {
    let readme = readme();
    let start = readme.find("```yaml\n# transcheck.yaml\n").unwrap() + "```yaml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_string()
}

/// Runs transcheck in `dir` the way CI would: with discovery of the
/// project's own transcheck.yaml (which `dir` has, so no parent's counts).
fn run(dir: &Path, args: &[&str]) -> Output {
    assert!(dir.join("transcheck.yaml").exists());
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("TRANSCHECK_NO_CONFIG")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

fn house_glossary(tourism_department_allowed: bool) -> String {
    let mut text = String::from(
        "languages: [vi, en]\nentries:\n  - id: tourism-department\n    kind: organization\n    vi: [Sở Du lịch]\n",
    );
    if tourism_department_allowed {
        text.push_str("    en: [Department of Tourism, Tourism Department]\n");
    } else {
        text.push_str(
            "    en: [Department of Tourism]\n    forbidden:\n      en: [Tourism Department]\n",
        );
    }
    text
}

/// A project laid out as the sample configuration expects, with one pair
/// whose number is wrong (15 ⇔ 16).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("transcheck.yaml"), sample_config()).unwrap();
    for sub in ["articles/vi", "articles/en", "glossaries"] {
        fs::create_dir_all(d.join(sub)).unwrap();
    }
    fs::write(d.join("glossaries/house-style.yaml"), house_glossary(true)).unwrap();
    fs::write(
        d.join("articles/vi/cave.vi.txt"),
        "Sở Du lịch cho biết có 15 du khách bị lạc trong hang.\n",
    )
    .unwrap();
    fs::write(
        d.join("articles/en/cave.en.txt"),
        "The Tourism Department said 16 visitors got lost in the cave.\n",
    )
    .unwrap();
    dir
}

fn out_err(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_recipe_works_with_the_sample_configuration() {
    let dir = project();
    let d = dir.path();

    // The pull-request step: annotations in the log, even though the
    // sample sets `output:` (for its own format), and no baseline yet.
    let out = run(d, &["check", "--format", "github"]);
    let (stdout, stderr) = out_err(&out);
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(
        stdout.contains("::error file=articles/en/cave.en.txt,line=1"),
        "{stdout}"
    );
    assert!(
        stderr.contains("transcheck-baseline.yaml does not exist yet")
            && stderr.contains("--write-baseline"),
        "{stderr}"
    );

    // The SARIF step writes where its command line says.
    let out = run(
        d,
        &[
            "check",
            "--format",
            "sarif",
            "--output",
            "transcheck.sarif",
            "--fail-on",
            "never",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", out_err(&out).1);
    let sarif = fs::read_to_string(d.join("transcheck.sarif")).unwrap();
    assert!(sarif.contains("number.mismatch"), "{sarif}");

    // Recording the baseline with `baseline:` configured: it says what it
    // recorded, and the report (to the configured `output:`) shows it.
    let out = run(
        d,
        &["check", "--write-baseline", "transcheck-baseline.yaml"],
    );
    let (_, stderr) = out_err(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("recorded 1 finding in transcheck-baseline.yaml"),
        "{stderr}"
    );
    let report = fs::read_to_string(d.join("reports/transcheck.txt")).unwrap();
    assert!(report.contains("number.mismatch"), "{report}");
    assert!(!report.contains("0 errors"), "{report}");

    // With the baseline, the old finding no longer fails the build.
    let out = run(d, &["check", "--format", "github"]);
    let (stdout, stderr) = out_err(&out);
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(!stdout.contains("::error"), "{stdout}");

    // A change to the glossary alone re-checks every pair.
    git(d, &["init", "-q", "."]);
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "start"]);
    let out = run(
        d,
        &["check", "--changed-since", "HEAD", "--format", "github"],
    );
    assert!(
        out_err(&out).0.contains("0 pairs checked"),
        "{:?}",
        out_err(&out)
    );
    fs::write(d.join("glossaries/house-style.yaml"), house_glossary(false)).unwrap();
    let out = run(
        d,
        &["check", "--changed-since", "HEAD", "--format", "github"],
    );
    let (stdout, stderr) = out_err(&out);
    assert!(
        stdout.contains("title=term.forbidden::“Tourism Department”"),
        "{stdout}{stderr}"
    );
    assert!(
        stderr.contains("glossaries/house-style.yaml changed since HEAD; checking every pair"),
        "{stderr}"
    );
}

#[test]
fn the_workflow_examples_cache_the_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let github = fs::read_to_string(root.join("examples/ci/github-actions.yml")).unwrap();
    assert!(github.contains("uses: actions/cache@"), "{github}");
    assert!(github.contains("path: ~/.cargo/bin/transcheck"), "{github}");
    // The install runs only when the cache missed, and installs the commit
    // the cache key names.
    let install = github
        .lines()
        .position(|l| l.contains("cargo install"))
        .unwrap();
    assert!(
        github
            .lines()
            .nth(install - 1)
            .unwrap()
            .contains("cache-hit != 'true'"),
        "{github}"
    );
    assert!(github.contains("--rev \"${{ vars.TRANSCHECK_REV }}\""));
    assert!(github.contains("key: transcheck-${{ runner.os }}-${{ vars.TRANSCHECK_REV }}"));

    let gitlab = fs::read_to_string(root.join("examples/ci/gitlab-ci.yml")).unwrap();
    assert!(
        gitlab.contains("cache:\n    key: transcheck-$TRANSCHECK_REV"),
        "{gitlab}"
    );
    assert!(gitlab.contains("if ! transcheck --version"), "{gitlab}");
    assert!(gitlab.contains("--rev \"$TRANSCHECK_REV\""), "{gitlab}");
}

/// The pre-commit snippet names a revision that can exist: there are no
/// release tags, so a `vX.Y.Z` there would be made up.
#[test]
fn the_pre_commit_snippet_names_no_missing_tag() {
    let readme = readme();
    let rev = readme
        .lines()
        .find_map(|l| l.trim().strip_prefix("rev: "))
        .expect("the README shows a pre-commit rev")
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let tags = Command::new("git")
        .args(["tag", "--list"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let looks_like_tag = rev.starts_with('v') && rev[1..].starts_with(|c: char| c.is_ascii_digit());
    assert!(
        !looks_like_tag || tags.lines().any(|t| t == rev),
        "the README's pre-commit rev `{rev}` is a tag this repository does not have"
    );
}

/// TRANSCHECK_NO_CONFIG: a transcheck.yaml in a parent directory does not
/// change a run (here it would turn the wrong number's error off); an
/// explicit --config is still read.
#[test]
fn no_config_env_keeps_a_parent_configuration_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("transcheck.yaml"), "rules:\n  number.*: off\n").unwrap();
    let work = d.join("work");
    fs::create_dir(&work).unwrap();
    fs::write(work.join("a.vi.txt"), "Có 15 du khách bị lạc.\n").unwrap();
    fs::write(work.join("a.en.txt"), "16 visitors got lost.\n").unwrap();
    let check = |env: Option<&str>, extra: &[&str]| {
        let mut c = Command::new(BIN);
        c.args(["check", "a.vi.txt", "a.en.txt"])
            .args(extra)
            .current_dir(&work);
        match env {
            Some(v) => c.env("TRANSCHECK_NO_CONFIG", v),
            None => c.env_remove("TRANSCHECK_NO_CONFIG"),
        };
        c.output().unwrap().status.code()
    };
    assert_eq!(
        check(None, &[]),
        Some(0),
        "discovery finds the parent's file"
    );
    assert_eq!(check(Some("1"), &[]), Some(1));
    assert_eq!(check(Some("0"), &[]), Some(0));
    assert_eq!(
        check(Some("1"), &["--config", "../transcheck.yaml"]),
        Some(0)
    );
}
