//! News layout around the article text: photo captions, bylines and source
//! credits, datelines. An English edition moves a caption to the top, drops
//! the byline and writes the dateline in capitals; the aligner and the
//! matchers need to know these lines for what they are.

use crate::lang::words_of;

/// What a paragraph is in the layout of a news page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Role {
    /// Article text: headline, lead, body.
    #[default]
    Body,
    /// A photo or graphic caption (it carries a photo credit).
    Caption,
    /// A byline or source credit ("Minh Anh", "Theo VnExpress", "By …").
    Credit,
}

/// Photo credits that make a paragraph a caption, as written (case
/// matters: "ảnh:" inside a sentence is no credit).
const CAPTION_MARKERS: &[&str] = &[
    // Vietnamese
    "Ảnh:",
    "Ảnh :",
    "(Ảnh",
    "Ảnh minh họa",
    "Ảnh minh hoạ",
    "Đồ họa:",
    "Đồ hoạ:",
    "Nguồn ảnh:",
    // English
    "Photo:",
    "Photo by",
    "(Photo",
    "Photograph:",
    "Picture:",
    "Image:",
    "Graphic:",
    "File photo",
    "Credit:",
];

/// Openings of a credit line, folded.
const CREDIT_OPENINGS: &[&str] = &[
    // Vietnamese
    "theo ",
    "bài:",
    "bài và ảnh:",
    "bài, ảnh:",
    "nguồn:",
    "nhóm phóng viên",
    "pv",
    "ttxvn",
    // English
    "by ",
    "reporting by",
    "writing by",
    "editing by",
    "source:",
    "sources:",
    "story by",
    "text and photos by",
];

/// A credit line is this short…
const MAX_CREDIT_WORDS: usize = 8;
/// …and a bare name (no opening) shorter still.
const MAX_NAME_WORDS: usize = 4;

/// The layout role of a paragraph; `last` says whether it ends its
/// document (a bare name is a byline only there).
pub fn role(text: &str, last: bool) -> Role {
    let text = text.trim();
    if CAPTION_MARKERS.iter().any(|m| has_marker(text, m)) {
        return Role::Caption;
    }
    let words: Vec<&str> = words_of(text).collect();
    let ends_sentence = text.ends_with(['.', '!', '?', '…', '"', '”']);
    if words.is_empty() || words.len() > MAX_CREDIT_WORDS || ends_sentence {
        return Role::Body;
    }
    let folded = crate::normalize::fold_case(text);
    let opening = CREDIT_OPENINGS.iter().any(|o| {
        folded.starts_with(o)
            && (o.ends_with([' ', ':']) || !folded[o.len()..].starts_with(char::is_alphanumeric))
    });
    let bare_name = last
        && words.len() <= MAX_NAME_WORDS
        && !text.contains(|c: char| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if opening || bare_name {
        Role::Credit
    } else {
        Role::Body
    }
}

/// A marker at the start of the text or after a space or bracket.
fn has_marker(text: &str, marker: &str) -> bool {
    text.match_indices(marker).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([–-—.".contains(c))
    })
}

/// The byte length of a dateline at the start of a paragraph: a place in
/// capitals ("HÀ NỘI", "HO CHI MINH CITY"), possibly with an agency or date
/// after it, before a dash. None when the paragraph has none.
pub fn dateline(text: &str) -> Option<usize> {
    let dash = [" - ", "–", "—"]
        .iter()
        .filter_map(|d| text.find(d))
        .min()?;
    let head = &text[..dash];
    let place_end = head.find([',', '(']).unwrap_or(head.len());
    let place = head[..place_end].trim_end();
    if place.len() != place_end && !head[place.len()..place_end].trim().is_empty() {
        return None;
    }
    let words: Vec<&str> = words_of(place).collect();
    let upper = |w: &&str| w.chars().all(|c| !c.is_lowercase()) && w.chars().count() >= 2;
    (!words.is_empty()
        && words.len() <= 5
        && words.iter().all(upper)
        && place.len() + 1 < text.len()
        && place
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '.'))
    .then_some(place.len())
}

/// `text` with its dateline's capitals turned into title case ("HO CHI
/// MINH CITY" → "Ho Chi Minh City"), keeping every byte offset, so that
/// glossary matchers find the place.
pub fn title_case_dateline(text: &str) -> Option<String> {
    let end = dateline(text)?;
    let mut out = String::with_capacity(text.len());
    let mut word_start = true;
    for c in text[..end].chars() {
        let lower: Vec<char> = c.to_lowercase().collect();
        let keep = word_start || lower.len() != 1 || lower[0].len_utf8() != c.len_utf8();
        out.push(if keep { c } else { lower[0] });
        word_start = !c.is_alphabetic();
    }
    out.push_str(&text[end..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_with_look_alikes() {
        let cases: &[(&str, bool, Role)] = &[
            (
                "Hành khách lên tàu sáng 8/8. Ảnh: Ngọc Thành",
                false,
                Role::Caption,
            ),
            (
                "Passengers board a train. Photo: Ngoc Thanh",
                false,
                Role::Caption,
            ),
            (
                "Cảnh sát phong tỏa hiện trường (Ảnh minh họa)",
                false,
                Role::Caption,
            ),
            // "ảnh" inside a sentence is no credit.
            (
                "Bộ trưởng xem hình ảnh: những ngôi nhà bị lũ cuốn trôi.",
                false,
                Role::Body,
            ),
            ("Photography exhibitions open in Hanoi.", false, Role::Body),
            ("Minh Anh", true, Role::Credit),
            ("Theo VnExpress", true, Role::Credit),
            ("Bài và ảnh: Nguyễn Đông", true, Role::Credit),
            ("By Nguyen Dong", false, Role::Credit),
            (
                "Reporting by Minh Anh; Editing by John Smith",
                true,
                Role::Credit,
            ),
            // A name that is not last is a heading or a name, not a byline.
            ("Minh Anh", false, Role::Body),
            // A last sentence is body text, even a short one.
            ("Theo dõi tiếp.", true, Role::Body),
            ("Theodore Roosevelt", true, Role::Credit),
            ("Theodore Roosevelt visited Hanoi", true, Role::Body),
            (
                "World Bank Raises Vietnam Growth Forecast",
                false,
                Role::Body,
            ),
            ("Lạm phát năm 2024 là 3,6%", true, Role::Body),
            ("Bypass opens in 2025", true, Role::Body),
        ];
        for (text, last, expected) in cases {
            assert_eq!(role(text, *last), *expected, "{text}");
        }
    }

    #[test]
    fn datelines_with_look_alikes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("HÀ NỘI - Sáng 8/8, tuyến metro…", Some("HÀ NỘI")),
            (
                "HO CHI MINH CITY — Vietnam exported…",
                Some("HO CHI MINH CITY"),
            ),
            ("HANOI, Dec 7 (Reuters) - Vietnam said…", Some("HANOI")),
            ("TP HCM - Năm 2024…", Some("TP HCM")),
            ("WASHINGTON (AP) — The president…", Some("WASHINGTON")),
            // Not a dateline: an acronym opening a sentence.
            ("ASEAN leaders met - and agreed.", None),
            ("Hà Nội - Sáng 8/8…", None),
            ("WHO said on Monday that cases rose.", None),
            ("The 8.5 km section - the first…", None),
            ("NATO", None),
        ];
        for (text, expected) in cases {
            assert_eq!(dateline(text).map(|end| &text[..end]), *expected, "{text}");
        }
        assert_eq!(
            title_case_dateline("HO CHI MINH CITY — Vietnam").as_deref(),
            Some("Ho Chi Minh City — Vietnam")
        );
        assert_eq!(
            title_case_dateline("ĐÀ NẴNG - Tối 31/5").as_deref(),
            Some("Đà Nẵng - Tối 31/5")
        );
    }
}
