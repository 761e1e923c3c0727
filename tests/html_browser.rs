//! The HTML report in a real browser: headless Chromium (Debian's
//! `chromium` package) opens the page from a file, a probe script measures
//! every highlight — the line and column it starts at, recomputed from the
//! rendered text, its text, that it is laid out inside its column — and
//! exercises the severity filter and a click. The test compares all of it
//! with the JSON report of the same run, and keeps a screenshot under
//! target/tmp/.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const PROBE: &str = r#"<script>
"use strict";
(function () {
  const measured = [];
  for (const li of document.querySelectorAll("li.finding")) {
    for (const side of ["src", "tgt"]) {
      const marks = Array.from(document.querySelectorAll("td." + side + " mark"))
        .filter((m) => m.dataset.f.split(" ").includes(li.id));
      if (marks.length === 0) continue;
      const cell = marks[0].closest("td");
      let line = Number(cell.dataset.line), col = Number(cell.dataset.col);
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node && !marks[0].contains(node); node = walker.nextNode()) {
        for (const ch of node.data) {
          if (ch === "\n") { line += 1; col = 1; } else { col += 1; }
        }
      }
      const box = cell.getBoundingClientRect();
      const laidOut = marks.every((m) => Array.from(m.getClientRects()).every((r) =>
        r.width > 0 && r.height > 0 && r.left >= box.left - 1 && r.right <= box.right + 1 &&
        r.top >= box.top - 1 && r.bottom <= box.bottom + 1));
      const style = getComputedStyle(marks[0]);
      measured.push({ id: li.id, side, line, col, text: marks.map((m) => m.textContent).join(""),
        laidOut, highlighted: style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.borderBottomStyle === "solid" });
    }
  }
  const first = document.querySelector("mark[data-f]");
  first.click();
  const activeAfterClick = Array.from(document.querySelectorAll("li.finding.active")).map((li) => li.id);
  document.querySelector("input[data-severity=error]").click();
  const hidden = Array.from(document.querySelectorAll("li.finding")).filter((li) => li.hidden).map((li) => li.id);
  const marks = Array.from(document.querySelectorAll("mark[data-f]")).map((m) => ({ ids: m.dataset.f.split(" "), off: m.classList.contains("off") }));
  const result = JSON.stringify({ measured, clicked: first.dataset.f.split(" "), activeAfterClick, hidden, marks });
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = result.replace(/[<>&\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  document.body.appendChild(pre);
})();
</script>
"#;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(PathBuf::from)
}

/// Runs headless Chromium as these machines allow (root: no sandbox) with
/// a fresh profile.
fn run_chromium(browser: &Path, args: &[String]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("runs chromium")
}

fn transcheck(format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args([
            "check",
            "--config",
            "tests/fixtures/batch/transcheck.yaml",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// CI is set to something other than `false` or `0` (as `transcheck` reads it).
fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Under CI the browser must be there, so the ignored test below cannot be
/// left out unnoticed. Outside CI this has nothing to check.
#[test]
fn ci_has_chromium() {
    if under_ci() {
        assert!(
            chromium().is_some(),
            "CI must run the browser test; .ci/run installs chromium"
        );
    }
}

/// Needs an outside tool, so a plain `cargo test` lists it as ignored (with
/// the reason in the summary) instead of passing without running;
/// `.ci/run` runs it with `--include-ignored`, and then a missing browser
/// fails it.
#[test]
#[ignore = "needs chromium (apt-get install chromium chromium-driver); run with --include-ignored, as .ci/run does"]
fn highlights_sit_on_the_spans_the_findings_name() {
    let browser = chromium().expect(
        "chromium is not installed (apt-get install chromium chromium-driver); .ci/run installs it",
    );
    let html = transcheck("html");
    let report: Value = serde_json::from_str(&transcheck("json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let probe_page = dir.path().join("probe.html");
    std::fs::write(
        &probe_page,
        html.replace("</body>", &format!("{PROBE}</body>")),
    )
    .unwrap();
    let out = run_chromium(&browser, &["--dump-dom".to_string(), file_url(&probe_page)]);
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom.find("<pre id=\"probe\">").unwrap_or_else(|| {
        panic!(
            "the probe ran: {}\n{}",
            dom,
            String::from_utf8_lossy(&out.stderr)
        )
    }) + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let probe: Value = serde_json::from_str(&dom[start..end]).unwrap();

    // Every span of every finding of a pair shown side by side is
    // highlighted where the JSON report says, with the same text.
    let mut expected = Vec::new();
    let mut id = 0;
    let mut severities = Vec::new();
    for pair in report["pairs"].as_array().unwrap() {
        for f in pair["findings"].as_array().unwrap() {
            for (side, key) in [("src", "source"), ("tgt", "target")] {
                let span = &f[key];
                if !span.is_null() {
                    let text = span["text"].as_str().unwrap().replace("\r\n", "\n");
                    expected.push((
                        format!("f{id}"),
                        side,
                        span["line"].clone(),
                        span["column"].clone(),
                        text,
                    ));
                }
            }
            severities.push((
                format!("f{id}"),
                f["severity"].as_str().unwrap().to_string(),
            ));
            id += 1;
        }
    }
    let measured = probe["measured"].as_array().unwrap();
    assert!(
        expected.len() >= 8,
        "the fixture has findings on both sides"
    );
    assert_eq!(measured.len(), expected.len(), "{measured:#?}");
    for (m, (id, side, line, column, text)) in measured.iter().zip(&expected) {
        let what = format!("{id} {side}");
        assert_eq!(m["id"], id.as_str(), "{what}");
        assert_eq!(m["side"], *side, "{what}");
        assert_eq!(&m["line"], line, "{what}: line");
        assert_eq!(&m["col"], column, "{what}: column");
        assert_eq!(m["text"], text.as_str(), "{what}: text");
        assert_eq!(m["laidOut"], true, "{what}: visible inside its column");
        assert_eq!(m["highlighted"], true, "{what}: drawn as a highlight");
    }

    // A click on a highlight selects its findings in the list.
    assert_eq!(probe["activeAfterClick"], probe["clicked"]);
    // Unticking `error` hides the error findings and turns off the
    // highlights that only they had.
    let errors: Vec<&str> = severities
        .iter()
        .filter(|(_, s)| s == "error")
        .map(|(id, _)| id.as_str())
        .collect();
    let hidden: Vec<&str> = probe["hidden"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(hidden, errors);
    for mark in probe["marks"].as_array().unwrap() {
        let only_errors = mark["ids"]
            .as_array()
            .unwrap()
            .iter()
            .all(|id| errors.contains(&id.as_str().unwrap()));
        assert_eq!(mark["off"], only_errors, "{mark}");
    }

    // A screenshot of the page as a reader sees it, kept with the build.
    let page = dir.path().join("report.html");
    std::fs::write(&page, &html).unwrap();
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-report.png");
    let _ = std::fs::remove_file(&shot);
    let out = run_chromium(
        &browser,
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,2200".to_string(),
            file_url(&page),
        ],
    );
    let png = std::fs::read(&shot)
        .unwrap_or_else(|e| panic!("screenshot: {e}\n{}", String::from_utf8_lossy(&out.stderr)));
    assert!(png.starts_with(b"\x89PNG"), "a PNG image");
    println!("screenshot: {}", shot.display());
}
