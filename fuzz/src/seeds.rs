//! The seed corpus: every file of a target's kind in the hostile corpus, the example repo,
//! the test fixtures and the examples of docs/formats.md, read from the repo so a case
//! added there seeds the fuzzer too.

use std::path::{Path, PathBuf};

use crate::Target;

pub struct Seed {
    /// The path under the repo root, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The documentation whose examples (`file=PATH` code blocks) are seeds too.
const DOCUMENTED: &str = "docs/formats.md";

/// `target`'s seeds under the repo at `root`, in a stable order.
pub fn seeds(target: &Target, root: &Path) -> std::io::Result<Vec<Seed>> {
    let mut files = Vec::new();
    for folder in target.seed_folders {
        collect(&root.join(folder), target.seed_extensions, &mut files)?;
    }
    files.sort();
    files.dedup();
    let mut seeds = files
        .into_iter()
        .map(|file| {
            let path = file.strip_prefix(root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
            Ok(Seed { path, bytes: std::fs::read(&file)? })
        })
        .collect::<std::io::Result<Vec<Seed>>>()?;
    let documented = documented_files(&std::fs::read_to_string(root.join(DOCUMENTED))?);
    seeds.extend(
        documented
            .into_iter()
            .filter(|(path, _)| has_extension(Path::new(path), target.seed_extensions))
            .map(|(path, content)| Seed { path: format!("{DOCUMENTED}/{path}"), bytes: content.into_bytes() }),
    );
    Ok(seeds)
}

/// Code blocks whose info string carries `file=PATH`, as (path, content): the examples
/// tests/docs.rs writes out as a repo that must pass `check`.
pub fn documented_files(markdown: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut lines = markdown.lines();
    while let Some(line) = lines.next() {
        let fence = line.chars().take_while(|c| *c == '`').count();
        if fence < 3 {
            continue;
        }
        let Some(path) = line.split_whitespace().find_map(|word| word.strip_prefix("file=")) else {
            continue;
        };
        let closing = "`".repeat(fence);
        let body: Vec<&str> = lines.by_ref().take_while(|l| l.trim_end() != closing).collect();
        files.push((path.to_owned(), body.join("\n") + "\n"));
    }
    files
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e))
}

fn collect(dir: &Path, extensions: &[&str], files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, extensions, files)?;
        } else if has_extension(&path, extensions) {
            files.push(path);
        }
    }
    Ok(())
}
