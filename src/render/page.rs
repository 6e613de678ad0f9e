//! One postmortem as a Markdown document or a standalone HTML page, from the
//! model and the templates.

use super::compose::{Outline, without_title};
use super::figure::figure;
use super::html;
use super::model::Model;
use super::templates::Templates;
use crate::document::body::Canonical;
use crate::error::Error;
use serde_json::json;

fn partial(section: Canonical, extension: &str) -> String {
    let name = match section {
        Canonical::Impact => "impact",
        Canonical::Timeline => "timeline",
        _ => "actions",
    };
    format!("{name}.{extension}")
}

/// Clean CommonMark with GFM tables, starting with the front matter the
/// blog engine `front_matter` names (or a title heading).
/// `sections` are the headings the project accepts for each section.
pub fn markdown(
    model: &Model,
    templates: &Templates,
    front_matter: FrontMatter,
    sections: &[(String, Vec<String>)],
) -> Result<String, Error> {
    let mut context = templates.context(&model.view())?;
    context.insert("days", &model.days_view());
    let body = without_title(&model.body, &model.title);
    let outline = Outline::of(body, sections);
    let own_timeline = outline.lists_own_timeline();
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        let block = if own_timeline && section == Canonical::Timeline {
            String::new()
        } else {
            templates.render_with(&partial(section, "md"), &context)?
        };
        blocks.push((section, block));
    }
    let content = outline.compose(|section| {
        blocks
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    });
    // Inert in the blog engine it is for: no text runs its templates.
    let content = super::inert::inert(content.trim_start_matches('\n'), front_matter);
    context.insert("content", &content);
    context.insert("front_matter", front_matter.name());
    // Tags for a blog: the postmortem's own, then its services.
    let mut tags: Vec<&String> = model.tags.iter().chain(&model.services).collect();
    tags.dedup();
    context.insert("fm_tags", &tags);
    context.insert(
        "fm_date",
        &model
            .date
            .clone()
            .or_else(|| model.day.map(|d| d.to_string())),
    );
    templates.render_with("postmortem.md", &context)
}

pub use crate::config::FrontMatter;

pub use super::meta::Place;

/// One standalone HTML page: inline CSS, no script, the incident figure.
/// The page and its partials share one context made from the model.
pub fn html(model: &Model, templates: &Templates, allow_html: bool) -> Result<String, Error> {
    let place = Place {
        lang: "en".into(),
        ..Place::default()
    };
    html_at(model, templates, allow_html, &place)
}

/// [`html`] for a page at `place`.
pub fn html_at(
    model: &Model,
    templates: &Templates,
    allow_html: bool,
    place: &Place,
) -> Result<String, Error> {
    let figure = match figure(model) {
        Some(figure) => templates.render(
            "figure.svg",
            &json!({ "title": model.title, "figure": figure }),
        )?,
        None => String::new(),
    };
    let mut context = templates.context(&model.view())?;
    context.insert("days", &model.days_view());
    context.insert("figure", &figure);
    context.insert("place", place);
    context.insert("lang", &place.lang);
    context.insert("json_ld", &super::meta::json_ld(model, place));
    let body = without_title(&model.body, &model.title);
    // An author's own timeline list stands; the figure still shows it.
    let outline = Outline::of(body, &place.sections);
    let own_timeline = outline.lists_own_timeline();
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        let name = partial(section, "html");
        let block = if own_timeline && section == Canonical::Timeline {
            figure.clone()
        } else {
            templates.render_with(&name, &context)?
        };
        blocks.push((html::marker(name.trim_end_matches(".html")), block));
    }
    let marked = outline.compose(|section| {
        let name = partial(section, "html");
        html::marker(name.trim_end_matches(".html"))
    });
    let content = html::convert(&marked, allow_html, &blocks);
    context.insert("content", &content);
    templates.render_with("page.html", &context)
}
