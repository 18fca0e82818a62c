//! Where the site is served from: `/` for a site at the root of its host, `/pr-123/` for a
//! pull request's preview. trunk writes it into `<base href>` (the app's links and data
//! fetches resolve against that); the compiler needs it only for absolute links, those of
//! the feed.

/// A checked public URL: a path that starts and ends with `/`, or an absolute http(s) URL
/// ending with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

impl Default for PublicUrl {
    fn default() -> Self {
        PublicUrl("/".into())
    }
}

impl PublicUrl {
    /// `from` says where the value came from, for the error.
    pub fn parse(text: &str, from: &str) -> Result<PublicUrl, String> {
        let absolute = url::Url::parse(text).ok().filter(|u| matches!(u.scheme(), "http" | "https"));
        let path_ok = text.starts_with('/') && !text.starts_with("//");
        if (absolute.is_some() || path_ok) && text.ends_with('/') {
            return Ok(PublicUrl(text.to_owned()));
        }
        Err(format!(
            "the public URL `{text}` ({from}) must start and end with `/`, as in `/pr-123/`, or be an absolute \
             http(s) URL ending with `/`: the app resolves its pages and data against it"
        ))
    }

    /// The site's root as an absolute URL ending with `/`: this URL if absolute, else this
    /// path on `base_url`'s host. `None` without a `base_url` to take the host from.
    pub fn absolute(&self, base_url: &str) -> Option<String> {
        let base = url::Url::parse(base_url).ok()?;
        let root = if self.0 == "/" {
            format!("{}/", base_url.trim_end_matches('/'))
        } else {
            base.join(&self.0).ok()?.to_string()
        };
        Some(root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_absolute_urls_with_slashes_are_accepted() {
        for ok in ["/", "/pr-123/", "https://previews.example.com/pr-9/"] {
            assert!(PublicUrl::parse(ok, "--public-url").is_ok(), "{ok}");
        }
    }

    #[test]
    fn anything_else_is_an_error_naming_the_value_and_its_source() {
        for bad in ["pr-123", "pr-123/", "/pr-123", "//cdn.example.com/x/", "ftp://x/y/", ""] {
            let error = PublicUrl::parse(bad, "from TRUNK_PUBLIC_URL").unwrap_err();
            assert!(
                error.starts_with(&format!(
                    "the public URL `{bad}` (from TRUNK_PUBLIC_URL) must start and end with `/`"
                )),
                "{error}"
            );
        }
    }

    #[test]
    fn the_absolute_root_takes_the_host_from_base_url() {
        let preview = PublicUrl::parse("/pr-7/", "").unwrap();
        assert_eq!(preview.absolute("https://sre.example.com").as_deref(), Some("https://sre.example.com/pr-7/"));
        assert_eq!(preview.absolute("https://sre.example.com/sre/").as_deref(), Some("https://sre.example.com/pr-7/"));
        assert_eq!(preview.absolute(""), None);
        let root = PublicUrl::default();
        assert_eq!(root.absolute("https://example.github.io/sre").as_deref(), Some("https://example.github.io/sre/"));
        let elsewhere = PublicUrl::parse("https://previews.example.com/pr-9/", "").unwrap();
        assert_eq!(
            elsewhere.absolute("https://sre.example.com").as_deref(),
            Some("https://previews.example.com/pr-9/")
        );
    }
}
