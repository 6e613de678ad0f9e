//! One postmortem as a Markdown document or a standalone HTML page, from the
//! model and the templates.

use super::compose::compose;
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

/// Clean CommonMark with GFM tables, with a small front matter block for blog
/// engines unless `front_matter` is false.
pub fn markdown(model: &Model, templates: &Templates, front_matter: bool) -> Result<String, Error> {
    let mut context = Templates::context(model)?;
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        blocks.push((
            section,
            templates.render_with(&partial(section, "md"), &context)?,
        ));
    }
    let content = compose(&model.body, |section| {
        blocks
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    });
    context.insert("content", content.trim_start_matches('\n'));
    context.insert("front_matter", &front_matter);
    templates.render_with("postmortem.md", &context)
}

/// One standalone HTML page: inline CSS, no script, the incident figure.
/// The page and its partials share one context made from the model.
pub fn html(model: &Model, templates: &Templates, allow_html: bool) -> Result<String, Error> {
    let figure = match figure(model) {
        Some(figure) => templates.render(
            "figure.svg",
            &json!({ "title": model.title, "figure": figure }),
        )?,
        None => String::new(),
    };
    let mut context = Templates::context(model)?;
    context.insert("figure", &figure);
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        let name = partial(section, "html");
        blocks.push((
            html::marker(name.trim_end_matches(".html")),
            templates.render_with(&name, &context)?,
        ));
    }
    let marked = compose(&model.body, |section| {
        let name = partial(section, "html");
        html::marker(name.trim_end_matches(".html"))
    });
    let content = html::convert(&marked, allow_html, &blocks);
    context.insert("content", &content);
    templates.render_with("page.html", &context)
}
