//! The name rules on the name fixtures (`tests/fixtures/names-*`): every
//! planted error is flagged by the right rule with the right suggestion,
//! nothing else is flagged, and none of the correct look-alike names is
//! touched. Also: a batch of articles is checked for spellings across
//! articles, and the Vietnamese syllable recognizer is run on every word of
//! every fixture.

use std::collections::BTreeSet;
use std::path::Path;

use transcheck::finding::Finding;
use transcheck::input::SourceText;
use transcheck::names::syllable::is_vietnamese_syllable;
use transcheck::normalize::normalize_str;
use transcheck::{Checker, Glossary, PairReport};

/// (fixture, rule, flagged text in the translation, suggestion).
const PLANTED: &[(&str, &str, &str, &str)] = &[
    // Another romanization than the glossary's.
    (
        "names-mishustin-beijing",
        "name.variant",
        "Mihail Mishustin",
        "Mikhail Mishustin",
    ),
    (
        "names-mishustin-beijing",
        "name.variant",
        "Volodymyr Zelenskij",
        "Volodymyr Zelensky",
    ),
    (
        "names-nato-washington",
        "name.variant",
        "Masoud Pezeshkyan",
        "Masoud Pezeshkian",
    ),
    (
        "names-house-style",
        "name.variant",
        "Sergey Lavrov",
        "Sergei Lavrov",
    ),
    // Two spellings the glossary accepts, mixed in one article: the
    // glossary's preferred one wins.
    (
        "names-nato-washington",
        "name.inconsistent",
        "Viktor Orbán",
        "Viktor Orban",
    ),
    // A typo.
    (
        "names-mishustin-beijing",
        "name.variant",
        "Xi Jingping",
        "Xi Jinping",
    ),
    (
        "names-blinken-hanoi",
        "name.variant",
        "Antony Blinkin",
        "Antony Blinken",
    ),
    (
        "names-nato-washington",
        "name.variant",
        "Benjamin Netanyhu",
        "Benjamin Netanyahu",
    ),
    // A surname alone: where the source names the person, and where it
    // does not ("the Russian foreign minister" → "Mr. Lavrow").
    (
        "names-nato-washington",
        "name.variant",
        "Stoltenburg",
        "Stoltenberg",
    ),
    (
        "names-mishustin-beijing",
        "name.variant",
        "Lavrow",
        "Lavrov",
    ),
    // One wrong syllable of a Vietnamese name.
    (
        "names-blinken-hanoi",
        "name.variant",
        "Nguyen Phu Truong",
        "Nguyen Phu Trong",
    ),
    // Diacritics kept against the house style.
    (
        "names-blinken-hanoi",
        "name.variant",
        "Phạm Minh Chính",
        "Pham Minh Chinh",
    ),
    // Spacing and hyphens against the house style.
    (
        "names-korea-taiwan",
        "name.variant",
        "Lai Ching Te",
        "Lai Ching-te",
    ),
    (
        "names-korea-taiwan",
        "name.variant",
        "Tsai Ing Wen",
        "Tsai Ing-wen",
    ),
    (
        "names-house-style",
        "name.variant",
        "Kim Jong-un",
        "Kim Jong Un",
    ),
    // A foreign name of the source misspelled or dropped (no glossary entry).
    (
        "names-eu-ukraine",
        "name.copy",
        "Valdis Dombroskis",
        "Valdis Dombrovskis",
    ),
    ("names-eu-ukraine", "name.copy", "", "Wopke Hoekstra"),
    // A Vietnamese name the glossary lacks, one syllable changed.
    (
        "names-blinken-hanoi",
        "name.copy",
        "Pham Thu Hong",
        "Pham Thu Hang",
    ),
    // Two spellings in one article, no glossary entry.
    (
        "names-eu-ukraine",
        "name.inconsistent",
        "Kondratyuk",
        "Kondratiuk",
    ),
    (
        "names-eu-ukraine",
        "name.inconsistent",
        "Jean-Noel Barrot",
        "Jean-Noël Barrot",
    ),
];

/// Correct names in the translations that look like other names, or like
/// the planted errors: no name rule may flag them.
const LOOKALIKES: &[(&str, &str)] = &[
    ("names-mishustin-beijing", "Li Qiang"),
    ("names-mishustin-beijing", "Li Keqiang"),
    ("names-mishustin-beijing", "Dmitry Peskov"),
    ("names-mishustin-beijing", "Dmitry Medvedev"),
    ("names-mishustin-beijing", "Sergei Shoigu"),
    ("names-mishustin-beijing", "Vladimir Putin"),
    ("names-mishustin-beijing", "Mikhail Mishustin"),
    ("names-blinken-hanoi", "Nguyen Phu Trong"),
    ("names-blinken-hanoi", "Nguyen Xuan Phuc"),
    ("names-blinken-hanoi", "Vo Van Kiet"),
    ("names-blinken-hanoi", "Vo Van Thuong"),
    ("names-blinken-hanoi", "Phan Van Giang"),
    ("names-blinken-hanoi", "Bui Thanh Son"),
    ("names-blinken-hanoi", "Nguyen Quoc Dung"),
    ("names-blinken-hanoi", "Bill Clinton"),
    ("names-blinken-hanoi", "Kamala Harris"),
    ("names-korea-taiwan", "Kim Jong Un"),
    ("names-korea-taiwan", "Kim Yo Jong"),
    ("names-korea-taiwan", "Kim Il Sung"),
    ("names-korea-taiwan", "Kim Jong Il"),
    ("names-korea-taiwan", "South Korea"),
    ("names-korea-taiwan", "North Korea"),
    ("names-korea-taiwan", "Hun Manet"),
    ("names-korea-taiwan", "Hun Sen"),
    ("names-korea-taiwan", "Lee Hsien Loong"),
    ("names-korea-taiwan", "Lee Kuan Yew"),
    ("names-korea-taiwan", "Paetongtarn Shinawatra"),
    ("names-korea-taiwan", "Thaksin Shinawatra"),
    ("names-eu-ukraine", "Olena Kondratiuk"),
    ("names-eu-ukraine", "Olena Zelenska"),
    ("names-eu-ukraine", "Volodymyr Zelensky"),
    ("names-eu-ukraine", "Austria"),
    ("names-eu-ukraine", "Australia"),
    ("names-eu-ukraine", "Slovakia"),
    ("names-eu-ukraine", "Slovenia"),
    ("names-eu-ukraine", "Donald Tusk"),
    ("names-eu-ukraine", "Jean-Noël Barrot"),
    ("names-house-style", "Kim Yo Jong"),
    ("names-house-style", "Kim Jong Un"),
    ("names-house-style", "Choe Son Hui"),
    ("names-nato-washington", "Joe Biden"),
    ("names-nato-washington", "Hunter Biden"),
    ("names-nato-washington", "Jens Stoltenberg"),
    ("names-nato-washington", "Mark Rutte"),
    ("names-nato-washington", "Recep Tayyip Erdoğan"),
];

fn checker_for(stem: &str) -> Checker {
    let own = format!("tests/fixtures/{stem}.glossary.yaml");
    let glossary = if Path::new(&own).exists() {
        Glossary::load_files(&[own], &Default::default()).unwrap()
    } else {
        Glossary::default_vi_en().unwrap()
    };
    Checker::new(glossary, "vi", "en", Default::default())
}

fn check(dir: &str, stem: &str) -> PairReport {
    let read =
        |lang: &str| SourceText::read(Path::new(&format!("{dir}/{stem}.{lang}.txt"))).unwrap();
    checker_for(stem).check(read("vi"), read("en"))
}

fn name_findings(report: &PairReport) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.rule.starts_with("name."))
        .collect()
}

fn stems() -> BTreeSet<&'static str> {
    PLANTED.iter().map(|(s, ..)| *s).collect()
}

#[test]
fn every_planted_error_is_flagged_with_its_suggestion_and_nothing_else() {
    assert!(PLANTED.len() >= 15);
    let mut wrong = Vec::new();
    for stem in stems() {
        let report = check("tests/fixtures", stem);
        let found = name_findings(&report);
        let planted: Vec<_> = PLANTED.iter().filter(|(s, ..)| *s == stem).collect();
        for (_, rule, text, suggestion) in &planted {
            let hit = found.iter().any(|f| {
                f.rule == *rule
                    && f.suggestion.as_deref() == Some(*suggestion)
                    && f.exact_target().map_or("", |t| t.text.as_str()) == *text
            });
            if !hit {
                wrong.push(format!(
                    "{stem}: {rule} {text:?} -> {suggestion:?} not flagged"
                ));
            }
        }
        if found.len() != planted.len() {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{} {}", f.rule, f.message))
                .collect();
            wrong.push(format!(
                "{stem}: {} name findings for {} planted errors: {got:#?}",
                found.len(),
                planted.len()
            ));
        }
        // The planted names are the only problems of these articles.
        let others: Vec<&str> = report
            .findings
            .iter()
            .filter(|f| !f.rule.starts_with("name.") && stem != "names-house-style")
            .map(|f| f.rule)
            .collect();
        if !others.is_empty() {
            wrong.push(format!("{stem}: other findings {others:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_lookalike_is_flagged() {
    assert!(LOOKALIKES.len() >= 30);
    let mut wrong = Vec::new();
    for stem in stems() {
        let report = check("tests/fixtures", stem);
        // Findings carry original byte ranges: search the original text.
        let target = &report.target.text;
        let flagged: Vec<_> = name_findings(&report)
            .into_iter()
            .filter_map(|f| f.exact_target())
            .map(|t| t.range.clone())
            .collect();
        for (_, name) in LOOKALIKES.iter().filter(|(s, _)| *s == stem) {
            let at: Vec<usize> = target.match_indices(name).map(|(i, _)| i).collect();
            assert!(!at.is_empty(), "{stem}: {name} is not in the translation");
            for start in at {
                let end = start + name.len();
                if flagged.iter().any(|r| r.start < end && start < r.end) {
                    wrong.push(format!("{stem}: {name} flagged"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_example_misspells_the_japanese_foreign_minister() {
    let report = check("examples", "g7-ukraine");
    let found = name_findings(&report);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "name.copy");
    assert_eq!(found[0].target.as_ref().unwrap().text, "Takeshi Iwata");
    assert_eq!(found[0].suggestion.as_deref(), Some("Takeshi Iwaya"));
}

#[test]
fn spellings_are_compared_across_the_articles_of_a_batch() {
    let checker = Checker::new(
        Glossary::default_vi_en().unwrap(),
        "vi",
        "en",
        Default::default(),
    );
    let pair = |n: usize, vi: &str, en: &str| {
        (
            SourceText::new(format!("{n}.vi.txt"), vi.to_string()),
            SourceText::new(format!("{n}.en.txt"), en.to_string()),
        )
    };
    let articles = [
        pair(
            1,
            "Phó Chủ tịch Quốc hội Ukraine Olena Kondratiuk thăm Ba Lan.\nBà Kondratiuk gặp các nghị sĩ.",
            "Ukraine's deputy speaker Olena Kondratiuk visited Poland.\nKondratiuk met lawmakers.",
        ),
        pair(
            2,
            "Bà Olena Kondratiuk phát biểu tại Kiev.",
            "Olena Kondratyuk spoke in Kyiv.",
        ),
    ];
    // Each article on its own is consistent.
    for (vi, en) in articles.clone() {
        let report = checker.check(vi, en);
        assert!(name_findings(&report).is_empty(), "{:#?}", report.findings);
    }
    let mut reports = Vec::new();
    let mut summaries = Vec::new();
    for (vi, en) in articles {
        let (report, summary) = checker.check_pair(vi, en);
        reports.push(report);
        summaries.push(summary);
    }
    checker.finish_batch(&mut reports, summaries);
    assert!(name_findings(&reports[0]).is_empty());
    let found = name_findings(&reports[1]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, "name.inconsistent");
    assert_eq!(found[0].target.as_ref().unwrap().text, "Olena Kondratyuk");
    assert_eq!(found[0].suggestion.as_deref(), Some("Olena Kondratiuk"));
    assert!(
        found[0]
            .message
            .contains("once in the other translations checked with it"),
        "{}",
        found[0].message
    );
}

/// Every word of every Vietnamese fixture: the recognizer must accept every
/// Vietnamese word, and reject exactly the foreign names, acronyms and
/// letters that the name fixtures keep in Latin script.
#[test]
fn the_syllable_recognizer_on_every_fixture_word() {
    let mut rejected_lowercase = Vec::new();
    let mut rejected_in_name_fixtures = BTreeSet::new();
    let mut words = 0;
    for entry in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".vi.txt") {
            continue;
        }
        let text = normalize_str(&std::fs::read_to_string(&path).unwrap());
        for word in transcheck::lang::words_of(&text) {
            words += 1;
            if is_vietnamese_syllable(word) {
                continue;
            }
            // Lowercase parts of foreign names: "von der Leyen", "Kim Yo-jong".
            if word.starts_with(char::is_lowercase) && !["der", "jong"].contains(&word) {
                rejected_lowercase.push(format!("{name}: {word}"));
            }
            if name.starts_with("names-") {
                rejected_in_name_fixtures.insert(word.to_string());
            }
        }
    }
    assert!(words > 1000, "{words}");
    assert!(
        rejected_lowercase.is_empty(),
        "Vietnamese words taken for foreign: {rejected_lowercase:?}"
    );
    let expected: BTreeSet<String> = [
        "Antony",
        "Australia",
        "Barrot",
        "Benjamin",
        "Biden",
        "Bill",
        "Blinken",
        "Clinton",
        "Dmitry",
        "Dombrovskis",
        "Donald",
        "Erdoğan",
        "Harris",
        "Hoekstra",
        "Hungary",
        "Hunter",
        "Il",
        "Iran",
        "Israel",
        "Jean",
        "Jens",
        "Joe",
        "Jong",
        "Kamala",
        "Kiev",
        "Kremlin",
        "Kondratiuk",
        "Lavrov",
        "Leyen",
        "Manet",
        "Mark",
        "Masoud",
        "Medvedev",
        "Mikhail",
        "Mishustin",
        "Moskva",
        "NATO",
        "Netanyahu",
        "Noël",
        "Olena",
        "Orbán",
        "Paetongtarn",
        "Peskov",
        "Pezeshkian",
        "Putin",
        "Recep",
        "Rutte",
        "Sergei",
        "Shinawatra",
        "Shoigu",
        "Singapore",
        "Slovakia",
        "Slovenia",
        "Stoltenberg",
        "Tayyip",
        "Thaksin",
        "Tusk",
        "Ukraine",
        "Ursula",
        "Valdis",
        "Vietjet",
        "Viktor",
        "Vladimir",
        "Volodymyr",
        "Washington",
        "Wopke",
        "Yo",
        "Zelenska",
        "Zelensky",
        "Brazil",
        // Latin script, but Vietnamese: "Campuchia" is Cambodia (the
        // glossary knows it); EU is an acronym.
        "Campuchia",
        "EU",
        "der",
        "jong",
        "G",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    let missing: Vec<_> = expected.difference(&rejected_in_name_fixtures).collect();
    let extra: Vec<_> = rejected_in_name_fixtures.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "foreign words not rejected: {missing:?}; rejected but not expected: {extra:?}"
    );
}
