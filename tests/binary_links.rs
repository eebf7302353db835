//! What the binary asks the dynamic linker for. Every library it needs is mapped,
//! relocated and resolved at every start, so one more is a cost each learner pays
//! (docs/performance.md, "Fifth pass").

/// `libm.so.6` stays out: the maths functions fsrs calls are defined in
/// `src/spaced/libm.rs`. A new maths call (say `f64::sin`) brings the library back; add the
/// function there (`nm -D target/debug/syllabus | grep -v GLIBC_2.2.5` names it).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn the_binary_needs_no_libm() {
    let path = env!("CARGO_BIN_EXE_syllabus");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    // The names of the libraries it needs are strings in its dynamic string table; check
    // that the table is there at all, then that libm's name is not.
    assert!(
        bytes.windows(9).any(|w| w == b"libc.so.6"),
        "{path} names no libc.so.6: not a dynamically linked binary?"
    );
    assert!(
        !bytes.windows(9).any(|w| w == b"libm.so.6"),
        "{path} needs libm.so.6 again: a maths function is missing from src/spaced/libm.rs"
    );
}
