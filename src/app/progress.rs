//! Reading progress on the onboarding page, kept in the reader's browser (localStorage):
//! it survives reloads and needs no account. Keys are the items' `progress_key`s.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

const STORAGE_KEY: &str = "firebreak.onboarding.done";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was ticked before; nothing when storage is unavailable (private modes may refuse it)
/// or holds something unreadable.
fn load() -> BTreeSet<String> {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

fn save(done: &BTreeSet<String>) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(done)) {
        // A full or refused storage keeps the ticks for this visit only.
        let _ = storage.set_item(STORAGE_KEY, &json);
    }
}

/// The ticked keys and a callback that flips one.
#[hook]
pub fn use_progress() -> (Rc<BTreeSet<String>>, Callback<String>) {
    let done = use_state(|| Rc::new(load()));
    let toggle = {
        let done = done.clone();
        Callback::from(move |key: String| {
            // Re-read: another tab may have ticked something since this page loaded.
            let mut next = load();
            if !next.remove(&key) {
                next.insert(key);
            }
            save(&next);
            done.set(Rc::new(next));
        })
    };
    ((*done).clone(), toggle)
}
