//! What a page tells machines about itself: structured data (JSON-LD) for
//! search engines and link previews, made from the model, made safe to sit
//! inside a `<script>` element.

use super::model::Model;
use serde_json::{Value, json};

/// Where a page stands: alone, or in a site (links to its index and feed,
/// and, with a base URL, its absolute address for metadata).
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Place {
    /// Whether the page is one of a site's (it links to `index.html`).
    pub in_site: bool,
    /// The page's absolute URL, when the site's base URL is known.
    pub url: Option<String>,
    /// The site's base URL, ending in `/`, or empty.
    pub base_url: String,
    /// The site's title.
    pub site_title: String,
    /// The language of the pages (`lang`), `en` unless configured.
    pub lang: String,
    /// The headings the project accepts for each section (`sections`).
    #[serde(skip)]
    pub sections: Vec<(String, Vec<String>)>,
}

/// The page's JSON-LD: a `BlogPosting` when published, else a `Report`,
/// with `<`, `>` and `&` escaped so no text in it can close the script.
pub(crate) fn json_ld(model: &Model, place: &Place) -> String {
    let kind = if model.status == "published" {
        "BlogPosting"
    } else {
        "Report"
    };
    let published = model
        .date
        .clone()
        .or_else(|| model.day.map(|d| d.to_string()));
    let mut data = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "headline": model.title,
        "datePublished": published,
        "dateModified": model.date.clone().or(published.clone()),
        "author": model.authors.iter().map(|a| json!({ "@type": "Person", "name": a })).collect::<Vec<_>>(),
        "about": model.services.iter().map(|s| json!({ "@type": "Thing", "name": s })).collect::<Vec<_>>(),
        "keywords": model.tags,
        "description": model.description,
        "inLanguage": place.lang,
    });
    if let (Some(url), Some(object)) = (&place.url, data.as_object_mut()) {
        object.insert("url".into(), Value::from(url.clone()));
        object.insert("mainEntityOfPage".into(), Value::from(url.clone()));
    }
    if let Some(object) = data.as_object_mut() {
        object.retain(|_, v| !v.is_null() && v.as_array().is_none_or(|a| !a.is_empty()));
    }
    serde_json::to_string(&data)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let text = "---\ntitle: \"</script><script>alert(1)</script> & co\"\nstatus: published\ntimezone: UTC\ndate: 2026-05-20\ntimeline:\n  - at: 2026-05-14 14:30\n    kind: start\n---\n";
        let document = crate::document::parse(text).document.unwrap();
        let model = crate::render::model(&document, text, true);
        let place = Place {
            url: Some("https://blog.example/x.html".into()),
            lang: "en".into(),
            ..Place::default()
        };
        let ld = json_ld(&model, &place);
        assert!(!ld.contains('<') && !ld.contains('&'), "{ld}");
        let back: Value = serde_json::from_str(&ld).unwrap();
        assert_eq!(back["headline"], "</script><script>alert(1)</script> & co");
        assert_eq!(back["@type"], "BlogPosting");
        assert_eq!(back["url"], "https://blog.example/x.html");
    }
}
