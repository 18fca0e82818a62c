//! Headless Chromium through chromedriver, both from Debian's packages.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    driver: Child,
    user_data: PathBuf,
}

const WAIT: Duration = Duration::from_secs(30);

impl Browser {
    pub async fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed: run scripts/test, which installs it");
        // A new, empty profile: a directory left by an earlier run on the same port would
        // carry its HTTP cache into a benchmark's "first visit".
        let user_data = std::env::temp_dir().join(format!("firebreak-chromium-{port}"));
        let _ = std::fs::remove_dir_all(&user_data);
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,1000",
                    format!("--user-data-dir={}", user_data.display()),
                ]
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else { unreachable!("an object literal") };
        let url = format!("http://127.0.0.1:{port}");
        // chromedriver takes a moment to listen; retry the session for a few seconds.
        let mut last_error = None;
        for _ in 0..50 {
            match ClientBuilder::new(HttpConnector::new()).capabilities(capabilities.clone()).connect(&url).await {
                Ok(client) => return Browser { client, driver, user_data },
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("could not start a Chromium session: {last_error:?}");
    }

    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    /// The text of the first element matching `css`, once it exists.
    pub async fn text(&self, css: &str) -> String {
        let element = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no `{css}`: {e}"));
        element.text().await.expect("element text")
    }

    /// Waits until the page's text contains `needle`, then returns the whole text.
    pub async fn wait_for_text(&self, needle: &str) -> String {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let text = self.text("body").await;
            if text.contains(needle) {
                return text;
            }
            if tokio::time::Instant::now() > deadline {
                panic!("`{needle}` never appeared; the page reads:\n{text}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.user_data);
    }
}

impl Browser {
    /// The value of the dashboard card labelled `label`.
    pub async fn card(&self, label: &str) -> String {
        let cards = self.client.find_all(Locator::Css(".card")).await.expect("cards");
        for card in cards {
            let text = card.text().await.expect("card text");
            if let Some((value, rest)) = text.split_once('\n')
                && rest.trim() == label
            {
                return value.trim().to_owned();
            }
        }
        panic!("no card labelled `{label}`");
    }

    /// The number (milliseconds, for the benchmarks) a page wrote into `attribute` of the
    /// first `css`, once it is there.
    pub async fn figure(&self, css: &str, attribute: &str) -> f64 {
        let present = format!("{css}[{attribute}]");
        self.wait_for(|| async { self.client.find(Locator::Css(&present)).await.is_ok() }).await;
        self.attribute(css, attribute).await.parse().expect("a number")
    }

    /// The texts of the cells of each row matching `rows`, as they are now.
    pub async fn rows(&self, rows: &str) -> Vec<Vec<String>> {
        let mut table = Vec::new();
        for row in self.client.find_all(Locator::Css(rows)).await.expect("the rows") {
            let mut cells = Vec::new();
            for cell in row.find_all(Locator::Css("td")).await.expect("the cells") {
                cells.push(cell.text().await.expect("cell text"));
            }
            table.push(cells);
        }
        table
    }

    /// Chooses `value` in the `<select name=…>`.
    pub async fn select(&self, name: &str, value: &str) {
        let select = self.client.find(Locator::Css(&format!("select[name={name}]"))).await.expect("the select");
        select.select_by_value(value).await.unwrap_or_else(|e| panic!("choose {value} in {name}: {e}"));
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no `{css}`: {e}"))
            .click()
            .await
            .expect("click");
    }

    pub async fn current_url(&self) -> String {
        self.client.current_url().await.expect("the URL").to_string()
    }
}

impl Browser {
    /// An attribute of the first element matching `css`.
    pub async fn attribute(&self, css: &str, name: &str) -> String {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no `{css}`: {e}"));
        element.attr(name).await.expect("attribute").unwrap_or_default()
    }
}

impl Browser {
    /// A DOM property (such as an input's current `value`) of the first match of `css`.
    pub async fn property(&self, css: &str, name: &str) -> String {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no `{css}`: {e}"));
        element.prop(name).await.expect("property").unwrap_or_default()
    }
}

impl Browser {
    /// Waits until `condition` holds.
    pub async fn wait_for<F: std::future::Future<Output = bool>>(&self, condition: impl Fn() -> F) {
        let deadline = tokio::time::Instant::now() + WAIT;
        while !condition().await {
            assert!(tokio::time::Instant::now() < deadline, "the page never got there: {}", self.current_url().await);
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the first element matching `css` has `name` = `value`.
    pub async fn wait_for_attribute(&self, css: &str, name: &str, value: &str) {
        self.wait_for(|| async {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => element.attr(name).await.ok().flatten().as_deref() == Some(value),
                Err(_) => false,
            }
        })
        .await;
    }
}

/// A colour scheme the page's `prefers-color-scheme` media query reports.
#[derive(Clone, Copy, Debug)]
pub enum ColorScheme {
    Light,
    Dark,
}

impl ColorScheme {
    pub fn name(self) -> &'static str {
        match self {
            ColorScheme::Light => "light",
            ColorScheme::Dark => "dark",
        }
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`
/// endpoint: WebDriver itself cannot emulate media features.
#[derive(Debug)]
struct DevTools {
    method: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/goog/cdp/execute", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (hyper::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (hyper::Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Makes every page of this session, until told otherwise, see `scheme` as the reader's
    /// preference, as the operating system's dark mode would.
    pub async fn emulate_color_scheme(&self, scheme: ColorScheme) {
        let params = serde_json::json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme.name() }] });
        self.client
            .issue_cmd(DevTools { method: "Emulation.setEmulatedMedia", params })
            .await
            .unwrap_or_else(|e| panic!("emulate the {} colour scheme: {e}", scheme.name()));
    }

    /// Waits until nothing is loading (`aria-busy`) and `main` has stopped changing for half a
    /// second: forecasts, charts and search results render a while after the heading.
    pub async fn wait_until_settled(&self) {
        const SNAPSHOT: &str = "return document.querySelector('[aria-busy=true]') ? null \
                                : (document.querySelector('main') || document.body).innerHTML";
        let deadline = tokio::time::Instant::now() + WAIT;
        let (mut last, mut quiet_since) = (None, tokio::time::Instant::now());
        loop {
            let now = self.client.execute(SNAPSHOT, vec![]).await.expect("read the page");
            if now.is_null() || Some(&now) != last.as_ref() {
                (last, quiet_since) = (Some(now), tokio::time::Instant::now());
            } else if quiet_since.elapsed() >= Duration::from_millis(500) {
                return;
            }
            assert!(tokio::time::Instant::now() < deadline, "{} never settled", self.current_url().await);
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}
