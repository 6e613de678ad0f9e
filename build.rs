//! Link the binary with packed relative relocations (DT_RELR) on Linux with
//! glibc: chrono-tz's tables hold about 50,000 pointers, and as plain RELA
//! entries their 1.3 MB relocation table is read, page by page, at every
//! start (BENCHMARKS.md: start-up). Packed, it is a few kilobytes.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let linux_gnu = std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux")
        && std::env::var("CARGO_CFG_TARGET_ENV").as_deref() == Ok("gnu");
    if linux_gnu && std::env::var_os("POSTMORTEM_NO_RELR").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-env-changed=POSTMORTEM_NO_RELR");
}
