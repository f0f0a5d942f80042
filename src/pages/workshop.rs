//! A facilitator's workshop: invite (join link and QR code), collect answer codes
//! (pasted, opened as links or dropped as files), look back at the last actions,
//! record new ones, and save the agreed answers as the team's run.

use crate::components::actions::{detail_of, without_done, ActionCheck};
use crate::components::code_collector::CodeCollector;
use crate::components::qr::QrCode;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{app_url, copy_text, format_date_time, new_id, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::assessment::records::{Action, Direction, Target, Workshop};
use maturity_core::workshop::codec::{encode_join, Invitation};
use maturity_core::RunId;

/// The join link for a workshop, as participants open it.
fn join_link(workshop: &Workshop, team_name: &str) -> String {
    let code = encode_join(&Invitation::to_workshop(workshop, team_name));
    app_url(&routes::join(&code))
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        routes::parse_workshop_id(&params.read().get("workshop").unwrap_or_default())
    });
    let exists = Memo::new(move |_| {
        id.get()
            .is_some_and(|id| state.store.with(|s| s.workshop(id).is_some()))
    });
    move || match id.get().filter(|_| exists.get()) {
        None => {
            set_title(&t(k::WORKSHOP_NOT_FOUND));
            view! {
                <h1>{t(k::WORKSHOP_NOT_FOUND)}</h1>
                <p>{t(k::WORKSHOP_NOT_FOUND_TEXT)}</p>
                <p><A href=routes::home() exact=true>{t(k::WORKSHOP_START_PAGE)}</A></p>
            }
            .into_any()
        }
        Some(id) => view! { <Facilitate id=id/> }.into_any(),
    }
}

#[component]
fn Facilitate(id: u32) -> impl IntoView {
    let state = use_app_state();
    let workshop = Memo::new(move |_| state.store.with(|s| s.workshop(id).cloned()));
    let team = Memo::new(move |_| {
        state.store.with(|s| {
            s.workshop(id)
                .and_then(|w| s.team(&w.team))
                .map(|t| (t.id.clone(), t.name.clone()))
        })
    });
    let team_name = move || team.get().map(|t| t.1).unwrap_or_default();
    Effect::new(move |_| set_title(&tf(k::WORKSHOP_PAGE_TITLE, &[("team", &team_name())])));
    let titles = move || {
        workshop.with(|w| {
            w.as_ref()
                .map(|w| state.catalog.with(|c| c.title_line(&w.questionnaires)))
                .unwrap_or_default()
        })
    };
    let collected =
        Memo::new(move |_| workshop.with(|w| w.as_ref().map_or(0, |w| w.submissions.len())));
    let saved_run = Memo::new(move |_| workshop.with(|w| w.as_ref().and_then(|w| w.run.clone())));

    view! {
        <h1>{move || tf(k::WORKSHOP_HEADING, &[("team", &team_name())])} <span class="subtitle">{move || format!(" · {}", titles())}</span></h1>
        <p class="meta" aria-live="polite">{move || saved_run.get().is_none().then(|| {
            tp(k::WORKSHOP_CODES_COLLECTED, collected.get(), &[])
        })}</p>
        {move || match saved_run.get() {
            Some(run) => view! {
                <p class="card">{t(k::WORKSHOP_SAVED)}" "
                    <A href=routes::results(&run)>{t(k::WORKSHOP_SEE_RESULTS)}</A></p>
            }.into_any(),
            None => view! {
                <LastActions team=team/>
                <Invite workshop=workshop team_name=Signal::derive(team_name)/>
                <CodeCollector id=id workshop=workshop/>
                <section class="card" aria-labelledby="discuss-heading">
                    <h2 id="discuss-heading">{t(k::WORKSHOP_DISCUSS_HEADING)}</h2>
                    <p>{t(k::WORKSHOP_DISCUSS_TEXT)}</p>
                    <p><A href=routes::present(id) attr:class="button primary">{t(k::WORKSHOP_OPEN_PRESENTER)}</A></p>
                </section>
                <Actions id=id workshop=workshop/>
                <SaveWorkshop id=id collected=collected/>
                <DeleteWorkshop id=id collected=collected/>
            }.into_any(),
        }}
    }
}

/// "Did we do it?": the actions recorded at the team's last assessment.
#[component]
fn LastActions(team: Memo<Option<(maturity_core::TeamId, String)>>) -> impl IntoView {
    let state = use_app_state();
    let last = Memo::new(move |_| {
        let (team, _) = team.get()?;
        state.store.with(|s| {
            s.last_actions(&team)
                .map(|(run, actions)| (run.id.clone(), run.held_at(), without_done(actions)))
        })
    });
    move || {
        last.get().map(|(run, at, actions)| {
            let items = actions
                .into_iter()
                .map(|action| view! { <ActionCheck run=run.clone() action=action/> })
                .collect_view();
            view! {
                <section class="card last-actions" aria-labelledby="last-actions-heading">
                    <h2 id="last-actions-heading">{t(k::WORKSHOP_LAST_ACTIONS_HEADING)}</h2>
                    <p class="hint">{tf(k::WORKSHOP_LAST_ACTIONS_HINT, &[("time", &format_date_time(at))])}</p>
                    <ul class="checklist">{items}</ul>
                </section>
            }
        })
    }
}

#[component]
fn Invite(workshop: Memo<Option<Workshop>>, team_name: Signal<String>) -> impl IntoView {
    let link = Signal::derive(move || {
        workshop.with(|w| {
            w.as_ref()
                .map(|w| join_link(w, &team_name.get()))
                .unwrap_or_default()
        })
    });
    let status = RwSignal::new(String::new());
    view! {
        <section class="card invite" aria-labelledby="invite-heading">
            <h2 id="invite-heading">{t(k::WORKSHOP_INVITE_HEADING)}</h2>
            <p>{t(k::WORKSHOP_INVITE_TEXT)}</p>
            <div class="field">
                <label for="join-link">{t(k::WORKSHOP_JOIN_LINK)}</label>
                <input id="join-link" type="text" readonly prop:value=move || link.get()
                    on:focus:target=move |ev| ev.target().select()/>
            </div>
            <p class="actions">
                <button type="button" on:click=move |_| status.set(if copy_text(&link.get_untracked()) {
                    t(k::WORKSHOP_JOIN_LINK_COPIED)
                } else {
                    t(k::WORKSHOP_COPY_REFUSED)
                })>{t(k::WORKSHOP_COPY_JOIN_LINK)}</button>
                <span class="hint" role="status">{move || status.get()}</span>
            </p>
            <QrCode text=link label=k::WORKSHOP_JOIN_LINK_QR/>
        </section>
    }
}

#[component]
fn Actions(id: u32, workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = use_app_state();
    let what = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    // "" (a plain action), "d|<questionnaire>|<dimension>" or "q|<questionnaire>|<question>".
    let target = RwSignal::new(String::new());
    let direction = RwSignal::new(String::from("up"));
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = Action {
            id: new_id("a"),
            what: what.get_untracked(),
            owner: owner.get_untracked(),
            due: due.get_untracked(),
            done: false,
            target: parse_target(&target.get_untracked(), &direction.get_untracked()),
        };
        match state.change(|s| s.add_action(id, action, now())) {
            Ok(()) => {
                error.set(None);
                what.set(String::new());
                owner.set(String::new());
                due.set(String::new());
                target.set(String::new());
                direction.set("up".into());
            }
            Err(e) => error.set(Some(crate::errors::change(&e))),
        }
    };
    let actions =
        move || workshop.with(|w| w.as_ref().map(|w| w.actions.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t(k::WORKSHOP_ACTIONS_HEADING)}</h2>
            <p>{t(k::WORKSHOP_ACTIONS_TEXT)}</p>
            <ul class="action-list">
                {move || actions().into_iter().map(|a| {
                    let action_id = a.id.clone();
                    let label = tf(k::WORKSHOP_REMOVE_ACTION, &[("action", &a.what)]);
                    view! {
                        <li>{a.what.clone()} <span class="hint">{state.catalog.with(|c| detail_of(c, &a))}</span> " "
                            <button type="button" aria-label=label on:click=move |_| {
                                if let Err(e) = state.change(|s| s.remove_action(id, &action_id, now())) {
                                    error.set(Some(crate::errors::change(&e)));
                                }
                            }>{t(k::WORKSHOP_REMOVE)}</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="action-form" on:submit=add novalidate>
                <div class="field"><label for="action-what">{t(k::WORKSHOP_ACTION)}</label>
                    <input id="action-what" type="text" maxlength="300" bind:value=what/></div>
                <div class="field"><label for="action-owner">{t(k::WORKSHOP_OWNER)}</label>
                    <input id="action-owner" type="text" maxlength="300" bind:value=owner/></div>
                <div class="field"><label for="action-target">{t(k::EXPERIMENT_TARGET)}</label>
                    <select id="action-target" bind:value=target>
                        <option value="">{t(k::EXPERIMENT_TARGET_NONE)}</option>
                        {move || target_options(workshop)}
                    </select></div>
                {move || (!target.get().is_empty()).then(|| view! {
                    <div class="field"><label for="action-direction">{t(k::EXPERIMENT_DIRECTION)}</label>
                        <select id="action-direction" bind:value=direction>
                            <option value="up">{t(k::EXPERIMENT_UP)}</option>
                            <option value="down">{t(k::EXPERIMENT_DOWN)}</option>
                        </select></div>
                })}
                <div class="field"><label for="action-due">{move || if target.get().is_empty() { t(k::WORKSHOP_DUE) } else { t(k::EXPERIMENT_CHECK_BY) }}</label>
                    <input id="action-due" type="date" bind:value=due/></div>
                <button type="submit">{t(k::WORKSHOP_ADD_ACTION)}</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn SaveWorkshop(id: u32, collected: Memo<usize>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let catalog = state.catalog.get_untracked();
        match state.change(|s| s.save_workshop(id, &catalog, RunId(new_id("r")), now())) {
            Ok(run) => navigate(&routes::results(&run), routes::navigate()),
            Err(e) => error.set(Some(crate::errors::change(&e))),
        }
    };
    view! {
        <section class="card" aria-labelledby="save-heading">
            <h2 id="save-heading">{t(k::WORKSHOP_SAVE_HEADING)}</h2>
            <p>{move || tp(k::WORKSHOP_SAVE_TEXT, collected.get(), &[])}</p>
            <button type="button" class="primary" on:click=save>{t(k::WORKSHOP_SAVE)}</button>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

/// Abandons a workshop: asks first and says what goes.
#[component]
fn DeleteWorkshop(id: u32, collected: Memo<usize>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = move |_| match state.change(|s| s.delete_workshop(id, now())) {
        Ok(()) => navigate(&routes::home(), routes::navigate()),
        Err(e) => error.set(Some(crate::errors::change(&e))),
    };
    view! {
        <p>
            <button type="button" class="quiet" on:click=move |_| confirming.set(true)>{t(k::WORKSHOP_DELETE)}</button>
        </p>
        {move || confirming.get().then(|| { let delete = delete.clone(); view! {
            <div class="confirm" role="group" aria-label=t(k::WORKSHOP_DELETE_CONFIRM_LABEL)>
                <p>{tp(k::WORKSHOP_DELETE_CONFIRM, collected.get(), &[])}</p>
                <button type="button" class="danger" on:click=delete>{t(k::WORKSHOP_DELETE_BUTTON)}</button>
                <button type="button" on:click=move |_| confirming.set(false)>{t(k::WORKSHOP_KEEP)}</button>
            </div>
        }})}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}

/// The targets an action may take: each scored dimension and each question of the
/// workshop's questionnaires, grouped by questionnaire.
fn target_options(workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = use_app_state();
    let ids = workshop.with(|w| {
        w.as_ref()
            .map(|w| w.questionnaires.clone())
            .unwrap_or_default()
    });
    state.catalog.with(|catalog| {
        ids.iter()
            .filter_map(|id| catalog.get(id))
            .map(|q| {
                let dimensions = q
                    .dimensions
                    .iter()
                    .filter(|d| d.scored)
                    .map(|d| view! { <option value=format!("d|{}|{}", q.id, d.id)>{d.name.clone()}</option> })
                    .collect_view();
                let questions = q
                    .active_questions()
                    .map(|x| view! { <option value=format!("q|{}|{}", q.id, x.id)>{x.text.clone()}</option> })
                    .collect_view();
                view! {
                    <optgroup label=tf(k::EXPERIMENT_DIMENSIONS_OF, &[("questionnaire", &q.title)])>{dimensions}</optgroup>
                    <optgroup label=tf(k::EXPERIMENT_QUESTIONS_OF, &[("questionnaire", &q.title)])>{questions}</optgroup>
                }
            })
            .collect_view()
    })
}

/// The target chosen in the form (see [`target_options`]), if any.
fn parse_target(value: &str, direction: &str) -> Option<Target> {
    let mut parts = value.splitn(3, '|');
    let (kind, questionnaire, id) = (parts.next()?, parts.next()?, parts.next()?);
    let direction = if direction == "down" {
        Direction::Down
    } else {
        Direction::Up
    };
    let (dimension, question) = match kind {
        "d" => (id.to_string(), String::new()),
        "q" => (String::new(), id.to_string()),
        _ => return None,
    };
    Some(Target {
        questionnaire: questionnaire.to_string(),
        dimension,
        question,
        direction,
    })
}
