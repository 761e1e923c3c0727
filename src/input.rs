//! Input decoding: bytes as found on disk → text, with the byte-order mark
//! removed and the original line structure kept so that every reported
//! position refers to the file as the user sees it.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result};

/// Limits on one article file: a size far above any news article (a long
/// one is 50 KB), checked before the file is read. There is no limit on
/// lines: every stage is linear or n·log n in the input (BENCHMARKS.md,
/// *Scaling*), so a subtitle archive of a million lines only takes ten
/// times as long as one of a hundred thousand.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Reads a file of at most `limit` bytes. A larger file is refused without
/// being read whole (it may be a disk image or `/dev/zero`); `what` names
/// the kind of file in that error ("an article", "a glossary").
pub fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let read_error = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = open_input(path).map_err(read_error)?;
    let too_large = || Error::Limit {
        path: path.to_path_buf(),
        message: format!(
            "file is larger than {}, the limit for {what}; split it or check a smaller file",
            human_bytes(limit)
        ),
    };
    // A regular file's size is known up front; devices and pipes are
    // bounded by reading at most one byte past the limit.
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > limit)
    {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Opens an input file of any kind (article, glossary, configuration,
/// baseline, exchange file) after looking at what the path names: a
/// regular file is read; a FIFO (`<(cmd)`, a named pipe) is read once a
/// writer is there, and refused after [`crate::fsutil::FIFO_WAIT`] without
/// one instead of blocking forever; devices and sockets are refused
/// unread (`/dev/zero` as a glossary would otherwise be read to the
/// limit). A directory is left to the read, which reports it.
fn open_input(path: &Path) -> std::io::Result<std::fs::File> {
    use crate::fsutil::FileKind;
    let kind = crate::fsutil::file_kind(&std::fs::metadata(path)?);
    match kind {
        FileKind::Regular | FileKind::Directory => std::fs::File::open(path),
        FileKind::Fifo => crate::fsutil::open_waiting(path, true),
        other => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("is a {}, not a file; give a regular file", other.name()),
        )),
    }
}

/// "16 MiB", "256 MiB", "1000 bytes".
fn human_bytes(n: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if n >= MIB && n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

/// Text decoded from a file, before any normalization.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as given by the user; used in messages and reports.
    pub path: String,
    /// Decoded text without the byte-order mark; line endings untouched.
    pub text: String,
    pub lines: LineIndex,
}

impl SourceText {
    pub fn new(path: impl Into<String>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        SourceText {
            path: path.into(),
            text,
            lines,
        }
    }

    /// Reads and decodes an article within the default [`Limits`]; any
    /// failure names the file.
    pub fn read(path: &Path) -> Result<Self> {
        SourceText::read_within(path, Limits::default())
    }

    /// Reads and decodes an article within `limits`.
    pub fn read_within(path: &Path, limits: Limits) -> Result<Self> {
        let bytes = read_limited(path, limits.max_file_bytes, "an article")?;
        let text = decode(&bytes).map_err(|message| Error::Decode {
            path: path.to_path_buf(),
            message,
        })?;
        drop(bytes);
        let source = SourceText::new(path.display().to_string(), text);
        Ok(source)
    }

    /// Line and column (both 1-based, column in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        self.lines.position(&self.text, offset)
    }

    /// The original text of a byte range.
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.text.get(range).unwrap_or("")
    }
}

/// A 1-based line and 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Byte offsets where lines start. LF, CRLF and a lone CR all end a line.
/// Also the number of characters before every [`CHECKPOINT_BYTES`]th byte,
/// so that a column on a very long line is found without counting the line
/// from its start (a 16 MiB single-line file with many findings would
/// otherwise take time proportional to their product).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset on a char boundary, characters before it), ascending.
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let mut checkpoints = vec![(0, 0)];
        let mut chars = 0;
        let mut at = 0;
        while at + CHECKPOINT_BYTES < text.len() {
            let mut next = at + CHECKPOINT_BYTES;
            while !text.is_char_boundary(next) {
                next += 1;
            }
            chars += text[at..next].chars().count();
            checkpoints.push((next, chars));
            at = next;
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters of `text` that start before byte `offset`.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (from, before) = self
            .checkpoints
            .get(k.wrapping_sub(1))
            .copied()
            .unwrap_or((0, 0));
        let rest = text.get(from..offset).map_or_else(
            || {
                text[from..]
                    .char_indices()
                    .take_while(|(i, _)| from + i < offset)
                    .count()
            },
            |s| s.chars().count(),
        );
        before + rest
    }

    /// Byte ranges of each line's content, line terminators excluded.
    pub fn line_ranges<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.starts.iter().enumerate().map(move |(i, &start)| {
            let next = self.starts.get(i + 1).copied().unwrap_or(text.len());
            let mut end = next;
            let bytes = text.as_bytes();
            if end > start && bytes[end - 1] == b'\n' {
                end -= 1;
            }
            if end > start && bytes[end - 1] == b'\r' {
                end -= 1;
            }
            start..end
        })
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of line `line` (1-based), terminator excluded. Direct
    /// indexing: reports ask once per finding, and a walk over the lines
    /// each time would take their product on a long file.
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let i = line.saturating_sub(1);
        let Some(&start) = self.starts.get(i) else {
            return text.len()..text.len();
        };
        let next = self.starts.get(i + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        let mut end = next;
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        start..end
    }

    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line_idx];
        let column = self.chars_before(text, offset) - self.chars_before(text, start);
        Position {
            line: line_idx + 1,
            column: column + 1,
        }
    }
}

/// Decodes file bytes: UTF-8 with or without BOM, UTF-16 LE/BE with BOM.
/// Errors are human sentences that the caller prefixes with the file name.
pub fn decode(bytes: &[u8]) -> Result<String, String> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest, 3);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes, "UTF-16LE");
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes, "UTF-16BE");
    }
    if looks_like_bomless_utf16(bytes) {
        return Err(
            "looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)"
                .to_string(),
        );
    }
    decode_utf8(bytes, 0)
}

fn decode_utf8(bytes: &[u8], base: usize) -> Result<String, String> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                return Err(format!(
                    "binary data (NUL byte at byte offset {}); expected a UTF-8 text file",
                    base + nul
                ));
            }
            Ok(text.to_string())
        }
        Err(e) => Err(format!(
            "invalid UTF-8 at byte offset {}; save the file as UTF-8",
            base + e.valid_up_to()
        )),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, name: &str) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(format!(
            "truncated {name}: odd number of bytes after the byte-order mark"
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, decoded) in char::decode_utf16(units).enumerate() {
        match decoded {
            Ok('\0') => {
                return Err(format!(
                    "binary data (NUL character at byte offset {}) in {name} text",
                    2 + 2 * i
                ))
            }
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(format!(
                    "invalid {name}: unpaired surrogate at byte offset {}",
                    2 + 2 * i
                ))
            }
        }
    }
    Ok(text)
}

/// UTF-16 text without a BOM shows NUL in every other byte for Latin script.
fn looks_like_bomless_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() < 8 {
        return false;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let (many, few) = if even_nuls > odd_nuls {
        (even_nuls, odd_nuls)
    } else {
        (odd_nuls, even_nuls)
    };
    many * 10 >= pairs * 4 && few * 10 < pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_and_all_line_endings() {
        let text = "ab\r\nNgân\rx\ny";
        let idx = LineIndex::new(text);
        let cases = [
            (0, (1, 1)),
            (1, (1, 2)),
            (4, (2, 1)),
            (text.find('x').unwrap(), (3, 1)),
            (text.find('y').unwrap(), (4, 1)),
            ("ab\r\nNgâ".len(), (2, 4)),
        ];
        for (offset, (line, column)) in cases {
            assert_eq!(
                idx.position(text, offset),
                Position { line, column },
                "offset {offset}"
            );
        }
        let lines: Vec<&str> = idx.line_ranges(text).map(|r| &text[r]).collect();
        assert_eq!(lines, ["ab", "Ngân", "x", "y"]);
        for (i, expected) in lines.iter().enumerate() {
            assert_eq!(&text[idx.line_range(text, i + 1)], *expected);
        }
        assert_eq!(idx.line_range(text, 9), text.len()..text.len());
        // Columns far along a long line come from the checkpoints.
        let long = format!("{}x", "ơ".repeat(10_000));
        let idx = LineIndex::new(&long);
        assert_eq!(
            idx.position(&long, long.len() - 1),
            Position {
                line: 1,
                column: 10_001
            }
        );
    }

    #[test]
    fn decodes_boms_and_rejects_bad_input() {
        assert_eq!(decode(b"\xEF\xBB\xBFabc").unwrap(), "abc");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hà".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le).unwrap(), "Hà");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Hà".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be).unwrap(), "Hà");
        assert!(decode(b"ab\xFFcd").unwrap_err().contains("byte offset 2"));
        assert!(decode(b"\xEF\xBB\xBFab\xFF")
            .unwrap_err()
            .contains("byte offset 5"));
        assert!(decode(b"ab\0cd").unwrap_err().contains("NUL"));
        let bomless: Vec<u8> = "Hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(decode(&bomless).unwrap_err().contains("UTF-16"));
    }
}
