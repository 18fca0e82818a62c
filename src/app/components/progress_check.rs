use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressCheckProps {
    /// What the tick is stored under (see `app::progress`).
    pub key_name: AttrValue,
    pub done: bool,
    /// What is being ticked, for screen readers.
    pub label: AttrValue,
    pub on_toggle: Callback<String>,
}

/// A checkbox for one onboarding step or document.
#[component]
pub fn ProgressCheck(props: &ProgressCheckProps) -> Html {
    let onchange = {
        let (key, on_toggle) = (props.key_name.to_string(), props.on_toggle.clone());
        Callback::from(move |_: Event| on_toggle.emit(key.clone()))
    };
    html! {
        <input type="checkbox" class="progress-check" checked={props.done} {onchange}
            data-progress={props.key_name.clone()} aria-label={format!("Done: {}", props.label)} />
    }
}
