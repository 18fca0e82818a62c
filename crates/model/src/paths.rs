//! The path of every page that is linked from outside the app's router, written once.
//!
//! They sit in `model`, below every layer, because they are stored in the bundle: the search
//! index's documents name their pages by these paths, and ingest writes glossary links into
//! rendered HTML. So they are part of the bundle's contract, and search and ingest may depend
//! on `model` only. The app's router (`src/app/route.rs`) matches them with literal patterns
//! its derive needs; the browser test `every_page_path_opens_its_page` holds the two together.
//!
//! Paths are rooted (`/postmortems/x`): the form the router recognizes, the search index
//! stores and the CLI prints. [`relative`] gives the form a link needs when it must resolve
//! against where the site is served, which may be a preview's `/pr-7/`.

/// The list of postmortems.
pub fn postmortems() -> &'static str {
    "/postmortems"
}

pub fn postmortem(id: &str) -> String {
    format!("/postmortems/{id}")
}

pub fn runbook(slug: &str) -> String {
    format!("/runbooks/{slug}")
}

pub fn service(name: &str) -> String {
    format!("/services/{name}")
}

/// The list of SLOs.
pub fn slos() -> &'static str {
    "/slos"
}

pub fn slo(name: &str) -> String {
    format!("/slos/{name}")
}

/// Every drill, on a timeline, and each service's drill status.
pub fn drills() -> &'static str {
    "/drills"
}

pub fn drill(id: &str) -> String {
    format!("/drills/{id}")
}

/// The on-call health page.
pub fn oncall() -> &'static str {
    "/oncall"
}

/// The alert-quality table.
pub fn alerts() -> &'static str {
    "/alerts"
}

/// An alert's own page.
pub fn alert(name: &str) -> String {
    format!("/alerts/{name}")
}

/// A glossary term (`term-slo`) or another section of the onboarding page.
pub fn onboarding_section(anchor: &str) -> String {
    section("/onboarding", anchor)
}

/// The section `anchor` of the page at `page`: the page scrolls to it once rendered.
pub fn section(page: &str, anchor: &str) -> String {
    format!("{page}?section={anchor}")
}

/// `path` without its leading `/`, for a link resolved against the site's root — `<base
/// href>` in rendered HTML, the public URL in the feed — rather than the host's.
pub fn relative(path: &str) -> &str {
    path.strip_prefix('/').unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_pages_are_rooted_under_their_kind() {
        assert_eq!(postmortems(), "/postmortems");
        assert_eq!(postmortem("2026-08-22-ledger-disk-full"), "/postmortems/2026-08-22-ledger-disk-full");
        assert_eq!(runbook("disk-full"), "/runbooks/disk-full");
        assert_eq!(service("ledger"), "/services/ledger");
    }

    #[test]
    fn a_section_is_a_query_on_its_page() {
        assert_eq!(section("/runbooks/deploy-rollback", "overview"), "/runbooks/deploy-rollback?section=overview");
        assert_eq!(onboarding_section("term-slo"), "/onboarding?section=term-slo");
    }

    #[test]
    fn relative_drops_only_the_leading_slash() {
        assert_eq!(relative(&onboarding_section("term-slo")), "onboarding?section=term-slo");
        assert_eq!(relative(postmortems()), "postmortems");
        assert_eq!(relative("postmortems/x"), "postmortems/x");
    }

    #[test]
    fn names_are_written_as_they_are() {
        // Ingest keeps ids and slugs to a URL-safe alphabet; encoding here would change the
        // paths the bundle already stores.
        assert_eq!(postmortem("a b"), "/postmortems/a b");
    }
}
