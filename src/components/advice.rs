//! A piece of advice as the results show it: what to try, and the source it comes
//! from (framework and document, with year), so every recommendation is traceable.

use crate::i18n::{around, k, t};
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
            <span class="cited">{cited(k::RESULTS_SOURCE, cite(source))}</span>
        </li>
    }
}

/// A citation in its message ("Source: {source}"): the documents are cited as
/// they are written, in English, and marked so (`lang="en"`) for screen readers.
pub fn cited(message: crate::i18n::Key, source: String) -> impl IntoView {
    let (before, after) = around(&t(message), "source");
    view! { {before}<span lang="en">{source}</span>{after} }
}
