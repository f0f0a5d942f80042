//! A facilitator's workshop: invite (join link and QR code), collect answer codes
//! (pasted, opened as links or dropped as files), look back at the last actions,
//! record new ones, and save the agreed answers as the team's run.

use crate::app::{catalog, use_app_state, AppState};
use crate::components::actions::{detail_of, without_done, ActionCheck};
use crate::components::qr::QrCode;
use crate::platform::{copy_text, format_date_time, new_id, now, origin, read_text, set_title};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use maturity_core::codec::{
    codes_in, decode_answers, encode_join, AnswerCode, CodeError, Invitation, Layout,
};
use maturity_core::model::Action;
use maturity_core::workshop::{Added, Workshop};
use maturity_core::RunId;

/// Largest answer file accepted: an answer file is a few hundred bytes.
const MAX_ANSWER_FILE: f64 = 64.0 * 1024.0;

/// `1a2b3c4d` -> the workshop id; anything else -> `None`.
pub fn parse_workshop_id(text: &str) -> Option<u32> {
    (text.len() == 8)
        .then(|| u32::from_str_radix(text, 16).ok())
        .flatten()
}

/// The route of a workshop's page.
pub fn workshop_href(id: u32) -> String {
    format!("/workshops/{id:08x}")
}

/// What happened to one pasted code, said to the facilitator.
#[derive(Clone, PartialEq)]
pub struct Outcome {
    pub ok: bool,
    pub message: String,
}

/// Adds every code found in `text` to workshop `id`. Refused codes change nothing
/// and say why; duplicates are ignored with a notice.
pub fn collect_codes(state: AppState, id: u32, text: &str) -> Vec<Outcome> {
    let Some((layout, known)) = state.store.with_untracked(|s| {
        let w = s.workshop(id)?;
        Some((Layout::new(catalog().ok()?, &w.questionnaires), w.layout))
    }) else {
        return vec![Outcome {
            ok: false,
            message: "This workshop is no longer on this device.".into(),
        }];
    };
    if layout.fingerprint() != known {
        return vec![Outcome {
            ok: false,
            message: "This version of the app asks different questions from the one that started the workshop, so its codes cannot be read here.".into(),
        }];
    }
    let found = codes_in(text);
    if found.is_empty() {
        return vec![Outcome {
            ok: false,
            message: "Nothing to add: paste answer codes or links, one per line.".into(),
        }];
    }
    // Read every code first, then add them all in one change: one save, however
    // many codes arrive at once.
    let read: Vec<(&str, Result<AnswerCode, CodeError>)> = found
        .into_iter()
        .map(|token| (token, decode_answers(token, &layout, id)))
        .collect();
    let codes: Vec<AnswerCode> = read
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().cloned())
        .collect();
    let added = if codes.is_empty() {
        Ok(Vec::new())
    } else {
        state.change(|s| {
            codes
                .into_iter()
                .map(|code| {
                    let participant = code.participant;
                    s.add_submission(code, now())
                        .map(|added| (participant, added))
                })
                .collect::<Result<Vec<_>, _>>()
        })
    };
    let added = match added {
        Ok(added) => added,
        Err(e) => {
            return vec![Outcome {
                ok: false,
                message: format!("Not added: {e}"),
            }]
        }
    };
    let number = |participant: u32| {
        state.store.with_untracked(|s| {
            s.workshop(id)
                .and_then(|w| {
                    w.submissions
                        .iter()
                        .position(|x| x.participant == participant)
                })
                .map_or(0, |i| i + 1)
        })
    };
    let mut added = added.into_iter();
    read.into_iter()
        .map(|(token, result)| match result {
            Err(reason) => Outcome {
                ok: false,
                message: format!("Refused “{}”: {reason}", shorten(token)),
            },
            Ok(_) => {
                let Some((participant, how)) = added.next() else {
                    return Outcome { ok: false, message: "Not added.".into() };
                };
                let n = number(participant);
                Outcome {
                    ok: how != Added::Outdated,
                    message: match how {
                        Added::New => format!("Added: participant {n}'s answers."),
                        Added::Replaced => format!("Updated: participant {n} sent changed answers; their latest replace the earlier ones."),
                        Added::Duplicate => format!("Ignored: participant {n}'s code was already collected."),
                        Added::Outdated => format!("Ignored: an earlier code of participant {n}, whose later answers are already collected."),
                    },
                }
            }
        })
        .collect()
}

/// The first characters of a pasted token, to say which one a message is about.
fn shorten(token: &str) -> String {
    let short: String = token.chars().take(24).collect();
    if short.len() < token.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The join link for a workshop.
pub fn join_link(workshop: &Workshop, team_name: &str) -> String {
    let invitation = Invitation {
        workshop: workshop.id,
        team_name: team_name.to_string(),
        questionnaires: workshop.questionnaires.clone(),
        layout: workshop.layout,
    };
    format!("{}/join#{}", origin(), encode_join(&invitation))
}

#[component]
pub fn WorkshopPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id =
        Memo::new(move |_| parse_workshop_id(&params.read().get("workshop").unwrap_or_default()));
    let exists = Memo::new(move |_| {
        id.get()
            .is_some_and(|id| state.store.with(|s| s.workshop(id).is_some()))
    });
    move || match id.get().filter(|_| exists.get()) {
        None => {
            set_title("Workshop not found");
            view! {
                <h1>"Workshop not found"</h1>
                <p>"This workshop is not on this device. Workshops live on the facilitator's device; if you are a participant, open the join link instead."</p>
                <p><A href="/">"Start page"</A></p>
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
    Effect::new(move |_| set_title(&format!("Workshop · {}", team_name())));
    let titles = move || {
        workshop.with(|w| {
            w.as_ref()
                .map(|w| {
                    w.questionnaires
                        .iter()
                        .map(|q| {
                            catalog()
                                .ok()
                                .and_then(|c| c.get(q))
                                .map_or_else(|| q.clone(), |q| q.title.clone())
                        })
                        .collect::<Vec<_>>()
                        .join(" + ")
                })
                .unwrap_or_default()
        })
    };
    let count =
        Memo::new(move |_| workshop.with(|w| w.as_ref().map_or(0, |w| w.submissions.len())));
    let saved_run = Memo::new(move |_| workshop.with(|w| w.as_ref().and_then(|w| w.run.clone())));

    view! {
        <h1>{move || format!("Workshop for {}", team_name())} <span class="subtitle">{move || format!(" · {}", titles())}</span></h1>
        <p class="meta" aria-live="polite">{move || saved_run.get().is_none().then(|| {
            let n = count.get();
            format!("{n} answer code{} collected", if n == 1 { "" } else { "s" })
        })}</p>
        {move || match saved_run.get() {
            Some(run) => view! {
                <p class="card">"This workshop has been saved as the team's assessment. "
                    <A href=format!("/runs/{}/results", run.0)>"See its results"</A></p>
            }.into_any(),
            None => view! {
                <LastActions team=team/>
                <Invite workshop=workshop team_name=Signal::derive(team_name)/>
                <Collect id=id workshop=workshop/>
                <section class="card" aria-labelledby="discuss-heading">
                    <h2 id="discuss-heading">"3. Discuss and agree"</h2>
                    <p>"On the projector: questions the room disagrees on most come first, answers stay hidden until you reveal them, and a timer keeps each discussion short. The room agrees a team answer per question (the median unless you change it)."</p>
                    <p><A href=format!("{}/present", workshop_href(id)) attr:class="button primary">"Open the presenter view"</A></p>
                </section>
                <Actions id=id workshop=workshop/>
                <SaveWorkshop id=id count=count/>
                <DeleteWorkshop id=id count=count/>
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
                    <h2 id="last-actions-heading">"Last time's actions: did we do them?"</h2>
                    <p class="hint">{format!("Agreed on {}. Tick what the team did.", format_date_time(at))}</p>
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
            <h2 id="invite-heading">"1. Invite"</h2>
            <p>"Everyone opens this link on their own device and answers privately. The link holds only the team name and the questionnaires; answers come back to you as codes."</p>
            <div class="field">
                <label for="join-link">"Join link"</label>
                <input id="join-link" type="text" readonly prop:value=move || link.get()
                    on:focus:target=move |ev| ev.target().select()/>
            </div>
            <p class="actions">
                <button type="button" on:click=move |_| status.set(if copy_text(&link.get_untracked()) {
                    "Join link copied.".into()
                } else {
                    "Copying is not allowed here: select the link and copy it.".into()
                })>"Copy the join link"</button>
                <span class="hint" role="status">{move || status.get()}</span>
            </p>
            <QrCode text=link label="QR code of the join link"/>
        </section>
    }
}

#[component]
fn Collect(id: u32, workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = use_app_state();
    let pasted = RwSignal::new(String::new());
    let outcomes = RwSignal::new(Vec::<Outcome>::new());
    let add_text = move |text: String| outcomes.set(collect_codes(state, id, &text));
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        add_text(pasted.get_untracked());
        if outcomes.with_untracked(|o| o.iter().all(|o| o.ok)) {
            pasted.set(String::new());
        }
    };
    let read_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        wasm_bindgen_futures::spawn_local(async move {
            let mut all = Vec::new();
            for file in files {
                match read_text(file, MAX_ANSWER_FILE, "an answer file").await {
                    Ok(text) => all.extend(collect_codes(state, id, &text)),
                    Err(message) => all.push(Outcome { ok: false, message }),
                }
            }
            outcomes.set(all);
        });
    };
    let dragging = RwSignal::new(false);
    let rows = move || {
        workshop.with(|w| {
            let Some(w) = w else { return Vec::new() };
            let asked = catalog()
                .map(|c| c.steps(&w.questionnaires).len())
                .unwrap_or(0);
            w.submissions
                .iter()
                .enumerate()
                .map(|(i, s)| (i + 1, s.participant, s.received_at, s.answers.len(), asked))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="card collect" aria-labelledby="collect-heading">
            <h2 id="collect-heading">"2. Collect answer codes"</h2>
            <form on:submit=add>
                <div class="field">
                    <label for="codes">"Paste answer codes or links (one or many)"</label>
                    <textarea id="codes" rows="3" bind:value=pasted></textarea>
                </div>
                <button type="submit" class="primary">"Add answers"</button>
            </form>
            <div
                class=move || if dragging.get() { "drop-zone dragging" } else { "drop-zone" }
                on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    read_files(ev.data_transfer().and_then(|d| d.files()));
                }
            >
                <label for="answer-files">"Or add answer files"</label>
                <input id="answer-files" type="file" multiple accept=".txt,text/plain"
                    on:change:target=move |ev| {
                        read_files(ev.target().files());
                        ev.target().set_value("");
                    }/>
                <span class="hint">" (or drop them here)"</span>
            </div>
            <ul class="outcomes" role="status" aria-live="polite">
                {move || outcomes.get().into_iter().map(|o| view! {
                    <li class=if o.ok { "ok" } else { "error" }>{o.message}</li>
                }).collect_view()}
            </ul>
            {move || {
                let rows = rows();
                if rows.is_empty() {
                    return view! { <p class="empty">"No answers yet."</p> }.into_any();
                }
                view! {
                    <table class="scores submissions">
                        <caption>"Answers collected (no names: participants are numbered in the order their codes arrived)"</caption>
                        <thead><tr><th scope="col">"Participant"</th><th scope="col">"Received"</th><th scope="col">"Answered"</th><th scope="col"><span class="visually-hidden">"Drop"</span></th></tr></thead>
                        <tbody>
                            {rows.into_iter().map(|(number, participant, at, answered, asked)| view! {
                                <tr>
                                    <th scope="row">{format!("Participant {number}")}</th>
                                    <td>{format_date_time(at)}</td>
                                    <td>{format!("{answered} of {asked}")}</td>
                                    <td><button type="button" class="quiet" aria-label=format!("Drop participant {number}'s answers")
                                        on:click=move |_| {
                                            let result = state.change(|s| s.drop_submission(id, participant, now()));
                                            outcomes.set(vec![match result {
                                                Ok(()) => Outcome { ok: true, message: format!("Dropped participant {number}'s answers.") },
                                                Err(e) => Outcome { ok: false, message: e.to_string() },
                                            }]);
                                        }>"Drop"</button></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Actions(id: u32, workshop: Memo<Option<Workshop>>) -> impl IntoView {
    let state = use_app_state();
    let what = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let action = Action {
            id: new_id("a"),
            what: what.get_untracked(),
            owner: owner.get_untracked(),
            due: due.get_untracked(),
            done: false,
        };
        match state.change(|s| s.add_action(id, action, now())) {
            Ok(()) => {
                error.set(None);
                what.set(String::new());
                owner.set(String::new());
                due.set(String::new());
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let actions =
        move || workshop.with(|w| w.as_ref().map(|w| w.actions.clone()).unwrap_or_default());
    view! {
        <section class="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">"4. Actions"</h2>
            <p>"What will the team try before the next assessment? They are kept with this assessment and asked about at the next workshop."</p>
            <ul class="action-list">
                {move || actions().into_iter().map(|a| {
                    let action_id = a.id.clone();
                    let label = format!("Remove action: {}", a.what);
                    view! {
                        <li>{a.what.clone()} <span class="hint">{detail_of(&a)}</span> " "
                            <button type="button" aria-label=label on:click=move |_| {
                                if let Err(e) = state.change(|s| s.remove_action(id, &action_id, now())) {
                                    error.set(Some(e.to_string()));
                                }
                            }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="action-form" on:submit=add novalidate>
                <div class="field"><label for="action-what">"Action"</label>
                    <input id="action-what" type="text" maxlength="300" bind:value=what/></div>
                <div class="field"><label for="action-owner">"Owner (optional)"</label>
                    <input id="action-owner" type="text" maxlength="300" bind:value=owner/></div>
                <div class="field"><label for="action-due">"Due (optional)"</label>
                    <input id="action-due" type="date" bind:value=due/></div>
                <button type="submit">"Add action"</button>
            </form>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

#[component]
fn SaveWorkshop(id: u32, count: Memo<usize>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let save = move |_| {
        let Ok(catalog) = catalog() else { return };
        match state.change(|s| s.save_workshop(id, catalog, RunId(new_id("r")), now())) {
            Ok(run) => navigate(&format!("/runs/{}/results", run.0), Default::default()),
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <section class="card" aria-labelledby="save-heading">
            <h2 id="save-heading">"5. Save as the team's assessment"</h2>
            <p>{move || format!(
                "Saves the agreed answers as the team's assessment, with how the room answered each question ({} participant{}), your notes and the actions. The workshop closes.",
                count.get(), if count.get() == 1 { "" } else { "s" }
            )}</p>
            <button type="button" class="primary" on:click=save>"Save the workshop"</button>
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}

/// Abandons a workshop: asks first and says what goes.
#[component]
fn DeleteWorkshop(id: u32, count: Memo<usize>) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let delete = move |_| match state.change(|s| s.delete_workshop(id, now())) {
        Ok(()) => navigate("/", Default::default()),
        Err(e) => error.set(Some(e.to_string())),
    };
    view! {
        <p>
            <button type="button" class="quiet" on:click=move |_| confirming.set(true)>"Delete this workshop…"</button>
        </p>
        {move || confirming.get().then(|| { let delete = delete.clone(); view! {
            <div class="confirm" role="group" aria-label="Confirm deleting the workshop">
                <p>{format!(
                    "Delete this workshop, its {} collected answer code{}, notes and actions? The team and its saved assessments stay.",
                    count.get(), if count.get() == 1 { "" } else { "s" }
                )}</p>
                <button type="button" class="danger" on:click=delete>"Delete workshop"</button>
                <button type="button" on:click=move |_| confirming.set(false)>"Keep it"</button>
            </div>
        }})}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
