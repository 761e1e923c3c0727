//! Batch checking: pairs the files of a source directory with those of a
//! target directory, and finds the files a git revision range touched.
//!
//! Files pair by a key computed on each side. By default the key is the path
//! relative to the directory with the language code taken out of the file
//! name: `vi/2024/a.txt` ⇔ `en/2024/a.txt`, `a.vi.md` ⇔ `a.en.md`. Pair
//! patterns (`{stem}.vi.txt` ⇔ `{stem}.en.txt`) replace that rule: the key is
//! what `{stem}` matched. A file of either side that finds no counterpart is
//! reported as unpaired, never as an error.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use globset::{GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};

use crate::error::{Error, Result};

/// The placeholder a pair pattern must contain once on each side.
pub const STEM: &str = "{stem}";

/// A glob with one `{stem}` placeholder, e.g. `news/{stem}.vi.txt` or
/// `**/{stem}/source.md`. Glob syntax is globset's: `*` stays within one
/// directory, `**` crosses directories, `{a,b}` alternates; `{stem}` matches
/// one or more characters, `/` included.
#[derive(Debug, Clone)]
pub struct StemPattern {
    text: String,
    prefix: GlobMatcher,
    suffix: GlobMatcher,
}

impl StemPattern {
    pub fn new(text: &str) -> std::result::Result<StemPattern, String> {
        let (prefix, suffix) = text.split_once(STEM).ok_or_else(|| {
            format!("pattern `{text}` has no `{STEM}` placeholder (e.g. `{STEM}.vi.txt`)")
        })?;
        if suffix.contains(STEM) {
            return Err(format!(
                "pattern `{text}` has `{STEM}` more than once; use it once"
            ));
        }
        Ok(StemPattern {
            text: text.to_string(),
            prefix: glob(prefix).map_err(|e| format!("pattern `{text}`: {e}"))?,
            suffix: glob(suffix).map_err(|e| format!("pattern `{text}`: {e}"))?,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What `{stem}` matches in a `/`-separated relative path: the leftmost
    /// start and then the longest stem that fit.
    pub fn stem<'a>(&self, path: &'a str) -> Option<&'a str> {
        let bounds: Vec<usize> = path
            .char_indices()
            .map(|(i, _)| i)
            .chain([path.len()])
            .collect();
        for (a, &start) in bounds.iter().enumerate() {
            if !self.prefix.is_match(&path[..start]) {
                continue;
            }
            for &end in bounds[a + 1..].iter().rev() {
                if self.suffix.is_match(&path[end..]) {
                    return Some(&path[start..end]);
                }
            }
        }
        None
    }
}

fn glob(text: &str) -> std::result::Result<GlobMatcher, globset::Error> {
    Ok(GlobBuilder::new(text)
        .literal_separator(true)
        .backslash_escape(true)
        .build()?
        .compile_matcher())
}

/// A source pattern and the target pattern that pairs with it.
#[derive(Debug, Clone)]
pub struct PairPattern {
    pub source: StemPattern,
    pub target: StemPattern,
}

/// How to pair files: languages (for the default rule), pair patterns (they
/// replace the default rule when given) and paths to leave out.
#[derive(Debug, Clone)]
pub struct Pairing {
    pub from: String,
    pub to: String,
    pub patterns: Vec<PairPattern>,
    /// Globs matched against each file's path relative to its directory,
    /// in sets of at most [`EXCLUDE_CHUNK`] (one automaton for tens of
    /// thousands of globs can outgrow the regex engine's size limit).
    pub exclude: Vec<GlobSet>,
}

/// Exclusion globs per automaton.
const EXCLUDE_CHUNK: usize = 1000;

impl Pairing {
    pub fn new(from: &str, to: &str) -> Pairing {
        Pairing {
            from: from.to_string(),
            to: to.to_string(),
            patterns: Vec::new(),
            exclude: Vec::new(),
        }
    }

    /// Builds the exclusion sets; an invalid glob is a usage error.
    pub fn exclude(mut self, globs: &[String]) -> Result<Pairing> {
        self.exclude.clear();
        for (chunk_index, chunk) in globs.chunks(EXCLUDE_CHUNK).enumerate() {
            let mut set = GlobSetBuilder::new();
            for g in chunk {
                let glob = GlobBuilder::new(g)
                    .literal_separator(true)
                    .backslash_escape(true)
                    .build()
                    .map_err(|e| Error::Usage(format!("exclude pattern `{g}`: {e}")))?;
                set.add(glob);
            }
            let first = chunk_index * EXCLUDE_CHUNK;
            self.exclude.push(set.build().map_err(|e| {
                Error::Usage(format!(
                    "exclude patterns {} to {} of {} (from `exclude` and --exclude) are too complex to match together: {e}; use fewer, broader globs (`drafts/**`)",
                    first + 1,
                    first + chunk.len(),
                    globs.len()
                ))
            })?);
        }
        Ok(self)
    }

    /// True when an exclusion glob matches `rel`.
    pub fn is_excluded(&self, rel: &str) -> bool {
        self.exclude.iter().any(|set| set.is_match(rel))
    }

    /// The pairing key of a file on one side, or None when the file is not
    /// an article of that side. `alone` is true when both sides share one
    /// directory, where only files named for the side's language count.
    fn key(&self, rel: &str, side: Side, alone: bool) -> Option<String> {
        if !self.patterns.is_empty() {
            return self.patterns.iter().enumerate().find_map(|(i, p)| {
                let pattern = match side {
                    Side::Source => &p.source,
                    Side::Target => &p.target,
                };
                pattern.stem(rel).map(|stem| format!("{i}:{stem}"))
            });
        }
        let lang = match side {
            Side::Source => &self.from,
            Side::Target => &self.to,
        };
        match without_language(rel, lang) {
            Some(key) => Some(key),
            None if alone => None,
            None => Some(rel.to_string()),
        }
    }
}

/// `2024/a.vi.md` → `2024/a.md`, `a.vi` → `a`; None without the language.
fn without_language(rel: &str, lang: &str) -> Option<String> {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((dir, name)) => (Some(dir), name),
        None => (None, rel),
    };
    let parts: Vec<&str> = name.split('.').collect();
    // The language is the last part, or the one before the extension; never
    // the whole name.
    let at = (1..parts.len()).rev().take(2).find(|&i| parts[i] == lang)?;
    let mut kept = parts.clone();
    kept.remove(at);
    let name = kept.join(".");
    Some(match dir {
        Some(dir) => format!("{dir}/{name}"),
        None => name,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    Source,
    Target,
}

/// One item of a batch, in report order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planned {
    Pair {
        source: PathBuf,
        target: PathBuf,
    },
    /// A file with no counterpart; `duplicate_of` names the file that took
    /// its key when two files of one side have the same key.
    Unpaired {
        side: Side,
        path: PathBuf,
        duplicate_of: Option<PathBuf>,
    },
}

impl Planned {
    /// The files of the item.
    pub fn paths(&self) -> Vec<&Path> {
        match self {
            Planned::Pair { source, target } => vec![source, target],
            Planned::Unpaired { path, .. } => vec![path],
        }
    }
}

/// Pairs the files under two directories (the same directory twice pairs
/// `x.vi.txt` with `x.en.txt` side by side). Hidden files and directories
/// are skipped, and so is the other side's directory when one is inside
/// the other. The order is deterministic: by key, then path.
pub fn plan(source_dir: &Path, target_dir: &Path, pairing: &Pairing) -> Result<Vec<Planned>> {
    let canonical = |p: &Path| {
        p.canonicalize().map_err(|source| Error::Read {
            path: p.to_path_buf(),
            source,
        })
    };
    let (source_root, target_root) = (canonical(source_dir)?, canonical(target_dir)?);
    let alone = source_root == target_root;
    let mut keyed: BTreeMap<String, [Vec<PathBuf>; 2]> = BTreeMap::new();
    for (side, dir, root, other) in [
        (Side::Source, source_dir, &source_root, &target_root),
        (Side::Target, target_dir, &target_root, &source_root),
    ] {
        let skip = (!alone && other.starts_with(root)).then_some(other.as_path());
        let mut files = Vec::new();
        walk(dir, "", skip, &mut files)?;
        for rel in files {
            if pairing.is_excluded(&rel) {
                continue;
            }
            if let Some(key) = pairing.key(&rel, side, alone) {
                keyed.entry(key).or_default()[side as usize].push(joined(dir, &rel));
            }
        }
    }
    let mut out = Vec::new();
    for [sources, targets] in keyed.into_values() {
        let mut sources = sources.into_iter();
        let mut targets = targets.into_iter();
        let (first_source, first_target) = (sources.next(), targets.next());
        match (&first_source, &first_target) {
            (Some(s), Some(t)) => out.push(Planned::Pair {
                source: s.clone(),
                target: t.clone(),
            }),
            (Some(path), None) | (None, Some(path)) => out.push(Planned::Unpaired {
                side: if first_source.is_some() {
                    Side::Source
                } else {
                    Side::Target
                },
                path: path.clone(),
                duplicate_of: None,
            }),
            (None, None) => {}
        }
        for (side, first, rest) in [
            (Side::Source, &first_source, sources),
            (Side::Target, &first_target, targets),
        ] {
            for path in rest {
                out.push(Planned::Unpaired {
                    side,
                    path,
                    duplicate_of: first.clone(),
                });
            }
        }
    }
    Ok(out)
}

/// `dir` joined with a `/`-separated relative path; `.` is left out so
/// that reports show `a.vi.txt`, not `./a.vi.txt`.
fn joined(dir: &Path, rel: &str) -> PathBuf {
    if dir == Path::new(".") || dir.as_os_str().is_empty() {
        PathBuf::from(rel)
    } else {
        dir.join(rel)
    }
}

/// Files under `dir` as sorted `/`-separated paths relative to the
/// directory first given. Symbolic links to files are followed; links to
/// directories are not (no loops); a link that resolves to nothing is an
/// error.
fn walk(dir: &Path, rel: &str, skip: Option<&Path>, out: &mut Vec<String>) -> Result<()> {
    let read_error = |source| Error::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<(String, PathBuf, std::fs::FileType)> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let file_type = entry.file_type().map_err(read_error)?;
        entries.push((name, entry.path(), file_type));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (name, path, file_type) in entries {
        let child = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        if file_type.is_dir() {
            if skip.is_some_and(|s| path.canonicalize().is_ok_and(|p| p == s)) {
                continue;
            }
            walk(&path, &child, skip, out)?;
        } else if file_type.is_file() {
            out.push(child);
        } else if file_type.is_symlink() {
            // A link that resolves to nothing (dangling, or a loop) is an
            // error, not a file quietly left out of the batch.
            let target = std::fs::metadata(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if target.is_file() {
                out.push(child);
            }
        }
    }
    Ok(())
}

/// Files that differ between revision `rev` and the working tree (staged
/// or not), plus untracked files, as canonical paths. Runs the `git`
/// binary in `dir`.
pub fn changed_since(rev: &str, dir: &Path) -> Result<BTreeSet<PathBuf>> {
    // git would read a leading `-` as one of its options (`--output=FILE`
    // writes a file); no revision starts with one.
    if rev.starts_with('-') || rev.is_empty() {
        return Err(Error::Usage(format!(
            "--changed-since `{rev}`: not a git revision; give a branch, tag or commit (e.g. origin/main)"
        )));
    }
    let git = |args: &[&str]| -> Result<Vec<u8>> {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .map_err(|e| Error::Usage(format!("--changed-since: cannot run git: {e}")))?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr.lines().next().unwrap_or("").trim();
            return Err(Error::Usage(format!(
                "--changed-since {rev}: git {} failed: {first}",
                args[0]
            )));
        }
        Ok(output.stdout)
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let base = range_base(rev, &git)?;
    let mut names = git(&["diff", "--name-only", "--no-renames", "-z", &base, "--"])?;
    names.extend(git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        "--full-name",
    ])?);
    Ok(names
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .filter_map(|n| {
            top.join(String::from_utf8_lossy(n).as_ref())
                .canonicalize()
                .ok()
        })
        .collect())
}

/// The revision the working tree is compared with. What is checked is the
/// working tree, so a range must end at HEAD (or be open): `A..HEAD` and
/// `A..` compare with A, `A...HEAD` with the merge base of A and HEAD (a
/// pull request's changes), and `HEAD..HEAD` with HEAD, whose uncommitted
/// changes still count. A range ending elsewhere is refused.
fn range_base(rev: &str, git: &dyn Fn(&[&str]) -> Result<Vec<u8>>) -> Result<String> {
    let (left, right, merge_base) = match (rev.split_once("..."), rev.split_once("..")) {
        (Some((l, r)), _) => (l, r, true),
        (None, Some((l, r))) => (l, r, false),
        (None, None) => return Ok(rev.to_string()),
    };
    let or_head = |s: &str| {
        if s.is_empty() {
            "HEAD".to_string()
        } else {
            s.to_string()
        }
    };
    let (left, right) = (or_head(left), or_head(right));
    let commit = |r: &str| -> Result<String> {
        let out = git(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{r}^{{commit}}"),
        ])?;
        Ok(String::from_utf8_lossy(&out).trim().to_string())
    };
    if commit(&right)? != commit("HEAD")? {
        return Err(Error::Usage(format!(
            "--changed-since {rev}: the range must end at HEAD, since the working tree is what is checked; give `{left}` or `{left}..HEAD`"
        )));
    }
    if merge_base {
        let out = git(&["merge-base", &left, &right])?;
        return Ok(String::from_utf8_lossy(&out).trim().to_string());
    }
    Ok(left)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_from_patterns() {
        let cases = [
            ("{stem}.vi.txt", "2024/a.vi.txt", Some("2024/a")),
            ("{stem}.vi.txt", "a.en.txt", None),
            ("news/*/{stem}.txt", "news/2024/a.b.txt", Some("a.b")),
            ("news/*/{stem}.txt", "news/2024/05/a.txt", Some("05/a")),
            (
                "**/{stem}/source.md",
                "x/y/story/source.md",
                Some("x/y/story"),
            ),
            ("{stem}.{md,txt}", "a.md", Some("a")),
            ("{stem}", "a.txt", Some("a.txt")),
        ];
        for (pattern, path, stem) in cases {
            let p = StemPattern::new(pattern).unwrap();
            assert_eq!(p.stem(path), stem, "{pattern} on {path}");
        }
        assert!(StemPattern::new("a.txt")
            .unwrap_err()
            .contains("no `{stem}`"));
        assert!(StemPattern::new("{stem}/{stem}")
            .unwrap_err()
            .contains("more than once"));
    }

    #[test]
    fn language_comes_out_of_names() {
        for (rel, key) in [
            ("a.vi.md", Some("a.md")),
            ("2024/a.vi.txt", Some("2024/a.txt")),
            ("a.vi", Some("a")),
            ("vi.txt", None),
            ("a.txt", None),
            ("a.vi.old.txt", None),
        ] {
            assert_eq!(without_language(rel, "vi").as_deref(), key, "{rel}");
        }
    }

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for f in files {
            let path = dir.path().join(f);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        dir
    }

    fn names(plan: &[Planned], root: &Path) -> Vec<String> {
        let rel = |p: &Path| p.strip_prefix(root).unwrap().display().to_string();
        plan.iter()
            .map(|p| match p {
                Planned::Pair { source, target } => format!("{} = {}", rel(source), rel(target)),
                Planned::Unpaired {
                    side,
                    path,
                    duplicate_of,
                } => format!(
                    "{side:?} {}{}",
                    rel(path),
                    duplicate_of
                        .as_ref()
                        .map(|d| format!(" (after {})", rel(d)))
                        .unwrap_or_default()
                ),
            })
            .collect()
    }

    #[test]
    fn twenty_thousand_exclusions_work() {
        let globs: Vec<String> = (0..20_000)
            .map(|i| format!("archive/section-{i}/**/draft-*-v[0-9].txt"))
            .collect();
        let pairing = Pairing::new("vi", "en").exclude(&globs).unwrap();
        // Each excluded path beside a look-alike that no glob matches.
        assert!(pairing.is_excluded("archive/section-19999/a/b/draft-x-v3.txt"));
        assert!(!pairing.is_excluded("archive/section-20000/a/draft-x-v3.txt"));
        assert!(pairing.is_excluded("archive/section-0/draft-x-v0.txt"));
        assert!(!pairing.is_excluded("archive/section-0/draft-x-vx.txt"));
        let err = Pairing::new("vi", "en")
            .exclude(&["a/[b".to_string()])
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("exclude pattern `a/[b`"), "{err}");
    }

    #[test]
    fn pairs_two_directories() {
        let dir = tree(&[
            "vi/2024/a.txt",
            "vi/2024/b.vi.md",
            "vi/c.txt",
            "vi/.hidden.txt",
            "vi/drafts/d.txt",
            "en/2024/a.txt",
            "en/2024/b.en.md",
            "en/e.txt",
        ]);
        let root = dir.path();
        let pairing = Pairing::new("vi", "en")
            .exclude(&["drafts/**".to_string()])
            .unwrap();
        let plan = plan(&root.join("vi"), &root.join("en"), &pairing).unwrap();
        assert_eq!(
            names(&plan, root),
            [
                "vi/2024/a.txt = en/2024/a.txt",
                "vi/2024/b.vi.md = en/2024/b.en.md",
                "Source vi/c.txt",
                "Target en/e.txt",
            ]
        );
    }

    #[test]
    fn pairs_side_by_side_in_one_directory() {
        let dir = tree(&["a.vi.txt", "a.en.txt", "b.vi.txt", "README.md", "c.en.txt"]);
        let root = dir.path();
        let plan = plan(root, root, &Pairing::new("vi", "en")).unwrap();
        assert_eq!(
            names(&plan, root),
            ["a.vi.txt = a.en.txt", "Source b.vi.txt", "Target c.en.txt"]
        );
    }

    #[test]
    fn pairs_by_patterns_and_reports_duplicates() {
        let dir = tree(&[
            "src/x/story/vi.txt",
            "src/y/story/vi.txt",
            "out/story.txt",
            "out/other.txt",
        ]);
        let root = dir.path();
        let mut pairing = Pairing::new("vi", "en");
        pairing.patterns.push(PairPattern {
            source: StemPattern::new("*/{stem}/vi.txt").unwrap(),
            target: StemPattern::new("{stem}.txt").unwrap(),
        });
        let plan = plan(&root.join("src"), &root.join("out"), &pairing).unwrap();
        assert_eq!(
            names(&plan, root),
            [
                "Target out/other.txt",
                "src/x/story/vi.txt = out/story.txt",
                "Source src/y/story/vi.txt (after src/x/story/vi.txt)",
            ]
        );
    }

    #[test]
    fn nested_target_directory_is_not_a_source() {
        let dir = tree(&["a.txt", "en/a.txt"]);
        let root = dir.path();
        let plan = plan(root, &root.join("en"), &Pairing::new("vi", "en")).unwrap();
        assert_eq!(names(&plan, root), ["a.txt = en/a.txt"]);
    }
}
