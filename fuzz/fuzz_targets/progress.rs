//! `cargo fuzz run progress -s none`: see syllabus_fuzz::harness::progress.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::progress(data);
});
