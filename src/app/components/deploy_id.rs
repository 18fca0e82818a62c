use std::rc::Rc;
use yew::prelude::*;

use crate::app::data::Load;
use model::TextColumn;

/// A deployment's id in a table cell: known already, looked up in the ids once they have
/// loaded, or a placeholder until then (with the reason if they failed to load).
pub fn deploy_id_cell(ids: &Load<Rc<TextColumn>>, row: usize, known: Option<&str>) -> Html {
    match (known, ids) {
        (Some(id), _) => html! { <code>{ id.to_owned() }</code> },
        (None, Load::Ready(ids)) if row < ids.len() => html! { <code>{ ids.get(row).to_owned() }</code> },
        (None, Load::Failed(e)) => html! { <span class="muted" title={e.clone()}>{ "(ids unavailable)" }</span> },
        (None, _) => html! { <span class="muted">{ "…" }</span> },
    }
}
