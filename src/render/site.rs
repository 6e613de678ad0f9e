//! A static site from many postmortems: one page each, `index.html` newest
//! first, an Atom `feed.xml`, and `style.css`. The files come back as data;
//! the caller writes them.

use super::catalog;
pub(super) use super::context::Post;
use super::context::{IndexContext, Named, ProblemLink, ProblemsContext};
use super::model::Model;
use super::page::{self, Place};
use super::templates::Templates;
use crate::collection::trends::Trends;
use crate::error::Error;
use std::collections::{HashMap, HashSet};

/// What the whole site needs besides the postmortems.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The index's title.
    pub title: String,
    /// Absolute base URL for the feed's links, ending in `/` (or empty).
    pub base_url: String,
    /// Pass raw HTML in bodies through.
    pub allow_html: bool,
    /// The feed's `updated` when the build is to be stamped (`SOURCE_DATE_EPOCH`).
    pub stamp: Option<String>,
    /// Postmortems left out for their errors, listed on the index: `(path,
    /// page)`, the page made by `problems_page` (a preview shows them).
    pub problems: Vec<(String, String)>,
    /// The numbers of the trends page (`collection::trends`).
    pub trends: Trends,
    /// The pages' language (`lang`).
    pub lang: String,
    /// The headings the project accepts for each section (postmortem.yml's
    /// `sections`): generated tables go under the author's own heading.
    pub sections: Vec<(String, Vec<String>)>,
}

/// The page of a postmortem that has errors: its findings, as `lint` shows them.
///
/// # Errors
/// When the template fails.
pub(crate) fn problems_page(
    templates: &Templates,
    path: &str,
    report: &str,
) -> Result<String, Error> {
    let context = ProblemsContext {
        path,
        report,
        title: path,
    };
    templates.render("problems.html", &context)
}

/// Every file of the site, as (name, content), pages named by their slug.
pub fn build(
    postmortems: &[&Model],
    templates: &Templates,
    options: &SiteOptions,
) -> Result<Vec<(String, String)>, Error> {
    let mut ordered: Vec<&Model> = postmortems.to_vec();
    ordered.sort_by(|a, b| {
        sort_key(b)
            .cmp(&sort_key(a))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let mut taken = Taken::default();
    let slugs: Vec<String> = ordered
        .iter()
        .map(|model| unique(&model.slug, &mut taken))
        .collect();
    let mut files = pages(&ordered, &slugs, templates, options)?;
    let mut posts = Vec::new();
    for (model, slug) in ordered.into_iter().zip(slugs) {
        let day = sort_key(model);
        posts.push(Post {
            id: entry_id(options, &day, &slug),
            updated: format!("{}T00:00:00Z", model.date.as_deref().unwrap_or(&day)),
            day,
            day_label: model.day_label.clone(),
            slug,
            title: &model.title,
            summary: model.description.as_deref(),
            severity: model.severity.as_deref(),
            status: model.status,
            authors: &model.authors,
            duration: model.duration.clone(),
            services: &model.services,
            tags: &model.tags,
        });
    }
    let context = context(options, &posts);
    files.push((
        "index.html".into(),
        templates.render("index.html", &context)?,
    ));
    files.push(("feed.xml".into(), templates.render("feed.xml", &context)?));
    files.push(("style.css".into(), templates.render("style.css", &context)?));
    files.extend(catalog::listings(&posts, templates, options)?);
    files.push((
        "trends.html".into(),
        catalog::trends_page(templates, options, posts.len())?,
    ));
    if !options.base_url.is_empty() {
        files.push((
            "sitemap.xml".into(),
            catalog::sitemap(&files, &posts, templates, options)?,
        ));
    }
    Ok(files)
}

/// The page of each postmortem, rendered on every core, in the given order.
fn pages(
    models: &[&Model],
    slugs: &[String],
    templates: &Templates,
    options: &SiteOptions,
) -> Result<Vec<(String, String)>, Error> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = models.len().div_ceil(threads).max(1);
    let render = |(model, slug): (&&Model, &String)| {
        let place = Place {
            in_site: true,
            url: (!options.base_url.is_empty()).then(|| format!("{}{slug}.html", options.base_url)),
            base_url: options.base_url.clone(),
            site_title: options.title.clone(),
            lang: options.lang.clone(),
            sections: options.sections.clone(),
        };
        page::html_at(model, templates, options.allow_html, &place)
            .map(|html| (format!("{slug}.html"), html))
    };
    let parts: Vec<Result<Vec<_>, Error>> = std::thread::scope(|scope| {
        let handles: Vec<_> = models
            .chunks(per_thread)
            .zip(slugs.chunks(per_thread))
            .map(|(models, slugs)| {
                scope.spawn(move || models.iter().zip(slugs).map(render).collect())
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut files = Vec::with_capacity(models.len() + 3);
    for part in parts {
        files.extend(part?);
    }
    Ok(files)
}

/// The context of the index and the feed (docs/templates.md, "Site context").
fn context<'a>(options: &'a SiteOptions, posts: &'a [Post<'a>]) -> IndexContext<'a> {
    let newest = posts
        .iter()
        .map(|p| p.updated.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    IndexContext {
        feed_id: feed_id(options),
        site_title: &options.title,
        lang: &options.lang,
        services: Named::all(posts.iter().map(|p| p.services)),
        tags: Named::all(posts.iter().map(|p| p.tags)),
        base_url: &options.base_url,
        posts,
        problems: options
            .problems
            .iter()
            .map(|(path, page)| ProblemLink { path, page })
            .collect(),
        updated: options.stamp.clone().unwrap_or(newest),
    }
}

/// Atom ids must be absolute IRIs that never change: the page's URL under
/// `--base-url`, else a `tag:` URI (RFC 4151) from the site title, the
/// incident's day and the page name.
fn entry_id(options: &SiteOptions, day: &str, slug: &str) -> String {
    if options.base_url.is_empty() {
        format!("tag:postmortem.invalid,{day}:{}/{slug}", site_name(options))
    } else {
        format!("{}{slug}.html", options.base_url)
    }
}

fn feed_id(options: &SiteOptions) -> String {
    if options.base_url.is_empty() {
        format!("tag:postmortem.invalid,2000:{}", site_name(options))
    } else {
        format!("{}feed.xml", options.base_url)
    }
}

fn site_name(options: &SiteOptions) -> String {
    crate::slug::slug(&options.title)
}

/// The day an incident started, for ordering and the index.
fn sort_key(model: &Model) -> String {
    model
        .day
        .map_or_else(|| "0000-00-00".to_string(), |d| d.to_string())
}

/// Slugs already given, and the next number to try for each.
#[derive(Default)]
struct Taken {
    names: HashSet<String>,
    next: HashMap<String, u32>,
}

/// `slug`, or `slug-2`, `slug-3`, ... when taken; records the one chosen.
fn unique(slug: &str, taken: &mut Taken) -> String {
    let mut chosen = slug.to_string();
    if taken.names.contains(slug) {
        let next = taken.next.entry(slug.to_string()).or_insert(2);
        loop {
            chosen = format!("{slug}-{next}");
            *next += 1;
            if !taken.names.contains(&chosen) {
                break;
            }
        }
    }
    taken.names.insert(chosen.clone());
    chosen
}

#[cfg(test)]
#[path = "site_tests.rs"]
mod context_tests;
