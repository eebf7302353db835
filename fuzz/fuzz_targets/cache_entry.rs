//! `cargo fuzz run cache_entry -s none`: see syllabus_fuzz::harness::cache_entry.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::cache_entry(data);
});
