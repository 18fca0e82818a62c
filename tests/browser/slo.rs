//! The SLO pages show exactly what `firebreak report --json` computes for the same day: the
//! list's rows and the page's cards and tables, laid out from the same view models.

use analytics::slo::SloStatus;
use fantoccini::Locator;
use model::bundle::SLI_FILE;
use views::slo::{SloRow, of_service};
use views::slo_compliance;
use views::slo_detail::{PolicyRow, cards};
use views::slo_overview::SloOverview;

use crate::support::browser::Browser;
use crate::support::site::{built_site, serve};
use crate::support::{report_json, root};

/// The page's compliance history, top to bottom: period, attainment, budget, verdict and
/// whether it is to date, each read from its own cell or attribute.
async fn compliance_table(browser: &Browser) -> Vec<[String; 5]> {
    let mut table = Vec::new();
    for row in browser.client.find_all(Locator::Css("table.compliance tbody tr")).await.expect("the rows") {
        let attr = async |name| row.attr(name).await.expect("an attribute").unwrap_or_default();
        let cell = async |css| row.find(Locator::Css(css)).await.expect(css).text().await.expect("cell text");
        let (period, to_date) = (attr("data-period").await, attr("data-to-date").await);
        table.push([period, cell(".attainment").await, cell(".remaining").await, cell(".verdict").await, to_date]);
    }
    table
}

/// Every SLO of the example repo as of `day`, as the CLI computes them.
fn statuses(day: &str) -> Vec<SloStatus> {
    let json: serde_json::Value = report_json(root(), day, &[]);
    serde_json::from_value(json["slos"].clone()).expect("report --json has `slos`")
}

/// How many times this page load has fetched `sli.bin`.
async fn sli_fetches(browser: &Browser) -> u64 {
    let script = format!(
        "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('/data/{SLI_FILE}')).length;"
    );
    let count = browser.client.execute(&script, vec![]).await.expect("the page's resource timings");
    count.as_u64().expect("a count")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_slo_list_and_an_slo_page_show_what_report_json_gives() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    // Only pages showing SLO figures fetch the SLOs' events, once a session.
    browser.goto(&format!("{base}/runbooks")).await;
    browser.wait_for_text("Runbooks").await;
    assert_eq!(sli_fetches(&browser).await, 0, "the runbook list fetched {SLI_FILE}");
    browser.goto(&format!("{base}/slos")).await;
    browser.wait_for_text("SLOs, as of").await;
    browser.click("tr[data-slo] a").await;
    browser.wait_for_text("Would the alerts have caught it?").await;
    assert_eq!(sli_fetches(&browser).await, 1, "{SLI_FILE} once, for the list and the SLO's page");
    browser.goto(&format!("{base}/slos")).await;
    browser.wait_for_text("SLOs, as of").await;
    // The pages judge each SLO as of today in the reader's browser: ask the CLI for that day.
    let day = browser.attribute("[data-as-of]", "data-as-of").await;
    let statuses = statuses(&day);
    assert_eq!(statuses.len(), 6, "the example repo's six SLOs");
    for status in &statuses {
        let row = SloRow::of(status);
        let text = browser.text(&format!("tr[data-slo='{}']", row.name)).await;
        for expected in [&row.display_name, &row.attainment, &row.target, &row.remaining, &row.burn] {
            assert!(text.contains(expected.as_str()), "{}: the row lacks `{expected}`:\n{text}", row.name);
        }
        assert!(text.contains(row.state), "{}: {text}", row.name);
    }

    browser.select("service", "checkout").await;
    let text = browser.wait_for_text("2 of 6 SLOs").await;
    assert!(!text.contains("Search availability"), "only checkout's SLOs:\n{text}");
    assert!(browser.current_url().await.contains("service=checkout"));

    for status in &statuses {
        browser.goto(&format!("{base}/slos/{}", status.name)).await;
        let text = browser.wait_for_text("Would the alerts have caught it?").await;
        assert!(text.contains("Error budget left at the end of each day"), "the burn-down chart");
        for (label, value) in cards(status) {
            assert!(text.contains(&format!("{value}\n{label}")), "the page lacks card `{label}: {value}`:\n{text}");
        }
        for review in &status.alert_reviews {
            let row = PolicyRow::of(review);
            let policy = browser.text(&format!("tr[data-severity='{}']", row.severity)).await;
            assert!(policy.contains(&format!("{} {}", row.precision, row.recall)), "{policy}");
        }
        for consumer in &status.top_consumers.incidents {
            let share = browser.text(&format!("tr[data-incident='{}'] .share", consumer.incident)).await;
            assert_eq!(share, views::format::format_percent(Some(consumer.share)));
        }
        if status.top_consumers.incidents.is_empty() {
            assert!(text.contains("No incident of this service spent budget in the window."), "{text}");
        }
        let expected: Vec<[String; 5]> = slo_compliance::rows(&status.compliance)
            .into_iter()
            .map(|r| [r.period, r.attainment, r.remaining, r.verdict.to_owned(), r.to_date.to_string()])
            .collect();
        assert!(expected.len() > 1, "{}: the example's SLI history spans months", status.name);
        assert_eq!(compliance_table(&browser).await, expected, "{}: the compliance history", status.name);
    }

    browser.goto(&format!("{base}/slos/checkout-availabilty")).await;
    let text = browser.wait_for_text("No such SLO").await;
    assert!(text.contains("did you mean `checkout-availability`?"), "{text}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_home_and_service_pages_show_each_slos_policy_state() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/")).await;
    let text = browser.wait_for_text("SLOs healthy").await;
    let day = browser.attribute("[data-as-of]", "data-as-of").await;
    let statuses = statuses(&day);
    let overview = SloOverview::of(&statuses);
    assert!(text.contains(&overview.summary), "{text}");
    for (state, count) in &overview.states {
        assert!(
            text.contains(&format!("{count}\n{}", state.label())),
            "the home page lacks the {state:?} tile:\n{text}"
        );
    }
    assert!(!overview.attention.is_empty(), "the example has SLOs needing attention");
    for row in &overview.attention {
        let shown = browser.text(&format!("tr[data-slo='{}']", row.name)).await;
        for expected in [&row.display_name, &row.service, &row.remaining, &row.attainment] {
            assert!(shown.contains(expected.as_str()), "{}: the home row lacks `{expected}`:\n{shown}", row.name);
        }
        assert!(shown.contains(row.state), "{shown}");
    }

    browser.goto(&format!("{base}/services/checkout")).await;
    let text = browser.wait_for_text("Service level objectives").await;
    let rows = of_service(&statuses, "checkout");
    assert_eq!(rows.len(), 2, "checkout's availability and latency SLOs");
    for row in &rows {
        let shown = browser.text(&format!("tr[data-slo='{}']", row.name)).await;
        assert!(shown.contains(&row.remaining) && shown.contains(row.state), "{shown}");
    }
    assert!(!text.contains("Ledger writes commit"), "only checkout's SLOs:\n{text}");
    browser.close().await;
}
