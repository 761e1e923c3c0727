//! CSV and TBX exchange: round trips keep every entry's meaning (the whole
//! shipped glossary), a CAT tool's TBX export imports with what cannot be
//! kept listed, and exports are snapshotted.

use transcheck::glossary::exchange::{self, Imported};
use transcheck::glossary::fmt::{canonical_entry, same_entry};
use transcheck::glossary::{load_str, Entry, Glossary, Limits, DEFAULT_GLOSSARY};

const COMMENTED: &str = "tests/fixtures/glossaries/commented.yaml";

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("../snapshots");
    s.set_prepend_module_to_snapshot(false);
    s
}

fn load(text: &str) -> Glossary {
    load_str(text, "g.yaml", &Limits::default()).unwrap()
}

/// Import → YAML text → load: what `glossary import` writes, read back.
fn reloaded(imported: &Imported) -> Glossary {
    load(&exchange::to_yaml(imported, "x"))
}

fn assert_same(before: &Glossary, after: &Glossary) {
    assert_eq!(before.languages, after.languages);
    assert_eq!(before.entries.len(), after.entries.len());
    for (a, b) in before.entries.iter().zip(&after.entries) {
        let a: Entry = canonical_entry(a);
        assert!(same_entry(&a, b), "\n{a:?}\n{b:?}");
    }
}

#[test]
fn the_shipped_glossary_round_trips_through_csv() {
    let g = load(DEFAULT_GLOSSARY);
    let csv = exchange::csv::export(&g).unwrap();
    assert_same(
        &g,
        &reloaded(&exchange::csv::import(&csv, "g.csv").unwrap()),
    );
}

#[test]
fn the_shipped_glossary_round_trips_through_tbx() {
    let g = load(DEFAULT_GLOSSARY);
    let tbx = exchange::tbx::export(&g, "glossaries/vi-en.yaml").unwrap();
    let imported = exchange::tbx::import(&tbx, "g.tbx").unwrap();
    assert!(imported.dropped.is_empty(), "{:?}", imported.dropped);
    assert_same(&g, &reloaded(&imported));
}

#[test]
fn awkward_values_round_trip_through_both() {
    let g = load(concat!(
        "languages: [vi, en, fr]\nentries:\n",
        "  - kind: other\n    vi: ['a|b', 'c\\d', \"x, y\"]\n    en: ['<&>', \"q\\\"uote\"]\n",
        "    note: \"two\\nlines, with \\\"quotes\\\"\"\n    case: insensitive\n    fuzzy: false\n",
        "  - id: fr-only-forbidden\n    kind: person\n    vi: [Ông Ba]\n    forbidden:\n      fr: [Monsieur Trois]\n",
    ));
    let csv = exchange::csv::export(&g).unwrap();
    assert_same(
        &g,
        &reloaded(&exchange::csv::import(&csv, "g.csv").unwrap()),
    );
    let tbx = exchange::tbx::export(&g, "g.yaml").unwrap();
    let back = reloaded(&exchange::tbx::import(&tbx, "g.tbx").unwrap());
    // TBX lists only languages that have terms; `fr` comes from the
    // forbidden form, so the declared languages survive here too.
    assert_same(&g, &back);
}

/// Cells a spreadsheet would run as formulas are exported inert (a leading
/// `'`, as OWASP recommends) and imported back exactly; a `;`-separated
/// file, as spreadsheets save in many locales, imports like a `,` one.
#[test]
fn formula_cells_are_inert_in_csv_and_round_trip() {
    let g = load(concat!(
        "languages: [vi, en]\nentries:\n",
        "  - id: '=cmd'\n    vi: ['=1+1', '+84', '-x']\n    en: ['@SUM(A1)', \"'=quoted\", \"'s-Hertogenbosch\"]\n",
        "    note: '-note'\n",
        "  - vi: a-b\n    en: a=b\n",
    ));
    let csv = exchange::csv::export(&g).unwrap();
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "live formula cell {cell:?} in\n{csv}"
            );
        }
    }
    assert_same(
        &g,
        &reloaded(&exchange::csv::import(&csv, "g.csv").unwrap()),
    );
    let semicolons = csv.replace(',', ";");
    let imported = exchange::csv::import(&semicolons, "g.csv").unwrap();
    assert_eq!(imported.languages, ["vi", "en"]);
    assert_same(&g, &reloaded(&imported));
}

#[test]
fn exports_snapshot() {
    let g = load(&std::fs::read_to_string(COMMENTED).unwrap());
    settings().bind(|| {
        insta::assert_snapshot!("glossary-export.csv", exchange::csv::export(&g).unwrap());
        insta::assert_snapshot!(
            "glossary-export.tbx",
            exchange::tbx::export(&g, COMMENTED).unwrap()
        );
    });
}

#[test]
fn a_cat_tool_export_imports() {
    for (file, name) in [
        (
            "tests/fixtures/glossaries/memoq-export.tbx",
            "glossary-import-memoq",
        ),
        (
            "tests/fixtures/glossaries/tbx-v3.tbx",
            "glossary-import-tbx-v3",
        ),
    ] {
        let text = std::fs::read_to_string(file).unwrap();
        let imported = exchange::tbx::import(&text, file).unwrap();
        let yaml = exchange::to_yaml(&imported, file);
        load(&yaml);
        let report = format!("{yaml}\n# not kept:\n{}\n", imported.dropped.join("\n"));
        settings().bind(|| insta::assert_snapshot!(name, report));
    }
}

#[test]
fn a_spreadsheet_csv_imports_with_columns_in_any_order() {
    let csv = "en,vi,note,id,forbidden:en\n\"Hanoi\",\"Hà Nội | thủ đô Hà Nội\",\"Capital, since 1976\",hanoi,Ha Noi\n";
    let g = reloaded(&exchange::csv::import(csv, "g.csv").unwrap());
    assert_eq!(g.languages, ["en", "vi"]);
    let e = &g.entries[0];
    assert_eq!(e.forms("vi"), ["Hà Nội", "thủ đô Hà Nội"]);
    assert_eq!(e.forbidden("en"), ["Ha Noi"]);
    assert_eq!(e.note.as_deref(), Some("Capital, since 1976"));
    assert_eq!(e.kind.as_str(), "term");
}
