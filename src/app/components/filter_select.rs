use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterSelectProps {
    pub label: AttrValue,
    pub name: AttrValue,
    /// The choices, shown sorted and without repeats.
    pub options: Vec<String>,
    pub selected: AttrValue,
    /// Offer an "All" choice (the empty value) first.
    #[prop_or(true)]
    pub all: bool,
    pub onchange: Callback<String>,
}

/// A labelled `<select>` whose choice is one of the page's URL parameters.
#[component]
pub fn FilterSelect(props: &FilterSelectProps) -> Html {
    let mut options = props.options.clone();
    if props.all {
        options.sort();
        options.dedup();
    }
    let onchange = props.onchange.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    // Every option states whether it is selected: the browser would otherwise keep
    // whichever option was inserted last.
    html! {
        <label>{ format!("{} ", props.label) }
            <select name={props.name.clone()} {onchange}>
                if props.all { <option value="" selected={props.selected.is_empty()}>{ "All" }</option> }
                { for options.into_iter().map(|v| {
                    let selected = v == props.selected.as_str();
                    html! { <option value={v.clone()} {selected}>{ v }</option> }
                }) }
            </select>
        </label>
    }
}
