use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SnippetTextProps {
    /// Text pieces; `true` marks a matched word.
    pub parts: Vec<(String, bool)>,
}

/// A search snippet: matched words in `<mark>`, everything as text (never as markup).
#[component]
pub fn SnippetText(props: &SnippetTextProps) -> Html {
    html! {
        <p class="snippet">
            { for props.parts.iter().map(|(text, hit)| if *hit {
                html! { <mark>{ text.clone() }</mark> }
            } else {
                html! { text.clone() }
            }) }
        </p>
    }
}
