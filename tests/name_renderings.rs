//! `name.inconsistent` on renderings a glossary accepts: one text (or one
//! batch) that mixes two accepted spellings of a name is reported, the
//! glossary's preferred spelling winning; case-only differences, derived
//! words and a full name beside its surname are not a mix.

use transcheck::input::SourceText;
use transcheck::{Checker, PairReport};

const GLOSSARY: &str = "\
languages: [vi, en]
entries:
  - id: lavrov
    kind: person
    vi: Sergei Lavrov
    en: [Sergei Lavrov, Sergey Lavrov, Lavrov]
  # The surname alone is spelled otherwise than the full name.
  - id: zelensky
    kind: person
    vi: Volodymyr Zelensky
    en: [Volodymyr Zelensky, Zelenskyy]
  - id: kim-jong-un
    kind: person
    vi: Kim Jong-un
    en: [Kim Jong Un, Kim Jong-un, Kim]
  - id: da-nang
    kind: place
    vi: Đà Nẵng
    en: [Da Nang, Danang]
  - id: senate
    kind: organization
    vi: Thượng viện
    en: [Senate, senate]
  - id: argentina
    kind: place
    vi: Argentina
    en: [Argentina, Argentinian]
";

fn checker() -> Checker {
    let glossary = transcheck::glossary::load_str(GLOSSARY, "test.yaml", &Default::default())
        .expect("the test glossary loads");
    Checker::new(glossary, "vi", "en", Default::default())
}

fn texts(pair: usize, vi: &str, en: &str) -> (SourceText, SourceText) {
    (
        SourceText::new(format!("{pair}.vi.txt"), vi.to_string()),
        SourceText::new(format!("{pair}.en.txt"), en.to_string()),
    )
}

/// Checks the pairs as one batch.
fn check_batch(pairs: &[(&str, &str)]) -> Vec<PairReport> {
    let checker = checker();
    let (mut reports, summaries): (Vec<_>, Vec<_>) = pairs
        .iter()
        .enumerate()
        .map(|(i, (vi, en))| {
            let (vi, en) = texts(i, vi, en);
            checker.check_pair(vi, en)
        })
        .collect();
    checker.finish_batch(&mut reports, summaries);
    reports
}

/// (column, text, suggestion, message) of each `name.inconsistent` finding.
fn inconsistent(report: &PairReport) -> Vec<(usize, String, String, String)> {
    report
        .findings
        .iter()
        .filter(|f| f.rule == "name.inconsistent")
        .map(|f| {
            let target = f.target.as_ref().expect("a target location");
            (
                target.start.column,
                target.text.clone(),
                f.suggestion.clone().unwrap_or_default(),
                f.message.clone(),
            )
        })
        .collect()
}

fn columns_and_suggestions(report: &PairReport) -> Vec<(usize, String, String)> {
    inconsistent(report)
        .into_iter()
        .map(|(column, text, suggestion, _)| (column, text, suggestion))
        .collect()
}

const LAVROV_VI: &str = "Ngoại trưởng Sergei Lavrov nói ông Sergei Lavrov sẽ gặp người đồng cấp. Ông Lavrov không nói thêm.";

#[test]
fn one_text_mixing_accepted_spellings() {
    let lavrov = |en: &str| columns_and_suggestions(&check_batch(&[(LAVROV_VI, en)])[0]);
    let one = |column: usize, text: &str, suggestion: &str| {
        (column, text.to_string(), suggestion.to_string())
    };
    // The preferred spelling wins even when it is the rarer one.
    assert_eq!(
        lavrov("Sergey Lavrov said Sergei Lavrov would meet Sergey Lavrov's counterpart."),
        [
            one(1, "Sergey Lavrov", "Sergei Lavrov"),
            one(45, "Sergey Lavrov", "Sergei Lavrov"),
        ]
    );
    // Either accepted spelling alone, and the surname beside the full
    // name, are consistent.
    for en in [
        "Foreign Minister Sergey Lavrov said Sergey Lavrov would come. Lavrov said no more.",
        "Foreign Minister Sergei Lavrov said Sergei Lavrov would come. Lavrov said no more.",
    ] {
        assert_eq!(lavrov(en), [], "{en}");
    }
}

#[test]
fn case_and_derived_words_are_not_a_mix() {
    let report = &check_batch(&[(
        "Thượng viện Argentina họp. Thượng viện bỏ phiếu về Argentina.",
        "The Argentinian Senate met. The senate of Argentina voted.",
    )])[0];
    assert_eq!(inconsistent(report), []);
}

#[test]
fn glossary_order_decides_across_lengths() {
    // A surname the glossary spells otherwise than its preferred full name
    // is not preferred, however often it is written; every place it is
    // written is reported.
    for (vi, en, minority, suggestion, columns) in [
        // A surname the glossary spells otherwise than its preferred full
        // name is not preferred, however often it is written; every place
        // it is written is reported.
        (
            "Tổng thống Volodymyr Zelensky nói. Ông Volodymyr Zelensky nói thêm. Volodymyr Zelensky cảm ơn.",
            "Zelenskyy spoke. Volodymyr Zelensky added. Zelenskyy thanked them, Volodymyr Zelensky said, and Zelenskyy left.",
            "Zelenskyy",
            "Zelensky",
            &[1, 44, 97][..],
        ),
        // Punctuation: the same words are another spelling, not a part,
        // and the glossary's first wins against the more frequent one; the
        // surname alone is a part.
        (
            "Kim Jong-un gặp họ. Kim Jong-un phát biểu rồi rời đi. Ông Kim vẫy tay.",
            "Kim Jong-un met them. Kim Jong Un spoke, and Kim Jong-un left. Kim waved.",
            "Kim Jong-un",
            "Kim Jong Un",
            &[1, 46],
        ),
        // One word or two: "Danang" is another spelling of "Da Nang".
        (
            "Đà Nẵng đón khách. Du khách tới Đà Nẵng.",
            "Danang welcomed visitors. Visitors came to Da Nang.",
            "Danang",
            "Da Nang",
            &[1],
        ),
    ] {
        let expected: Vec<(usize, String, String)> = columns
            .iter()
            .map(|&c| (c, minority.to_string(), suggestion.to_string()))
            .collect();
        assert_eq!(
            columns_and_suggestions(&check_batch(&[(vi, en)])[0]),
            expected,
            "{en}"
        );
    }
}

#[test]
fn across_a_batch_the_count_includes_every_occurrence() {
    let reports = check_batch(&[
        (
            LAVROV_VI,
            "Sergei Lavrov said Sergei Lavrov would meet Sergei Lavrov's counterpart.",
        ),
        (LAVROV_VI, "Foreign Minister Sergey Lavrov spoke."),
    ]);
    assert_eq!(inconsistent(&reports[0]), []);
    let found = inconsistent(&reports[1]);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (column, text, suggestion, message) = &found[0];
    assert_eq!((*column, text.as_str()), (18, "Sergey Lavrov"));
    assert_eq!(suggestion, "Sergei Lavrov");
    assert_eq!(
        message,
        "“Sergey Lavrov” is also written “Sergei Lavrov” (3 times in the other translations checked with it), the glossary's preferred spelling"
    );
}
