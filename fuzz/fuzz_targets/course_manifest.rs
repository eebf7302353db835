//! `cargo fuzz run course_manifest -s none`: see syllabus_fuzz::harness::course_manifest.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::course_manifest(data);
});
