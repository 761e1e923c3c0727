//! Paragraph segmentation. News files come either with one paragraph per
//! line or with paragraphs separated by blank lines (often hard-wrapped);
//! the convention is detected per file.

use std::ops::Range;

use crate::input::SourceText;
use crate::normalize::{is_invisible, normalize, NormText};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SegmentMode {
    /// Every non-blank line is a paragraph.
    LinePerParagraph,
    /// Runs of non-blank lines separated by blank lines are paragraphs.
    BlankLineSeparated,
}

/// One paragraph: its byte range in the original text and its normalized
/// form (internal line breaks become spaces).
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub norm: NormText,
}

fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

/// Decides how a text marks paragraphs: hard-wrapped blocks (continuation
/// lines that mostly do not end a sentence) mean blank-line separation.
pub fn detect_mode(text: &SourceText) -> SegmentMode {
    let all: Vec<&str> = text
        .lines
        .line_ranges(&text.text)
        .map(|r| &text.text[r])
        .collect();
    // Only a blank line between two paragraphs separates anything: the
    // empty "line" after a final line break, or blank lines before the
    // first or after the last text, say nothing about the convention (they
    // made a file of unpunctuated headlines one paragraph).
    let first = all.iter().position(|l| !is_blank(l)).unwrap_or(all.len());
    let last = all
        .iter()
        .rposition(|l| !is_blank(l))
        .map_or(first, |i| i + 1);
    let lines = &all[first..last.max(first)];
    if !lines.iter().any(|l| is_blank(l)) {
        return SegmentMode::LinePerParagraph;
    }
    let mut continuation = 0usize;
    let mut unterminated = 0usize;
    for pair in lines.windows(2) {
        if !is_blank(pair[0]) && !is_blank(pair[1]) {
            continuation += 1;
            let end = pair[0].trim_end().chars().next_back();
            if !end.is_some_and(|c| ".!?:;…\"”'’)]»".contains(c)) {
                unterminated += 1;
            }
        }
    }
    if continuation > 0 && unterminated * 2 >= continuation {
        SegmentMode::BlankLineSeparated
    } else {
        SegmentMode::LinePerParagraph
    }
}

/// Splits a text into paragraphs under the given convention.
pub fn paragraphs(text: &SourceText, mode: SegmentMode) -> Vec<Paragraph> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in text.lines.line_ranges(&text.text) {
        let content = &text.text[line.clone()];
        if is_blank(content) {
            if let Some(r) = current.take() {
                ranges.push(r);
            }
            continue;
        }
        let trimmed = trim_range(&text.text, line);
        match (&mut current, mode) {
            (Some(r), SegmentMode::BlankLineSeparated) => r.end = trimmed.end,
            (Some(_), SegmentMode::LinePerParagraph) => {
                ranges.push(current.replace(trimmed).unwrap_or_default())
            }
            (None, _) => current = Some(trimmed),
        }
    }
    ranges.extend(current);
    ranges
        .into_iter()
        .map(|range| Paragraph {
            norm: normalize(&text.text, range.clone()),
            range,
        })
        .filter(|p| !p.norm.text.is_empty())
        .collect()
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let keep = |c: char| !(c.is_whitespace() || is_invisible(c));
    let start = s.find(keep).unwrap_or(s.len());
    let end = s
        .rfind(keep)
        .map(|i| i + s[i..].chars().next().map_or(0, char::len_utf8))
        .unwrap_or(start);
    range.start + start..range.start + end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (SegmentMode, Vec<String>) {
        let src = SourceText::new("t", text.to_string());
        let mode = detect_mode(&src);
        let paras = paragraphs(&src, mode);
        (mode, paras.into_iter().map(|p| p.norm.text).collect())
    }

    #[test]
    fn detects_the_paragraph_convention() {
        use SegmentMode::*;
        let cases: &[(&str, SegmentMode, &[&str])] = &[
            ("One.\nTwo.\nThree.\n", LinePerParagraph, &["One.", "Two.", "Three."]),
            ("One.\n\nTwo.\n\n\nThree.", LinePerParagraph, &["One.", "Two.", "Three."]),
            (
                "A long paragraph that\nis wrapped over lines\nof text.\n\nSecond one\nalso wrapped.\n",
                BlankLineSeparated,
                &["A long paragraph that is wrapped over lines of text.", "Second one also wrapped."],
            ),
            ("Title\r\n\r\nBody one.\r\nBody two.\r\n", LinePerParagraph, &["Title", "Body one.", "Body two."]),
            ("  \u{200B}\n\t\n", LinePerParagraph, &[]),
            ("", LinePerParagraph, &[]),
            ("x\ry\r\nz", LinePerParagraph, &["x", "y", "z"]),
            // Unpunctuated lines (headlines, captions, subtitles) stay one
            // paragraph each whether or not the file ends with a line break
            // or blank lines; look-alike: a blank line between them.
            ("Headline one\nCaption two\nList item three", LinePerParagraph, &["Headline one", "Caption two", "List item three"]),
            ("Headline one\nCaption two\nList item three\n", LinePerParagraph, &["Headline one", "Caption two", "List item three"]),
            ("\n\nHeadline one\nCaption two\n\n\n", LinePerParagraph, &["Headline one", "Caption two"]),
            ("Headline one\nCaption two\n\nList item three\n", BlankLineSeparated, &["Headline one Caption two", "List item three"]),
        ];
        for (text, mode, expected) in cases {
            assert_eq!(
                split(text),
                (*mode, expected.iter().map(|s| s.to_string()).collect()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn paragraph_ranges_are_trimmed_original_text() {
        let text = "  Hà Nội  \n\n\u{FEFF}Hai\n";
        let src = SourceText::new("t", text.to_string());
        let paras = paragraphs(&src, detect_mode(&src));
        assert_eq!(&text[paras[0].range.clone()], "Hà Nội");
        assert_eq!(&text[paras[1].range.clone()], "Hai");
    }
}
