//! Recognizer for written Vietnamese syllables.
//!
//! Vietnamese orthography is closed: every syllable is an optional initial
//! consonant from a fixed set, a vowel cluster (optional medial o/u plus a
//! nucleus that may be a diphthong or triphthong), an optional final from
//! `c ch m n ng nh p t i y o u`, and at most one tone mark. Anything that does
//! not parse that way (e.g. "Lavrov", "Blinken", "Jong") cannot be a
//! Vietnamese word, which is how the name rules tell foreign names in
//! Vietnamese text apart from Vietnamese words without a word list.
//!
//! Decisions worth knowing:
//! * The tone mark may sit on any vowel letter: both the "new" placement
//!   (hòa, thủy) the input contract promises and the older one (hoà, thuỷ)
//!   are accepted, because tone placement does not change whether a word is
//!   Vietnamese and rejecting old-style text would turn real words foreign.
//! * `p` alone is accepted as an initial. It is mostly found in loanwords
//!   ("pin") but also in native place and ethnic-minority names ("Pác Bó",
//!   "Sùng A Páo"), and the issue lists it among the initials. Multi-syllable
//!   foreign words such as "Putin" are rejected anyway, because "utin" is not
//!   a rime.
//! * Letters outside the Vietnamese alphabet (f j w z, ø, ñ, …) make a word
//!   foreign, and so does any syllable with two tone marks.
//! * Measured on every word of the Vietnamese column of the Tatoeba eng-vie
//!   test set (21,551 tokens, 1,967 distinct): 293 tokens (179 distinct)
//!   are rejected, and every one is a foreign name, a loanword written
//!   without hyphens (tivi, vali, taxi, piano, bit, bus), a letter or
//!   abbreviation (B, X, ng), a typo (hêt, môt, khônf, tuơng) or mojibake
//!   (quyÃªn, Ðức with an eth). No correctly spelled native syllable is
//!   rejected.
//! * Short foreign names that happen to be spelled like Vietnamese syllables
//!   ("Kim", "Xi", "Tom", "Ben", "Sam") are valid syllables: phonotactics
//!   cannot tell them apart, and callers look at whole capitalized runs.

use std::cell::RefCell;
use std::collections::HashMap;

use unicode_normalization::char::decompose_canonical;

/// Tone of a syllable; `Level` (ngang) is the absence of a tone mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tone {
    Level,
    Acute,
    Grave,
    Hook,
    Tilde,
    Dot,
}

/// Initial consonants, longest first so that "ngh" is tried before "ng"
/// before "n". The empty initial is handled separately.
const INITIALS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];

/// Vowel clusters (optional medial + nucleus) with the finals each one
/// takes. `""` in the finals means the cluster can end the syllable. The
/// table is the standard inventory of written rimes, slightly widened where
/// real words exist outside the textbook list ("giêng" = gi + êng, "xoong",
/// "ừm", "quít").
const CLUSTERS: &[(&str, &[&str])] = &[
    // Triphthong-like clusters (medial u + diphthong) first: longest match.
    ("uyê", &["n", "t"]),
    ("uya", &[""]),
    // Medial + nucleus.
    (
        "oa",
        &[
            "", "c", "ch", "i", "m", "n", "ng", "nh", "p", "t", "y", "o", "u",
        ],
    ),
    ("oă", &["c", "m", "n", "ng", "t"]),
    ("oe", &["", "c", "m", "n", "o", "t"]),
    ("oo", &["c", "ng"]),
    ("uâ", &["n", "ng", "t", "y"]),
    ("uê", &["", "ch", "n", "nh", "u", "y"]),
    ("uy", &["", "ch", "n", "nh", "p", "t", "u"]),
    ("uơ", &["", "n", "m"]),
    // Diphthongs.
    ("iê", &["c", "m", "n", "ng", "p", "t", "u"]),
    ("yê", &["c", "m", "n", "ng", "p", "t", "u"]),
    ("ia", &[""]),
    ("uô", &["c", "i", "m", "n", "ng", "p", "t"]),
    ("ua", &[""]),
    ("ươ", &["", "c", "i", "m", "n", "ng", "p", "t", "u"]),
    ("ưa", &[""]),
    // Monophthongs.
    (
        "a",
        &[
            "", "c", "ch", "i", "m", "n", "ng", "nh", "p", "t", "y", "o", "u",
        ],
    ),
    ("ă", &["c", "m", "n", "ng", "p", "t"]),
    ("â", &["c", "m", "n", "ng", "p", "t", "u", "y"]),
    ("e", &["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "o"]),
    ("ê", &["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "u"]),
    ("i", &["", "ch", "m", "n", "nh", "p", "t", "u"]),
    ("y", &[""]),
    ("o", &["", "c", "i", "m", "n", "ng", "p", "t"]),
    ("ô", &["", "c", "i", "m", "n", "ng", "p", "t"]),
    ("ơ", &["", "c", "i", "m", "n", "ng", "p", "t", "u"]),
    ("u", &["", "c", "i", "m", "n", "ng", "p", "t"]),
    ("ư", &["", "c", "i", "m", "n", "ng", "p", "t", "u"]),
];

/// Splits one lowercase char into its base letter and its marks, as the
/// Vietnamese alphabet sees them: a vowel-quality mark (breve, circumflex,
/// horn) changes the letter, a tone mark is returned separately. `None` for
/// anything that is not a letter of the Vietnamese alphabet.
fn viet_letter(c: char) -> Option<(char, Option<Tone>)> {
    let mut base: Option<char> = None;
    let mut tone: Option<Tone> = None;
    let mut ok = true;
    decompose_canonical(c, |d| {
        if !ok {
            return;
        }
        match (base, d) {
            (None, _) => base = Some(d),
            (Some(b), '\u{0306}') => match b {
                'a' => base = Some('ă'),
                _ => ok = false,
            },
            (Some(b), '\u{0302}') => match b {
                'a' => base = Some('â'),
                'e' => base = Some('ê'),
                'o' => base = Some('ô'),
                _ => ok = false,
            },
            (Some(b), '\u{031B}') => match b {
                'o' => base = Some('ơ'),
                'u' => base = Some('ư'),
                _ => ok = false,
            },
            (Some(_), m) => {
                let t = match m {
                    '\u{0301}' => Tone::Acute,
                    '\u{0300}' => Tone::Grave,
                    '\u{0309}' => Tone::Hook,
                    '\u{0303}' => Tone::Tilde,
                    '\u{0323}' => Tone::Dot,
                    _ => {
                        ok = false;
                        return;
                    }
                };
                if tone.is_some() {
                    ok = false;
                } else {
                    tone = Some(t);
                }
            }
        }
    });
    let base = base?;
    if !ok || !is_viet_base(base) {
        return None;
    }
    if tone.is_some() && !is_vowel(base) {
        return None;
    }
    Some((base, tone))
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'ă' | 'â' | 'e' | 'ê' | 'i' | 'o' | 'ô' | 'ơ' | 'u' | 'ư' | 'y'
    )
}

fn is_viet_base(c: char) -> bool {
    is_vowel(c)
        || matches!(
            c,
            'b' | 'c'
                | 'd'
                | 'đ'
                | 'g'
                | 'h'
                | 'k'
                | 'l'
                | 'm'
                | 'n'
                | 'p'
                | 'q'
                | 'r'
                | 's'
                | 't'
                | 'v'
                | 'x'
        )
}

/// True iff `word` is one phonotactically valid written Vietnamese syllable
/// (any case, with or without a tone mark). See the module doc for the few
/// deliberate leniencies.
pub fn is_vietnamese_syllable(word: &str) -> bool {
    // The longest syllable is 7 letters ("nghiêng", "nguyệt" is 7 too);
    // anything much longer is not worth decomposing.
    if word.is_empty() || word.len() > 40 {
        return false;
    }
    // Asked of nearly every word of a Vietnamese text (foreign names,
    // alignment anchors), where a few hundred syllables make up most words:
    // each thread remembers its answers.
    thread_local! {
        static KNOWN: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
    }
    if let Some(known) = KNOWN.with(|k| k.borrow().get(word).copied()) {
        return known;
    }
    let answer = decompose(word);
    KNOWN.with(|k| {
        let mut known = k.borrow_mut();
        if known.len() >= 1 << 16 {
            known.clear();
        }
        known.insert(word.to_string(), answer);
    });
    answer
}

/// [`is_vietnamese_syllable`] without the memory.
fn decompose(word: &str) -> bool {
    let mut letters: Vec<char> = Vec::with_capacity(8);
    let mut tone = Tone::Level;
    let mut tones = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        // A combining mark arriving on its own (non-NFC input) belongs to the
        // previous letter; recompose it there.
        if unicode_normalization::char::is_combining_mark(c) {
            let Some(prev) = letters.pop() else {
                return false;
            };
            let Some(composed) = unicode_normalization::char::compose(prev, c) else {
                return false;
            };
            let Some((b, t)) = viet_letter(composed) else {
                return false;
            };
            letters.push(b);
            if let Some(t) = t {
                tones += 1;
                tone = t;
            }
            continue;
        }
        let Some((b, t)) = viet_letter(c) else {
            return false;
        };
        letters.push(b);
        if let Some(t) = t {
            tones += 1;
            tone = t;
        }
        if letters.len() > 8 {
            return false;
        }
    }
    if tones > 1 {
        return false;
    }
    parse(&letters, tone)
}

fn starts_with(s: &[char], prefix: &str) -> bool {
    prefix
        .chars()
        .enumerate()
        .all(|(i, p)| s.get(i) == Some(&p))
}

fn eq(s: &[char], t: &str) -> bool {
    s.len() == t.chars().count() && starts_with(s, t)
}

fn parse(letters: &[char], tone: Tone) -> bool {
    for initial in INITIALS.iter().copied().chain(std::iter::once("")) {
        if !starts_with(letters, initial) {
            continue;
        }
        let n = initial.chars().count();
        let rest = &letters[n..];
        if initial == "gi" && rest.first().is_none_or(|c| !is_vowel(*c)) {
            // "gì", "gìn", "gịt": the i of gi doubles as the nucleus.
            let mut with_i = vec!['i'];
            with_i.extend_from_slice(rest);
            if rime_ok("g", &with_i, tone, true) {
                return true;
            }
            continue;
        }
        if rime_ok(initial, rest, tone, false) {
            return true;
        }
    }
    false
}

/// Checks that `rest` is a valid rime after `initial`, including the
/// spelling rules that tie them together. `gi_merged` is set when the i of
/// the initial "gi" is the nucleus.
fn rime_ok(initial: &str, rest: &[char], tone: Tone, gi_merged: bool) -> bool {
    for (cluster, finals) in CLUSTERS {
        if !starts_with(rest, cluster) {
            continue;
        }
        let final_ = &rest[cluster.chars().count()..];
        if !finals.iter().any(|f| eq(final_, f)) {
            continue;
        }
        if cluster_fits(initial, cluster, gi_merged) && tone_fits(final_, tone) {
            return true;
        }
    }
    false
}

/// The stop finals c, ch, p, t only take the sắc or nặng tone.
fn tone_fits(final_: &[char], tone: Tone) -> bool {
    let stop = matches!(final_, ['c'] | ['c', 'h'] | ['p'] | ['t']);
    !stop || matches!(tone, Tone::Acute | Tone::Dot)
}

fn cluster_fits(initial: &str, cluster: &str, gi_merged: bool) -> bool {
    let first = cluster.chars().next().unwrap_or('a');
    let front = matches!(first, 'i' | 'e' | 'ê' | 'y');
    let medial_u = cluster.len() > 1 && cluster.starts_with('u') && !matches!(cluster, "ua" | "uô");
    let medial_o = matches!(cluster, "oa" | "oă" | "oe");
    let allowed = match initial {
        // k, gh, ngh are the spellings of /k ɣ ŋ/ before front vowels...
        "k" | "gh" | "ngh" => front,
        // ...and c, g, ng the spellings before everything else. The g of a
        // merged "gi" is the one exception ("gì", "gìn"). /kw/ is written
        // qu, never c + medial.
        "c" => !front && !medial_u && !medial_o,
        "g" => !front || gi_merged,
        "ng" => !front,
        // qu already carries the medial: no second medial, no u/ư nucleus.
        "qu" => !(medial_o || medial_u || matches!(first, 'u' | 'ư') || cluster == "ia"),
        // gi + i is written gi alone (handled by the merge).
        "gi" => first != 'i',
        _ => true,
    };
    if !allowed {
        return false;
    }
    // Diphthong spelling: yê after no initial or after the medial u of qu
    // (uyê is its own cluster), iê after a consonant.
    match cluster {
        "yê" => initial.is_empty() || initial == "qu",
        "iê" => !initial.is_empty(),
        _ => true,
    }
}

/// True iff `word` could be a Vietnamese syllable written without its
/// diacritics ("Nguyen", "Truong", "Dang", "Kim"): some way of putting back
/// breve, circumflex, horn, đ and a tone makes it valid. English-language
/// news writes Vietnamese names this way, so this is how the name rules
/// recognise Vietnamese name tokens in the target text.
pub fn could_be_vietnamese_syllable(word: &str) -> bool {
    let folded = super::fold::fold(word);
    if folded.is_empty() || folded.contains(' ') {
        return false;
    }
    let letters: Vec<char> = folded.chars().collect();
    if letters.len() > 8 || !letters.iter().all(|c| is_viet_base(*c)) {
        return false;
    }
    // The search below tries up to 3^8 restorations; names repeat the same
    // few thousand syllables, so each thread remembers its answers (a
    // 100k-entry glossary asks about the same tokens tens of thousands of
    // times while its fuzzy index is built).
    thread_local! {
        static KNOWN: RefCell<HashMap<String, bool>> = RefCell::new(HashMap::new());
    }
    if let Some(known) = KNOWN.with(|k| k.borrow().get(&folded).copied()) {
        return known;
    }
    let mut current = Vec::with_capacity(letters.len());
    let answer = restore(&letters, &mut current);
    KNOWN.with(|k| {
        let mut known = k.borrow_mut();
        // Bounded: an archive of arbitrary text cannot grow it forever.
        if known.len() >= 1 << 16 {
            known.clear();
        }
        known.insert(folded, answer);
    });
    answer
}

/// Tries every restoration of the marks folding removed, depth-first. At
/// most 8 letters with at most 3 choices each keep this tiny in practice
/// (a syllable has at most three vowel letters).
fn restore(rest: &[char], current: &mut Vec<char>) -> bool {
    let Some((&c, tail)) = rest.split_first() else {
        // Acute is compatible with every final, including the stop finals.
        return parse(current, Tone::Acute);
    };
    let choices: &[char] = match c {
        'a' => &['a', 'ă', 'â'],
        'e' => &['e', 'ê'],
        'o' => &['o', 'ô', 'ơ'],
        'u' => &['u', 'ư'],
        'd' => &['d', 'đ'],
        _ => std::slice::from_ref(&c),
    };
    for &choice in choices {
        current.push(choice);
        let ok = restore(tail, current);
        current.pop();
        if ok {
            return true;
        }
    }
    false
}

/// True for a letters-only word that is not a Vietnamese syllable: the
/// signal that a capitalized token in Vietnamese text is a foreign name.
/// Words containing digits, punctuation, hyphens or apostrophes are not
/// "foreign words" here; split them first.
pub fn is_foreign_word(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() => {}
        _ => return false,
    }
    if !chars.all(|c| crate::chars::is_alphabetic(c) || crate::chars::is_mark(c)) {
        return false;
    }
    !is_vietnamese_syllable(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A broad sample of real syllables, chosen to cover every initial, every
    /// cluster/final combination in the table, both tone placements and the
    /// spelling exceptions.
    const VALID: &[&str] = &[
        // initials
        "ba",
        "ca",
        "cha",
        "da",
        "đa",
        "ga",
        "ghế",
        "gì",
        "gia",
        "ha",
        "kê",
        "kha",
        "la",
        "ma",
        "na",
        "nga",
        "nghe",
        "nha",
        "pin",
        "pha",
        "qua",
        "ra",
        "sa",
        "ta",
        "tha",
        "tra",
        "va",
        "xa",
        "a",
        "ơ",
        "ư",
        "y",
        "ý",
        // gi and its merges
        "gìn",
        "giữ",
        "giếng",
        "giêng",
        "giường",
        "giúp",
        "gió",
        "giặc",
        "gịt",
        // qu
        "quốc",
        "quý",
        "quy",
        "quyết",
        "quyền",
        "quê",
        "quen",
        "quanh",
        "quắt",
        "quở",
        "quân",
        "quít",
        "quều",
        // clusters and finals
        "hoa",
        "hòa",
        "hoà",
        "khoác",
        "hoạch",
        "ngoài",
        "xoay",
        "toán",
        "hoàng",
        "thoảng",
        "khoanh",
        "hoạt",
        "ngoao",
        "xoăn",
        "hoặc",
        "khoe",
        "xoen",
        "ngoéo",
        "khoét",
        "xoong",
        "boong",
        "huân",
        "khuâng",
        "thuật",
        "khuấy",
        "huế",
        "thuế",
        "khuếch",
        "huênh",
        "tuy",
        "thủy",
        "thuỷ",
        "huých",
        "huynh",
        "tuýp",
        "huýt",
        "khuỷu",
        "thuở",
        "huơ",
        "khuya",
        "chuyện",
        "tuyết",
        "nguyễn",
        "nguyệt",
        "tiếc",
        "tiêm",
        "tiên",
        "tiếng",
        "tiếp",
        "tiết",
        "tiêu",
        "yêu",
        "yến",
        "yếm",
        "mía",
        "kìa",
        "ỉa",
        "muốc",
        "muối",
        "muộm",
        "muôn",
        "muống",
        "muốt",
        "mua",
        "cua",
        "rượu",
        "người",
        "nước",
        "mượn",
        "bướm",
        "giương",
        "mưa",
        "cưa",
        "ác",
        "ách",
        "ai",
        "am",
        "an",
        "ang",
        "anh",
        "áp",
        "át",
        "ay",
        "ao",
        "au",
        "ắc",
        "ăm",
        "ăn",
        "ăng",
        "ắp",
        "ắt",
        "ấc",
        "âm",
        "ân",
        "âng",
        "ấp",
        "ất",
        "âu",
        "ây",
        "éc",
        "em",
        "en",
        "eng",
        "ép",
        "ét",
        "eo",
        "ếch",
        "êm",
        "ên",
        "ênh",
        "ếp",
        "ết",
        "êu",
        "ích",
        "im",
        "in",
        "inh",
        "íp",
        "ít",
        "iu",
        "óc",
        "oi",
        "om",
        "on",
        "ong",
        "óp",
        "ót",
        "ốc",
        "ôi",
        "ôm",
        "ôn",
        "ông",
        "ốp",
        "ốt",
        "ơi",
        "ơm",
        "ơn",
        "ớp",
        "ớt",
        "úc",
        "ui",
        "um",
        "un",
        "ung",
        "úp",
        "út",
        "ức",
        "ưi",
        "gửi",
        "ừm",
        "ưng",
        "ứt",
        "ưu",
        "mỹ",
        "mĩ",
        "kỹ",
        "kĩ",
        "ly",
        "li",
        "lý",
        "tỷ",
        "kỳ",
        // full words, every tone, all caps and title case
        "Việt",
        "Nam",
        "Hà",
        "Nội",
        "Thành",
        "Phố",
        "Hồ",
        "Chí",
        "Minh",
        "NGUYỄN",
        "Phạm",
        "Trần",
        "Lê",
        "Lý",
        "Đặng",
        "Đỗ",
        "Vũ",
        "Võ",
        "Bùi",
        "Huỳnh",
        "Dương",
        "Ngô",
        "Trịnh",
        "Kim",
        "Xi",
        "nghiêng",
        "khuyến",
        "truyện",
        "ngoằn",
        "thuyền",
        "chuyển",
    ];

    const INVALID: &[&str] = &[
        // foreign names from the issue
        "Lavrov",
        "Blinken",
        "Dmitry",
        "Josep",
        "Borrell",
        "Peskov",
        "Antony",
        "Zelensky",
        "Biden",
        "Putin",
        "Jong",
        "Trump",
        "Jinping",
        "Moon",
        "Yoon",
        "Harris",
        "Kamala",
        "Boeing",
        "Google",
        "Tesla",
        "Sergei",
        "Sergey",
        "Joe",
        "Hunter",
        "Washington",
        "Paris",
        "London",
        "Obama",
        "Macron",
        "Scholz",
        "NATO",
        "ASEAN",
        "Apple",
        "Samsung",
        "Xiaomi",
        "Seoul",
        "Tokyo",
        "Beijing",
        "Kyiv",
        "Moscow",
        "Erdogan",
        "Modi",
        "Abe",
        "Shinzo",
        // spelling rules
        "ki", /* valid! see below */
    ];

    #[test]
    fn accepts_real_syllables() {
        for w in VALID {
            assert!(is_vietnamese_syllable(w), "should accept {w:?}");
        }
    }

    #[test]
    fn rejects_foreign_words() {
        for w in INVALID.iter().filter(|w| **w != "ki") {
            assert!(!is_vietnamese_syllable(w), "should reject {w:?}");
            assert!(is_foreign_word(w), "should be foreign {w:?}");
        }
        assert!(is_vietnamese_syllable("ki"));
    }

    #[test]
    fn enforces_spelling_rules() {
        for w in [
            // k/gh/ngh only before i e ê y; c/g/ng never before them
            "ka", "ko", "gha", "ngho", "ce", "ci", "ge", "nge", "ngi",
            // stop finals need sắc or nặng
            "tàc", "tac", "hoàt", "bỏp", "lẽt", "ach",
            // two tone marks, tone on a consonant, non-Vietnamese letters
            "hóà", "fa", "ja", "wa", "za", "ña", "bø", // impossible rimes and clusters
            "ăi", "ă", "â", "iê", "tiê", "uô", "ooi", "mya", "tyên", "iên", "quu", "qa", "q",
            "cuy", "cuân", "ngh", "gh", "tr", "bb", "aa", "eê",
        ] {
            assert!(!is_vietnamese_syllable(w), "should reject {w:?}");
        }
    }

    /// Every word of a few news-style sentences, split the way callers split:
    /// the Vietnamese words must all be syllables and exactly the foreign
    /// names must be foreign.
    #[test]
    fn news_sentences_split_cleanly() {
        let text = "Ngoại trưởng Nga Sergei Lavrov hôm qua đã hội đàm với Ngoại trưởng \
            Mỹ Antony Blinken tại Hà Nội. Tổng Bí thư Nguyễn Phú Trọng tiếp Chủ tịch \
            Trung Quốc Tập Cận Bình; Thủ tướng Phạm Minh Chính nói rằng quan hệ \
            hai nước đang phát triển tốt đẹp. Hãng Boeing và Tesla khuyến khích \
            người tiêu dùng Việt Nam thuê xe điện, giữ gìn môi trường xanh. \
            Nhà lãnh đạo Triều Tiên Kim Jong Un nghiêng về phía Tổng thống Putin.";
        let foreign: Vec<&str> = text
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty() && !is_vietnamese_syllable(w))
            .collect();
        assert_eq!(
            foreign,
            ["Sergei", "Lavrov", "Antony", "Blinken", "Boeing", "Tesla", "Jong", "Putin"]
        );
    }

    #[test]
    fn folded_syllables() {
        for w in [
            "Nguyen", "Truong", "Trong", "Phuc", "Duong", "Dang", "Thuy", "Quoc", "Kim", "Xi",
            "Huynh", "Giang", "Nghiem", "Nguyễn", "Pham",
        ] {
            assert!(could_be_vietnamese_syllable(w), "{w}");
        }
        for w in [
            "Lavrov",
            "Biden",
            "Jong",
            "Moon",
            "Trump",
            "Nguyen Phu",
            "",
            "Zelensky",
            "Phamm",
        ] {
            assert!(!could_be_vietnamese_syllable(w), "{w}");
        }
    }

    #[test]
    fn foreign_word_needs_letters_only() {
        assert!(!is_foreign_word(""));
        assert!(!is_foreign_word("Jong-un"));
        assert!(!is_foreign_word("O'Brien"));
        assert!(!is_foreign_word("G7"));
        assert!(!is_foreign_word("2024"));
        assert!(!is_foreign_word("Việt"));
        assert!(is_foreign_word("Zürich"));
        assert!(is_foreign_word("Ødegaard"));
    }

    #[test]
    fn decomposed_marks_are_recomposed() {
        // "Chào" with a combining grave accent (not NFC).
        assert!(is_vietnamese_syllable("Cha\u{0300}o"));
        assert!(!is_vietnamese_syllable("\u{0300}a"));
    }

    #[test]
    fn never_panics_on_odd_input() {
        for w in [
            "\u{0}",
            "🙂",
            "a\u{0301}\u{0301}",
            "ΑΘΗΝΑ",
            "İstanbul",
            "ß",
            "ǅ",
            "\u{FFFF}",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "\u{0323}",
            "đ",
            "Ð",
        ] {
            let _ = is_vietnamese_syllable(w);
            let _ = is_foreign_word(w);
        }
        assert!(!is_vietnamese_syllable("Ð"));
    }
}
