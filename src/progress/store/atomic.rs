//! Writing a file atomically and durably: a crash at any moment leaves either the old file
//! or the new one, whole, under the name.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

use super::SaveError;
use crate::progress::paths::{parent, sidecar};

/// Write `bytes` to `path` atomically and durably. When `backup` is given, the current file
/// becomes the backup first (by hard link, so it is never a partial copy).
pub fn write_atomic(path: &Path, bytes: &[u8], backup: Option<&Path>) -> Result<(), SaveError> {
    let err = |step: &'static str| {
        move |error: io::Error| SaveError {
            path: path.to_path_buf(),
            step,
            error,
        }
    };
    let dir = parent(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.tmp"))
        .tempfile_in(&dir)
        .map_err(err("create temp file"))?;
    tmp.write_all(bytes).map_err(err("write"))?;
    // Data must be durable before it gets the name, or a crash can leave an empty file.
    tmp.as_file().sync_all().map_err(err("fsync"))?;
    if let Some(bak) = backup.filter(|_| path.exists()) {
        let bak_tmp = sidecar(bak, ".tmp");
        let _ = fs::remove_file(&bak_tmp);
        if fs::hard_link(path, &bak_tmp).is_err() {
            fs::copy(path, &bak_tmp).map_err(err("copy to backup"))?;
        }
        fs::rename(&bak_tmp, bak).map_err(err("rename backup"))?;
    }
    tmp.persist(path).map_err(|e| err("rename")(e.error))?;
    // Make the rename itself durable.
    #[cfg(unix)]
    File::open(&dir)
        .and_then(|d| d.sync_all())
        .map_err(err("fsync folder"))?;
    Ok(())
}
