use super::*;

fn kinds(body: &str) -> Vec<String> {
    pieces(body)
        .into_iter()
        .map(|p| match p.kind {
            Kind::Heading(l) => format!("h{l} {}", p.text),
            Kind::Item => format!("item@{} {}", p.indent, p.text),
            Kind::Text { start, broken } => {
                format!(
                    "text{}{} {}",
                    if start { "^" } else { "" },
                    if broken { "/" } else { "" },
                    p.text
                )
            }
            Kind::Header => format!("header {}", p.text),
            Kind::Row => format!("row {}", p.text),
            Kind::Blank => "blank".into(),
            Kind::Other => "other".into(),
        })
        .collect()
}

#[test]
fn blocks_are_told_apart_as_a_reader_tells_them() {
    let body = "Title\n=====\n\n## Timeline\n\n- 10:00 a\n  wrapped\n  - nested\n\n| Time | Event |\n|---|---|\n| 10:05 | b |\n\n```\n10:06 log\n```\n15:27 - c<br> 21:14 - d\n![](x.png)\n> quoted\n[ref]: https://x\n";
    assert_eq!(
        kinds(body),
        [
            "h1 Title",
            "other",
            "blank",
            "h2 Timeline",
            "blank",
            "item@2 10:00 a",
            "text wrapped",
            "item@4 nested",
            "blank",
            "header | Time | Event |",
            "other",
            "row | 10:05 | b |",
            "blank",
            "other",
            "other",
            "other",
            "text^ 15:27 - c",
            "text/ 21:14 - d",
            "other",
            "other",
            "other",
            "blank",
        ]
    );
}
