//! `actions sync --tracker github` through Prism serving GitHub's published
//! OpenAPI description (`@octokit/openapi`), so every request is checked
//! against GitHub's own schema: the canary that Prism really validates, and
//! the dry run, create, write-back and second run.

use crate::common::installed;
use crate::trackers_fake as fake;
use crate::trackers_github::{TOKEN, github_config, sync};
use serde_json::{Value, json};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// Prism on a patched copy of GitHub's description, shared by the tests.
struct Prism {
    url: String,
    _spec: tempfile::TempDir,
    _shell: Mutex<Child>,
}

/// Prism, started once; `None` outside CI when prism or the description is missing.
fn prism() -> Option<&'static Prism> {
    static PRISM: OnceLock<Option<Prism>> = OnceLock::new();
    PRISM.get_or_init(start).as_ref()
}

/// The published description of api.github.com, from `npm root -g`.
fn published() -> Option<Value> {
    let npm = installed("npm")?;
    let root = Command::new(npm).args(["root", "-g"]).output().ok()?;
    let root = String::from_utf8_lossy(&root.stdout).trim().to_string();
    let path = std::path::Path::new(&root).join("@octokit/openapi/generated/api.github.com.json");
    let found = std::fs::read(&path).ok();
    assert!(
        found.is_some() || std::env::var_os("CI").is_none(),
        "CI must have @octokit/openapi: .ci/run installs it"
    );
    serde_json::from_slice(&found?).ok()
}

const CREATE: &str = "/repos/{owner}/{repo}/issues";
const ISSUE: &str = "/repos/{owner}/{repo}/issues/{issue_number}";

/// The description with the two operations sync uses, patched so that
/// Prism validates request bodies at all.
///
/// Why the patch: the create-issue body's `milestone` is `{oneOf: [string,
/// integer], nullable: true}`, `nullable` without a `type`. Prism compiles
/// each body schema with Ajv, which throws `"nullable" cannot be used
/// without "type"` (ajv/dist/compile/validate/dataType.js); Prism wraps the
/// compile in `O.tryCatch` (prism-http's validator/validators/utils.js) and
/// treats the failure as no violations, so every body, even one without
/// the required `title`, is accepted with 201. Dropping `nullable` where
/// there is no `type` lets Ajv compile the schema, and `required: [title]`
/// is enforced. `paths` is cut to the two operations to start faster.
///
/// A second fix, for answers: the get-issue examples are written
/// `{summary, value: {$ref: "#/components/examples/issue"}}`, a `value`
/// that refers to a whole Example Object, so Prism answers `{"value":
/// {...the issue...}}`. Each such example becomes the `$ref` itself, as the
/// create operation writes it.
fn patched(mut spec: Value) -> Value {
    let keep: serde_json::Map<String, Value> = [CREATE, ISSUE]
        .iter()
        .map(|p| (p.to_string(), spec["paths"][*p].clone()))
        .collect();
    spec["paths"] = Value::Object(keep);
    let body =
        &mut spec["paths"][CREATE]["post"]["requestBody"]["content"]["application/json"]["schema"];
    untyped_nullable(body, &mut |schema| {
        schema.remove("nullable");
    });
    let examples = &mut spec["paths"][ISSUE]["get"]["responses"]["200"]["content"]["application/json"]
        ["examples"];
    for example in examples
        .as_object_mut()
        .into_iter()
        .flat_map(|e| e.values_mut())
    {
        if let Some(reference) = example["value"].get("$ref").cloned() {
            *example = json!({ "$ref": reference });
        }
    }
    spec
}

/// Calls `fix` on each schema under `schema` with `nullable` and no `type`.
fn untyped_nullable(schema: &mut Value, fix: &mut dyn FnMut(&mut serde_json::Map<String, Value>)) {
    if let Some(map) = schema.as_object_mut() {
        if map.contains_key("nullable") && !map.contains_key("type") {
            fix(map);
        }
        map.values_mut().for_each(|v| untyped_nullable(v, fix));
    } else if let Some(list) = schema.as_array_mut() {
        list.iter_mut().for_each(|v| untyped_nullable(v, fix));
    }
}

fn start() -> Option<Prism> {
    let prism = installed("prism")?;
    let spec = patched(published()?);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("github.json");
    std::fs::write(&file, spec.to_string()).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    // The shell kills Prism when its standard input closes: when this test
    // binary ends, however it ends.
    let script = format!(
        "'{}' mock --host 127.0.0.1 -p {port} '{}' </dev/null >/dev/null 2>&1 & pid=$!; read _; kill $pid",
        prism.display(),
        file.display()
    );
    let shell = Command::new("sh")
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(180),
            "prism did not start"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
    Some(Prism {
        url,
        _spec: dir,
        _shell: Mutex::new(shell),
    })
}

#[test]
fn prism_refuses_an_issue_without_a_title_once_the_published_description_is_patched() {
    let Some(published) = published() else { return };
    let milestone = &published["paths"][CREATE]["post"]["requestBody"]["content"]["application/json"]
        ["schema"]["properties"]["milestone"];
    assert!(
        milestone.get("nullable").is_some() && milestone.get("type").is_none(),
        "the published description no longer has the untyped nullable the patch removes: {milestone}"
    );
    let Some(prism) = prism() else { return };
    let auth = format!("Authorization: Bearer {TOKEN}\r\nAccept: application/json\r\n");
    let (status, body) = fake::post(
        &prism.url,
        "/repos/acme/checkout/issues",
        &auth,
        "{\"body\": \"no title\"}",
    );
    assert_eq!(status, 422, "{body}");
    let (status, _) = fake::post(
        &prism.url,
        "/repos/acme/checkout/issues",
        &auth,
        "{\"title\": \"T\"}",
    );
    assert_eq!(status, 201);
}

#[test]
fn github_sync_through_prism_dry_runs_creates_writes_links_and_creates_nothing_again() {
    let Some(prism) = prism() else { return };
    // Prism answers with the description's example issue, octocat/Hello-World#1347.
    let dir = fake::project(
        &github_config(&prism.url, "octocat/Hello-World"),
        &fake::items(),
    );
    let dry = sync(&dir, &["--dry-run", "--format", "json"]);
    assert_eq!(dry.status.code(), Some(0), "{}", fake::text(&dry));
    let plan: Value = serde_json::from_slice(&dry.stdout).unwrap();
    assert_eq!(plan.as_array().unwrap().len(), 2);
    assert_eq!(plan[0]["action"], "would-create");
    assert_eq!(fake::postmortem(&dir), fake::items());

    let run = sync(&dir, &["--base-url", "https://postmortems.acme.test/"]);
    assert_eq!(run.status.code(), Some(0), "{}", fake::text(&run));
    let link = "https://github.com/octocat/Hello-World/issues/1347";
    let expected = fake::linked(link, link);
    assert_eq!(fake::postmortem(&dir), expected);
    assert!(
        fake::text(&run)
            .contains("created octocat/Hello-World#1347 for postmortems/checkout.md: item 1")
    );

    // The second run reads the issues' state (open in the example) and creates nothing.
    let again = sync(&dir, &[]);
    assert_eq!(again.status.code(), Some(0), "{}", fake::text(&again));
    assert!(
        fake::text(&again).contains("0 created, 0 status changed"),
        "{}",
        fake::text(&again)
    );
    assert_eq!(fake::postmortem(&dir), expected);
    for output in [&dry, &run, &again] {
        assert!(!fake::text(output).contains(TOKEN));
    }
    assert!(!fake::all_files(dir.path()).contains(TOKEN));
}
