//! Upgrading a progress file written in an older format: the reading is done by
//! `Progress::from_toml`; this keeps the old file, untouched, beside the new one.

use std::fs;
use std::path::Path;

use super::paths::sidecar;
use super::store::write_atomic;

/// Copy the format-`version` file at `path` to `FILE.v<version>.bak` (or `.v1-2.bak`, ...
/// if that is taken: an earlier backup is never overwritten) before the next save
/// replaces it with the current format.
pub fn keep_old_format(path: &Path, version: u32) -> Result<(), String> {
    let mut bak = sidecar(path, &format!(".v{version}.bak"));
    let mut n = 1;
    while bak.exists() {
        n += 1;
        bak = sidecar(path, &format!(".v{version}-{n}.bak"));
    }
    let fail = |e: String| {
        format!(
            "could not keep a copy of the format-{version} progress file {} before upgrading it: {e}",
            path.display()
        )
    };
    let bytes = fs::read(path).map_err(|e| fail(e.to_string()))?;
    write_atomic(&bak, &bytes, None).map_err(|e| fail(e.to_string()))
}
