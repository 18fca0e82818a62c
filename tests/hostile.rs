//! The hostile-input corpus (tests/hostile/cases.toml): every case gives its documented
//! diagnostic or renders inert, none panics or hangs, and a valid neighbour still loads.

mod support;

use compile::load_and_check;
use serde::Deserialize;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize, Clone)]
struct Case {
    file: String,
    /// Where in the repo the file goes, when its name there is not its name here: an
    /// export's name says what it holds (`content/metrics/deployments.csv`).
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    generate: Option<String>,
    expect: String,
    #[serde(default)]
    line: Option<usize>,
    #[serde(default)]
    level: Option<String>,
}

/// No case may take longer than this (a debug build, two cores).
const LIMIT: Duration = Duration::from_secs(60);

const NEIGHBOUR: &str =
    "---\ntitle: \"A valid neighbour\"\ndate: 2026-06-01\nseverity: SEV4\n---\n## Summary\nStill here.\n";

fn generated(kind: &str) -> Vec<u8> {
    // Flow collections 200,000 deep (400 KB): libyaml's scanner took time quadratic in the
    // depth (40,000 levels, 8.8 s) before firebreak counted the nesting itself.
    let deep = "[".repeat(200_000);
    match kind {
        "nested-flow-front-matter" => {
            return format!("---\ntitle: Deep\ntags: {deep}\n---\n## Summary\nx\n").into_bytes();
        }
        "nested-flow-slo" => return format!("apiVersion: openslo/v1\nkind: SLO\nmetadata: {deep}\n").into_bytes(),
        _ => {}
    }
    let front = b"---\ntitle: Generated\ndate: 2026-06-01\nseverity: SEV3\n---\n".to_vec();
    let body = match kind {
        "huge" => vec![b'x'; 50 * 1024 * 1024],
        // `- - - x` opens a list inside a list on every dash: 10,000 levels in 20 KB.
        "nested-lists" => format!("{}deep\n", "- ".repeat(10_000)).into_bytes(),
        "nested-quotes" => format!("{} deep\n", ">".repeat(10_000)).into_bytes(),
        "emphasis-run" => format!("## Summary\n{}x{}\n", "*_".repeat(50_000), "_*".repeat(25_000)).into_bytes(),
        "long-line" => format!("## Summary\n{}\n", "word ".repeat(400_000)).into_bytes(),
        "many-links" => (0..20_000).map(|i| format!("[l{i}][r{i}] ")).collect::<String>().into_bytes(),
        other => panic!("unknown generator {other}"),
    };
    [front, body].concat()
}

/// The folders of the corpus, and where each one's files go in a repo of the default config.
const FOLDERS: [(&str, &str); 4] = [
    ("postmortems", "postmortems"),
    ("runbooks", "content/runbooks"),
    ("metrics", "content/metrics"),
    ("slos", "content/slos"),
];

/// The repo path of corpus file `file` (`folder/name`), unless its case says otherwise.
fn repo_path(file: &str, at: Option<&String>) -> String {
    if let Some(at) = at {
        return at.clone();
    }
    let (folder, name) = file.split_once('/').unwrap();
    let (_, in_repo) = FOLDERS.iter().find(|(f, _)| *f == folder).unwrap_or_else(|| panic!("{file}: unknown folder"));
    format!("{in_repo}/{name}")
}

fn place(repo: &Path, file: &str, content: &[u8]) {
    let target = repo.join(file);
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(target, content).unwrap();
}

fn run_case(case: &Case, corpus: &Path) -> Result<(), String> {
    let repo = tempfile::tempdir().unwrap();
    place(repo.path(), "postmortems/zz-valid-neighbour.md", NEIGHBOUR.as_bytes());
    for file in std::iter::once(&case.file).chain(&case.with) {
        let (content, at) = match (&case.generate, file == &case.file) {
            (Some(kind), true) => (generated(kind), None),
            (None, true) => (std::fs::read(corpus.join(file)).unwrap(), case.at.as_ref()),
            _ => (std::fs::read(corpus.join(file)).unwrap(), None),
        };
        place(repo.path(), &repo_path(file, at), &content);
    }
    // Loaded on another thread, so a hang is a failure rather than a stuck test run.
    let (send, receive) = mpsc::channel();
    let root = repo.path().to_path_buf();
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024) // the main thread's size, as in the CLI
        .spawn(move || {
            let result = std::panic::catch_unwind(|| load_and_check(&root, support::AS_OF));
            let _ = send.send(result.map_err(|_| "panicked".to_owned()));
        })
        .unwrap();
    let (loaded, diagnostics) = receive.recv_timeout(LIMIT).map_err(|_| format!("took over {LIMIT:?}"))??;

    if !loaded.postmortems.iter().any(|p| p.meta.title == "A valid neighbour") {
        return Err("the valid neighbour did not load".into());
    }
    let placed = repo_path(&case.file, case.at.as_ref());
    let name = Path::new(&placed).file_name().unwrap().to_string_lossy().into_owned();
    let mine: Vec<_> = diagnostics.iter().filter(|d| d.path.ends_with(&name)).collect();
    if case.expect == "inert" {
        if let Some(error) = mine.iter().find(|d| d.level == ingest::diagnostics::Level::Error) {
            return Err(format!("expected no error, got {error}"));
        }
        let stem = name.trim_end_matches(".md");
        let pm = loaded.postmortems.iter().find(|p| p.path.ends_with(&name)).ok_or(format!("{stem} was not read"))?;
        let html: String = pm.sections.iter().map(|s| s.html.as_str()).collect();
        // Attributes and elements that could run script; the words themselves may remain
        // as harmless text.
        for bad in ["<script", " onerror=", "href=\"javascript", "src=\"javascript", "<iframe", "href=\"data:"] {
            if html.contains(bad) || pm.timeline.iter().any(|e| e.html.contains(bad)) {
                return Err(format!("rendered HTML contains {bad}"));
            }
        }
        return Ok(());
    }
    let level = case.level.as_deref().unwrap_or("error");
    let found = mine.iter().find(|d| d.message.contains(&case.expect) && d.level.to_string() == level);
    match found {
        Some(d) if case.line.is_none_or(|line| line == d.line) => Ok(()),
        Some(d) => Err(format!("right message, wrong line: {d}")),
        None => Err(format!(
            "expected {level} containing `{}`, got {:?}",
            case.expect,
            mine.iter().map(|d| d.to_string()).collect::<Vec<_>>()
        )),
    }
}

#[test]
fn every_hostile_input_gives_its_documented_result() {
    let corpus = support::root().join("tests/hostile");
    let cases: Cases = toml::from_str(&std::fs::read_to_string(corpus.join("cases.toml")).unwrap()).unwrap();
    let committed = FOLDERS.iter().map(|(d, _)| std::fs::read_dir(corpus.join(d)).unwrap().count()).sum::<usize>();
    assert!(committed >= 30, "the corpus has {committed} files");
    // Every committed file has a case (as the file or a companion), so none goes untested.
    for (dir, _) in FOLDERS {
        for entry in std::fs::read_dir(corpus.join(dir)).unwrap() {
            let file = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            assert!(cases.case.iter().any(|c| c.file == file || c.with.contains(&file)), "{file} has no case");
        }
    }
    let failures: Vec<String> = cases
        .case
        .iter()
        .filter_map(|case| run_case(case, &corpus).err().map(|e| format!("{}: {e}", case.file)))
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.case.len(), failures.join("\n"));
}
