//! What build.rs puts in the binary: the files of the built-in course (`lessons/`, for
//! `syllabus check` and the tests) and that course already loaded, checked and encoded
//! (`course::compiled`), which start-up decodes instead of parsing the TOML.

use crate::course::compiled::{self, Compiled};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_course.rs"));
}

pub use generated::FILES;

/// The built-in course, encoded by build.rs with [`build_tag`]: the model...
pub static COURSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.bin"));

/// ...and the text table its prose is cut from (`course::text`).
pub static TEXTS: &str = include_str!(concat!(env!("OUT_DIR"), "/course.txt"));

/// Names this build for compiled courses: the version and a fingerprint of the model's
/// source files, which build.rs works out (so a cache written by a build whose model had
/// other fields is refused even if the version is the same). build.rs hashes it too, so a
/// start runs no sha256 (its code is 128 KiB of pages the first frame need not map).
pub fn build_tag() -> [u8; 32] {
    *include_bytes!(concat!(env!("OUT_DIR"), "/course.tag"))
}

/// The tag folder courses are cached under: "cache " and [`build_tag`] in hex, hashed
/// (an entry is not a built-in course), also worked out by build.rs.
pub fn cache_tag() -> [u8; 32] {
    *include_bytes!(concat!(env!("OUT_DIR"), "/cache.tag"))
}

/// The built-in course, ready. `None` only if the binary is damaged (build.rs checked it).
pub fn builtin() -> Option<Compiled> {
    compiled::decode_apart(COURSE, &TEXTS, &build_tag()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tags_build_rs_wrote_are_the_hashes_of_this_build() {
        let build = compiled::tag_of(concat!(
            env!("CARGO_PKG_VERSION"),
            " ",
            env!("SYLLABUS_MODEL_FINGERPRINT")
        ));
        assert_eq!(build_tag(), build);
        let hex: String = build.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(cache_tag(), compiled::tag_of(&format!("cache {hex}")));
    }
}
