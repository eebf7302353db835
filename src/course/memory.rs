//! Course files held in memory: what the tests, the benchmarks and the fuzz targets load
//! courses from, so they time and test the loader, not the disk. Read as a folder is: the
//! same path checks and the same per-file size limit.

use std::collections::BTreeMap;

use super::files::{CourseFiles, MAX_FILE_BYTES, ReadError, check_relative};

/// Files by their path relative to the course folder (`course.toml`, `assets/roles.txt`).
pub struct MemFiles {
    files: BTreeMap<String, Vec<u8>>,
}

impl MemFiles {
    /// The files given, by path; a path given twice holds the later bytes.
    pub fn new<N: AsRef<str>, B: AsRef<[u8]>>(files: &[(N, B)]) -> MemFiles {
        MemFiles {
            files: files
                .iter()
                .map(|(n, b)| (n.as_ref().to_string(), b.as_ref().to_vec()))
                .collect(),
        }
    }

    /// Total bytes of all files.
    pub fn bytes(&self) -> usize {
        self.files.values().map(Vec::len).sum()
    }
}

impl CourseFiles for MemFiles {
    fn display(&self, rel: &str) -> String {
        format!("mem/{rel}")
    }

    fn read(&self, rel: &str) -> Result<Vec<u8>, ReadError> {
        check_relative(rel)?;
        let bytes = self.files.get(rel).ok_or(ReadError::NotFound)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(bytes.len() as u64));
        }
        Ok(bytes.clone())
    }

    /// In name order, as a folder lists them.
    fn toml_files(&self) -> Vec<String> {
        self.files
            .keys()
            .filter(|n| n.ends_with(".toml") && !n.contains('/'))
            .cloned()
            .collect()
    }

    fn describe(&self) -> String {
        "course in memory".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_folder() {
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let files = MemFiles::new(&[
            ("b.toml", b"two".as_slice()),
            ("a.toml", b"one"),
            ("assets/x.toml", b"asset"),
            ("big.txt", &big),
            ("a.toml", b"again"),
        ]);
        assert_eq!(files.toml_files(), ["a.toml", "b.toml"]);
        assert_eq!(
            files.read("a.toml"),
            Ok(b"again".to_vec()),
            "the later bytes"
        );
        assert_eq!(files.read("assets/x.toml"), Ok(b"asset".to_vec()));
        assert_eq!(files.read("c.toml"), Err(ReadError::NotFound));
        assert_eq!(
            files.read("../a.toml"),
            Err(ReadError::OutsideCourse("`..` in the path"))
        );
        assert_eq!(
            files.read("big.txt"),
            Err(ReadError::TooLarge(MAX_FILE_BYTES + 1))
        );
        assert_eq!(files.bytes(), 3 + 5 + 5 + big.len());
    }
}
