//! `cargo fuzz run course_module -s none`: see syllabus_fuzz::harness::course_module.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    syllabus_fuzz::harness::course_module(data);
});
