//! Writing postmortems: the skeleton `new` starts from, YAML values written
//! so they read back as written, byte-preserving timeline insertion, and the
//! Statuspage import.

pub mod draft;
pub mod emit;
pub(crate) mod promise;
pub mod skeleton;
pub mod statuspage;
pub mod timeline;
