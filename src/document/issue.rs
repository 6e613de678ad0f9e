//! The issue an action item's `link` points at, read from its address:
//! GitHub's `owner/repo/issues/N` (any host, for GitHub Enterprise), Jira's
//! `/browse/KEY-N`, Linear's `/issue/KEY-N`. `actions`, `stats` and pages
//! show the key; `actions sync` tells its tracker's links by it.

/// `owner/repo` and the number of an issue's web address
/// (`https://github.com/owner/repo/issues/12`, any host).
pub fn github(link: &str) -> Option<(String, u64)> {
    let rest = link.split_once("://")?.1;
    let mut segments = rest.split(['?', '#']).next()?.split('/').skip(1);
    let (owner, repo) = (segments.next()?, segments.next()?);
    let number = match (segments.next()?, segments.next()?) {
        ("issues", number) => number.parse().ok()?,
        _ => return None,
    };
    Some((format!("{owner}/{repo}"), number))
}

/// `owner/repo#12` for an issue's web address.
pub fn github_key(link: &str) -> Option<String> {
    github(link).map(|(repo, number)| format!("{repo}#{number}"))
}

/// `OPS-7` for `https://acme.atlassian.net/browse/OPS-7`.
pub fn jira_key(link: &str) -> Option<String> {
    let key = link
        .split_once("/browse/")?
        .1
        .split(['/', '?', '#'])
        .next()?;
    let (project, number) = key.split_once('-')?;
    let project_ok = !project.is_empty()
        && project
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_');
    (project_ok && number.parse::<u64>().is_ok()).then(|| key.to_string())
}

/// `ENG-3` for `https://linear.app/acme/issue/ENG-3/title-slug`.
pub fn linear_key(link: &str) -> Option<String> {
    let key = link
        .split_once("/issue/")?
        .1
        .split(['/', '?', '#'])
        .next()?;
    let (team, number) = key.split_once('-')?;
    (!team.is_empty() && number.parse::<u64>().is_ok()).then(|| key.to_string())
}

/// The key people write for an issue link of any tracker (`acme/checkout#12`,
/// `OPS-7`, `ENG-3`), or `None` for a link that is no known issue address.
pub fn key(link: &str) -> Option<String> {
    github_key(link)
        .or_else(|| jira_key(link))
        .or_else(|| linear_key(link))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issue_address_reads_as_its_key_on_any_host() {
        assert_eq!(
            key("https://github.com/acme/checkout/issues/12").as_deref(),
            Some("acme/checkout#12")
        );
        assert_eq!(
            key("https://ghe.acme.com/ops/app/issues/3?x=1").as_deref(),
            Some("ops/app#3")
        );
        assert_eq!(key("https://github.com/acme/checkout/pull/12"), None);
        assert_eq!(github_key("https://acme.atlassian.net/browse/OPS-7"), None);
    }

    #[test]
    fn a_browse_address_reads_as_its_key() {
        assert_eq!(
            key("https://acme.atlassian.net/browse/OPS-7").as_deref(),
            Some("OPS-7")
        );
        assert_eq!(key("https://acme.atlassian.net/browse/OPS"), None);
        assert_eq!(jira_key("https://github.com/acme/checkout/issues/1"), None);
    }

    #[test]
    fn an_issue_address_reads_as_its_identifier() {
        assert_eq!(
            key("https://linear.app/acme/issue/ENG-3/fix-it").as_deref(),
            Some("ENG-3")
        );
        assert_eq!(
            key("https://linear.app/acme/issue/ENG-3").as_deref(),
            Some("ENG-3")
        );
        assert_eq!(linear_key("https://acme.atlassian.net/browse/OPS-7"), None);
    }
}
