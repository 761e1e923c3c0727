//! `glossary add`: the new entry goes in as new lines and every other byte
//! stays; conflicts are refused with the file untouched; two processes
//! adding at the same moment both get their entry in.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use transcheck::glossary::{load_str, Limits};

const COMMENTED: &str = "tests/fixtures/glossaries/commented.yaml";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("transcheck-add-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn transcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_transcheck"))
        .env("TRANSCHECK_NO_CONFIG", "1")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn ids(text: &str) -> Vec<String> {
    load_str(text, "g.yaml", &Limits::default())
        .unwrap()
        .entries
        .into_iter()
        .filter_map(|e| e.id)
        .collect()
}

#[test]
fn a_glossary_full_of_comments_survives_add() {
    let dir = scratch("comments");
    let original = std::fs::read_to_string(COMMENTED).unwrap();
    std::fs::write(dir.join("g.yaml"), &original).unwrap();
    let out = transcheck(
        &dir,
        &[
            "glossary",
            "add",
            "g.yaml",
            "--id",
            "hue",
            "--kind",
            "place",
            "--lang",
            "vi=Huế",
            "--lang",
            "vi=cố đô Huế",
            "--lang",
            "en=Hue",
            "--note",
            "Centrally-run city since 2025.",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "g.yaml:46: added entry 6 (id: hue)\n"
    );
    let new = std::fs::read_to_string(dir.join("g.yaml")).unwrap();
    // Everything before and after the inserted lines is byte for byte the
    // original: the entry goes right after the last entry's last line.
    let cut = original.find("    fuzzy: no\n").unwrap() + "    fuzzy: no\n".len();
    let inserted = "  - id: hue\n    kind: place\n    vi: [Huế, cố đô Huế]\n    en: [Hue]\n    note: Centrally-run city since 2025.\n";
    assert_eq!(
        new,
        format!("{}{inserted}{}", &original[..cut], &original[cut..])
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn conflicts_are_refused_and_nothing_is_written() {
    let dir = scratch("refuse");
    let original = std::fs::read_to_string(COMMENTED).unwrap();
    std::fs::write(dir.join("g.yaml"), &original).unwrap();
    let out = transcheck(
        &dir,
        &[
            "glossary",
            "add",
            "g.yaml",
            "--id",
            "ha-noi",
            "--kind",
            "place",
            "--lang",
            "vi=Hà Nội",
            "--lang",
            "en=Ha Noi",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    settings().bind(|| {
        insta::assert_snapshot!("glossary-add-refused", String::from_utf8_lossy(&out.stdout))
    });
    assert_eq!(
        std::fs::read_to_string(dir.join("g.yaml")).unwrap(),
        original
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn warnings_do_not_stop_an_entry() {
    let dir = scratch("warn");
    std::fs::copy(COMMENTED, dir.join("g.yaml")).unwrap();
    let out = transcheck(
        &dir,
        &[
            "glossary",
            "add",
            "g.yaml",
            "--id",
            "only-vi",
            "--lang",
            "vi=chỉ tiếng Việt",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("warning[single-language]"), "{text}");
    assert!(
        ids(&std::fs::read_to_string(dir.join("g.yaml")).unwrap()).contains(&"only-vi".to_string())
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Two processes add at the same moment. Each holds the glossary's lock
/// for a while after reading it (a test hook), so without the lock both
/// would read the same file and the second write would drop the first
/// entry; with it, the second waits and reads the first's result.
#[test]
fn two_processes_adding_at_once_keep_both_entries() {
    let dir = scratch("concurrent");
    std::fs::copy(COMMENTED, dir.join("g.yaml")).unwrap();
    let spawn = |id: &str, vi: &str| {
        Command::new(env!("CARGO_BIN_EXE_transcheck"))
            .env("TRANSCHECK_NO_CONFIG", "1")
            .args(["glossary", "add", "g.yaml", "--id", id, "--kind", "place"])
            .arg("--lang")
            .arg(format!("vi={vi}"))
            .arg("--lang")
            .arg(format!("en={id}"))
            .env("TRANSCHECK_TEST_HOLD_LOCK_MS", "400")
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn("hai-phong", "Hải Phòng");
    let b = spawn("can-tho", "Cần Thơ");
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = std::fs::read_to_string(dir.join("g.yaml")).unwrap();
    let ids = ids(&text);
    assert!(
        ids.contains(&"hai-phong".to_string()) && ids.contains(&"can-tho".to_string()),
        "{ids:?}"
    );
    assert_eq!(ids.len(), 7);
    assert!(!dir.join(".g.yaml.lock").exists());
    std::fs::remove_dir_all(dir).unwrap();
}

/// `add` starts a glossary that does not exist yet (declaring the entry's
/// languages) and calls a refusal for an undeclared language what it is,
/// not a conflict; a refused add to a new file leaves no file behind.
#[test]
fn add_starts_a_new_file_and_names_an_undeclared_language() {
    let dir = scratch("new-file");
    let out = transcheck(
        &dir,
        &[
            "glossary",
            "add",
            "new.yaml",
            "--kind",
            "place",
            "--lang",
            "vi=Hà Nội",
            "--lang",
            "en=Hanoi",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.join("new.yaml")).unwrap();
    let g = load_str(&text, "new.yaml", &Limits::default()).unwrap();
    assert_eq!(g.languages, ["vi", "en"]);
    assert_eq!(g.entries[0].preferred("en"), Some("Hanoi"));
    // Refusals: an undeclared language, beside a real conflict.
    let cases: [(&[&str], &str); 2] = [
        (
            &["--lang", "vi=Huế", "--lang", "fr=Hué"],
            "uses a language the glossary does not declare",
        ),
        (
            &["--lang", "vi=Hà Nội", "--lang", "en=Ha Noi"],
            "it conflicts with the glossary",
        ),
    ];
    for (forms, why) in cases {
        let mut args = vec!["glossary", "add", "new.yaml"];
        args.extend_from_slice(forms);
        let out = transcheck(&dir, &args);
        let shown = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{shown}");
        assert!(shown.contains(why), "want {why:?} in {shown}");
        assert_eq!(std::fs::read_to_string(dir.join("new.yaml")).unwrap(), text);
    }
    let out = transcheck(
        &dir,
        &[
            "glossary",
            "add",
            "refused.yaml",
            "--lang",
            "vi=",
            "--lang",
            "en=x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("refused.yaml").exists());
}
