use yew::prelude::*;

use super::RawHtml;

#[derive(Properties, PartialEq)]
pub struct RichHtmlProps {
    pub html: AttrValue,
}

/// Compiled, sanitised HTML in which every code block gets a "Copy" button: the engineer at
/// 3 AM pastes commands, never retypes them.
#[component]
pub fn RichHtml(props: &RichHtmlProps) -> Html {
    html! { <>{ for split_code_blocks(&props.html).into_iter().map(|(code, html)| {
        if code { html! { <CodeBlock html={html} /> } } else { html! { <RawHtml html={html} /> } }
    }) }</> }
}

/// Splits at `<pre>…</pre>`: (is a code block, html). The compiler's HTML has no nested `<pre>`.
fn split_code_blocks(html: &str) -> Vec<(bool, AttrValue)> {
    let mut parts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre>") {
        let Some(len) = rest[start..].find("</pre>") else { break };
        let end = start + len + "</pre>".len();
        if start > 0 {
            parts.push((false, AttrValue::from(rest[..start].to_owned())));
        }
        parts.push((true, AttrValue::from(rest[start..end].to_owned())));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        parts.push((false, AttrValue::from(rest.to_owned())));
    }
    parts
}

#[derive(Properties, PartialEq)]
struct CodeBlockProps {
    html: AttrValue,
}

#[component]
fn CodeBlock(props: &CodeBlockProps) -> Html {
    let block = use_node_ref();
    let copied = use_state(|| false);
    let onclick = {
        let (block, copied) = (block.clone(), copied.clone());
        Callback::from(move |_| {
            let text = block.get().and_then(|node| node.text_content()).unwrap_or_default();
            if let Some(window) = web_sys::window() {
                let _ = window.navigator().clipboard().write_text(&text);
                copied.set(true);
            }
        })
    };
    html! {
        <div class="code-block">
            <button class="copy" type="button" {onclick} aria-label="Copy this command">{ if *copied { "Copied" } else { "Copy" } }</button>
            <div ref={block}><RawHtml html={props.html.clone()} /></div>
        </div>
    }
}
