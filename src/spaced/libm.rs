//! The C maths functions the binary calls, defined under their C names from the pure-Rust
//! `libm` crate (the Rust project's port of musl's libm).
//!
//! All of them are called from `fsrs` (its forgetting curve and stability formulas), and
//! they were the only reason the binary needed the system's `libm.so.6`. With them here
//! the linker leaves that library out (`--as-needed`), so the dynamic linker maps,
//! relocates and resolves one library fewer at every start: 0.26 MiB less peak RSS and
//! about 0.15 ms less to the first frame (docs/performance.md, "Fifth pass"). The choice
//! and its cost are in docs/design.md, "The maths functions, from the libm crate".
//!
//! A maths function that is not listed here (say `f64::sin` somewhere new) brings
//! `libm.so.6` back: `tests/binary_links.rs` fails then, and `nm -D` on the binary names
//! the function to add.
//!
//! `no_mangle` is the crate's only unsafe attribute (the linker takes these definitions
//! over the system's); nothing here is `unsafe` code beyond that.
#![allow(unsafe_code)]

/// e to the power `x`.
#[unsafe(no_mangle)]
pub extern "C" fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// `x` to the power `y`.
#[unsafe(no_mangle)]
pub extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

/// The natural logarithm.
#[unsafe(no_mangle)]
pub extern "C" fn log(x: f64) -> f64 {
    libm::log(x)
}

/// The cosine, in radians.
#[unsafe(no_mangle)]
pub extern "C" fn cos(x: f64) -> f64 {
    libm::cos(x)
}

/// e to the power `x`, in `f32`.
#[unsafe(no_mangle)]
pub extern "C" fn expf(x: f32) -> f32 {
    libm::expf(x)
}

/// `x` to the power `y`, in `f32`.
#[unsafe(no_mangle)]
pub extern "C" fn powf(x: f32, y: f32) -> f32 {
    libm::powf(x, y)
}

/// The natural logarithm, in `f32`.
#[unsafe(no_mangle)]
pub extern "C" fn logf(x: f32) -> f32 {
    libm::logf(x)
}

/// 2 to the power `x`, in `f32`.
#[unsafe(no_mangle)]
pub extern "C" fn exp2f(x: f32) -> f32 {
    libm::exp2f(x)
}

#[cfg(test)]
mod tests {
    // Against values worked out to more digits than f64 holds (so not against these same
    // functions through `f64::exp` and the like, which now call them).
    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= b.abs() * 4.0 * f64::EPSILON
    }

    fn close32(a: f32, b: f32) -> bool {
        (a - b).abs() <= b.abs() * 4.0 * f32::EPSILON
    }

    #[test]
    fn each_function_gives_the_known_value() {
        assert!(close(super::exp(1.0), std::f64::consts::E));
        assert!(close(super::exp(-2.5), 0.082_084_998_623_898_8));
        assert!(close(super::pow(2.0, 0.5), std::f64::consts::SQRT_2));
        assert!(close(super::pow(0.9, -1.0 / 0.5), 1.234_567_901_234_567_9));
        assert!(close(super::log(10.0), std::f64::consts::LN_10));
        assert!(close(super::cos(1.0), 0.540_302_305_868_139_7));
        assert!(close32(super::expf(1.0), std::f32::consts::E));
        assert!(close32(super::powf(3.0, 2.5), 15.588_457));
        assert!(close32(super::logf(2.0), std::f32::consts::LN_2));
        assert!(close32(super::exp2f(-1.5), 0.353_553_39));
    }

    #[test]
    fn the_methods_of_f64_and_f32_reach_them() {
        // The same inputs through the standard library's methods: the calls the linker
        // routes here, as fsrs makes them.
        let (x, y) = std::hint::black_box((2.0_f64, 2.0_f32));
        assert!(close(x.powf(0.5), std::f64::consts::SQRT_2));
        assert!(close(x.ln(), std::f64::consts::LN_2));
        assert!(close32(y.exp(), 7.389_056));
        assert!(close32(y.ln(), std::f32::consts::LN_2));
    }
}
