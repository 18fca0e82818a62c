//! Hugo, the baseline: the repo's postmortems and runbooks, the same Markdown files with the
//! same front matter, in a minimal Hugo site whose layouts render each page's title and
//! body; Hugo's defaults otherwise (its tag and category pages, RSS feed and sitemap).

use crate::repos::Repo;
use crate::support::measure::{Run, measure};
use std::path::Path;
use std::process::Command;

const CONFIG: &str = "baseURL = \"http://localhost/\"\ntitle = \"build benchmark\"\n\
    # Postmortems are dated by their incident; none may be left out for being in the future.\n\
    buildFuture = true\n";
const SINGLE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>\
    </head><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n";
const LIST: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title>\
    </head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>\
    </li>{{ end }}</ul></body></html>\n";

/// Installs Debian's `hugo` through scripts/install-tools.sh when there is none.
pub fn install_if_missing() {
    if Command::new("hugo").arg("version").output().is_ok_and(|o| o.status.success()) {
        return;
    }
    let status = Command::new("bash")
        .args(["-c", "source scripts/install-tools.sh && install_hugo"])
        .current_dir(crate::support::root())
        .status()
        .expect("bash runs");
    assert!(status.success(), "`install_hugo` (scripts/install-tools.sh) failed: {status}");
}

/// `hugo version`'s first words: the name and version, without the build details.
pub fn version() -> String {
    let output = Command::new("hugo").arg("version").output().expect("hugo is installed");
    let text = String::from_utf8_lossy(&output.stdout);
    text.split_whitespace().take(2).collect::<Vec<_>>().join(" ")
}

/// Hugo building the repo's pages `repeats` times, each from an empty output and cache.
pub fn measure_all(repo: &Repo, pages: usize, repeats: usize) -> Vec<Run> {
    let site = repo.work.join("hugo");
    write_site(&repo.source, &site);
    let (public, cache) = (repo.work.join("hugo-public"), repo.work.join("hugo-cache"));
    let runs: Vec<Run> = (0..repeats)
        .map(|_| {
            for dir in [&public, &cache] {
                let _ = std::fs::remove_dir_all(dir);
            }
            let mut hugo = Command::new("hugo");
            hugo.arg("--quiet").arg("--source").arg(&site).arg("--destination").arg(&public);
            measure(hugo.arg("--cacheDir").arg(&cache))
        })
        .collect();
    let rendered = ["postmortems", "runbooks"].map(|section| page_count(&public.join(section))).iter().sum::<usize>();
    assert_eq!(rendered, pages, "Hugo rendered {rendered} of the {pages} pages");
    runs
}

/// The Hugo site, written afresh so it holds what the repo holds now.
fn write_site(source: &Path, site: &Path) {
    let _ = std::fs::remove_dir_all(site);
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).expect("the layouts folder");
    std::fs::write(site.join("hugo.toml"), CONFIG).expect("hugo.toml");
    std::fs::write(layouts.join("single.html"), SINGLE).expect("single.html");
    std::fs::write(layouts.join("list.html"), LIST).expect("list.html");
    for (from, section) in [("postmortems", "postmortems"), ("content/runbooks", "runbooks")] {
        let into = site.join("content").join(section);
        std::fs::create_dir_all(&into).expect("a content folder");
        for entry in std::fs::read_dir(source.join(from)).expect("the repo's documents") {
            let path = entry.expect("a readable folder").path();
            std::fs::copy(&path, into.join(path.file_name().expect("a file name"))).expect("a page copied");
        }
    }
}

/// The pages Hugo wrote under `section`: one folder with an index.html each.
fn page_count(section: &Path) -> usize {
    let entries = std::fs::read_dir(section).unwrap_or_else(|e| panic!("no {}: {e}", section.display()));
    entries.filter(|e| e.as_ref().is_ok_and(|e| e.path().join("index.html").is_file())).count()
}
