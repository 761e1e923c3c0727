//! English: regular plurals and demonyms (so that a glossary lists "ballistic
//! missile" and "Russia" and still accepts "ballistic missiles" and "Russian
//! troops"), and the function words that identify English text.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::glossary::Kind;

/// Surface forms besides `form` itself under which it counts as rendered.
pub fn variants(form: &str, kind: Kind) -> Vec<String> {
    let mut out = Vec::new();
    let Some(last) = form.rsplit(' ').next().filter(|w| !w.is_empty()) else {
        return out;
    };
    let head = &form[..form.len() - last.len()];
    let last_is_word = last.chars().all(|c| c.is_alphabetic());
    if !last_is_word {
        return out;
    }
    let acronym = last.chars().count() >= 2 && last.chars().all(|c| c.is_uppercase());
    match kind {
        Kind::Term | Kind::Other => {
            if last.chars().all(|c| c.is_lowercase()) {
                out.extend(plurals(last).into_iter().map(|p| format!("{head}{p}")));
                // A one-word term is often a verb too: "swap" → "swapped",
                // "veto" → "vetoed", "sanction" → "sanctioning".
                if head.is_empty() {
                    out.extend(verb_forms(last));
                    // A noun made from a verb is rendered by the verb too:
                    // "election" by "elected", "agreement" by "agreed".
                    for verb in base_verbs(last) {
                        out.extend(verb_forms(&verb));
                        out.push(verb);
                    }
                    out.extend(adjectives(last));
                }
            } else if acronym {
                // "POW" → "POWs", "NGO" → "NGOs".
                out.push(format!("{form}s"));
            }
        }
        Kind::Place => {
            // A listed demonym in the plural: "Pole" accepts "Poles".
            out.push(format!("{head}{}", plural(last)));
            if let Some(listed) = super::en_demonyms::listed(form) {
                // "Canada" → "Canadian(s)", "Netherlands" → "Dutch".
                for demonym in listed {
                    out.push(plural(demonym));
                    out.push(demonym.to_string());
                }
            }
            for demonym in demonyms(last) {
                out.push(format!("{head}{}", plural(&demonym)));
                out.push(format!("{head}{demonym}"));
            }
        }
        // "the 44th and 45th ASEAN Summits", "two World Cups".
        Kind::Event if !last.ends_with('s') => out.push(format!("{head}{}", plural(last))),
        Kind::Person | Kind::Organization | Kind::Event => {}
    }
    out
}

/// The plurals of a noun: the regular one, and for a final "o" both
/// "-os" and "-oes" ("vetoes", "heroes", "videos").
fn plurals(word: &str) -> Vec<String> {
    let mut out = vec![plural(word)];
    if word.ends_with('o') {
        out.push(format!("{word}es"));
    }
    out
}

/// The regular inflections of an English verb: third person, past and
/// participle ("exchange" → "exchanges", "exchanged", "exchanging"; "swap"
/// → "swapped", "swapping"; "carry" → "carried"). A doubled final
/// consonant is offered whenever it could apply ("visitted" is never
/// written, so accepting it costs nothing).
pub fn verb_forms(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 3 || !word.is_ascii() {
        return Vec::new();
    }
    let vowel = |c: char| "aeiou".contains(c);
    let mut out = Vec::new();
    let last = chars[n - 1];
    if last == 'e' {
        let stem = &word[..word.len() - 1];
        out.push(format!("{word}d"));
        out.push(format!("{stem}ing"));
    } else if last == 'y' && !vowel(chars[n - 2]) {
        let stem = &word[..word.len() - 1];
        out.push(format!("{stem}ied"));
        out.push(format!("{word}ing"));
    } else {
        out.push(format!("{word}ed"));
        out.push(format!("{word}ing"));
        let doubles =
            !vowel(last) && !"wxy".contains(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]);
        if doubles {
            out.push(format!("{word}{last}ed"));
            out.push(format!("{word}{last}ing"));
        }
    }
    out
}

/// The verbs an English action noun is regularly made from: "election" →
/// "elect", "negotiation" → "negotiate", "declaration" → "declare",
/// "reduction" → "reduce", "decision" → "decide", "agreement" → "agree".
/// Candidates that are no verb ("nat" from "nation") cost nothing: they are
/// only looked for in the translation, as whole words.
pub fn base_verbs(noun: &str) -> Vec<String> {
    let cut = |suffix: &str| noun.strip_suffix(suffix).filter(|stem| stem.len() >= 3);
    let mut out = Vec::new();
    if let Some(stem) = cut("ation") {
        out.push(format!("{stem}ate"));
        out.push(format!("{stem}e"));
        out.push(stem.to_string());
    } else if let Some(stem) = cut("uction") {
        out.push(format!("{stem}uce"));
    } else if let Some(stem) = cut("tion") {
        out.push(format!("{stem}t"));
    } else if let Some(stem) = cut("sion") {
        out.push(format!("{stem}de"));
        out.push(format!("{stem}d"));
    } else if let Some(stem) = cut("ment") {
        out.push(stem.to_string());
    }
    out.retain(|v| v.len() >= 4 && v != noun);
    out
}

/// Adjectives of an English noun in "-ion": "constitution" →
/// "constitutional", "election" → "electoral" (the Latin "-oral" of the
/// agent noun "elector").
pub fn adjectives(noun: &str) -> Vec<String> {
    let mut out = Vec::new();
    if noun.ends_with("ion") && noun.len() >= 6 {
        out.push(format!("{noun}al"));
        if let Some(stem) = noun.strip_suffix("tion") {
            out.push(format!("{stem}toral"));
        }
    }
    out
}

/// The regular plural of an English noun.
pub fn plural(word: &str) -> String {
    let lower = word.to_lowercase();
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{word}es")
    } else if lower.ends_with('y')
        && !lower
            .chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c))
    {
        format!("{}ies", &word[..word.len() - 1])
    } else {
        format!("{word}s")
    }
}

/// Regular demonym/adjective derivations of a place name (Russia → Russian,
/// Japan → Japanese, Iraq → Iraqi, Ukraine → Ukrainian, Italy → Italian,
/// Shanghai → Shanghainese).
/// Irregular ones (French, Dutch, Swiss) are listed in the glossary.
pub fn demonyms(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    let lower_last = name.chars().last().map(|c| c.to_ascii_lowercase());
    let stem = |n: usize| name[..name.len() - n].to_string();
    match lower_last {
        Some('a') => push(format!("{name}n")),
        Some('e') => {
            push(format!("{}ian", stem(1)));
            push(format!("{name}an"));
        }
        Some('y') => {
            push(format!("{}ian", stem(1)));
            push(format!("{}an", stem(1)));
        }
        Some('o') => push(format!("{}an", stem(1))),
        Some('i') => {
            push(format!("{name}an"));
            push(format!("{name}nese"));
        }
        Some(c) if c.is_ascii_alphabetic() => {
            push(format!("{name}ese"));
            push(format!("{name}ian"));
            push(format!("{name}i"));
            push(format!("{name}an"));
        }
        _ => {}
    }
    out
}

/// True when `a` and `b` are one stem with different English endings
/// ("Argentin-a"/"Argentin-ian", "Democrat-s"/"Democrat-ic",
/// "legislat-ure"/"legislat-ors") rather than two spellings of one word.
/// A stem ending in "s" takes no plain "s" ("Donbas"/"Donbass" is a
/// spelling), one ending in "i" no plain "i" ("Yuri"/"Yurii"), and a
/// difference inside the word ("Ecuadorian"/"Ecuadorean") is never an
/// ending.
pub fn is_derivation(a: &str, b: &str) -> bool {
    /// A stem's ending and the endings a derivation puts in its place
    /// ("" + "ian": Brazil → Brazilian; "y" + "ies": authority →
    /// authorities). "y" ⇔ "i" is not among them: "Sergey"/"Sergei" is a
    /// romanization.
    const DERIVATIONS: &[(&str, &[&str])] = &[
        (
            "",
            &[
                "s", "es", "n", "an", "ian", "ese", "se", "i", "ic", "ish", "ist", "ists", "ism",
                "ite", "ites", "al", "ers",
            ],
        ),
        ("a", &["an", "ian"]),
        ("e", &["an", "ian", "ese"]),
        ("o", &["an", "in", "ian"]),
        ("y", &["ies", "ian", "an"]),
        ("s", &["ic", "ical"]),
        ("es", &["ois"]),
        ("ure", &["ors"]),
    ];
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if a == b || shared < 3 {
        return false;
    }
    let stem: String = a.chars().take(shared).collect();
    let rest = |w: &str| w.chars().skip(shared).collect::<String>();
    let (ra, rb) = (rest(&a), rest(&b));
    let derives = |ending: &str, suffix: &str| {
        DERIVATIONS
            .iter()
            .any(|(e, suffixes)| *e == ending && suffixes.contains(&suffix))
            && !(suffix == "s" && stem.ends_with('s'))
            && !(suffix == "i" && stem.ends_with('i'))
    };
    derives(&ra, &rb) || derives(&rb, &ra)
}

/// The commonest English function words; a paragraph made mostly of these
/// is English, whatever names it quotes.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has",
    "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most",
    "my", "no", "not", "of", "on", "one", "or", "our", "out", "over", "said", "says", "she",
    "should", "so", "some", "than", "that", "the", "their", "them", "there", "these", "they",
    "this", "those", "to", "up", "was", "we", "were", "what", "when", "which", "while", "who",
    "will", "with", "would", "you", "your",
];

/// English words by descending frequency (wordfreq's small English list;
/// source and license in docs/realtext.md).
const WORDS: &str = include_str!("en_words.txt");

/// Frequency ranks up to this one are common words: a Vietnamese text that
/// writes "Video" or "Oh" in Latin script uses a word, not a name.
pub const COMMON_RANK: usize = 5000;

fn ranks() -> &'static HashMap<&'static str, usize> {
    static RANKS: LazyLock<HashMap<&'static str, usize>> = LazyLock::new(|| {
        WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .enumerate()
            .map(|(rank, word)| (word, rank))
            .collect()
    });
    &RANKS
}

/// The frequency rank (0 = most frequent) of a word, any case; None for a
/// word outside the list.
pub fn frequency_rank(word: &str) -> Option<usize> {
    ranks().get(word.to_lowercase().as_str()).copied()
}

/// True for one of the [`COMMON_RANK`] most frequent English words.
pub fn is_common_word(word: &str) -> bool {
    frequency_rank(word).is_some_and(|rank| rank < COMMON_RANK)
}

/// Verbs before a telephone number that is being called.
pub const CALL_WORDS: &[&str] = &[
    "call", "called", "calling", "calls", "dial", "dialed", "dialing", "dialled", "dialling",
    "dials", "phone", "phoned", "phoning", "rang", "ring", "ringing", "text", "texted",
];

/// Words by which an English sentence speaks of or to a person: personal
/// pronouns (not "us", which is also the US, nor "it"/"they", which stand
/// for states too), kinship words and forms of address. Sorted.
const PERSON_WORDS: &[&str] = &[
    "brother", "dad", "darling", "daughter", "father", "he", "her", "hers", "herself", "him",
    "himself", "his", "honey", "husband", "i", "me", "mine", "mom", "mother", "mr", "mrs", "ms",
    "my", "myself", "ours", "she", "sir", "sister", "son", "we", "wife", "you", "your", "yours",
    "yourself",
];

/// True when `text` speaks of or to a person ("I will miss you", "My
/// brother…", "Mr. Stevenson"): a Vietnamese "Anh" it translates may be the
/// pronoun, not Britain.
pub fn speaks_of_a_person(text: &str) -> bool {
    crate::lang::words_of(text).any(|w| {
        let lower = w.to_lowercase();
        (lower != "i" || w == "I") && PERSON_WORDS.binary_search(&lower.as_str()).is_ok()
    })
}

pub fn is_characteristic_word(word: &str) -> bool {
    // Called on every word of every translated sentence: lowercase on the
    // stack. Function words are short and ASCII.
    let mut buf = [0u8; 16];
    if !word.is_ascii() || word.len() > buf.len() {
        return false;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).unwrap_or("");
    FUNCTION_WORDS.binary_search(&lower).is_ok()
}

/// English month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(PERSON_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn action_nouns_and_their_verbs() {
        for (noun, verb, derived) in [
            ("election", "elected", true),
            ("election", "electoral", true),
            ("negotiation", "negotiated", true),
            ("declaration", "declared", true),
            ("reduction", "reduced", true),
            ("decision", "decided", true),
            ("extension", "extended", true),
            ("agreement", "agreed", true),
            ("investment", "invested", true),
            ("constitution", "constitutional", true),
            // Look-alikes that are other words.
            ("election", "selected", false),
            ("election", "electricity", false),
            ("agreement", "agreeable", false),
            ("sanction", "sanctity", false),
        ] {
            let forms = variants(noun, Kind::Term);
            assert_eq!(
                forms.iter().any(|f| f == verb),
                derived,
                "{noun} → {verb}: {forms:?}"
            );
        }
    }

    #[test]
    fn country_demonyms_come_from_data() {
        for (place, demonym, accepted) in [
            ("Canada", "Canadians", true),
            ("Canada", "Canadian", true),
            ("Netherlands", "Dutch", true),
            ("Philippines", "Filipinos", true),
            ("Switzerland", "Swiss", true),
            ("United States", "Americans", true),
            ("Netherlands", "Danish", false),
            ("Austria", "Australian", false),
            ("Slovakia", "Slovenian", false),
        ] {
            let forms = variants(place, Kind::Place);
            assert_eq!(
                forms.iter().any(|f| f == demonym),
                accepted,
                "{place} → {demonym}"
            );
        }
    }

    #[test]
    fn word_frequencies() {
        for (word, common, known) in [
            ("video", true, true),
            ("Oh", true, true),
            ("Avatar", false, true),
            ("Maastricht", false, false),
            ("Harvard", true, true),
            ("Avata", false, false),
            ("Harvad", false, false),
            ("Lavrov", false, false),
        ] {
            assert_eq!(is_common_word(word), common, "{word}");
            assert_eq!(frequency_rank(word).is_some(), known, "{word}");
        }
    }

    #[test]
    fn sentences_that_speak_of_a_person() {
        for (text, person) in [
            ("I will miss you.", true),
            ("My brother is a doctor.", true),
            ("Mr. Stevenson, please sit down.", true),
            ("He tries.", true),
            ("Britain left the EU in 2020.", false),
            ("It will raise taxes, the US said.", false),
            ("They signed the deal in London.", false),
        ] {
            assert_eq!(speaks_of_a_person(text), person, "{text}");
        }
    }

    #[test]
    fn derivations_and_spellings() {
        for (a, b, derived) in [
            ("Argentina", "Argentinian", true),
            ("Montenegro", "Montenegrin", true),
            ("Seychelles", "Seychellois", true),
            ("Suriname", "Surinamese", true),
            ("authority", "authorities", true),
            ("legislature", "legislators", true),
            ("Democrats", "Democratic", true),
            ("Zelensky", "Zelenskyy", false),
            ("Zelenskiy", "Zelensky", false),
            ("Donbas", "Donbass", false),
            ("Odesa", "Odessa", false),
            ("Ecuadorian", "Ecuadorean", false),
            ("Organization", "Organisation", false),
            ("Program", "Programme", false),
            ("Kharkiv", "Kharkov", false),
            ("Lavrov", "Lavrov", false),
            ("Sergei", "Sergey", false),
            ("Andrii", "Andriy", false),
            ("Dmitry", "Dmitri", false),
            ("Yuri", "Yurii", false),
            ("Israel", "Israeli", true),
            ("Iraq", "Iraqi", true),
            ("Brazil", "Brazilian", true),
        ] {
            assert_eq!(is_derivation(a, b), derived, "{a} / {b}");
            assert_eq!(is_derivation(b, a), derived, "{b} / {a}");
        }
    }

    #[test]
    fn plurals() {
        for (s, p) in [
            ("missile", "missiles"),
            ("package", "packages"),
            ("tax", "taxes"),
            ("match", "matches"),
            ("economy", "economies"),
            ("day", "days"),
            ("bus", "buses"),
        ] {
            assert_eq!(plural(s), p);
        }
    }

    #[test]
    fn verb_forms_table() {
        for (verb, forms) in [
            ("swap", &["swapped", "swapping", "swaped"][..]),
            ("exchange", &["exchanged", "exchanging"]),
            ("veto", &["vetoed", "vetoing"]),
            ("carry", &["carried", "carrying"]),
            ("sanction", &["sanctioned", "sanctioning"]),
            ("ban", &["banned", "banning"]),
            ("order", &["ordered", "ordering"]),
            ("obey", &["obeyed", "obeying"]),
        ] {
            let got = verb_forms(verb);
            for form in forms {
                assert!(got.contains(&form.to_string()), "{verb}: {got:?}");
            }
        }
        assert!(verb_forms("go").is_empty());
        assert!(verb_forms("café").is_empty());
    }

    #[test]
    fn variants_by_kind() {
        let term = variants("veto", Kind::Term);
        for form in ["vetos", "vetoes", "vetoed"] {
            assert!(term.contains(&form.to_string()), "{term:?}");
        }
        assert!(variants("POW", Kind::Term).contains(&"POWs".to_string()));
        assert!(variants("ASEAN Summit", Kind::Event).contains(&"ASEAN Summits".to_string()));
        assert!(variants("Olympic Games", Kind::Event).is_empty());
        // Verb forms only for one-word terms.
        assert!(!variants("prisoner swap", Kind::Term).contains(&"prisoner swapped".to_string()));
        assert!(
            variants("ballistic missile", Kind::Term).contains(&"ballistic missiles".to_string())
        );
        let place = variants("North Korea", Kind::Place);
        assert!(place.contains(&"North Korean".to_string()));
        assert!(place.contains(&"North Koreans".to_string()));
        for (name, demonym) in [
            ("Japan", "Japanese"),
            ("Iraq", "Iraqi"),
            ("Ukraine", "Ukrainian"),
            ("Italy", "Italian"),
            ("Mexico", "Mexican"),
            ("Indonesia", "Indonesian"),
            ("Vietnam", "Vietnamese"),
            ("Iran", "Iranian"),
            ("Shanghai", "Shanghainese"),
        ] {
            assert!(demonyms(name).contains(&demonym.to_string()), "{name}");
        }
        assert!(variants("Pole", Kind::Place).contains(&"Poles".to_string()));
        assert!(variants("Vladimir Putin", Kind::Person).is_empty());
        assert!(variants("UN", Kind::Organization).is_empty());
    }
}
