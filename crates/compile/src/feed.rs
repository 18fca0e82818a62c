//! `feed.xml`: an Atom feed of the postmortems, newest first, each with its summary, so
//! learning reaches people in the feed reader they already use.

use atom_syndication::{Category, Entry, Feed, FixedDateTime, Link, Person, Text};
use chrono::{DateTime, NaiveDate, Utc};

use super::PublicUrl;
use model::{Config, Postmortem, Repo, SectionKind};
use views::paths;

/// Summaries longer than this are cut at a word: a feed entry is a teaser, the page has it all.
const SUMMARY_CHARS: usize = 600;

/// The feed of `repo` for a site served at `public_url`.
pub fn atom(repo: &Repo, public_url: &PublicUrl) -> String {
    let config = &repo.config;
    let site = Address { root: public_url.absolute(&config.base_url), config };
    let mut postmortems: Vec<&Postmortem> = repo.postmortems.iter().collect();
    postmortems.sort_by(|a, b| b.meta.date.cmp(&a.meta.date).then_with(|| a.meta.id.cmp(&b.meta.id)));
    let entries: Vec<Entry> = postmortems.iter().map(|pm| entry(&site, pm)).collect();
    // The newest entry's time, not the clock: the same repo always gives the same feed.
    let updated = entries.iter().map(|e| e.updated).max().unwrap_or_else(|| fixed(DateTime::UNIX_EPOCH));
    let feed = Feed {
        title: Text::plain(format!("{}: postmortems", config.title)),
        id: site.id("data/feed.xml", "feed"),
        updated,
        authors: vec![Person { name: config.title.clone(), ..Person::default() }],
        links: vec![
            Link { href: site.url("data/feed.xml"), rel: "self".into(), ..Link::default() },
            Link { href: site.url(paths::relative(paths::postmortems())), rel: "alternate".into(), ..Link::default() },
        ],
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

fn entry(site: &Address, pm: &Postmortem) -> Entry {
    let meta = &pm.meta;
    let path = paths::postmortem(&meta.id);
    let page = paths::relative(&path);
    let published = fixed(midnight(meta.date));
    let categories = std::iter::once(meta.severity.label().to_owned())
        .chain(meta.services.iter().cloned())
        .chain(meta.tags.iter().cloned())
        .map(|term| Category { term, ..Category::default() })
        .collect();
    Entry {
        title: Text::plain(meta.title.clone()),
        id: site.id(page, &format!("postmortem:{}", meta.id)),
        updated: pm.times.resolved_at.map_or(published, fixed).max(published),
        published: Some(published),
        authors: meta.authors.iter().map(|a| Person { name: a.clone(), ..Person::default() }).collect(),
        categories,
        links: vec![Link { href: site.url(page), rel: "alternate".into(), ..Link::default() }],
        summary: summary(pm).map(Text::plain),
        ..Entry::default()
    }
}

/// The Summary section's text, cut to [`SUMMARY_CHARS`] at a word.
fn summary(pm: &Postmortem) -> Option<String> {
    let text = &pm.sections.iter().find(|s| s.kind == SectionKind::Summary)?.text;
    if text.chars().count() <= SUMMARY_CHARS {
        return Some(text.clone());
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |end| &cut[..end]);
    Some(format!("{at_word} …"))
}

/// Where the feed's pages are.
struct Address<'a> {
    /// The site's absolute root, when `base_url` gives its host.
    root: Option<String>,
    config: &'a Config,
}

impl Address<'_> {
    /// A page's address: absolute under the site's root, else relative to `data/feed.xml`,
    /// which readers resolve against where they fetched the feed.
    fn url(&self, page: &str) -> String {
        match &self.root {
            Some(root) => format!("{root}{page}"),
            None => format!("../{page}"),
        }
    }

    /// Atom ids must be permanent and absolute: the page's URL on the published site
    /// (`base_url`, whatever the preview's path), else a URN of the kind and id.
    fn id(&self, page: &str, urn: &str) -> String {
        match self.config.base_url.trim_end_matches('/') {
            "" => format!("urn:firebreak:{urn}"),
            base => format!("{base}/{page}"),
        }
    }
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).expect("midnight exists in UTC").and_utc()
}

fn fixed(at: DateTime<Utc>) -> FixedDateTime {
    at.fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{PostmortemMeta, Section};

    fn postmortem(id: &str, date: &str, title: &str, summary: &str) -> Postmortem {
        let yaml =
            format!("id: {id}\ntitle: '{title}'\ndate: {date}\nseverity: SEV2\nauthors: ['@mei']\ntags: [dns]\n");
        let meta: PostmortemMeta = serde_yaml_ng::from_str(&yaml).unwrap();
        Postmortem {
            meta,
            path: format!("postmortems/{id}.md"),
            key_lines: Default::default(),
            source: String::new(),
            body_line: 1,
            sections: vec![Section {
                kind: SectionKind::Summary,
                heading: "Summary".into(),
                anchor: "summary".into(),
                line: 2,
                html: String::new(),
                text: summary.into(),
            }],
            timeline: vec![],
            action_items: vec![],
            facts: Default::default(),
            times: Default::default(),
        }
    }

    fn repo(base_url: &str) -> Repo {
        let mut repo = Repo::default();
        repo.config.title = "Acme & Co".into();
        repo.config.base_url = base_url.into();
        repo.postmortems = vec![
            postmortem("older", "2026-03-01", "DNS <script>alert(1)</script> & more", "Short."),
            postmortem("newer", "2026-04-01", "Disk full", &"word ".repeat(300)),
        ];
        repo
    }

    #[test]
    fn a_well_formed_feed_newest_first_with_summaries() {
        let xml = atom(&repo("https://sre.example.com/"), &PublicUrl::default());
        let feed: Feed = xml.parse().expect("well-formed Atom");
        assert_eq!(feed.title.value, "Acme & Co: postmortems");
        let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["https://sre.example.com/postmortems/newer", "https://sre.example.com/postmortems/older"]);
        assert_eq!(feed.entries[1].title.value, "DNS <script>alert(1)</script> & more");
        assert!(!xml.contains("<script>"), "markup in titles is escaped");
        assert_eq!(feed.entries[1].summary.as_ref().unwrap().value, "Short.");
        let long = &feed.entries[0].summary.as_ref().unwrap().value;
        assert!(long.ends_with(" …") && long.chars().count() <= SUMMARY_CHARS + 2);
        assert_eq!(feed.entries[0].authors[0].name, "@mei");
        assert!(feed.entries[0].categories.iter().any(|c| c.term == "SEV2"));
        assert_eq!(feed.updated, feed.entries[0].updated);
    }

    #[test]
    fn without_a_base_url_links_are_relative_and_ids_are_urns() {
        let feed: Feed = atom(&repo(""), &PublicUrl::default()).parse().unwrap();
        assert_eq!(feed.entries[0].id, "urn:firebreak:postmortem:newer");
        assert_eq!(feed.entries[0].links[0].href, "../postmortems/newer");
    }

    #[test]
    fn a_preview_links_to_its_own_pages_but_keeps_the_published_ids() {
        let preview = PublicUrl::parse("/pr-7/", "--public-url").unwrap();
        let feed: Feed = atom(&repo("https://sre.example.com"), &preview).parse().unwrap();
        assert_eq!(feed.entries[0].links[0].href, "https://sre.example.com/pr-7/postmortems/newer");
        assert_eq!(feed.entries[0].id, "https://sre.example.com/postmortems/newer");
    }

    #[test]
    fn an_empty_repo_still_gives_a_valid_feed() {
        let feed: Feed = atom(&Repo::default(), &PublicUrl::default()).parse().unwrap();
        assert!(feed.entries.is_empty());
    }
}
