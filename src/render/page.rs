//! One postmortem as a Markdown document or a standalone HTML page, from the
//! model and the templates.

use super::compose::compose;
use super::figure::figure;
use super::html;
use super::model::Model;
use super::templates::Templates;
use crate::document::body::Canonical;
use crate::error::Error;
use chrono_tz::Tz;
use serde_json::{Value, json};

/// The model with extra keys, as a template context.
fn context(model: &Model, extra: Value) -> Value {
    let mut value = serde_json::to_value(model).unwrap_or(Value::Null);
    if let (Some(object), Value::Object(extra)) = (value.as_object_mut(), extra) {
        object.extend(extra);
    }
    value
}

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
    let base = context(model, json!({}));
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        blocks.push((section, templates.render(&partial(section, "md"), &base)?));
    }
    let content = compose(&model.body, |section| {
        blocks
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, b)| b.clone())
            .unwrap_or_default()
    });
    let page = context(
        model,
        json!({ "content": content.trim_start_matches('\n'), "front_matter": front_matter }),
    );
    templates.render("postmortem.md", &page)
}

/// One standalone HTML page: inline CSS, no script, the incident figure.
pub fn html(
    model: &Model,
    templates: &Templates,
    zone: Option<Tz>,
    allow_html: bool,
) -> Result<String, Error> {
    let figure = match figure(model, zone) {
        Some(figure) => templates.render(
            "figure.svg",
            &json!({ "title": model.title, "figure": figure }),
        )?,
        None => String::new(),
    };
    let base = context(model, json!({ "figure": figure }));
    let mut blocks = Vec::new();
    for section in super::compose::GENERATED {
        let name = partial(section, "html");
        blocks.push((
            html::marker(name.trim_end_matches(".html")),
            templates.render(&name, &base)?,
        ));
    }
    let marked = compose(&model.body, |section| {
        let name = partial(section, "html");
        html::marker(name.trim_end_matches(".html"))
    });
    let content = html::convert(&marked, allow_html, &blocks);
    templates.render("page.html", &context(model, json!({ "content": content })))
}
