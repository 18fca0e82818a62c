use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RawHtmlProps {
    pub html: AttrValue,
    #[prop_or_default]
    pub class: Classes,
}

/// HTML rendered and sanitised (ammonia) by the compiler; see `ingest::markdown::render`.
#[component]
pub fn RawHtml(props: &RawHtmlProps) -> Html {
    html! { <div class={props.class.clone()}>{ Html::from_html_unchecked(props.html.clone()) }</div> }
}
