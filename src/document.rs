//! A decoded, segmented and normalized file, ready for alignment.

use std::ops::Range;

use crate::finding::Location;
use crate::input::SourceText;
use crate::segment::{detect_mode, paragraphs, Paragraph, SegmentMode};

#[derive(Debug, Clone)]
pub struct Document {
    pub file: SourceText,
    /// Language code of the text (e.g. "vi", "en").
    pub lang: String,
    pub mode: SegmentMode,
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    pub fn new(file: SourceText, lang: &str) -> Document {
        let mode = detect_mode(&file);
        let paragraphs = paragraphs(&file, mode);
        Document {
            file,
            lang: lang.to_string(),
            mode,
            paragraphs,
        }
    }

    pub fn location(&self, range: Range<usize>) -> Location {
        Location::new(&self.file, range)
    }

    /// Original byte range covering a run of paragraphs; None when empty.
    pub fn span_of(&self, paragraphs: Range<usize>) -> Option<Range<usize>> {
        if paragraphs.is_empty() {
            return None;
        }
        let first = self.paragraphs.get(paragraphs.start)?;
        let last = self.paragraphs.get(paragraphs.end - 1)?;
        Some(first.range.start..last.range.end)
    }

    /// Original byte offset where paragraph `index` starts (or the end of
    /// the text past the last paragraph).
    pub fn offset_of_paragraph(&self, index: usize) -> usize {
        self.paragraphs
            .get(index)
            .map(|p| p.range.start)
            .unwrap_or(self.file.text.len())
    }
}
