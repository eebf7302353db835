//! `cargo fuzz run markup -s none`: see syllabus_fuzz::harness::markup.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::markup(data);
});
