//! The site's pages about postmortems as a whole: a page per service and
//! per tag listing its postmortems, the trends page, and the sitemap.

use super::context::{ListContext, Post, SitemapContext, TrendsContext, Url};
use super::site::SiteOptions;
use super::templates::Templates;
use crate::error::Error;

/// A page per service and per tag, listing its postmortems newest first.
pub(super) fn listings(
    posts: &[Post<'_>],
    templates: &Templates,
    options: &SiteOptions,
) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for (folder, heading, names) in [
        (
            "services",
            "Service",
            posts.iter().map(|p| p.services).collect::<Vec<_>>(),
        ),
        (
            "tags",
            "Tag",
            posts.iter().map(|p| p.tags).collect::<Vec<_>>(),
        ),
    ] {
        let mut all: Vec<&String> = names.iter().flat_map(|n| n.iter()).collect();
        all.sort();
        all.dedup();
        for name in all {
            let listed: Vec<&Post<'_>> = posts
                .iter()
                .filter(|p| {
                    let of = if folder == "services" {
                        p.services
                    } else {
                        p.tags
                    };
                    of.contains(name)
                })
                .collect();
            let context = ListContext {
                site_title: &options.title,
                lang: &options.lang,
                heading: format!("{heading}: {name}"),
                title: name,
                posts: listed,
            };
            let page = format!("{folder}/{}.html", crate::slug::slug(name));
            out.push((page, templates.render("list.html", &context)?));
        }
    }
    Ok(out)
}

pub(super) fn trends_page(
    templates: &Templates,
    options: &SiteOptions,
    count: usize,
) -> Result<String, Error> {
    let context = TrendsContext {
        site_title: &options.title,
        lang: &options.lang,
        title: "Trends",
        count,
        charts: super::charts::charts(&options.trends),
    };
    templates.render("trends.html", &context)
}

/// Every page's absolute URL, for search engines.
pub(super) fn sitemap(
    files: &[(String, String)],
    posts: &[Post<'_>],
    templates: &Templates,
    options: &SiteOptions,
) -> Result<String, Error> {
    let written: std::collections::HashMap<String, &str> = posts
        .iter()
        .map(|p| (format!("{}.html", p.slug), &p.updated[..10]))
        .collect();
    let lastmod = |name: &str| written.get(name).map(|d| (*d).to_string());
    let urls: Vec<Url> = files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(name, _)| {
            let loc = if name == "index.html" {
                options.base_url.clone()
            } else {
                format!("{}{name}", options.base_url)
            };
            Url {
                loc,
                lastmod: lastmod(name),
            }
        })
        .collect();
    templates.render("sitemap.xml", &SitemapContext { urls })
}
