//! Replays every input that ever crashed a fuzz target
//! (`tests/fuzz-regressions/<target>/`) and the seed corpora
//! (`fuzz/corpus/<target>/`) through the same assertions the fuzz targets
//! make (`transcheck::fuzzing`), on a stable toolchain, in `cargo test`.

use std::path::Path;

use transcheck::fuzzing;

/// A fuzz target's body.
type Target = fn(&[u8]);

/// Every fuzz target by name, with its body.
const TARGETS: [(&str, Target); 9] = [
    ("glossary", fuzzing::glossary),
    ("numbers_vi", |d| fuzzing::numbers("vi", d)),
    ("numbers_en", |d| fuzzing::numbers("en", d)),
    ("normalize", fuzzing::normalize),
    ("align", fuzzing::align),
    ("check", fuzzing::check),
    ("check_big", fuzzing::check_big),
    ("config", fuzzing::config),
    ("baseline", fuzzing::baseline),
];

/// Runs each file under `dir/<target>/` through its target; returns how
/// many ran.
fn replay(dir: &str) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut ran = 0;
    for (name, target) in TARGETS {
        let Ok(entries) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(outcome.is_ok(), "{name}: {} fails", path.display());
            ran += 1;
        }
    }
    ran
}

#[test]
fn seed_corpora_pass_every_target() {
    assert!(replay("fuzz/corpus") >= 8, "the seed corpora are missing");
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .map(|e| e.unwrap().path())
            .map(|p| if p.is_dir() { files_under(&p) } else { 1 })
            .sum()
    })
}

/// Every saved input is replayed: one in a directory that names no target
/// (a typo, a renamed target) would otherwise be skipped without a word.
#[test]
fn saved_crashes_stay_fixed() {
    let dir = "tests/fuzz-regressions";
    let saved = files_under(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir));
    assert!(saved > 0, "no saved inputs found under {dir}");
    assert_eq!(
        replay(dir),
        saved,
        "inputs under {dir} that no fuzz target replays (each belongs in <target>/)"
    );
}
