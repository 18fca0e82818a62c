use yew::prelude::*;

use search::{Facet, FacetCount};

#[derive(Properties, PartialEq)]
pub struct SearchFacetsProps {
    pub facets: Vec<FacetCount>,
    /// Selects or clears one value.
    pub toggle: Callback<(Facet, String)>,
}

fn title(facet: Facet) -> &'static str {
    match facet {
        Facet::Kind => "Kind",
        Facet::Severity => "Severity",
        Facet::Service => "Service",
        Facet::Team => "Team",
        Facet::Tag => "Tag",
        Facet::Year => "Year",
        Facet::Status => "Status",
    }
}

/// The facets of the current results: a checkbox per value with the number of results
/// choosing it would give.
#[component]
pub fn SearchFacets(props: &SearchFacetsProps) -> Html {
    let groups = Facet::ALL.into_iter().filter_map(|facet| {
        let values: Vec<&FacetCount> = props.facets.iter().filter(|f| f.facet == facet).collect();
        (!values.is_empty()).then(|| {
            html! {
                <fieldset class={classes!("facet", format!("facet-{}", facet.key()))}>
                    <legend>{ title(facet) }</legend>
                    { for values.into_iter().map(|f| {
                        let toggle = props.toggle.clone();
                        let value = f.value.clone();
                        let onchange = Callback::from(move |_: Event| toggle.emit((facet, value.clone())));
                        html! {
                            <label>
                                <input type="checkbox" checked={f.selected} {onchange} data-facet={facet.key()} data-value={f.value.clone()} />
                                { format!(" {} ", f.value) }<span class="muted">{ f.count }</span>
                            </label>
                        }
                    }) }
                </fieldset>
            }
        })
    });
    html! { <aside class="facets" aria-label="Narrow the results">{ for groups }</aside> }
}
