use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProblemProps {
    pub title: AttrValue,
    pub message: AttrValue,
    /// Offered as a "Try again" button when present.
    #[prop_or_default]
    pub retry: Option<Callback<()>>,
}

/// A visible error: never a blank page.
#[component]
pub fn Problem(props: &ProblemProps) -> Html {
    let retry = props.retry.clone().map(|retry| {
        html! { <button onclick={move |_| retry.emit(())}>{ "Try again" }</button> }
    });
    html! {
        <section class="problem" role="alert">
            <h2>{ props.title.clone() }</h2>
            <p><code>{ props.message.clone() }</code></p>
            { for retry }
        </section>
    }
}
