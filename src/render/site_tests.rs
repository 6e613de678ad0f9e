use super::*;

#[test]
fn every_field_of_the_site_context_is_documented() {
    let docs = include_str!("../../docs/templates.md");
    let options = SiteOptions {
        sections: Vec::new(),
        title: "Incidents".into(),
        base_url: String::new(),
        allow_html: false,
        stamp: None,
        problems: vec![("p.md".into(), "p.html".into())],
        trends: Trends::default(),
        lang: "en".into(),
    };
    let authors = vec!["a".to_string()];
    let names = vec!["api".to_string()];
    let post = Post {
        slug: "2026-05-14-x".into(),
        id: "tag:x".into(),
        title: "x",
        summary: Some("s"),
        severity: Some("SEV2"),
        status: "published",
        authors: &authors,
        day: "2026-05-14".into(),
        day_label: Some("Thursday, May 14, 2026".into()),
        duration: Some("1h".into()),
        updated: "2026-05-20T00:00:00Z".into(),
        services: &names,
        tags: &names,
    };
    let posts = [post];
    let context = serde_json::to_value(context(&options, &posts)).unwrap();
    let mut keys: Vec<&str> = context
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .collect();
    let posts = context["posts"][0].as_object().into_iter().flatten();
    keys.extend(posts.map(|(k, _)| k.as_str()));
    let problems = context["problems"][0].as_object().into_iter().flatten();
    keys.extend(problems.map(|(k, _)| k.as_str()));
    let services = context["services"][0].as_object().into_iter().flatten();
    keys.extend(services.map(|(k, _)| k.as_str()));
    let missing: Vec<&&str> = keys
        .iter()
        .filter(|k| !docs.contains(&format!("`{k}`")) && !docs.contains(&format!("`{k}[]`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/templates.md: {missing:?}");
}
