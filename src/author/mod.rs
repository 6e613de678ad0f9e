//! Writing postmortems: the skeleton `new` starts from, YAML values written
//! so they read back as written, byte-preserving timeline insertion, and the
//! importers (`author::import`).

pub mod adopt;
pub mod draft;
pub mod emit;
pub mod front;
pub mod import;
pub mod item;
pub mod skeleton;
pub mod timeline;
