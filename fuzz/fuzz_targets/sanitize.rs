//! `cargo fuzz run sanitize -s none`: see syllabus_fuzz::harness::sanitize.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::sanitize(data);
});
