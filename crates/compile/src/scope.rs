//! What `check --changed-since` reports: the findings a change is answerable for. The
//! whole repo is still read and every rule still runs, since links and most rules read
//! across files; what is scoped is which documents' findings are shown.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::links::{Target, references};
use ingest::diagnostics::Diagnostic;
use model::Repo;

/// The postmortems, runbooks and drills whose findings a change is answerable for. Every
/// other file's findings (firebreak.toml, the exports, alerts, SLOs, on-call, onboarding)
/// are always reported: they are few, and their findings are mostly about many documents
/// at once (an incident whose postmortem was removed is reported on the incidents export).
pub struct Scope {
    root: PathBuf,
    /// The folders of postmortems, runbooks and drills, relative to the root.
    document_folders: [PathBuf; 3],
    /// The documents in scope, relative to the root; `None` when firebreak.toml changed,
    /// which can change every document's findings (the catalog, the taxonomy, the people,
    /// the rules' levels).
    documents: Option<HashSet<PathBuf>>,
}

impl Scope {
    /// The documents `touched` (paths relative to `root`: added, changed or removed), the
    /// documents whose front matter names one of them, and those with a touched
    /// postmortem's id (a duplicate id is reported at only one of the two).
    pub fn of_change(repo: &Repo, root: &Path, touched: &[PathBuf]) -> Scope {
        let paths = &repo.config.paths;
        let document_folders = [&paths.postmortems, &paths.runbooks, &paths.drills].map(PathBuf::from);
        let mut scope = Scope { root: root.to_path_buf(), document_folders, documents: None };
        if touched.iter().any(|path| path == Path::new(ingest::CONFIG_FILE)) {
            return scope;
        }
        let touched: HashSet<&Path> = touched.iter().map(PathBuf::as_path).collect();
        let defined = scope.defined_by(repo, &touched);
        // Any changed export may add or remove the deployments documents name.
        let exports_changed = touched.iter().any(|path| path.starts_with(&paths.metrics));
        let mut documents: HashSet<PathBuf> =
            touched.iter().filter(|path| scope.is_document(path)).map(|path| path.to_path_buf()).collect();
        for reference in references(repo) {
            let deployment = matches!(reference.target, Target::Deployment(_));
            if defined.contains(&reference.target) || (deployment && exports_changed) {
                documents.insert(scope.relative(reference.path));
            }
        }
        for pm in repo.postmortems.iter().filter(|pm| defined.contains(&Target::Postmortem(&pm.meta.id))) {
            documents.insert(scope.relative(&pm.path));
        }
        scope.documents = Some(documents);
        scope
    }

    /// What the touched documents are named by: a runbook's file name, a postmortem's id.
    /// A removed document, or one whose errors kept it out of the repo, goes by its file
    /// name, which is a postmortem's id unless its front matter set another.
    fn defined_by<'a>(&self, repo: &'a Repo, touched: &HashSet<&'a Path>) -> HashSet<Target<'a>> {
        let is_touched = |label: &str| touched.contains(self.relative(label).as_path());
        let postmortems = repo.postmortems.iter().filter(|pm| is_touched(&pm.path)).map(|pm| &pm.meta.id);
        let mut defined: HashSet<Target> = postmortems.map(|id| Target::Postmortem(id)).collect();
        let paths = &repo.config.paths;
        for path in touched.iter().filter(|path| path.extension() == Some(OsStr::new("md"))) {
            let Some(name) = path.file_stem().and_then(OsStr::to_str) else { continue };
            if path.starts_with(&paths.postmortems) {
                defined.insert(Target::Postmortem(name));
            } else if path.starts_with(&paths.runbooks) {
                defined.insert(Target::Runbook(name));
            }
        }
        defined
    }

    /// Whether `diagnostic` is reported.
    pub fn keeps(&self, diagnostic: &Diagnostic) -> bool {
        let Some(documents) = &self.documents else { return true };
        let path = self.relative(&diagnostic.path);
        !self.is_document(&path) || documents.contains(&path)
    }

    /// How many documents are in scope; `None` for all of them.
    pub fn document_count(&self) -> Option<usize> {
        self.documents.as_ref().map(HashSet::len)
    }

    fn is_document(&self, path: &Path) -> bool {
        self.document_folders.iter().any(|folder| path.starts_with(folder))
    }

    /// A diagnostic's path (the root as given joined with the file's, or the file's alone
    /// when the root is `.`) relative to the root, as git names it.
    fn relative(&self, label: &str) -> PathBuf {
        let path = Path::new(label);
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }
}
