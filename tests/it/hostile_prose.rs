//! About 1 MB of prose built to slow a Markdown reader down, shared by the
//! adopt tests and `benches/per_file.rs` (which includes this file), so the
//! bench measures what the test bounds.

/// About 1 MB of prose built to make a reader slow: zone statements naming
/// a new place each time, times everywhere, headings that open timelines,
/// rows, `<br>`s, nested lists, long words.
pub(crate) fn hostile() -> String {
    let mut text = String::with_capacity(1_100_000);
    let mut n = 0u64;
    while text.len() < 1_000_000 {
        n += 1;
        text.push_str(&format!(
            "All times in Zone{n} and all times are in Place{n} (times in Q{n}).<br> 12:{:02} x<br>\n",
            n % 60
        ));
        if n.is_multiple_of(50) {
            text.push_str(
                "## Timeline of events\n\n| Time | Date (UTC) | Event |\n|---|---|---|\n",
            );
        }
        text.push_str(&format!(
            "| {:02}:{:02} | 2021-13-{:02} | row |\n",
            n % 24,
            n % 60,
            n % 40
        ));
        text.push_str(&format!("  - Feb {} 2021 - T+{n}m nested\n", n % 31));
        if n.is_multiple_of(1000) {
            text.push_str(&"a".repeat(5000));
            text.push('\n');
        }
    }
    text
}
