//! Vietnamese words that are spelled like a one-syllable place name: "Anh"
//! (Britain; also "you", "older brother", "Mr."), "Pháp" (France; also the
//! first syllable of "pháp luật", law), "Áo" (Austria; also a coat), "Đức"
//! (Germany; also "Đức Phật", the Buddha), "Ý" (Italy; also "ý kiến", an
//! opinion)… Capitalization tells them apart everywhere except at the start
//! of a sentence or a title, where each occurrence must be read from its own
//! context: the word after it here, the translation in the checker.

/// Two-syllable words that begin with a syllable which, capitalized, is also
/// a place's short name. At the start of a sentence "Pháp luật" (the law)
/// looks exactly like "Pháp" (France) followed by "luật". Sorted.
pub const COMPOUNDS: &[&str] = &[
    "anh chị",
    "anh cả",
    "anh em",
    "anh hai",
    "anh hùng",
    "anh họ",
    "anh rể",
    "anh ta",
    "anh trai",
    "anh ơi",
    "anh ấy",
    "bỉ ổi",
    "huế thương",
    "mỹ học",
    "mỹ mãn",
    "mỹ nghệ",
    "mỹ nhân",
    "mỹ phẩm",
    "mỹ quan",
    "mỹ thuật",
    "mỹ vị",
    "nga ơi",
    "nhật báo",
    "nhật kí",
    "nhật ký",
    "nhật thực",
    "nhật trình",
    "pháp chế",
    "pháp luật",
    "pháp lý",
    "pháp lệnh",
    "pháp nhân",
    "pháp quyền",
    "pháp sư",
    "pháp trường",
    "pháp y",
    "pháp đình",
    "séc du",
    "áo choàng",
    "áo dài",
    "áo giáp",
    "áo gối",
    "áo khoác",
    "áo len",
    "áo mưa",
    "áo phông",
    "áo quần",
    "áo sơ",
    "áo thun",
    "úc châu",
    "ý chí",
    "ý kiến",
    "ý muốn",
    "ý nghĩ",
    "ý nghĩa",
    "ý nguyện",
    "ý niệm",
    "ý thức",
    "ý tưởng",
    "ý định",
    "đức bà",
    "đức cha",
    "đức chúa",
    "đức hạnh",
    "đức mẹ",
    "đức phật",
    "đức thánh",
    "đức tin",
    "đức tính",
    "đức vua",
    "đức ông",
    "đức độ",
];

/// Words that, right after a sentence-initial homograph, make it a person:
/// pronoun particles and vocatives ("Anh ấy", "Anh ơi", "Anh à"), a
/// possessed kinship term ("Anh của tôi" is my brother), a pronoun partner
/// ("Anh em", "Anh và em"), verbs of feeling said by or to a person ("Anh
/// yêu em", "Anh nhớ em"). A state does not take them. Sorted.
pub const PERSON_FOLLOWERS: &[&str] = &[
    "của", "em", "mình", "nhé", "nhỉ", "nhớ", "này", "ta", "thương", "tôi", "yêu", "à", "ơi", "ạ",
    "ấy",
];

/// Particles that end a sentence spoken to someone: the imperative "đi"
/// ("Anh thử lại đi", try again), softeners and tags ("nhé", "nhỉ", "à",
/// "ạ", "chứ", "đấy"). News does not address a state so. Sorted.
pub const ADDRESS_PARTICLES: &[&str] = &["chứ", "hả", "nha", "nhé", "nhỉ", "à", "đi", "đấy", "ạ"];

/// True when the sentence a homograph opens (`rest`, the text after it up
/// to the sentence end) speaks to a person: it ends with an address
/// particle, or uses the homograph again in lowercase as a pronoun ("Anh
/// phải tin vào điều anh nói").
pub fn addresses_a_person(homograph: &str, rest: &str) -> bool {
    let sentence = rest
        .split(['.', '!', '?', '…', '\n'])
        .next()
        .unwrap_or(rest);
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.last().map(|w| fold(w)).unwrap_or_default();
    let lower = fold(homograph);
    ADDRESS_PARTICLES.contains(&last.as_str()) || words.iter().any(|w| *w == lower)
}

/// True when `first` (a one-syllable word) and the word after it form a
/// common Vietnamese compound rather than a name followed by a word.
pub fn is_compound(first: &str, next: &str) -> bool {
    let key = format!("{} {}", fold(first), fold(next));
    COMPOUNDS.contains(&key.as_str())
}

/// True when a sentence-initial homograph followed by `next` is read as a
/// common word or a person, never as the place: a compound ("Pháp luật"), a
/// pronoun or kinship use ("Anh ấy", "Anh của tôi"), or an honorific or
/// given name before a name ("Anh Stevenson", "Đức Phanxicô", "Áo Blu
/// Trắng" as a title).
pub fn reads_as_word(first: &str, next: &str) -> bool {
    let capitalized = next.chars().next().is_some_and(char::is_uppercase);
    capitalized || is_compound(first, next) || PERSON_FOLLOWERS.contains(&fold(next).as_str())
}

fn fold(word: &str) -> String {
    crate::normalize::fold_case(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every compound is a compound only as a whole: its first syllable
    /// followed by another word is not ("Pháp luật" is the law, "Pháp
    /// tuyên bố" is France declaring).
    #[test]
    fn every_compound_entry_and_its_look_alike() {
        for entry in COMPOUNDS {
            let (first, next) = entry.split_once(' ').expect("two syllables");
            assert!(is_compound(first, next), "{entry}");
            let capital: String = first
                .chars()
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(first.chars().skip(1))
                .collect();
            assert!(is_compound(&capital, next), "{entry} at a sentence start");
            assert!(reads_as_word(&capital, next), "{entry}");
            assert!(!is_compound(&capital, "tuyên"), "{capital} tuyên");
            assert!(!reads_as_word(&capital, "tuyên"), "{capital} tuyên");
        }
    }

    #[test]
    fn every_person_follower_and_its_look_alike() {
        for next in PERSON_FOLLOWERS {
            assert!(reads_as_word("Anh", next), "Anh {next}");
            // The same homograph before a verb a state takes stays open.
            assert!(!reads_as_word("Anh", "rời"), "Anh rời");
        }
    }

    #[test]
    fn sentences_spoken_to_a_person() {
        for particle in ADDRESS_PARTICLES {
            let rest = format!(" thử lại {particle}.");
            assert!(addresses_a_person("Anh", &rest), "{rest}");
        }
        let table = [
            (" phải tin vào điều anh nói.", true),
            (" nên mời họ đấy.", true),
            (" rời EU năm 2020.", false),
            (" và Pháp ký thỏa thuận. Anh thử đi.", false),
            (" tuyên bố sẽ tăng thuế.", false),
        ];
        for (rest, person) in table {
            assert_eq!(addresses_a_person("Anh", rest), person, "Anh{rest}");
        }
    }

    #[test]
    fn honorifics_and_titles_before_names() {
        let table = [
            ("Anh", "Stevenson", true),
            ("Đức", "Phanxicô", true),
            ("Áo", "Blu", true),
            ("Anh", "sẽ", false),
            ("Đức", "đã", false),
            ("Áo", "và", false),
        ];
        for (first, next, word) in table {
            assert_eq!(reads_as_word(first, next), word, "{first} {next}");
        }
    }

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [COMPOUNDS, PERSON_FOLLOWERS, ADDRESS_PARTICLES] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "sorted, no duplicates"
            );
        }
    }
}
