//! A checked course in compact form (postcard), for the built-in course (made by build.rs);
//! the cache of folder courses (`crate::cache::parts`) lays out its entries in parts of the
//! same postcard form. Reading one takes microseconds where loading the TOML takes
//! milliseconds.
//!
//! Layout: `MAGIC`, a 32-byte tag (the binary's version and a fingerprint of the model's
//! source, so a file written by another build is refused), the payload's length (u64 LE),
//! a checksum of the payload (u64 LE), then the payload: postcard of [`Compiled`]. Its text
//! table (`course::text`: every run's text once, in UTF-8) lies apart, in the binary.
//! Decoding checks the header before it decodes the payload, and postcard's decoding is
//! bounds checked; bytes that fail any check are refused, never half-used.

use super::model::Course;
use super::text::{self, Table};

pub const MAGIC: &[u8; 8] = b"SYLCRS\x00\x01";
const HEADER: usize = 8 + 32 + 8 + 8;

/// What a load gives the app: the course and how many warnings it had.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Compiled {
    /// The course, loaded and checked with no errors.
    pub course: Course,
    /// How many warnings its load gave (`syllabus check` shows them).
    pub warnings: u32,
}

/// The 32-byte tag naming the build that wrote a compiled course: `tag` is hashed (sha256)
/// so any text (version, fingerprint) fits.
pub fn tag_of(tag: &str) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(tag.as_bytes()).into()
}

fn header(payload: &[u8], tag: &[u8; 32]) -> [u8; HEADER] {
    let mut head = [0; HEADER];
    head[..8].copy_from_slice(MAGIC);
    head[8..40].copy_from_slice(tag);
    head[40..48].copy_from_slice(&(payload.len() as u64).to_le_bytes());
    head[48..].copy_from_slice(&checksum(payload).to_le_bytes());
    head
}

/// Why bytes were refused as a compiled course.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    NotACompiledCourse,
    OtherBuild,
    Damaged,
}

/// `value` as the built-in course is put in the binary: the header and the model's postcard
/// bytes, and the text table apart, which build.rs writes as a file for `include_str!` (so
/// the compiler checks it is UTF-8, and a start does not).
pub fn encode_apart<T: serde::Serialize>(
    value: &T,
    tag: &[u8; 32],
) -> Result<(Vec<u8>, String), String> {
    let (out, table) = text::collect_binary(|| postcard::to_extend(value, vec![0; HEADER]));
    let mut out = out.map_err(|e| e.to_string())?;
    let (head, payload) = out.split_at_mut(HEADER);
    head.copy_from_slice(&header(payload, tag));
    Ok((out, table))
}

/// Decodes what [`encode_apart`] wrote, both parts in the binary: the texts are slices of the
/// table where it lies, nothing copied, and the table's pages are read only where a text
/// is shown (see `course::text`).
pub fn decode_apart<T: serde::de::DeserializeOwned>(
    bytes: &'static [u8],
    table: &'static &'static str,
    tag: &[u8; 32],
) -> Result<T, Refused> {
    let model = payload(bytes, tag)?;
    match text::with_static(model, table, || postcard::take_from_bytes::<T>(model)) {
        (Ok((value, [])), true) => Ok(value),
        _ => Err(Refused::Damaged),
    }
}

/// The model's postcard bytes, decoded with `table` as the text table: all of the bytes
/// and all of the table, or refused.
pub fn decode_model<T: serde::de::DeserializeOwned>(
    model: &[u8],
    table: Table,
) -> Result<T, Refused> {
    match text::with_table(table, || postcard::take_from_bytes::<T>(model)) {
        (Ok((value, [])), true) => Ok(value),
        _ => Err(Refused::Damaged),
    }
}

/// A payload laid out as postcard bytes, a text table and the table's length (u64 LE), in
/// its two parts (the table checked as UTF-8): how the tests and the fuzz target hand the
/// cache's decoder a part (`cache::parts::wrap`).
pub fn split(payload: &[u8]) -> Result<(&[u8], &str), Refused> {
    let at = payload.len().checked_sub(8).ok_or(Refused::Damaged)?;
    let (rest, len) = payload.split_at(at);
    let len = u64::from_le_bytes(len.try_into().map_err(|_| Refused::Damaged)?);
    let start = usize::try_from(len)
        .ok()
        .and_then(|len| rest.len().checked_sub(len))
        .ok_or(Refused::Damaged)?;
    let (model, table) = rest.split_at(start);
    let table = std::str::from_utf8(table).map_err(|_| Refused::Damaged)?;
    Ok((model, table))
}

/// The postcard payload of what [`encode_apart`] wrote under `tag`, once the header and
/// the checksum have passed.
fn payload<'a>(bytes: &'a [u8], tag: &[u8; 32]) -> Result<&'a [u8], Refused> {
    let (Some(magic), Some(found_tag), Some(len), Some(sum), Some(payload)) = (
        bytes.get(..8),
        bytes.get(8..40),
        bytes.get(40..48),
        bytes.get(48..56),
        bytes.get(HEADER..),
    ) else {
        return Err(Refused::NotACompiledCourse);
    };
    if magic != MAGIC {
        return Err(Refused::NotACompiledCourse);
    }
    if found_tag != tag {
        return Err(Refused::OtherBuild);
    }
    let len = u64::from_le_bytes(len.try_into().map_err(|_| Refused::Damaged)?);
    let sum = u64::from_le_bytes(sum.try_into().map_err(|_| Refused::Damaged)?);
    if len != payload.len() as u64 || sum != checksum(payload) {
        return Err(Refused::Damaged);
    }
    Ok(payload)
}

/// The payload's checksum: xxh3 (the FNV-style fold it replaced ran one multiply chain over
/// the bytes, 6 ms of a 20 MB cache entry; xxh3 is about a fifth of that). It catches damage;
/// it is no defence against someone who can write the file.
fn checksum(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}
