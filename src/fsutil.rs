//! Writing files without ever losing what was there: outputs that respect
//! what their path names, atomic replacement, and an advisory lock for
//! read-modify-write cycles.
//!
//! An output path is looked at before anything is written ([`plan_output`]):
//! `-` and links to the process's standard output are standard output;
//! character devices and FIFOs are written in place (a report to a
//! terminal, `/dev/null` or a pipe); a regular file or a missing path is
//! replaced by writing a temporary file beside it, flushing it to disk and
//! renaming it over the path, so a reader (or a crash) sees the old content
//! or the new, never a part. Symbolic links are followed to the file they
//! name (created when the link dangles) and stay links. A replaced file
//! keeps its owner, group and mode; a read-only one is refused unless
//! forced. [`Staged`] outputs are written to their temporary files first and
//! committed together at the end, so a run that fails changes nothing.
//! [`FileLock`] serializes processes that read a file, change it and write
//! it back (`glossary add`, `glossary fmt`): without it, two processes
//! adding at the same moment would each write their own entry over the
//! other's.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Distinguishes temporary files of one process (threads may write beside
/// each other).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// How long opening a FIFO waits for the other end (a reader for an
/// output, a writer for an input) before giving up with an error.
pub const FIFO_WAIT: Duration = Duration::from_secs(5);

/// Symbolic links followed before a path is taken for a loop (Linux's
/// limit).
const MAX_LINKS: usize = 40;

/// Where an output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// `-`, or a link to this process's standard output (`/dev/stdout`).
    Stdout,
    /// A character device, a FIFO or another open descriptor of this
    /// process (`/dev/stderr`): written in place, never replaced.
    Through(PathBuf),
    /// A regular file, or a path where nothing is yet: replaced through a
    /// temporary file beside it. `target` is the file at the end of any
    /// chain of links.
    Replace { target: PathBuf },
}

/// An output path, examined: where the bytes go and what the user should
/// know about it.
#[derive(Debug)]
pub struct OutputPlan {
    /// The path as the user gave it, for messages.
    pub path: PathBuf,
    pub destination: Destination,
    /// The file being replaced, when there is one.
    pub existing: Option<Metadata>,
    /// Notes for stderr (a hard link that will be split).
    pub notes: Vec<String>,
}

fn refused(message: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message.into())
}

/// Examines the output path `path` (see the module doc). `force` allows
/// replacing a read-only file. Nothing is written.
pub fn plan_output(path: &Path, force: bool) -> io::Result<OutputPlan> {
    let mut plan = OutputPlan {
        path: path.to_path_buf(),
        destination: Destination::Stdout,
        existing: None,
        notes: Vec::new(),
    };
    if path == Path::new("-") {
        return Ok(plan);
    }
    let target = follow_links(path)?;
    let target = match target {
        Followed::Descriptor(fd) if fd == "1" => return Ok(plan),
        Followed::Descriptor(_) => {
            plan.destination = Destination::Through(path.to_path_buf());
            return Ok(plan);
        }
        Followed::Path(p) => p,
    };
    match std::fs::metadata(&target) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            plan.destination = Destination::Replace { target };
        }
        Err(e) => return Err(e),
        Ok(meta) => {
            plan.destination = destination_for(&meta, target, force, &mut plan.notes)?;
            if matches!(plan.destination, Destination::Replace { .. }) {
                plan.existing = Some(meta);
            }
        }
    }
    Ok(plan)
}

/// What to do with an existing file of the type `meta` describes.
fn destination_for(
    meta: &Metadata,
    target: PathBuf,
    force: bool,
    notes: &mut Vec<String>,
) -> io::Result<Destination> {
    let kind = file_kind(meta);
    match kind {
        FileKind::Regular => {
            if meta.permissions().readonly() && !force {
                return Err(refused("the file is read-only; pass --force to replace it"));
            }
            let links = link_count(meta);
            if links > 1 {
                notes.push(format!(
                    "{} has {links} hard links; it is replaced by a new file, so the other {} keep the old content",
                    target.display(),
                    if links == 2 { "name" } else { "names" }
                ));
            }
            Ok(Destination::Replace { target })
        }
        FileKind::CharDevice | FileKind::Fifo => Ok(Destination::Through(target)),
        FileKind::Directory => Err(refused("is a directory; give a file name")),
        other => Err(refused(format!(
            "is a {}; refusing to write a report onto it",
            other.name()
        ))),
    }
}

/// The types of file an input or output path may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Regular,
    Directory,
    CharDevice,
    BlockDevice,
    Fifo,
    Socket,
    Other,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Regular => "regular file",
            FileKind::Directory => "directory",
            FileKind::CharDevice => "character device",
            FileKind::BlockDevice => "block device",
            FileKind::Fifo => "named pipe (FIFO)",
            FileKind::Socket => "socket",
            FileKind::Other => "special file",
        }
    }
}

/// The kind of file `meta` describes (after links were followed).
pub fn file_kind(meta: &Metadata) -> FileKind {
    let t = meta.file_type();
    if t.is_file() {
        return FileKind::Regular;
    }
    if t.is_dir() {
        return FileKind::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return FileKind::CharDevice;
        }
        if t.is_block_device() {
            return FileKind::BlockDevice;
        }
        if t.is_fifo() {
            return FileKind::Fifo;
        }
        if t.is_socket() {
            return FileKind::Socket;
        }
    }
    FileKind::Other
}

#[cfg(unix)]
fn link_count(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn link_count(_meta: &Metadata) -> u64 {
    1
}

/// The end of a chain of symbolic links.
enum Followed {
    /// A file path (which may not exist: a dangling link).
    Path(PathBuf),
    /// An open descriptor of this process (`/proc/self/fd/N`, `/dev/fd/N`),
    /// by number.
    Descriptor(String),
}

/// Follows symbolic links from `path` one at a time, so a dangling link
/// yields the path it names, and a link into this process's descriptors
/// (`/dev/stdout` → `/proc/self/fd/1`) is recognized before the kernel's
/// pseudo-target (`pipe:[123]`) would be taken for a file name.
fn follow_links(path: &Path) -> io::Result<Followed> {
    let mut current = path.to_path_buf();
    for _ in 0..=MAX_LINKS {
        if let Some(fd) = descriptor_of(&current) {
            return Ok(Followed::Descriptor(fd));
        }
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(Followed::Path(current)),
        }
    }
    Err(refused("too many levels of symbolic links"))
}

/// The descriptor number when `path` is `/dev/stdout`, `/dev/stderr`,
/// `/dev/fd/N`, `/proc/self/fd/N` or `/proc/thread-self/fd/N`.
fn descriptor_of(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    match text {
        "/dev/stdout" => return Some("1".into()),
        "/dev/stderr" => return Some("2".into()),
        _ => {}
    }
    ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/"]
        .iter()
        .find_map(|prefix| text.strip_prefix(prefix))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
}

/// True when `a` and `b` describe the same file.
#[cfg(unix)]
pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub fn same_file(_a: &Metadata, _b: &Metadata) -> bool {
    false
}

/// An output written to its temporary file (or held in memory for a device,
/// FIFO or standard output), waiting for [`commit`]. Dropped uncommitted, it
/// removes its temporary file and leaves the destination untouched.
#[derive(Debug)]
pub struct Staged {
    destination: Destination,
    temp: Option<PathBuf>,
    bytes: Vec<u8>,
}

impl Staged {
    pub fn destination(&self) -> &Destination {
        &self.destination
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(temp) = self.temp.take() {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// Writes `bytes` for the output `plan` describes without touching the
/// destination: a file to be replaced gets a complete, flushed temporary
/// file beside it (with the old file's owner, group and mode); other
/// destinations keep the bytes until [`commit`]. Stale temporary files that
/// crashed runs left beside the target are removed first.
pub fn stage(plan: &OutputPlan, bytes: Vec<u8>) -> io::Result<Staged> {
    let mut staged = Staged {
        destination: plan.destination.clone(),
        temp: None,
        bytes: Vec::new(),
    };
    let Destination::Replace { target } = &plan.destination else {
        staged.bytes = bytes;
        return Ok(staged);
    };
    let (dir, name) = dir_and_name(target)?;
    // `output: reports/transcheck.txt` in a fresh checkout.
    if !dir.exists() {
        std::fs::create_dir_all(&dir)?;
    }
    remove_stale_temporaries(&dir, &name);
    let temp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)?;
    staged.temp = Some(temp);
    if let Some(meta) = &plan.existing {
        keep_owner(&file, meta)?;
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(&bytes)?;
    file.sync_all()?;
    Ok(staged)
}

/// Gives the new file the old one's owner and group (only root may give a
/// file away; for anyone else they are already the same or cannot be).
#[cfg(unix)]
fn keep_owner(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if new.uid() == meta.uid() && new.gid() == meta.gid() {
        return Ok(());
    }
    match std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())) {
        // Not root: keep what we may (the group, when we are in it).
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => {
            let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
            Ok(())
        }
        other => other,
    }
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _meta: &Metadata) -> io::Result<()> {
    Ok(())
}

/// Commits staged outputs: first those written in place (a device or pipe
/// can fail, a full `/dev/full` say, and then no file has been replaced
/// yet), then the renames. `stdout` receives [`Destination::Stdout`]
/// outputs; a reader that went away (`| head`) is not an error.
pub fn commit(staged: Vec<Staged>, stdout: &mut dyn Write) -> Result<(), (PathBuf, io::Error)> {
    let (through, replace): (Vec<_>, Vec<_>) = staged
        .into_iter()
        .partition(|s| !matches!(s.destination, Destination::Replace { .. }));
    for s in &through {
        match &s.destination {
            Destination::Stdout => match stdout.write_all(&s.bytes).and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    return Err((PathBuf::from("-"), e))
                }
                _ => {}
            },
            Destination::Through(path) => {
                write_through(path, &s.bytes).map_err(|e| (path.clone(), e))?
            }
            Destination::Replace { .. } => unreachable!("partitioned above"),
        }
    }
    for mut s in replace {
        let Destination::Replace { target } = &s.destination else {
            unreachable!("partitioned above")
        };
        let temp = s
            .temp
            .take()
            .expect("a staged replacement has a temporary file");
        if let Err(e) = std::fs::rename(&temp, target) {
            let _ = std::fs::remove_file(&temp);
            return Err((target.clone(), e));
        }
        // Makes the rename itself durable; not every platform can open a
        // directory, and the data is already safe, so failure is ignored.
        if let Ok((dir, _)) = dir_and_name(target) {
            if let Ok(d) = File::open(&dir) {
                let _ = d.sync_all();
            }
        }
    }
    Ok(())
}

/// Writes into a device, FIFO or descriptor without replacing it. A FIFO
/// nobody reads is given [`FIFO_WAIT`] to find a reader.
fn write_through(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = open_waiting(path, false)?;
    file.write_all(bytes)?;
    file.flush()
}

/// Opens `path` for reading or (appending) writing. A FIFO is opened
/// without blocking and given [`FIFO_WAIT`] for its other end to appear, so
/// a pipe nobody writes (or reads) is an error, not a hang.
#[cfg(unix)]
pub fn open_waiting(path: &Path, read: bool) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let is_fifo = std::fs::metadata(path).is_ok_and(|m| file_kind(&m) == FileKind::Fifo);
    if !is_fifo {
        return if read {
            File::open(path)
        } else {
            OpenOptions::new().append(true).open(path)
        };
    }
    let deadline = Instant::now() + FIFO_WAIT;
    let mut options = OpenOptions::new();
    options.custom_flags(libc::O_NONBLOCK);
    if read {
        options.read(true);
    } else {
        options.append(true);
    }
    let file = loop {
        match options.open(path) {
            // Opening a FIFO for writing without a reader fails at once.
            Err(e) if !read && e.raw_os_error() == Some(libc::ENXIO) => {
                if Instant::now() >= deadline {
                    return Err(refused(format!(
                        "named pipe with no reader (waited {} s)",
                        FIFO_WAIT.as_secs()
                    )));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            other => break other?,
        }
    };
    if read && !wait_for_writer(&file, deadline)? {
        return Err(refused(format!(
            "named pipe with no writer (waited {} s)",
            FIFO_WAIT.as_secs()
        )));
    }
    // Blocking again from here: the other end is there.
    let fd = file.as_raw_fd();
    // SAFETY: fcntl on a descriptor this function owns, with valid flags.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(file)
}

/// Waits until a FIFO opened for reading has data or its writer came and
/// went; false when nobody wrote before `deadline`.
#[cfg(unix)]
fn wait_for_writer(file: &File, deadline: Instant) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let mut poll = libc::pollfd {
            fd: file.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = left.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd for a descriptor we own.
        let ready = unsafe { libc::poll(&mut poll, 1, ms) };
        if ready > 0 {
            return Ok(true);
        }
        if ready == 0 {
            return Ok(false);
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

#[cfg(not(unix))]
pub fn open_waiting(path: &Path, read: bool) -> io::Result<File> {
    if read {
        File::open(path)
    } else {
        OpenOptions::new().append(true).open(path)
    }
}

/// Removes temporary files `.NAME.PID.N.tmp` beside `NAME` whose process is
/// gone (a run killed during its write). Those of live processes stay: they
/// may be writing right now.
fn remove_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(&prefix))
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some((pid, counter)) = rest.split_once('.') else {
            continue;
        };
        let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !numeric(pid) || !numeric(counter) {
            continue;
        }
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && pid.parse().is_ok_and(|p: u32| !process_alive(p)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// True when a process with this id exists (or might: when in doubt, a
/// temporary file is kept).
#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: signal 0 only checks that the process exists.
    if unsafe { libc::kill(pid, 0) } == 0 {
        return true;
    }
    io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(not(unix))]
fn process_alive(_pid: u32) -> bool {
    true
}

/// The file a path names, following symbolic links (also dangling ones),
/// so that replacing a linked glossary replaces its target instead of the
/// link.
fn resolve(path: &Path) -> PathBuf {
    match follow_links(path) {
        Ok(Followed::Path(p)) => p,
        _ => path.to_path_buf(),
    }
}

fn dir_and_name(path: &Path) -> io::Result<(PathBuf, String)> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?
        .to_string_lossy()
        .into_owned();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((dir, name))
}

/// Replaces the file at `path` (following links) with `bytes` atomically:
/// a temporary file in the same directory (so the rename cannot cross file
/// systems), fsync, rename, and an fsync of the directory where the
/// platform allows it. An existing file's owner, group and permissions
/// carry over. On any error the temporary file is removed and `path` is
/// untouched. For files transcheck itself reads and rewrites (glossaries).
pub fn atomic_write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_then_rename(path, bytes, |_| Ok(()))
}

/// [`atomic_write`] with a step run on the finished temporary file just
/// before the rename; its error aborts the write (tests inject failures
/// there).
fn write_then_rename(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve(path);
    // A glossary is a regular file: never rename over a device or a FIFO
    // (`glossary import --to /dev/null --force`).
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if file_kind(&meta) != FileKind::Regular => {
            return Err(refused(format!(
                "is a {}, not a regular file",
                file_kind(&meta).name()
            )))
        }
        Ok(meta) => Some(meta),
        Err(_) => None,
    };
    let plan = OutputPlan {
        path: path.to_path_buf(),
        destination: Destination::Replace { target },
        existing,
        notes: Vec::new(),
    };
    let staged = stage(&plan, bytes.to_vec())?;
    if let Some(temp) = &staged.temp {
        before_rename(temp)?;
    }
    commit(vec![staged], &mut io::sink()).map_err(|(_, e)| e)
}

/// An exclusive advisory lock on a file, held through a lock file beside
/// it (`.NAME.lock`), released when dropped.
///
/// The lock is an OS file lock (`flock`/`LockFileEx` through fs4), not the
/// mere existence of the lock file, so a process that dies while holding it
/// releases it and no stale lock can block editors. The lock is taken on a
/// separate file because the target itself is replaced by rename on every
/// write: a lock on the old inode would not exclude a process that opened
/// the new one. The lock file is removed on release; a waiter that locked a
/// lock file which was removed meanwhile notices (the path no longer names
/// the file it holds) and tries again.
pub struct FileLock {
    file: Option<File>,
    path: PathBuf,
}

impl FileLock {
    /// The lock file used for `target`.
    pub fn lock_path(target: &Path) -> io::Result<PathBuf> {
        let (dir, name) = dir_and_name(&resolve(target))?;
        Ok(dir.join(format!(".{name}.lock")))
    }

    /// Blocks until this process holds the lock for `target`.
    pub fn acquire(target: &Path) -> io::Result<FileLock> {
        let path = FileLock::lock_path(target)?;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            // Called through the trait: std's inherent `File::lock` is newer
            // than this crate's minimum Rust version.
            fs4::FileExt::lock(&file)?;
            if still_names(&path, &file)? {
                return Ok(FileLock {
                    file: Some(file),
                    path,
                });
            }
        }
    }
}

/// True when `path` still names the open `file` (the holder before us may
/// have removed it after we opened it).
#[cfg(unix)]
fn still_names(path: &Path, file: &File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let held = file.metadata()?;
    Ok(match std::fs::metadata(path) {
        Ok(now) => now.dev() == held.dev() && now.ino() == held.ino(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(e) => return Err(e),
    })
}

/// Elsewhere the lock file is never removed (see [`FileLock`]'s drop), so
/// the path always names the locked file.
#[cfg(not(unix))]
fn still_names(_path: &Path, _file: &File) -> io::Result<bool> {
    Ok(true)
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Remove while still holding the lock, so nobody can lock the file
        // between removal and release and think they own the path.
        #[cfg(unix)]
        let _ = std::fs::remove_file(&self.path);
        drop(self.file.take());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "transcheck-fsutil-{name}-{}-{}",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn replaces_content_and_leaves_no_temporary_file() {
        let dir = temp_dir("replace");
        let path = dir.join("g.yaml");
        std::fs::write(&path, "old").unwrap();
        atomic_write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["g.yaml"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = temp_dir("fail");
        // The target is a directory: the final rename fails after the
        // temporary file was written, which must then be cleaned up.
        let target = dir.join("g.yaml");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside"), "keep").unwrap();
        assert!(atomic_write(&target, b"new").is_err());
        assert_eq!(
            std::fs::read_to_string(target.join("inside")).unwrap(),
            "keep"
        );
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["g.yaml"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_write_failing_at_the_last_moment_leaves_the_old_file() {
        let dir = temp_dir("late");
        let path = dir.join("g.yaml");
        std::fs::write(&path, "old content\n").unwrap();
        let mut seen = None;
        let err = write_then_rename(&path, b"new content\n", |temp| {
            seen = Some(std::fs::read_to_string(temp)?);
            Err(io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        // The new text was complete on disk, and still nothing changed.
        assert_eq!(seen.as_deref(), Some("new content\n"));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content\n");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["g.yaml"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn permissions_and_symlinks_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = temp_dir("perm");
        let real = dir.join("real.yaml");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.join("link.yaml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        atomic_write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        let mode = std::fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn descriptors_are_recognized_by_path() {
        for (path, fd) in [
            ("/dev/stdout", Some("1")),
            ("/dev/stderr", Some("2")),
            ("/dev/fd/1", Some("1")),
            ("/proc/self/fd/12", Some("12")),
            ("/proc/thread-self/fd/2", Some("2")),
            ("/proc/self/fd/", None),
            ("/proc/self/fdinfo/1", None),
            ("/dev/fd/1x", None),
            ("dev/stdout", None),
            ("/tmp/stdout", None),
        ] {
            assert_eq!(descriptor_of(Path::new(path)).as_deref(), fd, "{path}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_glossary_rewrite_never_replaces_a_fifo() {
        let dir = temp_dir("fifo");
        let fifo = dir.join("g.yaml");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let err = atomic_write(&fifo, b"new").unwrap_err();
        assert!(err.to_string().contains("named pipe"), "{err}");
        assert_eq!(
            file_kind(&std::fs::metadata(&fifo).unwrap()),
            FileKind::Fifo
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_lock_file_is_removed_on_release_and_can_be_taken_again() {
        let dir = temp_dir("lock");
        let target = dir.join("g.yaml");
        let lock_path = FileLock::lock_path(&target).unwrap();
        {
            let _lock = FileLock::acquire(&target).unwrap();
            assert!(lock_path.exists());
            // Another handle cannot take it while it is held.
            let other = File::open(&lock_path).unwrap();
            assert!(fs4::FileExt::try_lock(&other).is_err());
        }
        #[cfg(unix)]
        assert!(!lock_path.exists());
        drop(FileLock::acquire(&target).unwrap());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
