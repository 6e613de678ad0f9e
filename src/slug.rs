//! Names made from titles: the lowercase ASCII words of a title joined by
//! hyphens, for file names and page names. Titles in any script keep a
//! readable name: they are transliterated first (`Сбой API` is
//! `sboi-api`, `日本語` is `ri-ben-yu`).

/// Lowercase ASCII words joined by `-`, at most 60 characters, cut at a word.
pub fn slug(title: &str) -> String {
    let ascii = deunicode::deunicode(title);
    let mut slug = String::new();
    for word in ascii
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

/// A page's name from its file's stem, when the stem is one already
/// (lowercase ASCII letters, digits and hyphens): a page keeps its address
/// and feed id when its title is edited.
pub(crate) fn from_stem(stem: &str) -> Option<String> {
    let fits = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    let ok = !stem.is_empty() && stem.len() <= 100 && stem.chars().all(fits);
    ok.then(|| stem.trim_matches('-').to_string())
        .filter(|s| !s.is_empty())
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
        assert_eq!(slug("Ünïcode — only"), "unicode-only");
        assert_eq!(slug("Сбой API после выката"), "sboi-api-posle-vykata");
        assert_eq!(slug("日本語"), "ri-ben-yu");
        assert_eq!(slug("— !"), "postmortem");
        assert_ne!(slug("Сбой API"), slug("Сбой БД"));
        assert!(slug(&"word ".repeat(40)).len() <= 60);
    }

    #[test]
    fn a_file_stem_that_is_a_name_already_is_the_page_name() {
        assert_eq!(
            from_stem("2026-03-01-checkout-errors").as_deref(),
            Some("2026-03-01-checkout-errors")
        );
        assert_eq!(from_stem("Checkout Errors"), None);
        assert_eq!(from_stem("-"), None);
    }
}
