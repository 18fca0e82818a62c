//! The header: every page's menu group in one row on a laptop, one Menu on a phone, menus
//! that open and fold from the keyboard, and the search one key away on both.

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::support::browser::Browser;
use crate::support::routes::route_patterns;
use crate::support::site::{built_site, serve};

/// The `top` and `height` of each element matching `css`, in pixels.
async fn boxes(browser: &Browser, css: &str) -> Vec<(f64, f64)> {
    let script = "return [...document.querySelectorAll(arguments[0])].filter(e => e.offsetParent)
        .map(e => { const r = e.getBoundingClientRect(); return [r.top, r.height]; })";
    let found = browser.client.execute(script, vec![css.into()]).await.expect("measure");
    serde_json::from_value(found).expect("boxes")
}

async fn press(browser: &Browser, key: char) {
    let keys =
        KeyActions::new("keyboard".into()).then(KeyAction::Down { value: key }).then(KeyAction::Up { value: key });
    browser.client.perform_actions(keys).await.expect("a key press");
}

async fn open_menus(browser: &Browser) -> usize {
    browser.client.find_all(Locator::Css(".site-header details[open]")).await.expect("menus").len()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_menu_lists_every_page_in_one_row_and_folds_from_the_keyboard() {
    let base = serve(built_site());
    let browser = Browser::start().await;
    browser.goto(&format!("{base}/")).await;
    browser.wait_for_text("Change failure rate").await;

    // Every page without a parameter is in a group, but the home (the title), the search
    // (beside the menus) and the not-found page.
    let links = browser.client.find_all(Locator::Css(".nav-bar a")).await.expect("links");
    let mut listed = Vec::new();
    for link in links {
        listed.push(link.attr("href").await.expect("href").unwrap_or_default());
    }
    for pattern in route_patterns().iter().filter(|p| !p.contains(':')) {
        if !["/", "/search", "/404"].contains(&pattern.as_str()) {
            assert!(listed.contains(pattern), "the menu lacks {pattern}: add it to NAV_GROUPS in src/app/route.rs");
        }
    }

    // One row on a laptop: the title, the groups and the search share a line.
    let row = boxes(&browser, ".site-header .brand, .nav-bar summary, .nav-search").await;
    assert_eq!(row.len(), 6, "the title, four groups and the search: {row:?}");
    let header = boxes(&browser, ".site-header").await[0].1;
    assert!(header < 60.0, "the header is {header}px high");

    // A group opens from the keyboard; Escape folds it and leaves the focus on its summary.
    browser.client.execute("document.querySelector('.nav-bar summary').focus()", vec![]).await.expect("focus");
    browser.client.active_element().await.unwrap().send_keys(&char::from(Key::Enter).to_string()).await.unwrap();
    browser.wait_for(|| async { open_menus(&browser).await == 1 }).await;
    assert!(!boxes(&browser, ".nav-bar details[open] .nav-pages a").await.is_empty(), "its links show");
    browser.client.active_element().await.unwrap().send_keys(&char::from(Key::Escape).to_string()).await.unwrap();
    browser.wait_for(|| async { open_menus(&browser).await == 0 }).await;
    let focused = browser.client.active_element().await.unwrap().prop("tagName").await.unwrap();
    assert_eq!(focused.as_deref(), Some("SUMMARY"), "the focus is back on the group");
    let ring = browser.client.execute("return getComputedStyle(document.activeElement).outlineStyle", vec![]).await;
    assert_eq!(ring.expect("the outline").as_str(), Some("solid"), "the focus shows");

    // A link in a group opens its page and folds the group.
    browser.click(".nav-bar details:has(a[href='/drills']) > summary").await;
    browser.click(".nav-bar a[href='/drills']").await;
    browser.wait_for(|| async { browser.current_url().await.ends_with("/drills") }).await;
    browser.wait_for(|| async { open_menus(&browser).await == 0 }).await;

    // Just wider than a phone, the row still holds, and the last group's list stays on screen.
    browser.client.set_window_size(760, 900).await.expect("a narrow window");
    let header = boxes(&browser, ".site-header").await[0].1;
    assert!(header < 60.0, "the header is {header}px high at 760px");
    browser.click(".nav-bar > li:last-child summary").await;
    let overflow = "return [...document.querySelectorAll('.nav-bar details[open] a')]
        .some(a => a.getBoundingClientRect().right > document.documentElement.clientWidth)";
    let off_screen = browser.client.execute(overflow, vec![]).await.expect("measure");
    assert_eq!(off_screen.as_bool(), Some(false), "the last group's links stay on screen");
    browser.client.execute("document.body.click()", vec![]).await.expect("click outside");
    browser.wait_for(|| async { open_menus(&browser).await == 0 }).await;

    // On a phone: the title, one Menu and the search, in one row; the Menu holds every page.
    browser.client.set_window_size(390, 844).await.expect("a phone-sized window");
    let row = boxes(&browser, ".site-header .brand, .nav-menu > summary, .nav-search").await;
    assert_eq!(row.len(), 3, "the title, the Menu and the search: {row:?}");
    assert!(boxes(&browser, ".nav-bar").await.is_empty(), "the groups fold into the Menu");
    let header = boxes(&browser, ".site-header").await[0].1;
    assert!(header < 60.0, "the header is {header}px high on a phone");
    browser.click(".nav-menu > summary").await;
    assert_eq!(boxes(&browser, ".nav-menu .nav-pages a").await.len(), listed.len());
    browser.click(".nav-menu a[href='/runbooks']").await;
    browser.wait_for_text("Deploy rollback (all services)").await;
    browser.wait_for(|| async { open_menus(&browser).await == 0 }).await;

    // `/` opens the search there too.
    press(&browser, '/').await;
    browser.wait_for_text("results appear as you type").await;
    browser.close().await;
}
