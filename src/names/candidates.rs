//! Finds candidate names in text: capitalized token runs in English
//! ([`candidates`]) and foreign (non-Vietnamese) names in Vietnamese
//! ([`foreign_names`]).
//!
//! English: a candidate is a run of capitalized tokens, allowing name
//! particles inside (bin, van, der, de, da, von, al-, …), hyphenated parts
//! and initials ("George W. Bush"). Not every capitalized word is a name:
//! * a sentence-initial word is a candidate only if it is not a common
//!   English word (list in `common_en.txt`), does not appear in lowercase
//!   elsewhere in the same text, and does not end like an ordinary word
//!   (-tion, -ness, -ment, …);
//! * "I", months and weekdays never start a run ("Theresa May" keeps May);
//! * titles ("Mr.", "President", "Foreign Minister", …) are cut off: the
//!   name is what follows them, and whatever preceded them ("Russian" in
//!   "Russian Foreign Minister Sergei Lavrov") is a separate candidate;
//! * all-caps tokens (NATO, ASEAN, EU, USD) are returned on their own with
//!   `acronym: true`, never merged into a run, so that callers can skip or
//!   treat them as organisations.
//!
//! Vietnamese: a candidate is the part of a capitalized run that contains
//! at least one token that is not a Vietnamese syllable (see
//! [`crate::names::syllable`]), extended by at most one plain (mark-less)
//! valid syllable on each side for short East Asian name parts ("Kim Jong
//! Un", "Xi Jinping", "Moon Jae In") unless that syllable is a Vietnamese
//! word that commonly stands before names ("Nga", "Anh", "Hoa" of Hoa Kỳ).
//! Foreign place names at the start of a run ("Ukraine" in "Tổng thống
//! Ukraine Volodymyr Zelensky") are split off as their own candidate.
//! Acronyms are returned with `acronym: true`, like in English.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use super::fold::is_plain;
use super::syllable::{is_foreign_word, is_vietnamese_syllable};

/// A candidate name found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCandidate {
    /// Byte range of the whole name in the text.
    pub span: Range<usize>,
    /// The name as written (`text[span]`).
    pub text: String,
    /// Byte ranges of the name's tokens (hyphenated parts stay one token).
    pub tokens: Vec<Range<usize>>,
    /// The first token is the first word of a sentence.
    pub sentence_initial: bool,
    /// An all-caps token such as NATO or USD: an organisation or code, not
    /// a person; always a single token.
    pub acronym: bool,
}

const COMMON_EN: &str = include_str!("common_en.txt");

fn common_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_EN
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// An interjection drawn out in writing ("Ohhhh", "Wowww", "Noooo"): a
/// letter three times in a row, which no name has.
fn is_elongated(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_alphabetic())
}

/// Lowercase particles allowed inside a name run.
const PARTICLES: &[&str] = &[
    "bin", "bint", "ibn", "van", "der", "den", "de", "del", "della", "da", "das", "do", "dos",
    "di", "du", "la", "le", "von", "zu", "al", "el", "ter", "ten", "y",
];

/// Titles and office words that precede names but are not part of them.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "general",
    "gen",
    "chancellor",
    "premier",
    "chairman",
    "chairwoman",
    "chair",
    "governor",
    "gov",
    "senator",
    "sen",
    "rep",
    "representative",
    "mayor",
    "ambassador",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "dame",
    "lord",
    "lady",
    "emperor",
    "empress",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "captain",
    "capt",
    "sergeant",
    "sgt",
    "admiral",
    "adm",
    "marshal",
    "commander",
    "judge",
    "foreign",
    "defence",
    "defense",
    "finance",
    "deputy",
    "acting",
    "former",
    "ceo",
    "chief",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "speaker",
    "leader",
    "party",
    "state",
    "rev",
    "father",
    "sister",
    "brother",
    "uncle",
    "aunt",
    "madam",
    "madame",
    "monsieur",
    "mme",
    "herr",
    "frau",
    "senior",
    "supreme",
    "interior",
    "trade",
    "health",
    "justice",
    "home",
    "economy",
    "premier",
    // Offices that English news puts before a name as a capitalized title
    // ("European Commissioner Valdis Dombrovskis", "Coach Philippe
    // Troussier"): without them the title and the name make one run.
    "commissioner",
    "envoy",
    "coach",
    "manager",
    "congressman",
    "congresswoman",
    "councillor",
    "councilor",
    "archbishop",
    "bishop",
    "cardinal",
    "patriarch",
    "emir",
    "sultan",
    "crown",
    "ayatollah",
    "imam",
    "rabbi",
    "mp",
    "lawmaker",
    "legislator",
    "delegate",
    "attorney",
    "prosecutor",
];

const MONTHS_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Common words that begin multi-word place names: at the start of a
/// sentence they stay when a capitalized word follows ("New York", "North
/// Korea", "South Sudan", "United States").
const NAME_WORDS: &[&str] = &[
    "new", "north", "south", "east", "west", "united", "great", "central", "white", "red", "black",
    "upper", "lower", "old", "little", "big", "long", "high", "middle", "saint", "royal",
    "national", "world", "holy", "golden", "green", "blue", "first",
];

/// Endings of ordinary English words: a capitalized sentence-initial word
/// ending like this is not a name.
const COMMON_SUFFIXES: &[&str] = &[
    "tion", "tions", "sion", "sions", "ness", "ment", "ments", "ful", "less", "able", "ible",
    "ous", "ively", "ingly", "edly", "ities", "ity",
];

/// Abbreviations whose final dot does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "adm",
    "rev", "st", "jr", "sr", "mt", "ft", "no", "vs", "mme", "messrs", "inc", "co", "corp", "ltd",
    "dept", "u.s", "u.k", "u.n",
];

/// Plain (mark-less) capitalized Vietnamese words that commonly stand right
/// before or after a foreign name and must not be absorbed into it:
/// country names and their parts (Nga, Anh, Ba Lan, Hà Lan, Tây Ban Nha, Na
/// Uy, Ai Cập, Hoa Kỳ, Nam Phi, Việt Nam).
const VN_CONTEXT: &[&str] = &[
    "nga", "anh", "lan", "ban", "nha", "na", "uy", "ai", "hoa", "phi", "nam", "bang", "cu", "ba",
    "tin", "theo", "sang", "con", "tan", "tam", "thanh",
];

/// Short East Asian surnames that are also valid Vietnamese syllables.
const EAST_ASIAN_SURNAMES: &[&str] = &[
    "kim", "xi", "li", "hu", "ma", "pak", "bo", "chin", "lin", "lim", "tan", "han", "an", "ban",
];

/// Foreign place names Vietnamese writes in Latin script and that often
/// stand right before a person's name ("Tổng thống Ukraine Volodymyr
/// Zelensky"): split off as their own candidate.
const VN_LATIN_PLACES: &[&str] = &[
    "ukraine",
    "israel",
    "iran",
    "iraq",
    "syria",
    "libya",
    "canada",
    "australia",
    "argentina",
    "brazil",
    "mexico",
    "chile",
    "peru",
    "colombia",
    "venezuela",
    "cuba",
    "indonesia",
    "malaysia",
    "singapore",
    "philippines",
    "myanmar",
    "campuchia",
    "brunei",
    "kenya",
    "nigeria",
    "palestine",
    "gaza",
    "kyiv",
    "kiev",
    "moskva",
    "moscow",
    "washington",
    "london",
    "paris",
    "berlin",
    "tokyo",
    "seoul",
    "texas",
    "california",
    "florida",
    "belarus",
    "kazakhstan",
    "mongolia",
    "pakistan",
    "afghanistan",
    "yemen",
    "qatar",
    "kuwait",
    "oman",
    "jordan",
    "lebanon",
    "egypt",
    "ethiopia",
    "sudan",
    "somalia",
    "ghana",
    "europe",
    "asean",
    "eu",
    "nato",
    "geneva",
    "brussels",
    "vatican",
    "hungary",
    "romania",
    "bulgaria",
    "serbia",
    "croatia",
    "slovakia",
    "slovenia",
    "austria",
    "portugal",
    "ireland",
    "scotland",
    "denmark",
    "finland",
    "sweden",
    "norway",
    "netherlands",
    "belgium",
    "switzerland",
    "greece",
    "turkey",
    "georgia",
    "armenia",
    "azerbaijan",
    "crimea",
    "donbass",
    "donetsk",
    "luhansk",
    "kharkiv",
    "odessa",
    "odesa",
    "mariupol",
    "bakhmut",
    "zaporizhzhia",
    "kursk",
    "sri",
    "lanka",
    "nepal",
    "bangladesh",
    "bhutan",
    "laos",
    "timor",
    "fiji",
    "samoa",
    "tonga",
    "haiti",
    "jamaica",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Starts with an uppercase letter (or a particle prefix + uppercase).
    Cap,
    /// All-caps, two or more letters.
    Acronym,
    /// One uppercase letter with its dot: "W.".
    Initial,
    /// A lowercase name particle.
    Particle,
    /// Anything else: breaks runs.
    Other,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    span: Range<usize>,
    /// Borrowed from the text when the token is lowercase already.
    lower: Cow<'a, str>,
    kind: Kind,
    sentence_initial: bool,
    /// Punctuation after this token ends any run through it.
    ends_run: bool,
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '«' | '„' | '‹'
    )
}

fn lower(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// [`lower`], borrowed when every character is its own lowercase (most
/// words), so that tokenizing allocates nothing per word.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.chars().all(crate::chars::lowercases_to_itself) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(lower(s))
    }
}

fn letters_all_upper(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// "Don't", "You're", "We'll", "It'd", "I'm": capitalized at the start of a
/// sentence but never names ("O'Neill" and "D'Souza" are not matched: the
/// part after the apostrophe is not a contraction ending).
fn is_contraction(lower: &str) -> bool {
    match lower.rsplit_once('\'') {
        Some((head, tail)) => {
            matches!(tail, "re" | "ll" | "ve" | "d" | "m") || (tail == "t" && head.ends_with('n'))
        }
        None => false,
    }
}

/// Sentence-initial "-ing" words are verbs or gerunds ("Arriving",
/// "Smoking") unless the stem ends in a vowel or j/q/x, as in the Chinese
/// and brand names that end in -ing ("Beijing", "Nanjing", "Chongqing",
/// "Boeing").
fn is_ing_word(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("ing") else {
        return false;
    };
    stem.chars().count() >= 3
        && !stem
            .chars()
            .last()
            .is_some_and(|c| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'j' | 'q' | 'x'))
}

/// Splits `text` into word tokens with their kind, sentence-initial flag
/// and run-breaking punctuation.
fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut sentence_start = true;
    let mut chunk_start: Option<usize> = None;
    let mut chunks: Vec<(Range<usize>, bool)> = Vec::new();
    // Chunks are whitespace- or slash-separated; remember whether a newline
    // (paragraph break) follows.
    for (i, c) in text.char_indices() {
        if crate::chars::is_whitespace(c) || c == '/' {
            if let Some(s) = chunk_start.take() {
                chunks.push((s..i, false));
            }
            // CR alone ends a line too (old Mac files, mixed endings).
            if c == '\n' || c == '\r' {
                if let Some(last) = chunks.last_mut() {
                    last.1 = true;
                }
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        chunks.push((s..text.len(), true));
    }
    for (range, newline_after) in chunks {
        let chunk = &text[range.clone()];
        let core_rel_start = chunk.find(crate::chars::is_alphanumeric);
        let Some(core_rel_start) = core_rel_start else {
            // Pure punctuation ("-", "—", "..."): breaks runs, may end a
            // sentence.
            if let Some(prev) = toks.last_mut() {
                prev.ends_run = true;
            }
            if chunk.contains(['.', '!', '?']) || newline_after {
                sentence_start = true;
            }
            continue;
        };
        let core_rel_end = chunk
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_alphanumeric())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(chunk.len());
        let leading = &chunk[..core_rel_start];
        let mut core_start = range.start + core_rel_start;
        let mut core_end = range.start + core_rel_end;
        let trailing = &chunk[core_rel_end..];
        if leading.chars().any(is_opening) {
            if let Some(prev) = toks.last_mut() {
                prev.ends_run = true;
            }
        }
        let after_quote = leading.chars().any(|c| is_opening(c) && c != '(');
        let mut core = &text[core_start..core_end];
        // Possessive 's: not part of the name, and it ends the name.
        let mut possessive = false;
        for poss in ["'s", "'S"] {
            if let Some(stripped) = core.strip_suffix(poss) {
                if !stripped.is_empty() && !possessive {
                    core_end -= poss.len();
                    core = stripped;
                    possessive = true;
                }
            }
        }
        // A lowercase non-particle prefix before a hyphen ("pro-Russian",
        // "mid-March"): the token is what follows the hyphen.
        if let Some(h) = core.find('-') {
            let (prefix, rest) = (&core[..h], &core[h + 1..]);
            let prefix_lower = prefix.chars().next().is_some_and(char::is_lowercase);
            if prefix_lower
                && !PARTICLES.contains(&prefix)
                && rest.chars().next().is_some_and(char::is_uppercase)
            {
                core_start += h + 1;
                core = rest;
            }
        }
        let lower_core = lowercase(core);
        let first = core.chars().next().unwrap_or(' ');
        let dot_after = trailing.starts_with('.');
        let is_initial = core.chars().count() == 1 && first.is_uppercase() && dot_after;
        let is_abbrev = dot_after && ABBREVIATIONS.contains(&&*lower_core);
        let has_digit = core.chars().any(|c| c.is_ascii_digit());
        let kind = if has_digit || is_contraction(&lower_core) || lower_core == "ok" {
            Kind::Other
        } else if is_initial {
            Kind::Initial
        } else if letters_all_upper(core) {
            Kind::Acronym
        } else if first.is_uppercase() {
            Kind::Cap
        } else if let Some((p, rest)) = core.split_once('-') {
            // al-Assad, el-Sisi, bin-Talal: a particle prefix on a
            // capitalized name.
            if PARTICLES.contains(&p) && rest.chars().next().is_some_and(char::is_uppercase) {
                Kind::Cap
            } else {
                Kind::Other
            }
        } else if PARTICLES.contains(&core) {
            Kind::Particle
        } else {
            Kind::Other
        };
        // The dot of an initial or abbreviation belongs to the token and
        // does not end the sentence; any other . ! ? does.
        let (span_end, rest_trailing) = if is_initial || is_abbrev {
            (core_end + 1, &trailing[1..])
        } else {
            (core_end, trailing)
        };
        let ends_sentence = rest_trailing.contains(['.', '!', '?']) || newline_after;
        let ends_run = !rest_trailing.is_empty() || newline_after || possessive;
        toks.push(Tok {
            span: core_start..span_end.min(range.end),
            lower: lower_core,
            kind,
            sentence_initial: sentence_start || after_quote,
            ends_run,
        });
        sentence_start = ends_sentence;
    }
    toks
}

/// Candidate names in English text. See the module doc for what counts.
pub fn candidates(text: &str) -> Vec<NameCandidate> {
    let toks = tokenize(text);
    // Words written in lowercase anywhere in the text are ordinary words
    // when they start a sentence capitalized.
    let lowercase_words: HashSet<&str> = toks
        .iter()
        .filter(|t| {
            text.get(t.span.clone())
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_lowercase)
        })
        .map(|t| &t.lower[..])
        .collect();
    let common = common_words();
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<NameCandidate>| {
        emit_english_run(text, &toks, run, out);
        run.clear();
    };
    for (i, t) in toks.iter().enumerate() {
        let word = &t.lower[..];
        match t.kind {
            Kind::Acronym => {
                flush(&mut run, &mut out);
                push_candidate(&mut out, candidate(text, &toks, &[i], true));
                continue;
            }
            Kind::Other => {
                flush(&mut run, &mut out);
                continue;
            }
            Kind::Particle => {
                // Only between capitalized tokens of one run.
                let next_cap = toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.kind, Kind::Cap | Kind::Particle));
                if run.is_empty() || !next_cap || toks[i - 1].ends_run {
                    flush(&mut run, &mut out);
                    continue;
                }
            }
            Kind::Cap | Kind::Initial => {
                let starts_run = run.is_empty();
                let pronoun = matches!(word, "i" | "i'm" | "i'll" | "i've" | "i'd");
                let month_day = MONTHS_DAYS.contains(&word);
                let next_cap = !t.ends_run
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.kind, Kind::Cap | Kind::Initial));
                let ordinary = t.sentence_initial
                    && starts_run
                    && (common.contains(word)
                        || lowercase_words.contains(word)
                        || is_ing_word(word)
                        || COMMON_SUFFIXES
                            .iter()
                            .any(|s| word.ends_with(s) && word.len() > s.len() + 2))
                    && !(NAME_WORDS.contains(&word) && next_cap);
                if pronoun || (month_day && starts_run) || ordinary || is_elongated(word) {
                    flush(&mut run, &mut out);
                    continue;
                }
            }
        }
        run.push(i);
        if t.ends_run {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// Cuts titles out of a run of English tokens and emits what is left:
/// "Russian Foreign Minister Sergei Lavrov" gives "Russian" and "Sergei
/// Lavrov". A title block that ends a longer run is part of the name
/// ("Islamic State").
fn emit_english_run(text: &str, toks: &[Tok], run: &[usize], out: &mut Vec<NameCandidate>) {
    let is_title = |i: usize| toks[i].kind == Kind::Cap && TITLES.contains(&&toks[i].lower[..]);
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < run.len() {
        if !is_title(run[k]) {
            cur.push(run[k]);
            k += 1;
            continue;
        }
        let mut j = k;
        while j < run.len() && is_title(run[j]) {
            j += 1;
        }
        if j == run.len() && !cur.is_empty() {
            cur.extend_from_slice(&run[k..j]);
        } else {
            pieces.push(std::mem::take(&mut cur));
        }
        k = j;
    }
    pieces.push(cur);
    for piece in pieces {
        let mut piece = piece.as_slice();
        // Particles never end a name.
        while let Some((&last, rest)) = piece.split_last() {
            if toks[last].kind == Kind::Particle {
                piece = rest;
            } else {
                break;
            }
        }
        if piece.iter().any(|&i| toks[i].kind == Kind::Cap) {
            push_candidate(out, candidate(text, toks, piece, false));
        }
    }
}

/// A candidate made of one single-letter token ("from A to B", "Plan B") is
/// not a name.
fn push_candidate(out: &mut Vec<NameCandidate>, c: NameCandidate) {
    let single_letter =
        c.tokens.len() == 1 && c.text.chars().filter(|c| c.is_alphabetic()).count() <= 1;
    if !single_letter {
        out.push(c);
    }
}

fn candidate(text: &str, toks: &[Tok], idx: &[usize], acronym: bool) -> NameCandidate {
    let first = &toks[idx[0]];
    let last = &toks[idx[idx.len() - 1]];
    let span = first.span.start..last.span.end;
    NameCandidate {
        text: text.get(span.clone()).unwrap_or("").to_string(),
        span,
        tokens: idx.iter().map(|&i| toks[i].span.clone()).collect(),
        sentence_initial: first.sentence_initial,
        acronym,
    }
}

/// True when a token uses a letter only Vietnamese spelling has (ă â ê ô
/// ơ ư đ, or the hook-above and dot-below tones) and none that Vietnamese
/// lacks (f j w z): a transliteration written solid ("Giêxu" for Jesus,
/// "Mátxcơva"), not a name kept in Latin script. The eth "Ð" that mojibake
/// puts for "Đ" counts as Vietnamese. A few Portuguese or Romanian names
/// ("Antônio", "Băsescu") look the same and are let go: missing them costs
/// less than flagging every solid transliteration.
fn is_solid_transliteration(token: &str) -> bool {
    let mut vietnamese = false;
    for c in token.chars().flat_map(char::to_lowercase) {
        if matches!(c, 'f' | 'j' | 'w' | 'z') {
            return false;
        }
        let mut base = None;
        unicode_normalization::char::decompose_canonical(c, |d| match base {
            None => base = Some(d),
            Some(b) => {
                vietnamese |= matches!(
                    (b, d),
                    ('a', '\u{0306}')
                        | ('a' | 'e' | 'o', '\u{0302}')
                        | ('o' | 'u', '\u{031B}')
                        | (_, '\u{0309}' | '\u{0323}')
                );
            }
        });
        vietnamese |= matches!(base, Some('đ' | 'ð'));
    }
    vietnamese
}

/// True when a Vietnamese-text token is foreign: any hyphen/apostrophe
/// part of it is a letters-only word that is not a Vietnamese syllable.
/// A hyphenated token with a part that is a Vietnamese syllable carrying
/// marks is a Vietnamese transliteration ("Mát-xcơ-va"), not a name kept in
/// Latin script, and so is a solid one ([`is_solid_transliteration`]).
fn is_foreign_token(token: &str) -> bool {
    if is_solid_transliteration(token) {
        return false;
    }
    let mut parts = token.split(['-', '\'']).filter(|p| !p.is_empty());
    let mut foreign = false;
    for part in parts.by_ref() {
        if is_vietnamese_syllable(part) && !is_plain(part) && token.contains('-') {
            return false;
        }
        foreign |= is_foreign_word(part);
    }
    foreign
}

/// Foreign names in Vietnamese text: capitalized runs containing a token
/// that is not a Vietnamese syllable, with the Vietnamese words around the
/// name left out. Acronyms come back on their own with `acronym: true`.
pub fn foreign_names(text: &str) -> Vec<NameCandidate> {
    foreign_names_in(text, &tokenize(text))
}

/// The names of a Vietnamese text that `name.copy` compares with the
/// translation: its foreign names ([`foreign_names`]) and its Vietnamese
/// person names ([`vietnamese_person_names`]), from one tokenization.
pub fn source_names(
    text: &str,
    excluded: impl Fn(&Range<usize>) -> bool,
) -> (Vec<NameCandidate>, Vec<NameCandidate>) {
    let toks = tokenize(text);
    (
        foreign_names_in(text, &toks),
        vietnamese_person_names_in(text, &toks, excluded),
    )
}

fn foreign_names_in(text: &str, toks: &[Tok]) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        match t.kind {
            Kind::Acronym => {
                emit_vietnamese_run(text, toks, &run, &mut out);
                run.clear();
                push_candidate(&mut out, candidate(text, toks, &[i], true));
                continue;
            }
            Kind::Cap => run.push(i),
            Kind::Particle if !run.is_empty() => {
                // Particles only between two foreign capitalized tokens
                // ("Ursula von der Leyen"); "da", "la" are Vietnamese too.
                let prev = &toks[i - 1];
                let prev_foreign =
                    prev.kind == Kind::Particle || is_foreign_token(&text[prev.span.clone()]);
                let next_ok = toks.get(i + 1).is_some_and(|n| {
                    n.kind == Kind::Particle
                        || (n.kind == Kind::Cap && is_foreign_token(&text[n.span.clone()]))
                });
                if prev_foreign && next_ok && !toks[i - 1].ends_run {
                    run.push(i);
                } else {
                    emit_vietnamese_run(text, toks, &run, &mut out);
                    run.clear();
                    continue;
                }
            }
            _ => {
                emit_vietnamese_run(text, toks, &run, &mut out);
                run.clear();
                continue;
            }
        }
        if t.ends_run {
            emit_vietnamese_run(text, toks, &run, &mut out);
            run.clear();
        }
    }
    emit_vietnamese_run(text, toks, &run, &mut out);
    out
}

fn emit_vietnamese_run(text: &str, toks: &[Tok], run: &[usize], out: &mut Vec<NameCandidate>) {
    let word = |i: usize| &text[toks[i].span.clone()];
    let foreign: Vec<bool> = run
        .iter()
        .map(|&i| toks[i].kind == Kind::Cap && is_foreign_token(word(i)))
        .collect();
    let Some(first) = foreign.iter().position(|&f| f) else {
        return;
    };
    let last = foreign.iter().rposition(|&f| f).unwrap_or(first);
    // One plain syllable on each side may belong to the name (Kim, Xi, Un).
    let absorbable = |k: usize| {
        let w = word(run[k]);
        toks[run[k]].kind == Kind::Cap
            && is_vietnamese_syllable(w)
            && is_plain(w)
            && !VN_CONTEXT.contains(&&toks[run[k]].lower[..])
    };
    let mut start = first;
    // On the left only mid-sentence, or for the East Asian surnames that
    // Vietnamese news writes in Latin script: a sentence-initial plain
    // syllable is a Vietnamese word ("Sao Bill xé lá thư").
    let left_ok = |k: usize| {
        !toks[run[k]].sentence_initial || EAST_ASIAN_SURNAMES.contains(&&toks[run[k]].lower[..])
    };
    if start > 0 && absorbable(start - 1) && left_ok(start - 1) {
        start -= 1;
    }
    let mut end = last + 1;
    if end < run.len() && absorbable(end) {
        end += 1;
    }
    let mut piece = &run[start..end];
    // Leading foreign place names become their own candidates, as long as
    // a name is left after them.
    while piece.len() > 1 && VN_LATIN_PLACES.contains(&&toks[piece[0]].lower[..]) {
        let mut k = 1;
        while k < piece.len() - 1 && VN_LATIN_PLACES.contains(&&toks[piece[k]].lower[..]) {
            k += 1;
        }
        if !piece[k..].iter().any(|&i| is_foreign_token(word(i))) {
            break;
        }
        push_candidate(out, candidate(text, toks, &piece[..k], false));
        piece = &piece[k..];
    }
    while let Some((&l, rest)) = piece.split_last() {
        if toks[l].kind == Kind::Particle {
            piece = rest;
        } else {
            break;
        }
    }
    if !piece.is_empty() {
        push_candidate(out, candidate(text, toks, piece, false));
    }
}

/// Vietnamese family names, lowercase NFC: a run of capitalized Vietnamese
/// syllables starting with one of these is a person's name ("Nguyễn Thị
/// Hồng", "Lê Xuân Nghĩa"). Several are ordinary words or start place names
/// too (Hà Nội, Cao Bằng, Thái Lan, Hoàng Sa); those places are glossary
/// entries, and the caller leaves out what the glossary matched.
const VN_SURNAMES: &[&str] = &[
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "trương", "lâm", "đoàn", "trịnh", "lương", "lưu", "tô",
    "tạ", "đào", "vương", "mai", "cao", "chu", "kiều", "quách", "triệu", "tống", "phùng", "thân",
    "châu", "hà", "lại", "khổng", "mạc", "đàm", "nghiêm", "giang", "tăng", "lục", "doãn", "tôn",
];

/// True when `word` (any case) is a common Vietnamese family name.
pub fn is_vietnamese_family_name(word: &str) -> bool {
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    VN_SURNAMES.contains(&lower.as_str())
}

/// Longest Vietnamese personal name taken whole: family name, up to two
/// middle names, given name. A longer capitalized run is a title or an
/// organisation more often than a name.
const VN_NAME_MAX_TOKENS: usize = 4;

/// Vietnamese personal names in Vietnamese text: runs of two to four
/// capitalized Vietnamese syllables that start with a family name, the
/// words before the family name left out ("Ông Trần Văn Sơn" gives "Trần
/// Văn Sơn"). `excluded` says which byte ranges belong to something else
/// (glossary matches): a token it covers breaks the run, so "TP Hà Nội Trần
/// Sỹ Thanh" gives "Trần Sỹ Thanh" once "Hà Nội" is the glossary's.
pub fn vietnamese_person_names(
    text: &str,
    excluded: impl Fn(&Range<usize>) -> bool,
) -> Vec<NameCandidate> {
    vietnamese_person_names_in(text, &tokenize(text), excluded)
}

fn vietnamese_person_names_in(
    text: &str,
    toks: &[Tok],
    excluded: impl Fn(&Range<usize>) -> bool,
) -> Vec<NameCandidate> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<NameCandidate>| {
        if let Some(first) = run
            .iter()
            .position(|&i| VN_SURNAMES.contains(&&*toks[i].lower))
        {
            let name = &run[first..];
            if (2..=VN_NAME_MAX_TOKENS).contains(&name.len()) {
                out.push(candidate(text, toks, name, false));
            }
        }
        run.clear();
    };
    for (i, t) in toks.iter().enumerate() {
        let word = &text[t.span.clone()];
        let in_name = t.kind == Kind::Cap
            && !word.contains('-')
            && is_vietnamese_syllable(word)
            && !excluded(&t.span);
        if !in_name {
            flush(&mut run, &mut out);
            continue;
        }
        run.push(i);
        if t.ends_run {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &[NameCandidate]) -> Vec<&str> {
        c.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn english_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Russian Foreign Minister Sergei Lavrov met Antony Blinken in Geneva.",
                &["Russian", "Sergei Lavrov", "Antony Blinken", "Geneva"],
            ),
            ("The talks ended on Monday.", &[]),
            ("However, Lavrov said no.", &["Lavrov"]),
            ("According to Mr. Lavrov, it failed.", &["Lavrov"]),
            ("Lavrov said the talks failed.", &["Lavrov"]),
            ("In May, Theresa May resigned.", &["Theresa May"]),
            (
                "President Joe Biden and his son Hunter Biden.",
                &["Joe Biden", "Hunter Biden"],
            ),
            ("George W. Bush visited.", &["George W. Bush"]),
            (
                "He met Ursula von der Leyen today.",
                &["Ursula von der Leyen"],
            ),
            ("Leonardo da Vinci painted it.", &["Leonardo da Vinci"]),
            (
                "Mohammed bin Salman and Bashar al-Assad spoke.",
                &["Mohammed bin Salman", "Bashar al-Assad"],
            ),
            (
                "Kim Jong-un's sister Kim Yo Jong.",
                &["Kim Jong-un", "Kim Yo Jong"],
            ),
            ("NATO and ASEAN met in Hanoi.", &["NATO", "ASEAN", "Hanoi"]),
            ("I think Tom is right.", &["Tom"]),
            (
                "New York is big. North Korea fired. South Sudan too.",
                &["New York", "North Korea", "South Sudan"],
            ),
            (
                "Prime Minister Pham Minh Chinh spoke.",
                &["Pham Minh Chinh"],
            ),
            ("The pro-Russian rebels in mid-March.", &["Russian"]),
            ("Secretary of State Antony Blinken.", &["Antony Blinken"]),
            (
                "He met European Commissioner Valdis Dombrovskis.",
                &["European", "Valdis Dombrovskis"],
            ),
            ("Coach Philippe Troussier left.", &["Philippe Troussier"]),
            ("the Islamic State group", &["Islamic State"]),
            (
                "\"We will win,\" Zelensky said. \"The war goes on.\"",
                &["Zelensky"],
            ),
            ("Information was scarce. Negotiations failed.", &[]),
            (
                "Dr. Jane Goodall, Mrs. Smith and Ms. Jones.",
                &["Jane Goodall", "Smith", "Jones"],
            ),
            ("She visited Guinea-Bissau.", &["Guinea-Bissau"]),
            ("Yesterday Putin spoke.", &["Putin"]),
            ("Nguyen Phu Trong\nHanoi", &["Nguyen Phu Trong", "Hanoi"]),
            ("", &[]),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let got = candidates(text);
            if texts(&got) != *want {
                wrong.push(format!("{text:?}: got {:?}, want {want:?}", texts(&got)));
            }
            for c in &got {
                assert_eq!(&text[c.span.clone()], c.text);
                for t in &c.tokens {
                    assert!(c.span.start <= t.start && t.end <= c.span.end);
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn flags() {
        let c = candidates("Lavrov met NATO chiefs. Then Blinken left.");
        assert!(c[0].sentence_initial && !c[0].acronym);
        assert!(c[1].acronym && !c[1].sentence_initial);
        assert_eq!(c[2].text, "Blinken");
        assert!(!c[2].sentence_initial);
        let toks: Vec<&str> = candidates("He saw George W. Bush.")[0]
            .tokens
            .iter()
            .map(|r| &"He saw George W. Bush."[r.clone()])
            .collect();
        assert_eq!(toks, ["George", "W.", "Bush"]);
    }

    #[test]
    fn vietnamese_table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Ngoại trưởng Nga Sergei Lavrov hôm nay đến Hà Nội.",
                &["Sergei Lavrov"],
            ),
            ("Tổng thống Mỹ Joe Biden phát biểu.", &["Joe Biden"]),
            ("Chủ tịch Triều Tiên Kim Jong Un thị sát.", &["Kim Jong Un"]),
            ("Nhà lãnh đạo Kim Jong-un cho biết.", &["Kim Jong-un"]),
            ("Hãng Boeing của Mỹ.", &["Boeing"]),
            // A line break ends a name, CR alone included.
            ("Hãng Boeing\rAirbus", &["Boeing", "Airbus"]),
            ("Bà Nguyễn Thị Lan là giáo viên.", &[]),
            (
                "Chủ tịch Trung Quốc Tập Cận Bình và ông Xi Jinping.",
                &["Xi Jinping"],
            ),
            ("Thủ tướng Anh Rishi Sunak.", &["Rishi Sunak"]),
            ("Tổng thống Hàn Quốc Moon Jae In.", &["Moon Jae In"]),
            (
                "Tổng thống Ukraine Volodymyr Zelensky.",
                &["Ukraine", "Volodymyr Zelensky"],
            ),
            (
                "Khối NATO và ASEAN, giá 100 USD.",
                &["NATO", "ASEAN", "USD"],
            ),
            (
                "Chủ tịch Ủy ban châu Âu Ursula von der Leyen.",
                &["Ursula von der Leyen"],
            ),
            (
                "Phó Tổng thống Kamala Harris, Tổng Thư ký Antonio Guterres.",
                &["Kamala Harris", "Antonio Guterres"],
            ),
            ("Apple Việt Nam ra mắt.", &["Apple"]),
            ("Ông Putin nói.", &["Putin"]),
            // Transliterations written solid are Vietnamese words.
            ("Đức Giêxu chủ trương khoan dung.", &[]),
            ("Ban đầu Ðức Chúa Trời dựng nên trời đất.", &[]),
            ("Thủ đô Mátxcơva.", &[]),
            (
                "Tổng thống Recep Tayyip Erdoğan.",
                &["Recep Tayyip Erdoğan"],
            ),
            ("Cầu thủ Jérôme Boateng.", &["Jérôme Boateng"]),
            ("Thủ tướng Viktor Orbán.", &["Viktor Orbán"]),
            ("", &[]),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let got = foreign_names(text);
            if texts(&got) != *want {
                wrong.push(format!("{text:?}: got {:?}, want {want:?}", texts(&got)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let c = foreign_names("Khối NATO họp.");
        assert!(c[0].acronym);
    }

    #[test]
    fn never_panics() {
        for t in [
            "\u{0301}",
            "'s",
            "-",
            "A.",
            "W. .",
            "al-",
            "pro-",
            "I.",
            "“",
            "Mr.",
            "a/b/C",
            "🙂 Lavrov 🙂",
            "\n\n",
            "Ð Đ",
            "x'S",
            "'S",
            "-'s",
            "...Lavrov...",
            "O'Brien's",
        ] {
            let _ = candidates(t);
            let _ = foreign_names(t);
        }
    }
}
