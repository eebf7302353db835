//! How a cache entry lies in its file: in parts, each checked and decoded on its own, so a
//! large course is written and read on every core (`course::par`).
//!
//! Layout: `MAGIC`, the 32-byte tag of the build that wrote it, the number of parts (u64
//! LE), a checksum of the directory (u64 LE), the directory (per part: the length of its
//! postcard bytes, the length of its text table, and a checksum of both, u64 LE each), then
//! the parts, one after another. Part 0 is the entry with no modules (the reads, and the
//! course's own fields); every other part is a run of modules (postcard of `Vec<Module>`),
//! in the course's order. Each part has its own text table (`course::text`): its texts are
//! slices of it.
//!
//! Reading checks the header, the directory (its checksum, and that the parts fill the
//! file exactly, so no length is trusted beyond the file's size), then part 0, which the
//! caller checks against the course folder before any module is read. Every part's
//! checksum, text table (UTF-8, each text's place) and postcard decoding is checked;
//! anything that fails refuses the whole entry.

use std::sync::Arc;

use crate::course::compiled::{self, Refused};
use crate::course::model::Module;
use crate::course::par;
use crate::course::text::{self, Table};

use super::Entry;

pub const MAGIC: &[u8; 8] = b"SYLCCH\x00\x02";
const FIXED: usize = 8 + 32 + 8 + 8;
const DIR_ROW: usize = 24;
/// No entry file is read if it is larger than this (four times the largest course).
const MAX_ENTRY: u64 = 4 * crate::course::files::MAX_COURSE_BYTES;
/// Modules go into at most this many parts (and at least 8 modules to a part): enough for
/// every core to take turns, few enough that a small course is one or two parts.
const MAX_MODULE_PARTS: usize = 64;
const MIN_MODULES_PER_PART: usize = 8;

/// One part as written: its postcard bytes and its text table.
struct Part {
    model: Vec<u8>,
    table: String,
}

impl Part {
    fn sum(&self) -> u64 {
        checksum(&self.model, self.table.as_bytes())
    }
}

fn checksum(model: &[u8], table: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(model);
    h.update(table);
    h.digest()
}

/// An entry, encoded: the header and directory, and the parts.
pub struct Encoded {
    head: Vec<u8>,
    parts: Vec<Part>,
}

impl Encoded {
    /// Writes it out, part by part (nothing is copied into one buffer).
    pub fn write_to(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        out.write_all(&self.head)?;
        for part in &self.parts {
            out.write_all(&part.model)?;
            out.write_all(part.table.as_bytes())?;
        }
        Ok(())
    }

    /// All of it in one buffer (tests, the fuzz target).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_to(&mut out);
        out
    }
}

/// Encodes `entry` under `tag`: the modules on every core, in parts. The entry is left as
/// it was (its modules are set aside while part 0 is written, not copied).
pub fn encode(entry: &mut Entry, tag: &[u8; 32]) -> Result<Encoded, String> {
    let modules = std::mem::take(&mut entry.compiled.course.modules);
    let head = encode_part(&*entry);
    entry.compiled.course.modules = modules;
    let modules = &entry.compiled.course.modules;
    let per = modules
        .len()
        .div_ceil(MAX_MODULE_PARTS)
        .max(MIN_MODULES_PER_PART);
    let runs: Vec<&[Module]> = modules.chunks(per).collect();
    let mut parts = vec![head?];
    for part in par::map(&runs, 2, encode_part) {
        parts.push(part?);
    }
    Ok(Encoded {
        head: header(tag, &parts),
        parts,
    })
}

fn encode_part<T: serde::Serialize + ?Sized>(value: &T) -> Result<Part, String> {
    let (model, table) = text::collect(|| postcard::to_allocvec(value));
    Ok(Part {
        model: model.map_err(|e| e.to_string())?,
        table,
    })
}

fn header(tag: &[u8; 32], parts: &[Part]) -> Vec<u8> {
    let rows: Vec<[u64; 3]> = parts
        .iter()
        .map(|p| [p.model.len() as u64, p.table.len() as u64, p.sum()])
        .collect();
    header_of(tag, &rows)
}

fn header_of(tag: &[u8; 32], rows: &[[u64; 3]]) -> Vec<u8> {
    let mut dir = Vec::with_capacity(rows.len() * DIR_ROW);
    for row in rows {
        for n in row {
            dir.extend_from_slice(&n.to_le_bytes());
        }
    }
    let mut head = Vec::with_capacity(FIXED + dir.len());
    head.extend_from_slice(MAGIC);
    head.extend_from_slice(tag);
    head.extend_from_slice(&(rows.len() as u64).to_le_bytes());
    head.extend_from_slice(&checksum(&dir, &[]).to_le_bytes());
    head.extend_from_slice(&dir);
    head
}

/// Where an entry's bytes come from: its file (each part read where it lies, by whichever
/// thread decodes it) or bytes in memory.
pub trait Source: Sync {
    fn size(&self) -> u64;
    /// `len` bytes from `at`, or `None` if they cannot all be read.
    fn read(&self, at: u64, len: usize) -> Option<Vec<u8>>;
}

impl Source for [u8] {
    fn size(&self) -> u64 {
        <[u8]>::len(self) as u64
    }

    fn read(&self, at: u64, len: usize) -> Option<Vec<u8>> {
        let at = usize::try_from(at).ok()?;
        self.get(at..at.checked_add(len)?).map(<[u8]>::to_vec)
    }
}

/// A file, read at offsets (the file's own position is not used, so threads share it).
pub struct FileSource {
    file: std::fs::File,
    len: u64,
}

impl FileSource {
    pub fn open(path: &std::path::Path) -> Option<FileSource> {
        let file = std::fs::File::open(path).ok()?;
        let len = file.metadata().ok()?.len();
        Some(FileSource { file, len })
    }
}

impl Source for FileSource {
    fn size(&self) -> u64 {
        self.len
    }

    #[cfg(unix)]
    fn read(&self, at: u64, len: usize) -> Option<Vec<u8>> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0; len];
        self.file.read_exact_at(&mut buf, at).ok()?;
        Some(buf)
    }

    #[cfg(not(unix))]
    fn read(&self, at: u64, len: usize) -> Option<Vec<u8>> {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = (&self.file).try_clone().ok()?;
        file.seek(SeekFrom::Start(at)).ok()?;
        let mut buf = vec![0; len];
        file.read_exact(&mut buf).ok()?;
        Some(buf)
    }
}

/// Where each part lies, once the header and directory have passed.
pub struct Opened<'s, S: Source + ?Sized> {
    source: &'s S,
    /// Per part: where it starts, its postcard length, its table length, its checksum.
    parts: Vec<(u64, usize, usize, u64)>,
}

/// Checks the header and directory of the entry in `source`.
pub fn open<'s, S: Source + ?Sized>(
    source: &'s S,
    tag: &[u8; 32],
) -> Result<Opened<'s, S>, Refused> {
    let total = source.size();
    if total > MAX_ENTRY {
        return Err(Refused::Damaged);
    }
    let fixed = source.read(0, FIXED).ok_or(Refused::NotACompiledCourse)?;
    if fixed[..8] != MAGIC[..] {
        return Err(Refused::NotACompiledCourse);
    }
    if fixed[8..40] != tag[..] {
        return Err(Refused::OtherBuild);
    }
    let n = u64_at(&fixed, 40);
    let dir_len = usize::try_from(n)
        .ok()
        .and_then(|n| n.checked_mul(DIR_ROW))
        .filter(|&d| (FIXED + d) as u64 <= total)
        .ok_or(Refused::Damaged)?;
    let dir = source.read(FIXED as u64, dir_len).ok_or(Refused::Damaged)?;
    if checksum(&dir, &[]) != u64_at(&fixed, 48) || n == 0 {
        return Err(Refused::Damaged);
    }
    let mut at = (FIXED + dir_len) as u64;
    let mut parts = Vec::with_capacity(dir.len() / DIR_ROW);
    for row in dir.chunks_exact(DIR_ROW) {
        let (model, table) = (u64_at(row, 0), u64_at(row, 8));
        let end = at
            .checked_add(model)
            .and_then(|e| e.checked_add(table))
            .filter(|&e| e <= total)
            .ok_or(Refused::Damaged)?;
        let (Ok(model), Ok(table)) = (usize::try_from(model), usize::try_from(table)) else {
            return Err(Refused::Damaged);
        };
        parts.push((at, model, table, u64_at(row, 16)));
        at = end;
    }
    if at != total {
        return Err(Refused::Damaged);
    }
    Ok(Opened { source, parts })
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

impl<S: Source + ?Sized> Opened<'_, S> {
    /// Part 0: the entry, with the modules of part 0 only (normally none).
    pub fn head(&self) -> Option<Entry> {
        self.part(0)
    }

    /// Every other part's modules, decoded on every core, in order.
    pub fn modules(&self) -> Option<Vec<Module>> {
        let rest: Vec<usize> = (1..self.parts.len()).collect();
        let runs = par::map(&rest, 2, |&i| self.part::<Vec<Module>>(i));
        let mut modules = Vec::new();
        for run in runs {
            modules.extend(run?);
        }
        Some(modules)
    }

    fn part<T: serde::de::DeserializeOwned>(&self, i: usize) -> Option<T> {
        let &(at, model_len, table_len, sum) = self.parts.get(i)?;
        let model = self.source.read(at, model_len)?;
        let table = self.source.read(at + model_len as u64, table_len)?;
        if checksum(&model, &table) != sum {
            return None;
        }
        let table = String::from_utf8(table).ok()?;
        compiled::decode_model(&model, Table::Shared(Arc::new(table))).ok()
    }
}

/// `payload` (postcard bytes, then a text table and its length, u64 LE, as
/// `course::compiled` lays out one payload) as the only part of an entry whose header and
/// directory pass every check: for the tests and the fuzz target, so the decoder itself
/// meets any bytes.
pub fn wrap(payload: &[u8], tag: &[u8; 32]) -> Vec<u8> {
    let (model, table) = compiled::split(payload).unwrap_or((payload, ""));
    let part = Part {
        model: model.to_vec(),
        table: table.to_owned(),
    };
    Encoded {
        head: header(tag, std::slice::from_ref(&part)),
        parts: vec![part],
    }
    .to_bytes()
}

/// `bytes` with the directory's and every part's checksum written again to match what the
/// parts now hold (where the directory still reads as one): for the tests, so a changed
/// byte meets the decoder instead of a checksum.
pub fn reseal(bytes: &[u8], tag: &[u8; 32]) -> Vec<u8> {
    let n = usize::try_from(u64_at(bytes, 40)).unwrap_or(0);
    let Some(dir) = n
        .checked_mul(DIR_ROW)
        .and_then(|d| bytes.get(FIXED..FIXED.checked_add(d)?))
    else {
        return bytes.to_vec();
    };
    let mut at = FIXED + dir.len();
    let mut rows = Vec::new();
    for row in dir.chunks_exact(DIR_ROW) {
        let (model, table) = (u64_at(row, 0) as usize, u64_at(row, 8) as usize);
        let Some(body) = at
            .checked_add(model)
            .and_then(|m| Some((m, m.checked_add(table)?)))
            .and_then(|(m, e)| Some((bytes.get(at..m)?, bytes.get(m..e)?, e)))
        else {
            return bytes.to_vec();
        };
        rows.push([model as u64, table as u64, checksum(body.0, body.1)]);
        at = body.2;
    }
    let mut out = header_of(tag, &rows);
    out.extend_from_slice(&bytes[FIXED + dir.len()..]);
    out
}
