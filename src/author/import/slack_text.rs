//! Slack's message markup as plain text: `<@U123>` as `@Real Name`,
//! `<#C123|incident>` as `#incident`, `<https://x|label>` as `label
//! (https://x)`, `<!here>` as `@here`, the three escaped characters, and
//! whitespace folded to single spaces.

use std::collections::HashMap;

/// `text` from a Slack message as it reads in the client.
pub(super) fn plain(text: &str, users: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        out.push_str(&token(&after[..close], users));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let unescaped = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    unescaped.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn token(inner: &str, users: &HashMap<String, String>) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((target, label)) => (target, Some(label)),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        let name = users.get(id).map_or(label.unwrap_or(id), String::as_str);
        return format!("@{name}");
    }
    if let Some(id) = target.strip_prefix('#') {
        return format!("#{}", label.unwrap_or(id));
    }
    if let Some(special) = target.strip_prefix('!') {
        let word = special.split('^').next().unwrap_or(special);
        return label.map_or_else(|| format!("@{word}"), String::from);
    }
    match label {
        Some(label) if label != target => format!("{label} ({target})"),
        _ => target.trim_start_matches("mailto:").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_reads_as_the_client_shows_it() {
        let users = HashMap::from([("U1".to_string(), "Priya Raman".to_string())]);
        assert_eq!(
            plain(
                "<@U1> see <https://grafana.example/d/1|the dashboard> in <#C9|ops> &amp; <!here>\n\nnow",
                &users
            ),
            "@Priya Raman see the dashboard (https://grafana.example/d/1) in #ops & @here now"
        );
        assert_eq!(plain("<@U404> a &lt;b&gt;", &users), "@U404 a <b>");
        assert_eq!(plain("unclosed <http://x", &users), "unclosed <http://x");
    }
}
