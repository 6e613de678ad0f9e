//! The contexts of the site's templates besides the pages (whose context
//! is the model, `render::page`): each a type, so what a template can use
//! is written down once (docs/templates.md, "Site context"), and
//! `postmortem templates context` prints any of them.

use super::charts::Chart;
use serde::Serialize;

/// A postmortem as the index, the feed and the lists show it.
#[derive(Clone, Debug, Serialize)]
pub struct Post<'a> {
    /// Its page's name, without `.html`.
    pub slug: String,
    /// The feed entry's id: its absolute URL, or a `tag:` URI without a base URL.
    pub id: String,
    /// `title`.
    pub title: &'a str,
    /// The model's `description`: `summary`, else the Summary's first paragraph.
    pub summary: Option<&'a str>,
    /// `severity`.
    pub severity: Option<&'a str>,
    /// `status`.
    pub status: &'a str,
    /// `authors`.
    pub authors: &'a [String],
    /// The day impact started, `YYYY-MM-DD`.
    pub day: String,
    /// That day for readers: `Thursday, May 14, 2026`.
    pub day_label: Option<String>,
    /// The impact's length in words.
    pub duration: Option<String>,
    /// The written `date` (else the day), as RFC 3339.
    pub updated: String,
    /// `services`.
    pub services: &'a [String],
    /// `tags`.
    pub tags: &'a [String],
}

/// A service or tag of the site, with the name of its page.
#[derive(Clone, Debug, Serialize)]
pub struct Named<'a> {
    /// As written.
    pub name: &'a str,
    /// Its page is `services/SLUG.html` or `tags/SLUG.html`.
    pub slug: String,
}

impl<'a> Named<'a> {
    /// Every name in `lists`, sorted, each once.
    pub fn all(lists: impl Iterator<Item = &'a [String]>) -> Vec<Named<'a>> {
        let mut names: Vec<&String> = lists.flatten().collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .map(|name| Named {
                name,
                slug: crate::slug::slug(name),
            })
            .collect()
    }
}

/// A postmortem left out for its errors, and its findings' page.
#[derive(Clone, Debug, Serialize)]
pub struct ProblemLink<'a> {
    /// The file, as shown.
    pub path: &'a str,
    /// `problems-NAME.html`.
    pub page: &'a str,
}

/// `index.html` and `feed.xml`.
#[derive(Clone, Debug, Serialize)]
pub struct IndexContext<'a> {
    /// The feed's Atom id.
    pub feed_id: String,
    /// The site's title.
    pub site_title: &'a str,
    /// The pages' language.
    pub lang: &'a str,
    /// Every service, with its page.
    pub services: Vec<Named<'a>>,
    /// Every tag, with its page.
    pub tags: Vec<Named<'a>>,
    /// The base URL, ending in `/`, or empty.
    pub base_url: &'a str,
    /// The postmortems, newest first.
    pub posts: &'a [Post<'a>],
    /// Postmortems left out for their errors (a preview lists them).
    pub problems: Vec<ProblemLink<'a>>,
    /// The feed's `updated`.
    pub updated: String,
}

/// `list.html`: the postmortems of one service or tag.
#[derive(Clone, Debug, Serialize)]
pub struct ListContext<'a> {
    /// The site's title.
    pub site_title: &'a str,
    /// The pages' language.
    pub lang: &'a str,
    /// `Service: checkout`.
    pub heading: String,
    /// The service or tag.
    pub title: &'a str,
    /// Its postmortems, newest first.
    pub posts: Vec<&'a Post<'a>>,
}

/// `trends.html`.
#[derive(Clone, Debug, Serialize)]
pub struct TrendsContext<'a> {
    /// The site's title.
    pub site_title: &'a str,
    /// The pages' language.
    pub lang: &'a str,
    /// `Trends`.
    pub title: &'static str,
    /// How many postmortems the site has.
    pub count: usize,
    /// The charts, in page order.
    pub charts: Vec<Chart>,
}

/// `sitemap.xml`.
#[derive(Clone, Debug, Serialize)]
pub struct SitemapContext {
    /// Every page.
    pub urls: Vec<Url>,
}

/// A page in the sitemap.
#[derive(Clone, Debug, Serialize)]
pub struct Url {
    /// Its absolute URL.
    pub loc: String,
    /// The day its postmortem was written, for postmortems' pages.
    pub lastmod: Option<String>,
}

/// `problems.html`: a postmortem's findings in place of its page.
#[derive(Clone, Debug, Serialize)]
pub struct ProblemsContext<'a> {
    /// The file, as shown.
    pub path: &'a str,
    /// Its findings, as `lint` shows them.
    pub report: &'a str,
    /// The page's title (the path).
    pub title: &'a str,
}
