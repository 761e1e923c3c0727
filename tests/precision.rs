//! Precision on real translations (issue 15), end to end on the default
//! glossary: each kind of false alarm found on real human translations,
//! beside its correct look-alike that must still be reported. Our own
//! sentences; the real-text figures come from `tools/realtext.py`.

use transcheck::input::SourceText;
use transcheck::{Checker, Glossary};

/// (rule, source text or else target text) of every finding of a pair
/// whose paragraphs are given one per line.
fn findings(vi: &[&str], en: &[&str]) -> Vec<(String, String)> {
    let checker = Checker::new(
        Glossary::default_vi_en().expect("the default glossary loads"),
        "vi",
        "en",
        Default::default(),
    );
    let report = checker.check(
        SourceText::new("a.vi.txt", format!("{}\n", vi.join("\n"))),
        SourceText::new("a.en.txt", format!("{}\n", en.join("\n"))),
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

/// Each case: paragraphs, translation, and the (rule, text) findings
/// expected — exactly those.
type Case<'a> = (&'a [&'a str], &'a [&'a str], &'a [(&'a str, &'a str)]);

fn run(cases: &[Case]) {
    for (vi, en, expected) in cases {
        let got = findings(vi, en);
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(r, t)| (r.to_string(), t.to_string()))
            .collect();
        assert_eq!(got, expected, "{vi:?} ⇔ {en:?}");
    }
}

/// Cause 1: a one-syllable place name that is also a common word is read
/// from its own context, in both directions.
#[test]
fn homographs_of_place_names() {
    run(&[
        // The pronoun, kinship word and honorific, in a document that also
        // names Britain ("tiếng Anh" ⇔ "English").
        (
            &[
                "Chị ấy dạy tiếng Anh ở Huế.",
                "Anh sẽ nhớ em lắm.",
                "Anh của tôi làm bác sĩ.",
                "Anh Peterson, mời anh ngồi.",
                "Anh thử lại đi.",
            ],
            &[
                "She teaches English in Hue.",
                "I will miss you so much.",
                "My brother is a doctor.",
                "Mr. Peterson, please take a seat.",
                "Try again.",
            ],
            &[],
        ),
        // Compounds and titles at a sentence start.
        (
            &[
                "Đức vua tiếp sứ thần.",
                "Pháp luật phải nghiêm.",
                "Áo khoác này của ai?",
            ],
            &[
                "The king received the envoy.",
                "The law must be strict.",
                "Whose jacket is this?",
            ],
            &[],
        ),
        // The country at a sentence start is checked like anywhere else:
        // another country in its place, or dropped where no person is meant.
        (
            &["Anh rời Liên minh châu Âu năm 2020."],
            &["France left the European Union in 2020."],
            &[("term.missing", "Anh")],
        ),
        (
            &["Đức sẽ tăng chi tiêu quốc phòng."],
            &["Defence spending will rise."],
            &[("term.missing", "Đức")],
        ),
        (
            &["Đức sẽ tăng chi tiêu quốc phòng."],
            &["Germany will raise defence spending."],
            &[],
        ),
    ]);
}

/// Cause 2: derived forms and demonyms render a term or a country.
#[test]
fn derived_forms_and_demonyms() {
    run(&[
        (
            &["Người dân Canada đi bỏ phiếu."],
            &["Canadians went to the polls."],
            &[],
        ),
        (
            &["Người dân Canada đi bỏ phiếu."],
            &["Australians went to the polls."],
            &[("term.missing", "Canada")],
        ),
        (&["Ông ấy thắng cuộc bầu cử."], &["He was elected."], &[]),
        (
            &["Ông ấy thắng cuộc bầu cử."],
            &["He was selected."],
            &[("term.missing", "bầu cử")],
        ),
    ]);
}

/// Cause 3: loanwords and common words written in Latin script are not
/// names to copy; a real foreign name still is.
#[test]
fn common_words_are_not_names() {
    run(&[
        (
            &[
                "Video này có hai triệu lượt xem.",
                "Chúng là những con amip nhỏ.",
            ],
            &[
                "It has been watched two million times.",
                "They are tiny amoebas.",
            ],
            &[],
        ),
        (&["Oh, thật tuyệt!"], &["Wow, that's great!"], &[]),
        (
            &["Ông Hendrikson phát biểu tại hội nghị."],
            &["He spoke at the conference."],
            &[("name.copy", "Hendrikson")],
        ),
        (
            &["Ohhhh, hay quá!", "Oh, hay quá!"],
            &["Ohhhh, how nice!", "Oh, how nice!"],
            &[],
        ),
    ]);
}

/// Cause 4: a glossary form inside a longer Vietnamese word is no mention.
#[test]
fn a_form_inside_a_longer_word() {
    run(&[
        (
            &["Mỗi con chip có hàng tỉ bóng bán dẫn."],
            &["Each chip has billions of transistors."],
            &[],
        ),
        (
            &["Ngành bán dẫn của Hàn Quốc tăng trưởng mạnh."],
            &["South Korea's electronics industry grew strongly."],
            &[("term.missing", "bán dẫn")],
        ),
    ]);
}

/// Cause 7: subtitle conventions: a credit or speaker label on one side
/// only, and a source typo of a well-known name, are not copy errors.
#[test]
fn subtitle_and_transcript_conventions() {
    run(&[
        (
            &["Phim của Marta Kowalczyk : Chuyện gì đang xảy ra ?"],
            &["What is happening ?"],
            &[],
        ),
        (
            &["Tôi học ở trường Harvad ."],
            &["I studied at Harvard ."],
            &[],
        ),
        // The translator's own typo is still reported.
        (
            &["Tôi học ở trường Harvard ."],
            &["I studied at Harvad ."],
            &[("name.copy", "Harvard")],
        ),
        // A name in the running text (no label) that is dropped still is.
        (
            &["Chúng tôi gặp Marta Kowalczyk ở Kraków hôm qua ."],
            &["We met her yesterday in Krakow ."],
            &[("name.copy", "Marta Kowalczyk")],
        ),
    ]);
}

/// Cause 5: explicitation and implicitation. A name or place of the
/// paragraph next door referred to by a pronoun or "this country", a
/// service number added or localized, are no missing or extra content.
#[test]
fn explicitation_and_implicitation() {
    run(&[
        (
            &[
                "Ông Hendrikson đưa ra một đề nghị.",
                "Chúng tôi chấp nhận đề nghị của Hendrikson.",
            ],
            &["Mr. Hendrikson made an offer.", "We accepted his offer."],
            &[],
        ),
        // Without the name next door, the dropped name is reported.
        (
            &["Chúng tôi chấp nhận đề nghị của Hendrikson."],
            &["We accepted his offer."],
            &[("name.copy", "Hendrikson")],
        ),
        (
            &[
                "Nước Mỹ có nhiều trường đại học.",
                "Học phí ở nước Mỹ rất cao.",
            ],
            &[
                "The United States has many universities.",
                "Tuition in this country is very high.",
            ],
            &[],
        ),
        (
            &[
                "Nước Mỹ có nhiều trường đại học.",
                "Học phí ở nước Mỹ rất cao.",
            ],
            &[
                "The United States has many universities.",
                "Tuition in Canada is very high.",
            ],
            &[("term.missing", "nước Mỹ")],
        ),
        // An elliptic reference to places named the sentence before.
        (
            &[
                "Triều Tiên và Hàn Quốc nối lại đàm phán.",
                "Nam và Bắc Triều Tiên đều muốn hòa bình.",
            ],
            &[
                "North Korea and South Korea resumed talks.",
                "Both North and South want peace.",
            ],
            &[],
        ),
        (
            &["Nam và Bắc Triều Tiên đều muốn hòa bình."],
            &["Both sides want peace."],
            &[("term.missing", "Bắc Triều Tiên")],
        ),
        // A term named before, referred back to by its head noun; without
        // the noun, it is missing.
        (
            &[
                "Triều Tiên phóng tên lửa đạn đạo.",
                "Tên lửa đạn đạo rơi xuống biển.",
            ],
            &[
                "North Korea launched a ballistic missile.",
                "The missile fell into the sea.",
            ],
            &[],
        ),
        (
            &[
                "Triều Tiên phóng tên lửa đạn đạo.",
                "Tên lửa đạn đạo rơi xuống biển.",
            ],
            &[
                "North Korea launched a ballistic missile.",
                "The debris fell into the sea.",
            ],
            &[("term.missing", "Tên lửa đạn đạo")],
        ),
        // The speaker's own country needs no name before it.
        (
            &["Tỉ lệ thất nghiệp ở Mỹ đang giảm."],
            &["Unemployment in this country is falling."],
            &[],
        ),
        (
            &["Tỉ lệ thất nghiệp ở Mỹ đang giảm."],
            &["Unemployment in that region is falling."],
            &[("term.missing", "Mỹ")],
        ),
        (
            &["Hàng xóm gọi cấp cứu ngay lập tức."],
            &["A neighbour called 911 right away."],
            &[],
        ),
        (
            &["Có 12 người trên xe."],
            &["There were 911 people on the bus."],
            &[("number.mismatch", "12")],
        ),
    ]);
}
