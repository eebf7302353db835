//! Helpers shared by the benchmarks.
#![allow(dead_code)]

pub mod states;
pub mod synth;
