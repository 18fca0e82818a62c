//! Reading a source file and turning byte offsets into `line:col` positions.

use std::path::{Path, PathBuf};

use crate::Labels;
use crate::diagnostics::Diagnostic;

/// Markdown documents larger than this are refused: no postmortem is this long, and a
/// pathological file must not stall the build for everybody else.
pub const MAX_DOCUMENT_BYTES: u64 = 4 * 1024 * 1024;

/// A file's text with the label diagnostics print for it.
pub struct SourceFile {
    pub label: String,
    pub text: String,
}

impl SourceFile {
    /// Reads `path` as UTF-8, pinning an invalid byte to its line and column.
    /// Reads a file of the repo that the config names (alerts, onboarding, an SLI export),
    /// refusing it when it, or a folder on its way from the repo's root, is a symlink.
    pub fn read_in_repo(labels: &Labels, path: &Path, max_bytes: Option<u64>) -> Result<SourceFile, Diagnostic> {
        let label = labels.of(path);
        match symlink_on_the_way(labels.root, path) {
            Some(link) if link != path => {
                let (folder, target) = (labels.of(&link), symlink_target(&link));
                let message = format!("not read: its folder {folder} is a symlink to {target}, which is not followed");
                Err(Diagnostic::error(label, 1, 1, message))
            }
            _ => SourceFile::read(path, label, max_bytes),
        }
    }

    /// A symlink is not followed, as in the folders (see `files_under`).
    pub fn read(path: &Path, label: String, max_bytes: Option<u64>) -> Result<SourceFile, Diagnostic> {
        let metadata = std::fs::symlink_metadata(path)
            .map_err(|e| Diagnostic::error(&label, 1, 1, format!("cannot read file: {e}")))?;
        if metadata.is_symlink() {
            return Err(Diagnostic::error(&label, 1, 1, symlink_not_followed(path)));
        }
        let size = metadata.len();
        if let Some(max) = max_bytes.filter(|max| size > *max) {
            return Err(Diagnostic::error(
                &label,
                1,
                1,
                format!(
                    "file is {size} bytes, over the {max}-byte limit for a document; split it or move bulky data to an export"
                ),
            ));
        }
        let bytes =
            std::fs::read(path).map_err(|e| Diagnostic::error(&label, 1, 1, format!("cannot read file: {e}")))?;
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.remove(0);
                }
                Ok(SourceFile { label, text })
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let (line, col) = LineIndex::new(&String::from_utf8_lossy(&e.as_bytes()[..valid])).position(valid);
                Err(Diagnostic::error(label, line, col, "file is not valid UTF-8; save it as UTF-8"))
            }
        }
    }
}

/// Whether anything is at `path`, a symlink leading nowhere included: such a link is
/// reported, not taken for a file that is absent.
pub fn is_present(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The first symlink on the way from `root` down to `path`, `path` itself included.
pub fn symlink_on_the_way(root: &Path, path: &Path) -> Option<PathBuf> {
    let mut at = root.to_path_buf();
    for component in path.strip_prefix(root).ok()?.components() {
        at.push(component);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.is_symlink()) {
            return Some(at);
        }
    }
    None
}

/// What a finding says of the symlink at `path`, naming its target.
pub fn symlink_not_followed(path: &Path) -> String {
    let target = symlink_target(path);
    format!("symlink to {target} is not followed; put the file itself in the repo, or remove the link")
}

fn symlink_target(link: &Path) -> String {
    match std::fs::read_link(link) {
        Ok(target) => target.to_string_lossy().replace('\\', "/"),
        Err(e) => format!("a target that cannot be read ({e})"),
    }
}

/// Maps byte offsets in a text to 1-based line and column (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        LineIndex { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        let col = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    pub fn line(&self, offset: usize) -> usize {
        self.position(offset).0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\nçd\n");
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(1), (1, 2));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2)); // after the two-byte ç
        assert_eq!(index.position(7), (3, 1));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.md");
        std::fs::write(&path, b"ok line\nab\xffcd\n").unwrap();
        let err = SourceFile::read(&path, "bad.md".into(), None).err().unwrap();
        assert_eq!((err.line, err.col), (2, 3));
        assert!(err.message.contains("UTF-8"));
    }

    /// A file named in the config (firebreak.toml, alerts, an SLI export) is not read through
    /// a symlink either, and a link that leads nowhere is not taken for an absent file.
    #[cfg(unix)]
    #[test]
    fn symlinks_are_not_read_and_are_not_absent() {
        let dir = tempfile::tempdir().unwrap();
        let (link, dangling) = (dir.path().join("alerts.yaml"), dir.path().join("gone.yaml"));
        std::os::unix::fs::symlink("/etc/passwd", &link).unwrap();
        std::os::unix::fs::symlink("nowhere.yaml", &dangling).unwrap();
        let err = SourceFile::read(&link, "alerts.yaml".into(), None).err().unwrap();
        assert_eq!((err.level, err.line), (crate::diagnostics::Level::Error, 1));
        assert!(err.message.starts_with("symlink to /etc/passwd is not followed"), "{}", err.message);
        assert!(is_present(&dangling));
        let (root, elsewhere) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        std::fs::write(elsewhere.path().join("alerts.yaml"), "[]").unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), root.path().join("content")).unwrap();
        let labels = Labels { root: root.path() };
        let err = SourceFile::read_in_repo(&labels, &root.path().join("content/alerts.yaml"), None).err().unwrap();
        assert!(err.path.ends_with("content/alerts.yaml"), "{err}");
        assert!(
            err.message
                .ends_with(&format!("content is a symlink to {}, which is not followed", elsewhere.path().display())),
            "{err}"
        );
        assert!(!is_present(&dir.path().join("absent.yaml")));
    }

    #[test]
    fn oversized_documents_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        let err = SourceFile::read(&path, "big.md".into(), Some(10)).err().unwrap();
        assert!(err.message.contains("limit"), "{}", err.message);
    }
}
