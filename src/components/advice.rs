//! A piece of advice as the results show it: what to try, and the source it comes
//! from (framework and document, with year), so every recommendation is traceable.

use crate::i18n::{k, tf};
use leptos::prelude::*;
use maturity_core::sources::cite;
use maturity_core::Question;

/// One list item: the question's advice and its cited source.
pub fn advice_item(question: &Question) -> impl IntoView {
    advice_with_source(question.advice.clone(), &question.source)
}

/// `text` with `source` (a question's `source` field) cited beneath it.
pub fn advice_with_source(text: String, source: &str) -> impl IntoView {
    view! {
        <li>
            {text}
            <span class="cited">{tf(k::RESULTS_SOURCE, &[("source", &cite(source))])}</span>
        </li>
    }
}
