//! `term.missing` on the default glossary. Titles: English news drops the
//! country from a known person's title and folds an institution into it;
//! substituting another country, or dropping one that is not in a title,
//! is still reported. An institution named again may be "the ministry". A
//! sentence-initial name that is no Vietnamese word is a name. A forbidden
//! form inside a name is one finding.

use transcheck::input::SourceText;
use transcheck::{Checker, Glossary};

fn missing(vi: &str, en: &str) -> Vec<String> {
    findings(vi, en)
        .into_iter()
        .filter(|(rule, _)| rule == "term.missing")
        .map(|(_, source)| source)
        .collect()
}

/// (rule, source text or else target text) of every finding.
fn findings(vi: &str, en: &str) -> Vec<(String, String)> {
    let checker = Checker::new(
        Glossary::default_vi_en().expect("the default glossary loads"),
        "vi",
        "en",
        Default::default(),
    );
    let report = checker.check(
        SourceText::new("a.vi.txt", format!("{vi}\n")),
        SourceText::new("a.en.txt", format!("{en}\n")),
    );
    report
        .findings
        .iter()
        .map(|f| {
            let at = f.source.as_ref().or(f.target.as_ref());
            (
                f.rule.to_string(),
                at.map_or(String::new(), |l| l.text.clone()),
            )
        })
        .collect()
}

#[test]
fn a_country_or_ministry_in_a_title_may_go() {
    for (vi, en) in [
        (
            "Tổng thống Mỹ Joe Biden phát biểu tại Nhà Trắng.",
            "President Joe Biden spoke at the White House.",
        ),
        (
            "Ngoại trưởng Mỹ Antony Blinken tới Trung Đông.",
            "Secretary of State Antony Blinken heads to the Middle East.",
        ),
        (
            "Tổng thống Pháp khẳng định lập trường.",
            "Macron reiterated his position.",
        ),
        (
            "Bộ trưởng Quốc phòng Nga Andrei Belousov tới Bình Nhưỡng.",
            "Defence Minister Andrei Belousov arrived in Pyongyang.",
        ),
        (
            "Thứ trưởng Bộ Y tế Nguyễn Thị Liên Hương cho biết.",
            "Deputy Health Minister Nguyen Thi Lien Huong said.",
        ),
    ] {
        assert_eq!(missing(vi, en), Vec::<String>::new(), "{en}");
    }
}

#[test]
fn another_country_or_one_outside_a_title_is_reported() {
    for (vi, en, expected) in [
        (
            "Tổng thống Pháp khẳng định lập trường.",
            "The German president reiterated his position.",
            "Pháp",
        ),
        (
            "Tổng thống Joe Biden tới Nga.",
            "President Joe Biden arrived.",
            "Nga",
        ),
        (
            "Phái đoàn Mỹ tới Hà Nội.",
            "The delegation arrived in Hanoi.",
            "Mỹ",
        ),
    ] {
        assert_eq!(missing(vi, en), [expected.to_string()], "{en}");
    }
}

#[test]
fn a_sentence_initial_name_that_is_no_vietnamese_word_counts() {
    // "Nga" opening a sentence may be the word "nga"; "Kiev" is Kiev.
    assert_eq!(
        missing(
            "Kiev và Moskva đã trao đổi tù binh.",
            "They swapped prisoners."
        ),
        ["Kiev", "Moskva"]
    );
    assert_eq!(
        missing(
            "Kiev và Moskva đã trao đổi tù binh.",
            "Ukraine and Russia swapped prisoners."
        ),
        Vec::<String>::new()
    );
}

#[test]
fn an_institution_named_again_may_be_referred_back_to() {
    let vi = "Bộ Y tế cho biết đã tiêm vắc xin.\n\nBộ Y tế đã phân bổ thêm vắc xin.";
    let first = "The Ministry of Health said vaccines were given.";
    assert_eq!(
        missing(
            vi,
            &format!("{first}\n\nThe ministry has distributed more vaccines.")
        ),
        Vec::<String>::new()
    );
    // "Ministry" inside another institution's name is no reference back.
    assert_eq!(
        missing(
            "Bộ Y tế cho biết đã tiêm vắc xin.\n\nBộ Công an và Bộ Y tế đã ký biên bản.",
            &format!("{first}\n\nThe Ministry of Public Security and UNDP signed a memorandum.")
        ),
        ["Bộ Y tế"]
    );
    // Another head noun, or a first mention, is no reference back.
    assert_eq!(
        missing(
            vi,
            &format!("{first}\n\nThe bank has distributed more vaccines.")
        ),
        ["Bộ Y tế"]
    );
    assert_eq!(
        missing(
            "Bộ Y tế đã phân bổ thêm vắc xin.",
            "The ministry has distributed more vaccines."
        ),
        ["Bộ Y tế"]
    );
}

#[test]
fn a_forbidden_form_inside_a_name_is_reported_once() {
    // The club's name differs from the glossary's "Cong An Hanoi" only by
    // the forbidden "Ha Noi": one finding, with the fix.
    assert_eq!(
        findings("Đội Công an Hà Nội thắng.", "Cong An Ha Noi won."),
        [("term.forbidden".to_string(), "Ha Noi".to_string())]
    );
}
