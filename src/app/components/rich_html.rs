use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::RawHtml;

#[derive(Properties, PartialEq)]
pub struct RichHtmlProps {
    pub html: AttrValue,
}

/// Compiled, sanitised HTML in which every code block gets a "Copy" button: the engineer at
/// 3 AM pastes commands, never retypes them.
///
/// The HTML goes into the page whole, so a command inside a numbered step stays in its
/// list (cut at each `<pre>`, the browser closed the list there, and left the steps after
/// it outside any list); the buttons are added to it once it is in the page. The container
/// is keyed by the HTML, so new HTML gets a fresh one rather than the old one's buttons.
#[component]
pub fn RichHtml(props: &RichHtmlProps) -> Html {
    let container = use_node_ref();
    {
        let container = container.clone();
        use_effect_with(props.html.clone(), move |_| add_copy_buttons(&container));
    }
    html! {
        <div class="rich-html" key={props.html.to_string()} ref={container} onclick={Callback::from(copy_command)}>
            <RawHtml html={props.html.clone()} />
        </div>
    }
}

/// Wraps each `<pre>` in a `.code-block` that starts with its Copy button.
fn add_copy_buttons(container: &NodeRef) {
    let Some(root) = container.cast::<web_sys::Element>() else { return };
    let Ok(blocks) = root.query_selector_all("pre") else { return };
    let document = gloo_utils::document();
    for pre in (0..blocks.length()).filter_map(|i| blocks.item(i)) {
        let (Some(parent), Ok(wrapper), Ok(button)) =
            (pre.parent_node(), document.create_element("div"), document.create_element("button"))
        else {
            continue;
        };
        wrapper.set_class_name("code-block");
        button.set_class_name("copy");
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("aria-label", "Copy this command");
        button.set_text_content(Some("Copy"));
        let _ = parent.insert_before(&wrapper, Some(&pre));
        let _ = wrapper.append_child(&button);
        let _ = wrapper.append_child(&pre);
    }
}

/// A click on a Copy button puts its block's text on the clipboard.
fn copy_command(event: MouseEvent) {
    let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let Some(button) = target.and_then(|t| t.closest(".code-block > button.copy").ok().flatten()) else { return };
    let pre = button.parent_element().and_then(|block| block.query_selector(":scope > pre").ok().flatten());
    let (Some(pre), Some(window)) = (pre, web_sys::window()) else { return };
    let _ = window.navigator().clipboard().write_text(&pre.text_content().unwrap_or_default());
    button.set_text_content(Some("Copied"));
}
