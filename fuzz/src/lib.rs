//! The fuzz targets' shared harness; see `harness.rs`.
pub mod harness;
