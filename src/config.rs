//! The project configuration file, `transcheck.yaml`: found in the current
//! directory or a parent, or named with `--config`. Every key is optional;
//! the command line overrides the file. Keys are documented in the README
//! ("Configuration file"). Unknown keys and wrong types are errors with the
//! line and column where they are written.

use std::path::{Component, Path, PathBuf};

use crate::batch::{PairPattern, StemPattern};
use crate::error::{Error, Result};
use crate::finding::{Rule, RuleConfig};
use crate::glossary::yaml::{self, Mark, Node, Value};
use crate::report::{FailOn, Format};

/// The file name looked for in the current directory and its parents.
pub const FILE_NAME: &str = "transcheck.yaml";

/// The top-level keys, in documentation order.
pub const KEYS: [&str; 13] = [
    "source",
    "target",
    "from",
    "to",
    "glossaries",
    "pairs",
    "exclude",
    "rules",
    "format",
    "fail_on",
    "output",
    "baseline",
    "jobs",
];

/// The largest configuration file read; real ones are a few hundred bytes.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Configuration as read from a file; paths are already resolved against
/// the file's directory.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from.
    pub path: PathBuf,
    pub source: Option<PathBuf>,
    pub target: Option<PathBuf>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// Glossary files in merge order; `None` stands for the embedded default
    /// glossary (written `default`).
    pub glossaries: Vec<Option<PathBuf>>,
    pub pairs: Vec<PairPattern>,
    pub exclude: Vec<String>,
    /// `rule=level` specs in file order, with where each was written.
    pub rules: Vec<(String, Mark)>,
    pub format: Option<Format>,
    pub fail_on: Option<FailOn>,
    pub output: Option<PathBuf>,
    pub baseline: Option<PathBuf>,
    pub jobs: Option<usize>,
}

impl Config {
    /// The first `transcheck.yaml` in `start` or one of its parents, as a
    /// path relative to `start` (`transcheck.yaml`, `../transcheck.yaml`).
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let mut relative = PathBuf::new();
        for dir in start.ancestors() {
            if dir.join(FILE_NAME).is_file() {
                return Some(relative.join(FILE_NAME));
            }
            relative.push("..");
        }
        None
    }

    /// Reads and validates a configuration file (at most
    /// [`MAX_FILE_BYTES`]).
    pub fn load(path: &Path) -> Result<Config> {
        let bytes = crate::input::read_limited(path, MAX_FILE_BYTES, "a configuration file")?;
        let text = crate::input::decode(&bytes).map_err(|message| Error::Decode {
            path: path.to_path_buf(),
            message,
        })?;
        Config::parse(&text, path)
    }

    /// Parses configuration text; relative paths in it are resolved against
    /// the directory of `path`.
    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        let at = |mark: Mark, message: String| Error::ConfigAt {
            path: path.to_path_buf(),
            line: mark.line,
            column: mark.column,
            message,
        };
        let root = yaml::parse(text, yaml::Limits::default()).map_err(|e| at(e.mark, e.message))?;
        let dir = path.parent().unwrap_or(Path::new(""));
        let resolve = |p: &str| -> PathBuf {
            let p = Path::new(p);
            if p.is_absolute() || dir.as_os_str().is_empty() {
                p.to_path_buf()
            } else {
                tidy(&dir.join(p))
            }
        };
        let mut config = Config {
            path: path.to_path_buf(),
            ..Config::default()
        };
        let Some(root) = root.filter(|r| !r.is_null()) else {
            return Ok(config);
        };
        let Value::Map(pairs) = &root.value else {
            return Err(at(
                root.mark,
                format!("expected a mapping of settings, found {}", root.type_name()),
            ));
        };
        let rules = crate::checks::all_rules();
        // Until one key is a setting, the file may be anything (a symlink
        // to a secret): its keys are quoted only as typos of a setting.
        let is_config = pairs
            .iter()
            .any(|(k, _)| k.as_str().is_some_and(|k| KEYS.contains(&k)));
        for (key, value) in pairs {
            let name = string(key, "a setting name", &at)?;
            if !KEYS.contains(&name) {
                let hint = crate::did_you_mean::hint(name, &KEYS);
                let message = if is_config || !hint.is_empty() {
                    format!(
                        "unknown key `{name}`{hint}; expected one of: {}",
                        KEYS.join(", ")
                    )
                } else {
                    crate::did_you_mean::unknown_key(name, &KEYS)
                };
                return Err(at(key.mark, message));
            }
            match name {
                "source" => config.source = Some(resolve(string(value, "a path", &at)?)),
                "target" => config.target = Some(resolve(string(value, "a path", &at)?)),
                "from" => config.from = Some(string(value, "a language code", &at)?.to_string()),
                "to" => config.to = Some(string(value, "a language code", &at)?.to_string()),
                "glossaries" => {
                    for item in list(value, &at)? {
                        let p = string(item, "a glossary path or `default`", &at)?;
                        config.glossaries.push((p != "default").then(|| resolve(p)));
                    }
                }
                "pairs" => {
                    for item in list(value, &at)? {
                        config.pairs.push(pair_pattern(item, &at)?);
                    }
                }
                "exclude" => {
                    for item in list(value, &at)? {
                        let glob = string(item, "a glob", &at)?;
                        globset::Glob::new(glob)
                            .map_err(|e| at(item.mark, format!("invalid glob `{glob}`: {e}")))?;
                        config.exclude.push(glob.to_string());
                    }
                }
                "rules" => config.rules = rule_specs(value, &rules, &at)?,
                "format" => {
                    let s = string(value, "a format name", &at)?;
                    config.format = Some(choice::<Format>(s).ok_or_else(|| {
                        at(
                            value.mark,
                            format!(
                                "unknown format `{s}`; expected one of: {}",
                                names::<Format>()
                            ),
                        )
                    })?);
                }
                "fail_on" => {
                    let s = string(value, "error, warning or never", &at)?;
                    config.fail_on = Some(choice::<FailOn>(s).ok_or_else(|| {
                        at(
                            value.mark,
                            format!(
                                "unknown level `{s}`; expected one of: {}",
                                names::<FailOn>()
                            ),
                        )
                    })?);
                }
                "output" => config.output = Some(resolve(string(value, "a path", &at)?)),
                "baseline" => config.baseline = Some(resolve(string(value, "a path", &at)?)),
                "jobs" => {
                    let s = string(value, "a number of threads", &at)?;
                    config.jobs = Some(s.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                        at(
                            value.mark,
                            format!("`jobs` must be a positive whole number, not `{s}`"),
                        )
                    })?);
                }
                _ => unreachable!("every key in KEYS is handled"),
            }
        }
        Ok(config)
    }
}

type At<'a> = dyn Fn(Mark, String) -> Error + 'a;

fn string<'n>(node: &'n Node, what: &str, at: &At) -> Result<&'n str> {
    match &node.value {
        Value::Scalar { text, .. } if !node.is_null() => Ok(text),
        _ => Err(at(
            node.mark,
            format!("expected {what}, found {}", node.type_name()),
        )),
    }
}

/// A list, or a single string standing for a list of one.
fn list<'n>(node: &'n Node, at: &At) -> Result<Vec<&'n Node>> {
    match &node.value {
        Value::Seq(items) => Ok(items.iter().collect()),
        Value::Scalar { .. } if !node.is_null() => Ok(vec![node]),
        _ => Err(at(
            node.mark,
            format!("expected a list, found {}", node.type_name()),
        )),
    }
}

fn pair_pattern(node: &Node, at: &At) -> Result<PairPattern> {
    let Value::Map(fields) = &node.value else {
        return Err(at(
            node.mark,
            format!(
                "expected a mapping with `source` and `target` patterns, found {}",
                node.type_name()
            ),
        ));
    };
    let (mut source, mut target) = (None, None);
    for (key, value) in fields {
        let slot = match string(key, "`source` or `target`", at)? {
            "source" => &mut source,
            "target" => &mut target,
            other => {
                return Err(at(
                    key.mark,
                    format!("unknown key `{other}` in a pair pattern; expected source, target"),
                ))
            }
        };
        let text = string(value, "a pattern with `{stem}`", at)?;
        *slot = Some(StemPattern::new(text).map_err(|e| at(value.mark, e))?);
    }
    match (source, target) {
        (Some(source), Some(target)) => Ok(PairPattern { source, target }),
        (None, _) => Err(at(node.mark, "pair pattern has no `source`".to_string())),
        (_, None) => Err(at(node.mark, "pair pattern has no `target`".to_string())),
    }
}

/// `rules:` maps a rule id, family (`number.*`) or `*` to a level, or to a
/// mapping with `level`.
fn rule_specs(node: &Node, known: &[Rule], at: &At) -> Result<Vec<(String, Mark)>> {
    let Value::Map(entries) = &node.value else {
        return Err(at(
            node.mark,
            format!(
                "expected a mapping of rule ids to levels, found {}",
                node.type_name()
            ),
        ));
    };
    let mut specs = Vec::new();
    for (key, value) in entries {
        let rule = string(key, "a rule id", at)?;
        let level = match &value.value {
            Value::Map(options) => {
                let mut level = None;
                for (k, v) in options {
                    match string(k, "a rule option", at)? {
                        "level" => level = Some(string(v, "a level", at)?),
                        other => {
                            return Err(at(
                                k.mark,
                                format!(
                                    "unknown option `{other}` for rule `{rule}`; expected: level"
                                ),
                            ))
                        }
                    }
                }
                level.ok_or_else(|| at(value.mark, format!("rule `{rule}` has no `level`")))?
            }
            _ => string(value, "a level (error, warning, info or off)", at)?,
        };
        let spec = format!("{rule}={level}");
        RuleConfig::default()
            .set(&spec, known)
            .map_err(|e| at(key.mark, e.replacen("`--rule ", "`", 1)))?;
        specs.push((spec, key.mark));
    }
    Ok(specs)
}

fn choice<T: clap::ValueEnum>(s: &str) -> Option<T> {
    T::value_variants()
        .iter()
        .find(|v| v.to_possible_value().is_some_and(|p| p.matches(s, false)))
        .cloned()
}

fn names<T: clap::ValueEnum>() -> String {
    T::value_variants()
        .iter()
        .filter_map(|v| v.to_possible_value())
        .map(|p| p.get_name().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Removes `.` components and folds `dir/..` lexically, so that paths from
/// a configuration read as the user would write them.
fn tidy(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir
                if out
                    .components()
                    .next_back()
                    .is_some_and(|l| matches!(l, Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config> {
        Config::parse(text, Path::new("project/transcheck.yaml"))
    }

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn reads_every_key() {
        let config = parse(
            "source: vi\n\
             target: ../en\n\
             from: vi\n\
             to: en\n\
             glossaries: [default, house.yaml]\n\
             pairs:\n  - source: \"{stem}.vi.txt\"\n    target: \"{stem}.en.txt\"\n\
             exclude: drafts/**\n\
             rules:\n  term.missing: warning\n  segment.*: {level: off}\n\
             format: sarif\n\
             fail_on: warning\n\
             output: out/report.sarif\n\
             baseline: transcheck-baseline.yaml\n\
             jobs: 2\n",
        )
        .unwrap();
        assert_eq!(config.source, Some(PathBuf::from("project/vi")));
        assert_eq!(config.target, Some(PathBuf::from("en")));
        assert_eq!(
            config.glossaries,
            [None, Some(PathBuf::from("project/house.yaml"))]
        );
        assert_eq!(config.pairs.len(), 1);
        assert_eq!(config.pairs[0].target.stem("a.en.txt"), Some("a"));
        assert_eq!(config.exclude, ["drafts/**"]);
        let specs: Vec<&str> = config.rules.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(specs, ["term.missing=warning", "segment.*=off"]);
        assert_eq!(config.format, Some(Format::Sarif));
        assert_eq!(config.fail_on, Some(FailOn::Warning));
        assert_eq!(
            config.output,
            Some(PathBuf::from("project/out/report.sarif"))
        );
        assert_eq!(config.jobs, Some(2));
    }

    #[test]
    fn empty_file_is_all_defaults() {
        let config = parse("# nothing yet\n").unwrap();
        assert!(config.source.is_none() && config.rules.is_empty());
    }

    #[test]
    fn errors_name_line_and_column() {
        let cases = [
            (
                "from: vi\nformt: json\n",
                "project/transcheck.yaml:2:1: unknown key `formt` (did you mean `format`?); expected one of: source, target",
            ),
            (
                "from: vi\nextras: json\n",
                "project/transcheck.yaml:2:1: unknown key `extras`; expected one of: source, target",
            ),
            // Not a configuration (a symlink to a secret): no key is quoted.
            (
                "password: hunter2\n",
                "project/transcheck.yaml:1:1: unknown key; expected one of: source, target",
            ),
            (
                "format: yaml\n",
                "project/transcheck.yaml:1:9: unknown format `yaml`; expected one of: human, json",
            ),
            (
                "rules:\n  term.mising: off\n",
                "project/transcheck.yaml:2:3: `term.mising=off`: unknown rule `term.mising`",
            ),
            (
                "rules:\n  term.missing: loud\n",
                "project/transcheck.yaml:2:3: `term.missing=loud`: unknown level `loud`",
            ),
            (
                "rules:\n  term.missing: {level: off, weight: 2}\n",
                "project/transcheck.yaml:2:30: unknown option `weight` for rule `term.missing`",
            ),
            (
                "pairs:\n  - source: a.txt\n    target: \"{stem}.txt\"\n",
                "project/transcheck.yaml:2:13: pattern `a.txt` has no `{stem}` placeholder",
            ),
            (
                "pairs:\n  - source: \"{stem}\"\n",
                "project/transcheck.yaml:2:5: pair pattern has no `target`",
            ),
            (
                "glossaries: {a: b}\n",
                "project/transcheck.yaml:1:13: expected a list, found a mapping",
            ),
            (
                "jobs: 0\n",
                "project/transcheck.yaml:1:7: `jobs` must be a positive whole number",
            ),
            (
                "from: vi\nfrom: en\n",
                "project/transcheck.yaml:2:1: duplicate key `from`",
            ),
            (
                "- vi\n",
                "project/transcheck.yaml:1:1: expected a mapping of settings, found a list",
            ),
            (
                "exclude: [\"a/[b\"]\n",
                "project/transcheck.yaml:1:11: invalid glob `a/[b`",
            ),
        ];
        for (text, expected) in cases {
            let got = error(text);
            assert!(
                got.starts_with(expected),
                "{text:?}\n got: {got}\nwant: {expected}"
            );
        }
    }

    #[test]
    fn discovers_in_parents() {
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(Config::discover(&deep), None);
        std::fs::write(dir.path().join(FILE_NAME), "").unwrap();
        assert_eq!(
            Config::discover(&deep),
            Some(PathBuf::from("../../transcheck.yaml"))
        );
        std::fs::write(deep.join(FILE_NAME), "").unwrap();
        assert_eq!(Config::discover(&deep), Some(PathBuf::from(FILE_NAME)));
    }
}
