//! A configuration is code: it may name any file as a glossary or baseline.
//! Files that turn out not to be in the expected format are refused without
//! quoting a byte of them, while real glossaries and configurations with a
//! typo still get messages that quote the typo.

use std::path::Path;
use std::process::{Command, Output};

const MARK: &str = "S3CR3T";

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs the binary")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Secret-looking files, none of them a glossary, baseline or configuration.
const NOT_OURS: [&str; 8] = [
    "root:$6$S3CR3T$hash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
    "API_KEY=\"S3CR3T\"\n",
    "password: S3CR3T\nuser: admin\n",
    "S3CR3T: [a, b]\nother: {S3CR3T2: 1}\n",
    "- S3CR3T\n",
    "{S3CR3T: [1, 2\n",
    "\tS3CR3T: tabbed\n",
    "-----BEGIN PRIVATE KEY-----\nS3CR3T\n-----END PRIVATE KEY-----\n",
];

fn pair(dir: &Path) {
    std::fs::write(dir.join("a.vi.txt"), "Xin chào.\n").unwrap();
    std::fs::write(dir.join("a.en.txt"), "Hello.\n").unwrap();
}

#[test]
fn files_of_another_format_are_refused_without_quoting_them() {
    for secret in NOT_OURS {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        pair(root);
        std::fs::write(root.join("secret"), secret).unwrap();
        std::fs::write(root.join("g.yaml"), "glossaries: [secret]\n").unwrap();
        std::fs::write(root.join("b.yaml"), "baseline: secret\n").unwrap();
        let runs: [&[&str]; 11] = [
            &["check", "--config", "g.yaml", "a.vi.txt", "a.en.txt"],
            &["check", "--config", "b.yaml", "a.vi.txt", "a.en.txt"],
            &["check", "--config", "secret", "a.vi.txt", "a.en.txt"],
            &[
                "check",
                "--no-config",
                "-g",
                "secret",
                "a.vi.txt",
                "a.en.txt",
            ],
            &["glossary", "lint", "secret"],
            &["glossary", "stats", "secret"],
            &["glossary", "export", "--to", "csv", "secret"],
            &[
                "glossary", "import", "--from", "tbx", "secret", "--to", "out.yaml",
            ],
            &[
                "glossary", "import", "--from", "csv", "secret", "--to", "out.yaml",
            ],
            &["glossary", "fmt", "secret"],
            &[
                "glossary", "add", "secret", "--lang", "vi=a", "--lang", "en=b",
            ],
        ];
        for args in runs {
            let output = run(root, args);
            let shown = text(&output);
            assert!(
                !shown.contains(MARK),
                "{args:?} on {secret:?} quoted the file:\n{shown}"
            );
            assert!(
                matches!(output.status.code(), Some(1 | 2)),
                "{args:?} on {secret:?} accepted the file:\n{shown}"
            );
            assert!(
                shown.contains("secret"),
                "{args:?}: the file is not named:\n{shown}"
            );
            let kept = std::fs::read_to_string(root.join("secret")).unwrap();
            assert_eq!(kept, secret, "{args:?} changed the file");
        }
    }
}

#[test]
fn real_files_with_a_typo_are_still_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    pair(root);
    let cases: [(&str, &str, &[&str], &str); 4] = [
        (
            "g.yaml",
            "languages: [vi, en]\nentries:\n  - vi: Hà Nội\n    en: Hanoi\n    forbiden:\n      en: Ha Noi\n",
            &["glossary", "lint", "g.yaml"],
            "unknown key `forbiden` (did you mean `forbidden`?)",
        ),
        (
            "g.yaml",
            "languages: [vi, en]\nentires: []\n",
            &["check", "--no-config", "-g", "g.yaml", "a.vi.txt", "a.en.txt"],
            "unknown top-level key `entires` (did you mean `entries`?); expected `languages` and `entries`",
        ),
        (
            "c.yaml",
            "formt: json\n",
            &["check", "--config", "c.yaml", "a.vi.txt", "a.en.txt"],
            "unknown key `formt` (did you mean `format`?)",
        ),
        (
            "b.yaml",
            "version: 1\nfindings: []\nextra: 1\n",
            &["check", "--no-config", "--baseline", "b.yaml", "a.vi.txt", "a.en.txt"],
            "extra",
        ),
    ];
    for (file, content, args, want) in cases {
        std::fs::write(root.join(file), content).unwrap();
        let output = run(root, args);
        let shown = text(&output);
        assert!(shown.contains(want), "{args:?}: want {want:?} in\n{shown}");
    }
}
