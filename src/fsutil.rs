//! Writing files without ever losing what was there: atomic replacement and
//! an advisory lock for read-modify-write cycles.
//!
//! [`atomic_write`] writes a temporary file beside the target, flushes it to
//! disk and renames it over the target, so a reader (or a crash) sees the old
//! content or the new, never a part, and any error leaves the old file as it
//! was. [`FileLock`] serializes processes that read a file, change it and
//! write it back (`glossary add`, `glossary fmt`): without it, two processes
//! adding at the same moment would each write their own entry over the
//! other's.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Distinguishes temporary files of one process (threads may write beside
/// each other).
static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The file a path names, following symbolic links, so that replacing a
/// linked glossary replaces its target instead of the link.
fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
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

/// Replaces `path` with `bytes` atomically: a temporary file in the same
/// directory (so the rename cannot cross file systems), fsync, rename, and
/// an fsync of the directory where the platform allows it. An existing
/// file's permissions carry over. On any error the temporary file is
/// removed and `path` is untouched.
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
    let path = resolve(path);
    let (dir, name) = dir_and_name(&path)?;
    let temp = dir.join(format!(
        ".{name}.{}.{}.tmp",
        std::process::id(),
        TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        if let Ok(meta) = std::fs::metadata(&path) {
            file.set_permissions(meta.permissions())?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        before_rename(&temp)?;
        std::fs::rename(&temp, &path)?;
        // Makes the rename itself durable; not every platform can open a
        // directory, and the data is already safe, so failure is ignored.
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
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
