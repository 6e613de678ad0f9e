//! Names made from titles: the lowercase ASCII words of a title joined by
//! hyphens, for file names and page names.

/// Lowercase ASCII words joined by `-`, at most 60 characters, cut at a word.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
    {
        let word: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if word.is_empty() {
            continue;
        }
        if !slug.is_empty() && slug.len() + word.len() + 1 > 60 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word[..word.len().min(60)]);
    }
    if slug.is_empty() {
        "postmortem".into()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_ascii_and_never_empty() {
        assert_eq!(
            slug("Query failures after a storage cleanup!"),
            "query-failures-after-a-storage-cleanup"
        );
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("Ünïcode — only"), "ncode-only");
        assert_eq!(slug("日本語"), "postmortem");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
    }
}
