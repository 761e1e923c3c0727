//! Every finding about the translation points into the translation: the
//! text at fault when it can be found, else the clause most likely at fault,
//! the aligned paragraph, or the gap where a dropped paragraph belongs.
//! The source span stays as the related location.

use serde_json::Value;
use transcheck::finding::{Anchor, Finding};
use transcheck::input::SourceText;
use transcheck::report::{render, Format, RenderOptions, Report};
use transcheck::{Checker, Glossary};

/// Rules whose findings are about the translation, so must point into it.
fn about_translation(rule: &str) -> bool {
    ["term.", "number.", "name."]
        .iter()
        .any(|family| rule.starts_with(family))
        || rule == "segment.missing"
}

/// Every JSON value in a snapshot's body: a whole document (json, sarif),
/// one per line (jsonl), or a document after other captured output.
fn json_values(body: &str) -> Vec<Value> {
    let mut values = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find(['{', '[']) {
        let tail = &rest[start..];
        let mut stream = serde_json::Deserializer::from_str(tail).into_iter::<Value>();
        match stream.next() {
            Some(Ok(value)) if value.is_object() => {
                values.push(value);
                rest = &tail[stream.byte_offset()..];
            }
            _ => rest = &tail[1..],
        }
    }
    values
}

/// Findings (objects with `rule`, `severity` and `target`) anywhere in a
/// JSON value.
fn findings_in<'a>(value: &'a Value, out: &mut Vec<&'a Value>) {
    match value {
        Value::Object(map) => {
            if map.contains_key("rule")
                && map.contains_key("severity")
                && map.contains_key("target")
            {
                out.push(value);
            }
            map.values().for_each(|v| findings_in(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| findings_in(v, out)),
        _ => {}
    }
}

#[test]
fn no_snapshot_has_a_translation_finding_without_a_target() {
    let mut checked = 0;
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir("snapshots").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let body = text.splitn(3, "---\n").nth(2).unwrap_or("");
        for value in json_values(body) {
            let mut found = Vec::new();
            findings_in(&value, &mut found);
            for f in found {
                let rule = f["rule"].as_str().unwrap_or("");
                if !about_translation(rule) {
                    continue;
                }
                checked += 1;
                if f["target"].is_null() || f["target_anchor"].is_null() {
                    wrong.push(format!("{}: {rule} {}", path.display(), f["message"]));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "findings without a target:\n{}",
        wrong.join("\n")
    );
    assert!(checked >= 40, "only {checked} findings in the snapshots");
}

/// The batch fixture keeps sources under vi/ and translations under en/:
/// GitHub annotations and SARIF results of the translation rules are on
/// the translation, and SARIF relates them to the source.
#[test]
fn github_and_sarif_snapshots_point_at_the_translation() {
    let github = std::fs::read_to_string("snapshots/batch.github.snap").unwrap();
    let mut annotations = 0;
    for line in github.lines().filter(|l| l.starts_with("::")) {
        let rule = line
            .split("title=")
            .nth(1)
            .and_then(|t| t.split("::").next());
        if rule.is_some_and(about_translation) {
            annotations += 1;
            assert!(line.contains("file=tests/fixtures/batch/en/"), "{line}");
        }
    }
    assert!(annotations >= 4, "{annotations}");
    let sarif = std::fs::read_to_string("snapshots/batch.sarif.snap").unwrap();
    let sarif = &json_values(sarif.splitn(3, "---\n").nth(2).unwrap())[0];
    let mut results = 0;
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        if !about_translation(result["ruleId"].as_str().unwrap()) {
            continue;
        }
        results += 1;
        let uri = |l: &Value| l["physicalLocation"]["artifactLocation"]["uri"].clone();
        assert_eq!(result["locations"].as_array().unwrap().len(), 1);
        let primary = uri(&result["locations"][0]);
        assert!(primary.as_str().unwrap().contains("/en/"), "{result}");
        let related = uri(&result["relatedLocations"][0]);
        assert!(related.as_str().unwrap().contains("/vi/"), "{result}");
    }
    assert!(results >= 4, "{results}");
}

fn check(source: &str, target: &str) -> Report {
    let checker = Checker::new(
        Glossary::default_vi_en().unwrap(),
        "vi",
        "en",
        Default::default(),
    );
    Report {
        pairs: vec![checker.check(
            SourceText::new("a.vi.txt", source.to_string()),
            SourceText::new("a.en.txt", target.to_string()),
        )],
    }
}

fn only<'a>(report: &'a Report, rule: &str) -> &'a Finding {
    let found: Vec<&Finding> = report.pairs[0]
        .findings
        .iter()
        .filter(|f| f.rule == rule)
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", report.pairs[0].findings);
    found[0]
}

fn target_of(f: &Finding) -> (&str, Anchor) {
    (f.target.as_ref().unwrap().text.as_str(), f.target_anchor)
}

#[test]
fn another_country_in_the_translation_marks_the_clause() {
    let report = check(
        "Giá gạo xuất khẩu tăng mạnh trong tháng Ba. Việt Nam và Thái Lan là hai nước xuất khẩu gạo lớn nhất thế giới, theo số liệu của ngành.\n",
        "Rice export prices rose sharply in March. Vietnam and Cambodia are the world's two largest rice exporters, according to industry data.\n",
    );
    let f = only(&report, "term.missing");
    assert_eq!(f.source.as_ref().unwrap().text, "Thái Lan");
    assert_eq!(
        target_of(f),
        (
            "Vietnam and Cambodia are the world's two largest rice exporters",
            Anchor::Clause
        )
    );
}

#[test]
fn a_missing_number_marks_the_corresponding_sentence() {
    let report = check(
        "Nhà máy mới sẽ tuyển 1.200 công nhân. Công ty dự kiến đầu tư thêm 300 triệu USD vào năm 2026.\n",
        "The new plant will hire 1,200 workers. The company plans to invest further in 2026.\n",
    );
    let f = only(&report, "number.missing");
    assert_eq!(f.source.as_ref().unwrap().text, "300 triệu USD");
    assert_eq!(
        target_of(f),
        (
            "The company plans to invest further in 2026.",
            Anchor::Clause
        )
    );
}

#[test]
fn without_a_clue_the_whole_paragraph() {
    // Two sentences become one: no sentence corresponds, and no other
    // place is named.
    let report = check(
        "Giá gạo tăng mạnh. Thái Lan là nước xuất khẩu lớn.\n",
        "Rice prices rose sharply and the country is a large exporter.\n",
    );
    let f = only(&report, "term.missing");
    assert_eq!(
        target_of(f),
        (
            "Rice prices rose sharply and the country is a large exporter.",
            Anchor::Paragraph
        )
    );
}

#[test]
fn a_dropped_paragraph_points_at_its_gap() {
    let source = "Bão Yagi đổ bộ vào 4 tỉnh ven biển phía Bắc hôm 7/9.\n\n\
                  Hơn 50.000 hộ dân ở Hải Phòng phải sơ tán khẩn cấp trong đêm.\n\n\
                  Chính quyền cho biết công tác khắc phục sẽ kéo dài 3 tuần.\n";
    let middle_dropped =
        "Typhoon Yagi made landfall in 4 northern coastal provinces on September 7.\n\n\
                          The authorities said the recovery work would take 3 weeks.\n";
    let report = check(source, middle_dropped);
    let f = only(&report, "segment.missing");
    let target = f.target.as_ref().unwrap();
    assert_eq!(f.target_anchor, Anchor::Gap);
    assert_eq!((target.start.line, target.start.column), (3, 1));
    assert_eq!(target.text, "");
    assert_eq!(f.source.as_ref().unwrap().start.line, 3);

    let last_dropped =
        "Typhoon Yagi made landfall in 4 northern coastal provinces on September 7.\n\n\
                        More than 50,000 households in Hai Phong had to be evacuated overnight.\n";
    let report = check(source, last_dropped);
    let f = only(&report, "segment.missing");
    let target = f.target.as_ref().unwrap();
    assert_eq!(f.target_anchor, Anchor::Gap);
    // After the last translated paragraph, not past the end of the file.
    assert_eq!((target.start.line, target.start.column), (3, 72));
}

/// Every format puts such a finding on the translation first.
#[test]
fn every_format_leads_with_the_translation() {
    let report = check(
        "Giá gạo tăng mạnh. Thái Lan là nước xuất khẩu lớn.\n",
        "Rice prices rose sharply and the country is a large exporter.\n",
    );
    let options = RenderOptions::default();
    let human = render(&report, Format::Human, options);
    let arrow = human
        .lines()
        .find(|l| l.trim_start().starts_with("-->"))
        .unwrap();
    assert!(arrow.contains("a.en.txt:1:1"), "{human}");
    assert!(human.contains("::: a.vi.txt:1:20"), "{human}");
    let github = render(&report, Format::Github, options);
    assert!(
        github.starts_with("::error file=a.en.txt,line=1,col=1,"),
        "{github}"
    );
    let junit = render(&report, Format::Junit, options);
    assert!(
        junit.contains("a.en.txt:1:1: error[term.missing]"),
        "{junit}"
    );
    let markdown = render(&report, Format::Markdown, options);
    assert!(
        markdown.contains("| 1:1 (paragraph) | 1:20 `Thái Lan` |"),
        "{markdown}"
    );
    let sarif: Value = serde_json::from_str(&render(&report, Format::Sarif, options)).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    let uri = |l: &Value| l["physicalLocation"]["artifactLocation"]["uri"].clone();
    assert_eq!(uri(&result["locations"][0]), "a.en.txt");
    assert_eq!(uri(&result["relatedLocations"][0]), "a.vi.txt");
    // The paragraph is not the text at fault: no fix replaces it.
    assert!(result["fixes"].is_null(), "{result}");
    let html = render(&report, Format::Html, options);
    assert!(
        html.contains("<mark class=\"sev-error approx\" data-f=\"f0\""),
        "{html}"
    );
}

#[test]
fn the_sentence_naming_the_same_entries_corresponds() {
    // Three source sentences, two in the translation: the sentence that
    // renders what the source sentence names is its translation.
    let report = check(
        "Đoàn đại biểu tới Hà Nội hôm thứ Hai. Họ gặp lãnh đạo Bộ Y tế. Sau đó đoàn sang Lào và ký 3 thỏa thuận.\n",
        "The delegation arrived in Hanoi on Monday and met Health Ministry leaders. It then flew to Laos to sign agreements.\n",
    );
    let f = only(&report, "number.missing");
    assert_eq!(f.source.as_ref().unwrap().text, "3");
    assert_eq!(
        target_of(f),
        ("It then flew to Laos to sign agreements.", Anchor::Clause)
    );
}

#[test]
fn clauses_narrow_only_when_the_names_agree() {
    // As many clauses on both sides, but the translation moves Laos to the
    // first clause: no clause is trusted, the sentence is the place.
    let report = check(
        "Hai bên ký 3 thỏa thuận, sau đó đoàn sang Lào.\n",
        "Before the delegation flew to Laos, the two sides signed agreements.\n",
    );
    let f = only(&report, "number.missing");
    assert_eq!(
        target_of(f),
        (
            "Before the delegation flew to Laos, the two sides signed agreements.",
            Anchor::Paragraph
        )
    );
    // In the same order the clause is narrowed to.
    let report = check(
        "Hai bên ký 3 thỏa thuận, sau đó đoàn sang Lào.\n",
        "The two sides signed agreements, then the delegation flew to Laos.\n",
    );
    let f = only(&report, "number.missing");
    assert_eq!(
        target_of(f),
        ("The two sides signed agreements", Anchor::Clause)
    );
}

#[test]
fn a_paragraph_of_many_pages_is_not_copied_into_each_finding() {
    // Sentences that do not correspond one to one (two source sentences
    // per target sentence), in one paragraph of some 100 KB (more than 64 KiB).
    let mut source = String::new();
    let mut target = String::new();
    for i in 0..2000 {
        source.push_str(&format!(
            "Mưa lớn kéo dài ở miền Bắc. Ngày {} có lũ. ",
            i + 1
        ));
        target.push_str("Heavy rain continued in the north with floods. ");
    }
    let report = check(&source, &target);
    let missing: Vec<&Finding> = report.pairs[0]
        .findings
        .iter()
        .filter(|f| f.rule == "number.missing")
        .collect();
    assert!(missing.len() > 100, "{}", missing.len());
    for f in missing {
        let (text, anchor) = target_of(f);
        assert_eq!(anchor, Anchor::Clause);
        assert_eq!(text, "Heavy rain continued in the north with floods.");
    }
}
