//! Reports are safe to open: a translation, a glossary and file names full
//! of markup, format syntax and control characters end up quoted in every
//! format, and each format shows them as text — checked by a reader of the
//! format (a JSON parser, an XML parser, a GFM renderer, GitHub's command
//! syntax), not by looking for one escaped string.

use quick_xml::events::Event;
use transcheck::finding::RuleConfig;
use transcheck::fuzzing::check_rendering;
use transcheck::glossary::{load_str, Limits};
use transcheck::input::SourceText;
use transcheck::report::{render, visible, Format, RenderOptions, Report};
use transcheck::Checker;

/// Everything a hostile translation can throw at a report.
const HOSTILE: &str = "<script>alert('x')</script> <img src=x onerror=alert(1)> \
    [click](https://evil.example) ![i](https://evil.example/i.png) www.evil.example \
    @octocat #123 $x^2$ | pipe | `tick` **bold** 50% a:b,c \u{1b}[31mred\u{1b}[0m \u{7}bell \
    \u{c}feed \u{85}nel \u{9b}csi \u{202E}reversed\u{202C} ]]> &amp; \"quoted\" ::error::injected";

const GLOSSARY: &str = r#"languages: [vi, en]
entries:
  - vi: Hà Nội
    en: ["Ha<b>noi</b>%0A:,|@team"]
    note: "<i>note</i> \u001b[2J 100% :: | @team [x](javascript:alert(1))"
"#;

/// A pair whose findings quote hostile text on both sides: an untranslated
/// paragraph (hard-wrapped, so its quote holds a line break), a term whose
/// glossary rendering and note are hostile, and hostile file names.
fn hostile_report() -> Report {
    let glossary = load_str(GLOSSARY, "hostile.yaml", &Limits::default()).unwrap();
    let checker = Checker::new(glossary, "vi", "en", RuleConfig::default());
    let (head, tail) = HOSTILE.split_at(HOSTILE.find("www.").unwrap());
    let paragraph = format!("{head}\r\n{tail}");
    let source =
        format!("Người dân Hà Nội chào đón đoàn đại biểu\r\nvà các nhà báo\r\n\r\n{paragraph}\r\n");
    let target = format!("The people of the capital welcomed the delegation\r\nand the reporters\r\n\r\n{paragraph}\r\n");
    let pair = checker.check(
        SourceText::new("in<put>%0A,:|@x\u{1b}[1m.vi.txt", source),
        SourceText::new("out<put>%0A,:|@x\u{1b}[1m.en.txt", target),
    );
    let rules: Vec<&str> = pair.findings.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&"segment.untranslated"), "{rules:?}");
    assert!(rules.contains(&"term.missing"), "{rules:?}");
    Report { pairs: vec![pair] }
}

fn rendered(format: Format) -> (Report, String) {
    let report = hostile_report();
    let text = render(&report, format, RenderOptions::default());
    check_rendering(format, &text, &report);
    (report, text)
}

#[test]
fn html_shows_markup_as_text() {
    let (_, html) = rendered(Format::Html);
    for tag in ["<img", "<b>", "<i>", "<script>alert", "</script> <"] {
        assert!(!html.contains(tag), "{tag} in the page");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("Ha&lt;b&gt;noi&lt;/b&gt;%0A:,|@team"));
    // Attributes cannot be closed early: every quote is escaped.
    assert!(html.contains("&quot;quoted&quot;"));
    // Controls are shown as symbols, one character each.
    assert!(html.contains("\u{241B}[31mred"));
}

/// Every string value of a JSON document.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

#[test]
fn json_sarif_and_jsonl_keep_the_exact_text() {
    let (json_report, json) = rendered(Format::Json);
    let (_, sarif) = rendered(Format::Sarif);
    let (_, jsonl) = rendered(Format::Jsonl);
    let finding = json_report.pairs[0]
        .findings
        .iter()
        .find(|f| f.rule == "segment.untranslated")
        .unwrap();
    let quoted = &finding.target.as_ref().unwrap().text;
    assert!(quoted.contains('\u{1b}') && quoted.contains("\r\n"));
    // JSON Lines: one document per finding, read together.
    let lines = format!("[{}]", jsonl.lines().collect::<Vec<_>>().join(","));
    for document in [json.as_str(), sarif.as_str(), lines.as_str()] {
        let value: serde_json::Value = serde_json::from_str(document).unwrap();
        let mut all = Vec::new();
        strings(&value, &mut all);
        assert!(
            all.iter().any(|s| s.contains(quoted.as_str())),
            "{document}"
        );
        // SARIF names files by URI, percent-encoded.
        let path = if document == sarif {
            "out%3Cput%3E%250A%2C%3A%7C%40x%1B%5B1m.en.txt"
        } else {
            "out<put>%0A,:|@x\u{1b}[1m.en.txt"
        };
        assert!(all.iter().any(|s| s.contains(path)), "{path} in {document}");
    }
    assert!(json.contains("\\u001b[31mred"));
}

/// GitHub's escaping undone: `%25`, `%0D`, `%0A`, and in properties `%3A`
/// and `%2C`.
fn unescape(s: &str) -> String {
    s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

#[test]
fn github_annotations_cannot_be_broken_or_injected() {
    let (report, text) = rendered(Format::Github);
    let lines: Vec<&str> = text.lines().collect();
    let findings = report.pairs[0].findings.len();
    assert_eq!(lines.len(), findings + 1);
    for line in &lines[..findings] {
        let (command, rest) = line[2..].split_once(' ').unwrap();
        assert!(["error", "warning", "notice"].contains(&command), "{line}");
        // The properties end at the first `::`; a file's `:` cannot end them.
        let (properties, message) = rest.split_once("::").unwrap();
        let mut file = None;
        for property in properties.split(',') {
            let (key, value) = property.split_once('=').unwrap();
            assert!(
                ["file", "line", "col", "endLine", "endColumn", "title"].contains(&key),
                "{property}"
            );
            if key == "file" {
                file = Some(unescape(value));
            }
        }
        let file = file.unwrap();
        assert!(
            [".vi.txt", ".en.txt"]
                .map(|ext| visible(&format!(
                    "{}<put>%0A,:|@x\u{1b}[1m{ext}",
                    if ext == ".vi.txt" { "in" } else { "out" }
                ))
                .into_owned())
                .contains(&file),
            "{file}"
        );
        assert!(!message.contains(['\r', '\n']));
        let message = unescape(message);
        if message.starts_with("translation is identical") {
            assert!(message.contains("::error::injected"));
            assert!(message.contains("50% a:b,c \u{241B}[31mred"));
        }
    }
    assert!(lines[findings].starts_with("transcheck: 1 pair checked"));
}

#[test]
fn junit_is_well_formed_xml_that_keeps_the_text() {
    let (_, xml) = rendered(Format::Junit);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut texts = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Text(t) => texts.push_str(&t.decode().unwrap()),
            Event::CData(t) => texts.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                texts.push_str(match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected reference &{other};"),
                });
            }
            Event::Start(e) | Event::Empty(e) => {
                for attribute in e.attributes() {
                    texts.push_str(
                        &attribute
                            .unwrap()
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap(),
                    );
                    texts.push('\n');
                }
            }
            _ => {}
        }
    }
    // JUnit lines quote messages and suggestions, and name the files.
    assert!(texts.contains("“Ha<b>noi</b>%0A:,|@team”"), "{texts}");
    assert!(
        texts.contains("out<put>%0A,:|@x\u{241B}[1m.en.txt:4:1"),
        "{texts}"
    );
}

#[test]
fn markdown_renders_no_markup_links_or_broken_tables() {
    let (report, markdown) = rendered(Format::Markdown);
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.render.r#unsafe = true;
    let html = comrak::markdown_to_html(&markdown, &options);
    // Even with raw HTML allowed, nothing from a file becomes markup.
    for tag in ["<a ", "<img", "<script", "<b>", "<i>", "<del>", "<em>"] {
        assert!(!html.contains(tag), "{tag} in\n{html}");
    }
    // Only the totals row is bold.
    assert_eq!(html.matches("<strong>").count(), 4, "{html}");
    let findings = report.pairs[0].findings.len();
    let rows: Vec<&str> = html.split("<tr>").skip(1).collect();
    let counts = report.counts_by_rule().len();
    // Header and total rows of the counts table, header of the findings.
    assert_eq!(rows.len(), 1 + counts + 1 + 1 + findings, "{html}");
    for row in &rows[counts + 3..] {
        assert_eq!(row.matches("<td").count(), 5, "{row}");
    }
    assert!(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("| pipe |"));
    // A quoted handle notifies no one: GitHub does not look for mentions
    // in code, and elsewhere a word joiner follows the `@`.
    let outside_code: String = html
        .split("<code>")
        .map(|part| part.split_once("</code>").map_or(part, |(_, after)| after))
        .collect();
    assert!(!outside_code.contains("@octocat") && !outside_code.contains("@team"));
    assert!(outside_code.contains("@\u{2060}team"));
}

#[test]
fn human_output_cannot_drive_the_terminal() {
    let (_, text) = rendered(Format::Human);
    assert!(!text.contains('\u{1b}'));
    assert!(!text.contains('\u{9b}'));
    assert!(!text.contains('\u{202E}'));
    assert!(text.contains("\u{241B}[31mred") || text.contains("␛[31mred"));
}
