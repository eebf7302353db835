//! What `course::lazy::Lazy` needs of the text table: a part of a compiled course written
//! apart (its texts' length and its own bytes), and read back either at once or, from the
//! binary's own course, later (`Later`).

use super::{READING, STATIC_BYTES, Table, WRITING, cursor, reading_from, with_table};

/// [`with_table`] over the binary's own compiled course: `bytes` are its model's bytes,
/// which a `course::lazy::Lazy` read from them keeps instead of decoding.
pub fn with_static<R>(
    bytes: &'static [u8],
    table: &'static &'static str,
    read: impl FnOnce() -> R,
) -> (R, bool) {
    let outer = STATIC_BYTES.with(|b| b.replace(Some(bytes)));
    let out = with_table(Table::Static(table), read);
    STATIC_BYTES.with(|b| b.set(outer));
    out
}

/// Whether a compiled course's table is being read.
pub fn reading() -> bool {
    READING.with(|r| r.borrow().is_some())
}

/// `value` as a `Lazy` writes it into a compiled course: the length of the texts it adds
/// to the table, and its own postcard bytes. `None` outside a compiled course.
pub fn write_apart<T: serde::Serialize + ?Sized>(
    value: &T,
) -> Option<Result<(u32, Vec<u8>), String>> {
    let len = || WRITING.with(|w| w.borrow().as_ref().map(String::len));
    let before = len()?;
    let bytes = match postcard::to_allocvec(value) {
        Ok(b) => b,
        Err(e) => return Some(Err(e.to_string())),
    };
    let texts = len().unwrap_or(before).saturating_sub(before);
    Some(
        u32::try_from(texts)
            .map(|t| (t, bytes))
            .map_err(|_| "a compiled course's text table is limited to 4 GiB".to_string()),
    )
}

/// Where a `Lazy` lies in the binary's own compiled course: its bytes, and its texts' place
/// in the table.
#[derive(Clone)]
pub struct Later {
    bytes: &'static [u8],
    table: &'static &'static str,
    start: u32,
    end: u32,
}

impl Later {
    /// The value, decoded now: `None` if the bytes or the texts do not add up.
    pub fn decode<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        let (value, at) = reading_from(Table::Static(self.table), self.start as usize, || {
            postcard::from_bytes::<T>(self.bytes)
        });
        (at == Some(self.end as usize)).then_some(value.ok()?)
    }
}

/// What reading a `Lazy` gave: the value (decoded at once), or where it lies.
pub enum Apart<T> {
    Now(T),
    Later(Later),
}

/// Reads a `Lazy` written by [`write_apart`]: `texts` bytes of the table from the reading
/// place, and its postcard `bytes`. From the binary's own course (bytes inside the model
/// [`with_static`] set, the table in the binary) it is kept for later; from anywhere else
/// it is decoded now, and must use exactly its texts.
pub fn read_apart<T: serde::de::DeserializeOwned>(
    texts: u32,
    bytes: &[u8],
) -> Result<Apart<T>, String> {
    let (table, start) = READING
        .with(|r| r.borrow().as_ref().map(|(t, at)| (t.clone(), *at)))
        .ok_or("no text table")?;
    let end = start.saturating_add(texts as usize);
    let kept = STATIC_BYTES
        .with(std::cell::Cell::get)
        .and_then(|model| in_model(model, bytes));
    if let (Table::Static(s), Some(bytes)) = (&table, kept) {
        let (Ok(start32), Ok(end32)) = (u32::try_from(start), u32::try_from(end)) else {
            return Err("a text table is limited to 4 GiB".into());
        };
        if end > s.len() {
            return Err("a part's texts run past the end of the text table".into());
        }
        READING.with(|r| {
            if let Some((_, at)) = r.borrow_mut().as_mut() {
                *at = end;
            }
        });
        return Ok(Apart::Later(Later {
            bytes,
            table: s,
            start: start32,
            end: end32,
        }));
    }
    let value = postcard::from_bytes::<T>(bytes).map_err(|e| e.to_string())?;
    let at = cursor();
    if at != Some(end) {
        return Err("a part's texts are not the length it says".into());
    }
    Ok(Apart::Now(value))
}

/// `bytes` as the same bytes of `model`, the binary's own, if they lie inside it (so they
/// live as long as the program).
pub(super) fn in_model(model: &'static [u8], bytes: &[u8]) -> Option<&'static [u8]> {
    let at = (bytes.as_ptr() as usize).checked_sub(model.as_ptr() as usize)?;
    model.get(at..at.checked_add(bytes.len())?)
}
