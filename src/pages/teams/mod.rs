//! The coach's page: every team at a glance. A team × dimension heat map of each
//! team's latest result, what the teams share, how each moved, the portfolio's
//! trend per quarter and the experiments across teams; filtered by questionnaire,
//! dates and tag, with team names hidden for a presentation (the printout and the
//! CSV follow). The rules and the page's model are the core's
//! ([`maturity_core::coach::portfolio`], [`maturity_core::coach::overview`]); each
//! section is a file here.

mod experiments;
mod heat_map;
mod shared;
mod trend;

use crate::i18n::{k, t, tf, tp};
use crate::platform::{download, iso_date_time, local_day, mark, today};
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::coach::overview::{csv, HeatMapCsvWords, Overview, TeamLine};
use maturity_core::coach::portfolio::{self, sort_rows, Filter, SortBy};
use maturity_core::dora::clusters::{editions, NEWEST_WITH_CLUSTERS};

/// A team's name as the page shows it: its letters ("Team A") when names are
/// hidden. The heat map, the experiments and the CSV all say it so.
fn shown_name(hide: bool, name: &str, letters: &str) -> String {
    if hide {
        tf(k::COACH_HIDDEN_NAME, &[("letters", letters)])
    } else {
        name.to_string()
    }
}

/// What the filters hold.
#[derive(Clone, Copy)]
struct Filters {
    questionnaire: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
    tag: RwSignal<String>,
    archived: RwSignal<bool>,
    hide: RwSignal<bool>,
}

impl Filters {
    /// The core's filter: dates are whole local days, daylight-saving days too.
    fn get(&self) -> Filter {
        Filter {
            questionnaire: self.questionnaire.get(),
            from: local_day(&self.from.get()).map(|(start, _)| start),
            to: local_day(&self.to.get()).map(|(_, end)| end),
            tag: Some(self.tag.get()).filter(|t| !t.is_empty()),
            archived: self.archived.get(),
        }
    }
}

#[component]
pub fn TeamsPage() -> impl IntoView {
    crate::platform::set_title(&t(k::COACH_TITLE));
    let state = use_app_state();
    let filters = Filters {
        questionnaire: RwSignal::new(String::from("calms")),
        from: RwSignal::new(String::new()),
        to: RwSignal::new(String::new()),
        tag: RwSignal::new(String::new()),
        archived: RwSignal::new(false),
        hide: RwSignal::new(false),
    };
    let edition = RwSignal::new(NEWEST_WITH_CLUSTERS.to_string());
    let sort = RwSignal::new((SortBy::Team, false));
    // The page's model, computed when the store, the catalog, the filter or the
    // edition change (not when the table is sorted or names are hidden).
    let overview = Memo::new(move |_| {
        mark("devops-maturity:coach:start");
        let filter = filters.get();
        let year: u16 = edition.get().parse().unwrap_or(NEWEST_WITH_CLUSTERS);
        let editions = editions();
        let chosen = editions.iter().find(|e| e.year == year);
        let today = today();
        let overview = state.catalog.with(|catalog| {
            state
                .store
                .with(|store| Overview::of(store, catalog, &filter, chosen, &today))
        });
        mark("devops-maturity:coach:end");
        overview
    });
    // The rows in the order chosen: sorting reorders what was computed.
    let sorted = Memo::new(move |_| {
        let (by, descending) = sort.get();
        let mut rows = overview.with(|o| o.rows.clone());
        sort_rows(&mut rows, by, descending);
        rows
    });
    let error = RwSignal::new(None::<String>);
    // The CSV follows the page: its filter, its order, hidden names.
    let save_csv = move |_| {
        let text = overview.with_untracked(|o| {
            sorted.with_untracked(|rows| page_csv(o, rows, filters.hide.get_untracked()))
        });
        let name = format!("devops-maturity-all-teams-{}.csv", today());
        error.set(download(&name, "text/csv;charset=utf-8", &text).err());
    };
    view! {
        <p class="report-actions">
            <button type="button" on:click=|_| crate::platform::print()>{t(k::TEAM_PRINT)}</button>
            " "
            <button type="button" on:click=save_csv>{t(k::COACH_CSV)}</button>
        </p>
        <h1>{t(k::COACH_HEADING)}</h1>
        <p class="lede">{t(k::COACH_INTRO)}</p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <FilterForm filters=filters/>
        {move || {
            let o = overview.get();
            if o.rows.is_empty() {
                return view! { <p class="empty">{t(k::COACH_EMPTY)}</p> }.into_any();
            }
            let summary = if o.assessed() == 0 {
                tf(k::COACH_NONE_ASSESSED, &[("questionnaire", &o.title)])
            } else {
                tp(k::COACH_ASSESSED, o.assessed(), &[("total", &o.rows.len().to_string()), ("questionnaire", &o.title)])
            };
            let overdue = o.overdue();
            view! {
                <p class="meta" id="coach-summary">{summary}</p>
                {(overdue > 0).then(|| view! { <p class="warning overdue-flag" role="note">{tp(k::COACH_OVERDUE_FLAG, overdue, &[])}</p> })}
                <heat_map::HeatMap dimensions=o.dimensions.clone() rows=sorted sort=sort hide=filters.hide/>
                <shared::Shared overview=o.clone() edition=edition/>
                <trend::Trend rows=o.trend.clone()/>
                <experiments::Experiments lines=o.experiments hide=filters.hide/>
            }.into_any()
        }}
    }
}

/// The heat map's CSV in the user's language, rows in the page's order.
fn page_csv(overview: &Overview, rows: &[TeamLine], hide: bool) -> String {
    let [team, date, overall, previous, movement, overdue, improved, worse, unchanged, first] = [
        k::COACH_COL_TEAM,
        k::COACH_COL_DATE,
        k::COACH_COL_OVERALL,
        k::COACH_PREVIOUS,
        k::COACH_COL_MOVEMENT,
        k::COACH_COL_OVERDUE,
        k::COACH_IMPROVED,
        k::COACH_WORSE,
        k::COACH_UNCHANGED,
        k::COACH_FIRST,
    ]
    .map(t);
    let words = HeatMapCsvWords {
        team: &team,
        date: &date,
        overall: &overall,
        previous: &previous,
        movement: &movement,
        overdue: &overdue,
        improved: &improved,
        worse: &worse,
        unchanged: &unchanged,
        not_comparable: &first,
    };
    let name = |r: &TeamLine| shown_name(hide, &r.name, &r.letters);
    csv(overview, rows, &words, name, iso_date_time)
}

/// The filters: questionnaire, dates, tag, archived teams, hidden names.
#[component]
fn FilterForm(filters: Filters) -> impl IntoView {
    let state = use_app_state();
    let Filters {
        questionnaire,
        from,
        to,
        tag,
        archived,
        hide,
    } = filters;
    let questionnaires = Memo::new(move |_| {
        state.catalog.with(|c| {
            c.all()
                .iter()
                .map(|q| (q.id.clone(), q.title.clone()))
                .collect::<Vec<_>>()
        })
    });
    let tags = Memo::new(move |_| state.store.with(portfolio::tags));
    view! {
        <section class="card coach-filters no-print" aria-labelledby="filters-heading">
            <h2 id="filters-heading">{t(k::COACH_FILTERS)}</h2>
            <div class="filter-grid">
                <div class="field"><label for="coach-questionnaire">{t(k::COACH_QUESTIONNAIRE)}</label>
                    <select id="coach-questionnaire" bind:value=questionnaire>
                        {move || questionnaires.get().into_iter().map(|(id, title)| view! { <option value=id.clone() selected=move || questionnaire.get() == id>{title}</option> }).collect_view()}
                    </select></div>
                <div class="field"><label for="coach-from">{t(k::COACH_FROM)}</label>
                    <input id="coach-from" type="date" bind:value=from/></div>
                <div class="field"><label for="coach-to">{t(k::COACH_TO)}</label>
                    <input id="coach-to" type="date" bind:value=to/></div>
                <div class="field"><label for="coach-tag">{t(k::COACH_TAG)}</label>
                    <select id="coach-tag" bind:value=tag>
                        <option value="">{t(k::COACH_ANY_TAG)}</option>
                        {move || tags.get().into_iter().map(|name| view! { <option value=name.clone()>{name.clone()}</option> }).collect_view()}
                    </select></div>
            </div>
            <p class="checks">
                <label><input type="checkbox" id="coach-archived" bind:checked=archived/>" "{t(k::COACH_ARCHIVED)}</label>
                <label><input type="checkbox" id="coach-hide" bind:checked=hide/>" "{t(k::COACH_HIDE_NAMES)}</label>
            </p>
        </section>
    }
}
