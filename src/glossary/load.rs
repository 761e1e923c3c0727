//! Glossary format v1: YAML tree → validated [`Glossary`], with errors that
//! name the file, line, column and entry.

use std::collections::HashMap;

use super::yaml::{self, Mark, Node, Value};
use super::{CaseMode, Entry, Glossary, Kind, Origin};
use crate::did_you_mean;
use crate::error::{Error, Result};

/// Keys of an entry that are not language codes.
pub const RESERVED_KEYS: [&str; 7] = [
    "id",
    "kind",
    "forbidden",
    "note",
    "case",
    "fuzzy",
    "override",
];

/// Size limits for glossary files; each produces its own error.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_entries: usize,
    pub yaml: yaml::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 256 * 1024 * 1024,
            max_entries: 500_000,
            yaml: yaml::Limits::default(),
        }
    }
}

/// Parses and validates one glossary file's text; `file` names it in errors.
pub fn load_str(text: &str, file: &str, limits: &Limits) -> Result<Glossary> {
    // The common shape of glossary files takes the fast parser; anything it
    // does not read, and any file with an error, goes through saphyr, whose
    // positions every message quotes.
    if let Some(root) = super::fast_yaml::parse(text) {
        if let Ok(glossary) = from_tree(Some(root), file, limits) {
            return Ok(glossary);
        }
    }
    let fail = |mark: Mark, message: String| Error::GlossaryAt {
        path: file.into(),
        line: mark.line,
        column: mark.column,
        message,
    };
    let root = yaml::parse(text, limits.yaml).map_err(|e| fail(e.mark, e.message))?;
    from_tree(root, file, limits)
}

/// Validates a parsed glossary file.
fn from_tree(root: Option<Node>, file: &str, limits: &Limits) -> Result<Glossary> {
    let fail = |mark: Mark, message: String| Error::GlossaryAt {
        path: file.into(),
        line: mark.line,
        column: mark.column,
        message,
    };
    let Some(root) = root else {
        return Err(Error::Glossary {
            path: file.into(),
            message: "the glossary is empty; expected `languages:` and `entries:`".into(),
        });
    };
    let Value::Map(pairs) = &root.value else {
        return Err(fail(
            root.mark,
            format!(
                "expected a mapping with `languages:` and `entries:`, found {}",
                root.type_name()
            ),
        ));
    };
    if !is_glossary_shaped(pairs) {
        return Err(fail(root.mark, NOT_A_GLOSSARY.into()));
    }
    let mut languages: Option<Vec<String>> = None;
    let mut entries_node: Option<&Node> = None;
    for (key, value) in pairs {
        match key.as_str() {
            Some("languages") => {
                languages = Some(parse_languages(value).map_err(|(m, s)| fail(m, s))?)
            }
            Some("entries") => entries_node = Some(value),
            Some(other) => {
                return Err(fail(
                    key.mark,
                    format!(
                        "unknown top-level key `{other}`{}; expected `languages` and `entries`",
                        did_you_mean::hint(other, &TOP_LEVEL_KEYS)
                    ),
                ))
            }
            None => return Err(fail(key.mark, "top-level keys must be strings".into())),
        }
    }
    let Some(languages) = languages else {
        return Err(fail(
            root.mark,
            "missing `languages:` (e.g. `languages: [vi, en]`)".into(),
        ));
    };
    let mut glossary = Glossary {
        languages,
        entries: Vec::new(),
    };
    let Some(entries_node) = entries_node else {
        return Err(fail(root.mark, "missing `entries:`".into()));
    };
    let items: &[Node] = match &entries_node.value {
        Value::Seq(items) => items,
        _ if entries_node.is_null() => &[],
        _ => {
            return Err(fail(
                entries_node.mark,
                format!(
                    "`entries` must be a list, found {}",
                    entries_node.type_name()
                ),
            ))
        }
    };
    if items.len() > limits.max_entries {
        return Err(Error::Glossary {
            path: file.into(),
            message: format!(
                "glossary has {} entries, more than the limit of {}",
                items.len(),
                limits.max_entries
            ),
        });
    }
    let mut ids: HashMap<String, usize> = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let origin = Origin {
            file: file.to_string(),
            index,
            line: item.mark.line,
            column: item.mark.column,
        };
        let entry = parse_entry(item, origin, &glossary.languages).map_err(|(m, s)| fail(m, s))?;
        if let Some(id) = &entry.id {
            if let Some(&first) = ids.get(id) {
                let first = &glossary.entries[first];
                return Err(fail(
                    item.mark,
                    format!(
                        "{}: duplicate id `{id}`, already used by {} at line {}",
                        entry.label(),
                        first.label(),
                        first.origin.line
                    ),
                ));
            }
            ids.insert(id.clone(), index);
        }
        glossary.entries.push(entry);
    }
    Ok(glossary)
}

type Failure = (Mark, String);

/// The keys of a glossary file's top level.
pub const TOP_LEVEL_KEYS: [&str; 2] = ["languages", "entries"];

/// Said of a file that is not a glossary at all; it quotes none of the
/// file's text, which may be anything a configuration pointed at.
pub const NOT_A_GLOSSARY: &str =
    "not a transcheck glossary: no `languages:` or `entries:` at the top level";

/// A file is taken for a glossary, and its text may be quoted in messages,
/// once its top level has one of the glossary's own keys.
pub fn is_glossary_shaped(pairs: &[(Node, Node)]) -> bool {
    pairs
        .iter()
        .any(|(key, _)| key.as_str().is_some_and(|k| TOP_LEVEL_KEYS.contains(&k)))
}

fn parse_languages(node: &Node) -> Result<Vec<String>, Failure> {
    let items = match &node.value {
        Value::Seq(items) => items,
        _ => {
            return Err((
                node.mark,
                format!(
                    "`languages` must be a list of language codes, found {}",
                    node.type_name()
                ),
            ))
        }
    };
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let Some(code) = item.as_str().map(str::trim).filter(|c| !c.is_empty()) else {
            return Err((
                item.mark,
                "a language code must be a non-empty string".into(),
            ));
        };
        if RESERVED_KEYS.contains(&code) {
            return Err((
                item.mark,
                format!("`{code}` is a reserved key, not a language code"),
            ));
        }
        if out.iter().any(|c| c == code) {
            return Err((item.mark, format!("language `{code}` is listed twice")));
        }
        out.push(code.to_string());
    }
    if out.is_empty() {
        return Err((node.mark, "`languages` lists no language".into()));
    }
    Ok(out)
}

fn parse_entry(node: &Node, origin: Origin, languages: &[String]) -> Result<Entry, Failure> {
    let label = |id: Option<&str>| match id {
        Some(id) => format!("entry {} (id: {id})", origin.index + 1),
        None => format!("entry {}", origin.index + 1),
    };
    let Value::Map(pairs) = &node.value else {
        return Err((
            node.mark,
            format!(
                "{}: expected a mapping of keys to forms, found {}",
                label(None),
                node.type_name()
            ),
        ));
    };
    // The id first, so that every later message can name the entry.
    let id = match pairs.iter().find(|(k, _)| k.as_str() == Some("id")) {
        Some((_, v)) => match v.as_str().map(str::trim) {
            Some(id) if !id.is_empty() => Some(id.to_string()),
            _ => {
                return Err((
                    v.mark,
                    format!("{}: `id` must be a non-empty string", label(None)),
                ))
            }
        },
        None => None,
    };
    let label = label(id.as_deref());
    let mut entry = Entry {
        id,
        kind: Kind::Term,
        forms: Vec::new(),
        forbidden: Vec::new(),
        note: None,
        case: None,
        fuzzy: true,
        replaces: false,
        origin,
    };
    for (key, value) in pairs {
        let Some(name) = key.as_str() else {
            return Err((key.mark, format!("{label}: keys must be strings")));
        };
        match name {
            "id" => {}
            "kind" => {
                // A list or mapping is named by its type, not quoted as an
                // empty string.
                let text = value.as_str();
                entry.kind = text.and_then(Kind::parse).ok_or_else(|| {
                    let found = match text {
                        Some(text) => format!("unknown kind `{text}`"),
                        None => format!("`kind` must be text, found {}", value.type_name()),
                    };
                    (
                        value.mark,
                        format!(
                            "{label}: {found}; expected one of person, place, organization, event, term, other"
                        ),
                    )
                })?;
            }
            "case" => {
                entry.case = Some(match value.as_str() {
                    Some("sensitive") => CaseMode::Sensitive,
                    Some("insensitive") => CaseMode::Insensitive,
                    other => {
                        return Err((
                            value.mark,
                            format!(
                                "{label}: `case` must be `sensitive` or `insensitive`, found {}",
                                other.map_or_else(
                                    || value.type_name().to_string(),
                                    |o| format!("`{o}`")
                                )
                            ),
                        ))
                    }
                })
            }
            "fuzzy" => {
                entry.fuzzy = match value.as_str() {
                    Some("true" | "True" | "yes") => true,
                    Some("false" | "False" | "no") => false,
                    _ => {
                        return Err((
                            value.mark,
                            format!("{label}: `fuzzy` must be `true` or `false`"),
                        ))
                    }
                }
            }
            "override" => {
                entry.replaces = match value.as_str() {
                    Some("true" | "True" | "yes") => true,
                    Some("false" | "False" | "no") => false,
                    _ => {
                        return Err((
                            value.mark,
                            format!("{label}: `override` must be `true` or `false`"),
                        ))
                    }
                }
            }
            "note" => {
                entry.note = Some(
                    value
                        .as_str()
                        .ok_or_else(|| (value.mark, format!("{label}: `note` must be text")))?
                        .to_string(),
                )
            }
            "forbidden" => {
                let Value::Map(langs) = &value.value else {
                    return Err((
                        value.mark,
                        format!(
                            "{label}: `forbidden` must map languages to forms (e.g. `forbidden: {{en: [Ha Noi]}}`), found {}",
                            value.type_name()
                        ),
                    ));
                };
                for (lang_key, forms) in langs {
                    let lang = language_key(lang_key, languages, &label)?;
                    let forms = parse_forms(forms, &label, &format!("forbidden.{lang}"))?;
                    entry.forbidden.push((lang, forms));
                }
            }
            _ => {
                let lang = language_key(key, languages, &label)?;
                let forms = parse_forms(value, &label, &lang)?;
                entry.forms.push((lang, forms));
            }
        }
    }
    if entry.forms.is_empty() {
        return Err((
            node.mark,
            format!("{label}: no forms; give at least one language, e.g. `vi: …`"),
        ));
    }
    Ok(entry)
}

fn language_key(key: &Node, languages: &[String], label: &str) -> Result<String, Failure> {
    let name = key.as_str().unwrap_or("");
    if languages.iter().any(|l| l == name) {
        return Ok(name.to_string());
    }
    let looks_like_language = (2..=3).contains(&name.split('-').next().unwrap_or("").len())
        && name.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    Err((
        key.mark,
        if looks_like_language {
            format!(
                "{label}: language `{name}` is not declared in `languages` ({})",
                languages.join(", ")
            )
        } else {
            format!(
                "{label}: unknown key `{name}`{}; expected a language code ({}) or one of: {}",
                did_you_mean::hint(name, &RESERVED_KEYS),
                languages.join(", "),
                RESERVED_KEYS.join(", ")
            )
        },
    ))
}

fn parse_forms(node: &Node, label: &str, what: &str) -> Result<Vec<String>, Failure> {
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Scalar { .. } => vec![node],
        Value::Map(_) => {
            return Err((
                node.mark,
                format!("{label}: `{what}` must be a form or a list of forms, found a mapping"),
            ))
        }
    };
    let mut out = Vec::new();
    for item in items {
        if let Some(hidden) = item.as_str().and_then(crate::normalize::only_invisible) {
            return Err((item.mark, invisible_form(label, what, &hidden)));
        }
        match item.as_str() {
            Some(text) if !text.trim().is_empty() => out.push(text.to_string()),
            Some(_) | None if matches!(item.value, Value::Scalar { .. }) => {
                return Err((item.mark, format!("{label}: empty form in `{what}`")))
            }
            _ => {
                return Err((
                    item.mark,
                    format!(
                        "{label}: a form in `{what}` must be text, found {}",
                        item.type_name()
                    ),
                ))
            }
        }
    }
    if out.is_empty() {
        return Err((node.mark, format!("{label}: `{what}` lists no form")));
    }
    Ok(out)
}

/// A form that shows nothing would match nothing, or everywhere.
pub(crate) fn invisible_form(label: &str, what: &str, hidden: &[char]) -> String {
    let prefix = if label.is_empty() {
        String::new()
    } else {
        format!("{label}: ")
    };
    format!(
        "{prefix}form in `{what}` has only invisible characters ({}); write the visible text or delete the form",
        crate::normalize::code_points(hidden)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Glossary> {
        load_str(text, "g.yaml", &Limits::default())
    }

    #[test]
    fn loads_the_documented_example() {
        let g = load(
            "languages: [vi, en]\nentries:\n  - id: north-korea\n    kind: place\n    vi: [Triều Tiên, Bắc Triều Tiên]\n    en: [North Korea, DPRK]\n    forbidden:\n      en: [Korea North]\n    note: Free text.\n  - vi: gói trừng phạt\n    en: sanctions package\n",
        )
        .unwrap();
        assert_eq!(g.entries.len(), 2);
        let e = &g.entries[0];
        assert_eq!(e.preferred("en"), Some("North Korea"));
        assert_eq!(e.forbidden("en"), ["Korea North"]);
        assert_eq!(e.case_mode(), CaseMode::Sensitive);
        assert_eq!((e.origin.line, e.origin.column), (3, 5));
        assert_eq!(g.entries[1].kind, Kind::Term);
        assert_eq!(g.entries[1].case_mode(), CaseMode::Insensitive);
    }

    #[test]
    fn errors_name_position_and_entry() {
        let head = "languages: [vi, en]\nentries:\n  - id: a\n    vi: A\n    en: A\n";
        let cases = [
            ("  - id: b\n    kinds: place\n    vi: B\n", "g.yaml:7:5: entry 2 (id: b): unknown key `kinds`"),
            ("  - id: b\n    fr: B\n", "g.yaml:7:5: entry 2 (id: b): language `fr` is not declared"),
            ("  - id: b\n    vi: ''\n", "g.yaml:7:9: entry 2 (id: b): empty form in `vi`"),
            ("  - id: b\n    vi: [B, '  ']\n", "g.yaml:7:13: entry 2 (id: b): empty form in `vi`"),
            ("  - id: a\n    vi: B\n", "g.yaml:6:5: entry 2 (id: a): duplicate id `a`, already used by entry 1 (id: a) at line 3"),
            ("  - id: b\n    kind: city\n    vi: B\n", "g.yaml:7:11: entry 2 (id: b): unknown kind `city`"),
            ("  - id: b\n    kind: [place]\n    vi: B\n", "g.yaml:7:11: entry 2 (id: b): `kind` must be text, found a list; expected one of person"),
            ("  - id: b\n", "g.yaml:6:5: entry 2 (id: b): no forms"),
            ("  - just a string\n", "g.yaml:6:5: entry 2: expected a mapping"),
            ("  - id: b\n    vi: B\n    vi: C\n", "g.yaml:8:5: duplicate key `vi`"),
            ("  - id: b\n    vi: {x: y}\n", "g.yaml:7:9: entry 2 (id: b): `vi` must be a form or a list"),
            ("  - id: b\n    vi: B\n    forbidden: [x]\n", "g.yaml:8:16: entry 2 (id: b): `forbidden` must map"),
            ("  - id: b\n    vi: B\n    case: maybe\n", "g.yaml:8:11: entry 2 (id: b): `case` must be"),
            ("  - id: b\n    vi: B\n    case: {x: y}\n", "g.yaml:8:11: entry 2 (id: b): `case` must be `sensitive` or `insensitive`, found a mapping"),
            ("  - id: b\n    vi: [B\n", "g.yaml:"),
        ];
        for (tail, expected) in cases {
            let err = load(&format!("{head}{tail}")).unwrap_err().to_string();
            assert!(
                err.starts_with(expected),
                "{tail:?}\n got: {err}\nwant: {expected}"
            );
        }
        for (text, expected) in [
            ("", "g.yaml: the glossary is empty"),
            ("- a\n", "g.yaml:1:1: expected a mapping"),
            ("entries: []\n", "g.yaml:1:1: missing `languages:`"),
            // Not a glossary at all: refused without quoting its keys.
            ("password: x\n", "g.yaml:1:1: not a transcheck glossary"),
            (
                "languages: [vi]\nentires: []\n",
                "g.yaml:2:1: unknown top-level key `entires` (did you mean `entries`?)",
            ),
            (
                "languages: [vi]\nentries: []\nextra: 1\n",
                "g.yaml:3:1: unknown top-level key `extra`",
            ),
            (
                "languages: vi\nentries: []\n",
                "g.yaml:1:12: `languages` must be a list",
            ),
        ] {
            let err = load(text).unwrap_err().to_string();
            assert!(
                err.starts_with(expected),
                "{text:?}\n got: {err}\nwant: {expected}"
            );
        }
    }

    #[test]
    fn forms_of_only_invisible_characters_are_refused() {
        let head = "languages: [vi, en]\nentries:\n  - vi: Hà Nội\n";
        // Each refused form beside a look-alike with visible text around the
        // same invisible characters, which loads.
        let cases = [
            ("    en: \"\\u200B\"\n", Some("U+200B")),
            ("    en: \"Ha\\u200Bnoi\"\n", None),
            ("    en: \"\\u00AD\"\n", Some("U+00AD")),
            ("    en: \"Ha\\u00ADnoi\"\n", None),
            (
                "    en: [Hanoi, \" \\u2060\\u200D \"]\n",
                Some("U+2060, U+200D"),
            ),
            ("    en: [Hanoi, \"\\u2060Hanoi\"]\n", None),
            (
                "    en: \"\\uFE0F\\u034F\\u3164\"\n",
                Some("U+FE0F, U+034F, U+3164"),
            ),
            ("    en: \"Ha\\uFE0Fnoi\"\n", None),
            ("    en: \"\\U000E0041\"\n", Some("U+E0041")),
            (
                "    en: Hanoi\n    forbidden:\n      en: \"\\u200C\"\n",
                Some("U+200C"),
            ),
            (
                "    en: Hanoi\n    forbidden:\n      en: \"Ha\\u200CNoi\"\n",
                None,
            ),
        ];
        for (tail, refused) in cases {
            let result = load(&format!("{head}{tail}"));
            match refused {
                Some(points) => {
                    let err = result.unwrap_err().to_string();
                    assert!(
                        err.contains("has only invisible characters") && err.contains(points),
                        "{tail:?}: {err}"
                    );
                }
                None => assert!(result.is_ok(), "{tail:?}: {:?}", result.err()),
            }
        }
    }

    #[test]
    fn override_replaces_an_earlier_entry_explicitly() {
        let base = "languages: [vi, en]\nentries:\n  - id: hanoi\n    kind: place\n    vi: Hà Nội\n    en: Hanoi\n  - id: hue\n    vi: Huế\n    en: Hue\n";
        let house = |tail: &str| {
            load_str(
                &format!("languages: [vi, en]\nentries:\n{tail}"),
                "house.yaml",
                &Limits::default(),
            )
        };
        // (house entry, Ok(hanoi's renderings after the merge) or Err(message))
        let cases: [(&str, Result<&[&str], &str>); 5] = [
            ("  - id: hanoi\n    vi: Hà Nội\n    en: Ha Noi\n    override: true\n", Ok(&["Ha Noi"])),
            // The look-alike without `override` is the duplicate-id error,
            // which now says how to override.
            ("  - id: hanoi\n    vi: Hà Nội\n    en: Ha Noi\n", Err("duplicate id `hanoi`, already used by entry 1 (id: hanoi) in g.yaml:3:5 (add `override: true` to replace that entry)")),
            ("  - vi: Hà Nội\n    en: Ha Noi\n    override: true\n", Err("`override: true` needs the `id` of the entry it replaces")),
            ("  - id: saigon\n    vi: Sài Gòn\n    en: Saigon\n    override: true\n", Ok(&["Hanoi"])),
            ("  - id: hanoi\n    vi: Hà Nội\n    en: Ha Noi\n    override: maybe\n", Err("`override` must be `true` or `false`")),
        ];
        for (tail, want) in cases {
            let result = house(tail).and_then(|h| {
                let mut merged = load(base).unwrap();
                merged.merge(h)?;
                Ok(merged)
            });
            match (result, want) {
                (Ok(g), Ok(renderings)) => {
                    let hanoi: Vec<_> = g
                        .entries
                        .iter()
                        .filter(|e| e.id.as_deref() == Some("hanoi"))
                        .collect();
                    assert_eq!(hanoi.len(), 1, "{tail}");
                    assert_eq!(hanoi[0].forms("en"), renderings, "{tail}");
                    // Replaced in place: the order of entries is kept.
                    assert_eq!(g.entries[0].id.as_deref(), Some("hanoi"));
                    assert_eq!(g.entries[1].id.as_deref(), Some("hue"));
                }
                (Err(e), Err(message)) => {
                    assert!(e.to_string().contains(message), "{tail}: {e}")
                }
                (got, want) => panic!(
                    "{tail}: got {:?}, want {want:?}",
                    got.map(|g| g.entries.len())
                ),
            }
        }
    }

    #[test]
    fn merged_files_keep_ids_unique() {
        let a = load("languages: [vi, en]\nentries:\n  - id: x\n    vi: X\n").unwrap();
        let b = load_str(
            "languages: [vi, fr]\nentries:\n  - id: x\n    fr: X\n",
            "b.yaml",
            &Limits::default(),
        )
        .unwrap();
        let mut merged = a.clone();
        let err = merged.merge(b).unwrap_err().to_string();
        assert!(err.starts_with("b.yaml:3:5: entry 1 (id: x): duplicate id `x`, already used by entry 1 (id: x) in g.yaml:3:5"), "{err}");
        let c = load_str(
            "languages: [vi, fr]\nentries:\n  - id: y\n    fr: Y\n",
            "c.yaml",
            &Limits::default(),
        )
        .unwrap();
        let mut merged = a;
        merged.merge(c).unwrap();
        assert_eq!(merged.languages, ["vi", "en", "fr"]);
        assert_eq!(merged.entries.len(), 2);
    }
}
