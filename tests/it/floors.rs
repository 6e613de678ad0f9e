//! The library's module graph, drawn from its source: each file's `crate::`,
//! `super::` and relative imports, followed through re-exports to the file
//! that defines what is named. No circle may span more than two files, and
//! an import may run up a floor (ARCHITECTURE.md's "Floors" table) only
//! where that section lists it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module's path from the crate root (`["document", "zone"]`).
type Module = Vec<String>;

/// One library file, read for what it names.
struct File {
    /// Its code without comments and test modules.
    code: String,
}

fn library() -> BTreeMap<Module, File> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs")
                && let Some((module, file)) = read(&root, &path)
            {
                files.insert(module, file);
            }
        }
    }
    files
}

/// A library file's module and code; `None` for the binary's files and tests.
fn read(root: &Path, path: &PathBuf) -> Option<(Module, File)> {
    let relative = path.strip_prefix(root).unwrap().with_extension("");
    let mut module: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let first = module[0].as_str();
    let last = module.last().unwrap().clone();
    if ["main", "cli", "output"].contains(&first) || last.ends_with("tests") {
        return None;
    }
    if last == "mod" || module == ["lib"] {
        module.pop();
    }
    let text = std::fs::read_to_string(path).unwrap();
    // Unit tests sit at the end of a file, after `#[cfg(test)]`.
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
    let code = text
        .lines()
        .map(|line| line.split("//").next().unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    Some((module, File { code }))
}

/// The module a file's `super` names.
fn parent(module: &Module) -> Module {
    module[..module.len().saturating_sub(1)].to_vec()
}

/// The paths a `use` tree names (`a::{b, c::d}` is `a::b` and `a::c::d`).
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap();
        return vec![segments(path)];
    };
    let head = segments(&tree[..open]);
    let Some(inner) = tree.get(open + 1..tree.rfind('}').unwrap_or(0)) else {
        return Vec::new();
    };
    let mut paths = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices().chain([(inner.len(), ',')]) {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                for tail in use_paths(&inner[start..i]) {
                    let mut path = head.clone();
                    path.extend(tail.into_iter().filter(|s| s != "self"));
                    paths.push(path);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    paths.retain(|p| !p.is_empty());
    paths
}

fn segments(path: &str) -> Vec<String> {
    path.split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// `path` as written in `module`'s file, from the crate root; `None` for
/// other crates.
fn absolute(path: &[String], module: &Module, files: &BTreeMap<Module, File>) -> Option<Module> {
    let (base, rest) = match path.first()?.as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "super" => (parent(module), &path[1..]),
        "self" => (module.clone(), &path[1..]),
        child => {
            let mut inside = module.clone();
            inside.push(child.to_string());
            if !files.contains_key(&inside) {
                return None;
            }
            (module.clone(), path)
        }
    };
    let mut out = base;
    for segment in rest {
        if segment == "super" {
            out.pop();
        } else {
            out.push(segment.clone());
        }
    }
    Some(out)
}

/// The file that defines what `path` names, through re-exports.
fn defining(path: &Module, files: &BTreeMap<Module, File>, depth: usize) -> Option<Module> {
    let at = (0..=path.len())
        .rev()
        .find(|n| files.contains_key(&path[..*n]))?;
    let module = path[..at].to_vec();
    let Some(name) = path.get(at) else {
        return Some(module);
    };
    if depth > 8 || defines(&files[&module].code, name) {
        return Some(module);
    }
    for (tree, _) in uses(&files[&module].code)
        .into_iter()
        .filter(|(_, public)| *public)
    {
        for named in use_paths(&tree) {
            let last = tree_alias(&tree, &named);
            if last.as_deref() == Some(name.as_str()) || named.last() == Some(&"*".to_string()) {
                let mut target = absolute(&named, &module, files)?;
                if target.last().is_some_and(|s| s == "*") {
                    target.pop();
                    target.push(name.clone());
                }
                return defining(&target, files, depth + 1);
            }
        }
    }
    Some(module)
}

/// The name a path of a `use` tree is known by (its alias when it has one).
fn tree_alias(tree: &str, path: &[String]) -> Option<String> {
    let last = path.last()?;
    let alias = format!("{last} as ");
    match tree.find(&alias) {
        Some(at) => tree[at + alias.len()..]
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .next()
            .map(String::from),
        None => Some(last.clone()),
    }
}

fn defines(code: &str, name: &str) -> bool {
    [
        "struct",
        "enum",
        "fn",
        "trait",
        "type",
        "const",
        "static",
        "macro_rules!",
        "mod",
    ]
    .iter()
    .any(|kind| code.contains(&format!("{kind} {name}")))
}

/// Each `use` statement's tree, and whether it re-exports (`pub use`).
fn uses(code: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("use ") {
        let before = &rest[..at];
        let line = before.rsplit('\n').next().unwrap_or("").trim();
        let after = &rest[at + 4..];
        let Some(end) = after.find(';') else { break };
        // A statement starts its line: `use` in a string or a word is not one.
        if line.is_empty() || line.starts_with("pub") && !line.contains(' ') {
            out.push((after[..end].to_string(), !line.is_empty()));
        }
        rest = &after[end..];
    }
    out
}

/// Every file a file imports from, except through its own re-exports.
fn graph(files: &BTreeMap<Module, File>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut edges = BTreeMap::new();
    for (module, file) in files {
        let mut named: Vec<Vec<String>> = Vec::new();
        for (tree, public) in uses(&file.code) {
            if !public {
                named.extend(use_paths(&tree));
            }
        }
        for start in ["crate::", "super::"] {
            for (at, _) in file.code.match_indices(start) {
                let boundary = file.code[..at].chars().last();
                if boundary.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String = file.code[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                named.push(segments(&path));
            }
        }
        let targets: BTreeSet<Module> = named
            .iter()
            .filter_map(|path| absolute(path, module, files))
            .filter_map(|path| defining(&path, files, 0))
            .filter(|target| target != module)
            .collect();
        edges.insert(module.clone(), targets);
    }
    edges
}

/// The strongly connected parts of the graph with more than one file.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<BTreeSet<Module>> {
    let reaches = |from: &Module| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(m) = stack.pop() {
            for next in edges.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&Module, BTreeSet<Module>> =
        edges.keys().map(|m| (m, reaches(m))).collect();
    let mut out: Vec<BTreeSet<Module>> = Vec::new();
    for module in edges.keys() {
        let part: BTreeSet<Module> = reach[module]
            .iter()
            .filter(|other| reach.get(other).is_some_and(|r| r.contains(module)))
            .cloned()
            .collect();
        if part.len() > 1 && !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("::")
    }
}

#[test]
fn no_circle_of_imports_in_the_library_spans_more_than_two_files() {
    let files = library();
    assert!(files.len() > 100, "the library's files were not found");
    let wide: Vec<Vec<String>> = circles(&graph(&files))
        .into_iter()
        .filter(|part| part.len() > 2)
        .map(|part| part.iter().map(name).collect())
        .collect();
    assert!(wide.is_empty(), "circles of imports: {wide:?}");
}

/// ARCHITECTURE.md's floors: each top-level module's floor, and the
/// imports allowed to run up one (`from -> to`).
fn floors() -> (BTreeMap<String, usize>, BTreeSet<(String, String)>) {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("ARCHITECTURE.md"))
            .unwrap();
    let section = text
        .split("## Floors")
        .nth(1)
        .expect("ARCHITECTURE.md has a Floors section");
    let section = section.split("\n## ").next().unwrap();
    let mut floor_of = BTreeMap::new();
    let mut upward = BTreeSet::new();
    for line in section.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if let [_, floor, modules, ..] = cells.as_slice()
            && let Ok(floor) = floor.parse::<usize>()
        {
            for module in modules.split(',') {
                floor_of.insert(module.trim().trim_matches('`').to_string(), floor);
            }
        }
        if let Some(import) = line.trim().strip_prefix("- up: ") {
            let (from, to) = import.trim_matches('`').split_once(" -> ").unwrap();
            upward.insert((from.to_string(), to.to_string()));
        }
    }
    (floor_of, upward)
}

#[test]
fn imports_run_up_a_floor_only_where_architecture_md_says() {
    let files = library();
    let (floor_of, allowed) = floors();
    assert!(allowed.len() <= 2, "at most two imports may run up a floor");
    let mut upward = BTreeSet::new();
    for (from, targets) in graph(&files) {
        let Some(top) = from.first() else { continue };
        let floor = *floor_of
            .get(top)
            .unwrap_or_else(|| panic!("ARCHITECTURE.md gives `{top}` no floor"));
        for to in targets.iter().filter_map(|t| t.first()) {
            let to_floor = *floor_of
                .get(to)
                .unwrap_or_else(|| panic!("ARCHITECTURE.md gives `{to}` no floor"));
            if to_floor > floor {
                upward.insert((
                    name(&from),
                    name(
                        &targets
                            .iter()
                            .find(|t| t.first() == Some(to))
                            .unwrap()
                            .clone(),
                    ),
                ));
            }
        }
    }
    let found: BTreeSet<(String, String)> = upward.into_iter().collect();
    assert_eq!(
        found, allowed,
        "imports that run up a floor (from file, to file)"
    );
}
