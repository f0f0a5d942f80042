//! The presenter view for a projector: large type and high contrast, the questions
//! the room disagrees on most first, answers hidden until the facilitator reveals
//! them, a timer per discussion, and the team answer agreed in the room.

use crate::components::question::parse_percent;
use crate::platform::{mark, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use maturity_core::scoring::format_score;
use maturity_core::words::count;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use maturity_core::model::AnswerKind;
use maturity_core::workshop::{aggregate, discuss_first, Agreement, QuestionStats, PERCENT_BIN};
use maturity_core::Step;
use std::time::Duration;

/// What the view shows that is computed from the collected answers. Compared by
/// its figures only: a change elsewhere in the store rebuilds nothing.
#[derive(Clone, PartialEq)]
struct Room {
    stats: Vec<QuestionStats>,
    /// Indices into the steps, most disagreement first.
    order: Vec<usize>,
    participants: usize,
}

#[component]
pub fn PresentPage() -> impl IntoView {
    let state = use_app_state();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        routes::parse_workshop_id(&params.read().get("workshop").unwrap_or_default())
    });
    let questionnaires = Memo::new(move |_| {
        let id = id.get()?;
        state
            .store
            .with(|s| s.workshop(id).map(|w| w.questionnaires.clone()))
    });
    let steps = state.steps_of(move || questionnaires.get().unwrap_or_default());
    let room = Memo::new(move |_| {
        let id = id.get()?;
        state.store.with(|s| {
            let w = s.workshop(id)?;
            mark("devops-maturity:aggregate:start");
            let stats = steps.with(|steps| aggregate(steps, &w.answer_sets()));
            let order = discuss_first(&stats);
            mark("devops-maturity:aggregate:end");
            Some(Room {
                stats,
                order,
                participants: w.submissions.len(),
            })
        })
    });
    let saved = Memo::new(move |_| {
        id.get().is_some_and(|id| {
            state
                .store
                .with(|s| s.workshop(id).is_some_and(|w| w.is_saved()))
        })
    });
    let team_name = Memo::new(move |_| {
        let id = id.get()?;
        state.store.with(|s| {
            s.workshop(id)
                .and_then(|w| s.team(&w.team))
                .map(|t| t.name.clone())
        })
    });
    Effect::new(move |_| {
        set_title(&format!(
            "Presenter · {}",
            team_name.get().unwrap_or_default()
        ))
    });
    // The question on screen, by id: the one the facilitator chose, else the one
    // already on screen, else the first to discuss. New answers may re-rank the
    // list, but the question being discussed (its timer, its note) stays on screen.
    let chosen = RwSignal::new(None::<String>);
    let first = Memo::new(move |_| {
        room.with(|r| {
            let r = r.as_ref()?;
            steps.with(|s| r.order.first().map(|&i| s[i].question().id.clone()))
        })
    });
    let current = Memo::new(move |on_screen: Option<&Option<String>>| {
        chosen
            .get()
            .or_else(|| on_screen.cloned().flatten())
            .or_else(|| first.get())
    });
    let minutes = RwSignal::new(5u32);
    let exists = Memo::new(move |_| room.with(|r| r.is_some()));

    move || {
        let Some(id) = id.get().filter(|_| exists.get()) else {
            return view! {
                <h1>"Workshop not found"</h1>
                <p>"This workshop is not on this device."</p>
                <p><A href=routes::HOME>"Start page"</A></p>
            }
            .into_any();
        };
        view! {
            <div class="presenter">
                <header class="presenter-header">
                    <h1>{move || format!("Workshop for {}", team_name.get().unwrap_or_default())}</h1>
                    <p>{move || room.with(|r| r.as_ref().map(|r| {
                        format!("{} · no names, only numbers", count(r.participants, "participant", "participants"))
                    }))}</p>
                    <p><A href=routes::workshop(id)>"Back to the workshop"</A></p>
                </header>
                {move || saved.get().then(|| view! {
                    <p class="empty">"This workshop has been saved as the team's assessment; its results page has every figure."</p>
                })}
                {move || (!saved.get() && room.with(|r| r.as_ref().is_some_and(|r| r.participants == 0))).then(|| view! {
                    <p class="empty">"No answers collected yet: share the join link, then add the codes on the workshop page."</p>
                })}
                <div class="presenter-layout">
                    <nav class="discuss-first" aria-labelledby="discuss-first-heading">
                        <h2 id="discuss-first-heading">"Discuss first"</h2>
                        <p class="hint">"Most disagreement at the top."</p>
                        <ol>
                            {move || room.with(|r| {
                                let Some(r) = r else { return Vec::new() };
                                let on_screen = current.get();
                                steps.with(|steps| r.order.iter().map(|&i| {
                                    let step = &steps[i];
                                    let question = step.question().id.clone();
                                    let is_current = on_screen.as_ref() == Some(&question);
                                    let answers = r.stats[i].answers;
                                    view! {
                                        <li>
                                            <button type="button" aria-current=is_current.then_some("true")
                                                on:click=move |_| chosen.set(Some(question.clone()))>
                                                {step.question().text.clone()}
                                                <span class="hint">{format!(" ({answers})")}</span>
                                            </button>
                                        </li>
                                    }
                                }).collect::<Vec<_>>())
                            })}
                        </ol>
                    </nav>
                    {move || current.get().map(|qid| view! {
                        <Discussion id=id qid=qid room=room steps=steps choose=chosen minutes=minutes/>
                    })}
                </div>
            </div>
        }
        .into_any()
    }
}

/// One question under discussion: answers hidden until revealed, then the figures,
/// which follow any code that arrives meanwhile; the timer; the team answer.
#[component]
fn Discussion(
    id: u32,
    qid: String,
    room: Memo<Option<Room>>,
    steps: Memo<Vec<Step>>,
    /// Where "Previous" and "Next" put the question they move to.
    choose: RwSignal<Option<String>>,
    minutes: RwSignal<u32>,
) -> impl IntoView {
    let state = use_app_state();
    let Some((index, step)) = steps.with_untracked(|s| {
        s.iter()
            .enumerate()
            .find(|(_, step)| step.question().id == qid)
            .map(|(i, step)| (i, step.clone()))
    }) else {
        return view! { <p>"This question is not part of the workshop."</p> }.into_any();
    };
    let stats =
        Memo::new(move |_| room.with(|r| r.as_ref().and_then(|r| r.stats.get(index).cloned())));
    let place = Memo::new(move |_| {
        room.with(|r| {
            let r = r.as_ref()?;
            let position = r.order.iter().position(|&i| i == index)?;
            steps.with(|s| {
                let id_at = |p: usize| r.order.get(p).map(|&i| s[i].question().id.clone());
                Some((
                    position,
                    r.order.len(),
                    position.checked_sub(1).and_then(id_at),
                    id_at(position + 1),
                    r.participants,
                ))
            })
        })
    });
    let question = step.question();
    let revealed = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state
                .store
                .with(|s| s.workshop(id).is_some_and(|w| w.revealed.contains(&qid)))
        })
    };
    let error = RwSignal::new(None::<String>);
    let toggle = {
        let qid = qid.clone();
        move |_| {
            let show = !revealed.get_untracked();
            if let Err(e) = state.change(|s| s.set_revealed(id, &qid, show, now())) {
                error.set(Some(e.to_string()));
            }
        }
    };
    let dimension = step
        .questionnaire
        .dimension(&question.dimension)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let consensus = Signal::derive(move || stats.with(|s| s.as_ref().and_then(|s| s.consensus)));
    let questionnaire = step.questionnaire.title.clone();
    let figures_step = step.clone();
    view! {
        <div class="discussion-column">
            <section class="discussion" aria-labelledby="discussion-heading">
                <p class="step">{move || place.get().map(|(p, total, ..)| format!("{} of {total} to discuss · {questionnaire} · {dimension}", p + 1))}</p>
                <h2 id="discussion-heading" tabindex="-1" node_ref=heading>{question.text.clone()}</h2>
                <p class="answer-count">{move || {
                    let participants = place.get().map_or(0, |p| p.4);
                    let answers = stats.with(|s| s.as_ref().map_or(0, |s| s.answers));
                    format!("{answers} of {participants} answered")
                }}</p>
                <p>
                    <button type="button" class="primary reveal" on:click=toggle>
                        {move || if revealed.get() { "Hide answers" } else { "Reveal answers" }}
                    </button>
                </p>
                {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
                <div class="reveal-area" aria-live="polite">
                    {move || match (revealed.get(), stats.get()) {
                        (true, Some(stats)) => view! { <Figures step=figures_step.clone() stats=stats/> }.into_any(),
                        _ => view! { <p class="hidden-answers">"Answers are hidden. Hear each view first, then reveal."</p> }.into_any(),
                    }}
                </div>
                <Timer minutes=minutes/>
                <TeamAnswer id=id step=step consensus=consensus/>
            </section>
            <nav class="question-nav" aria-label="Discussion order">
                <button type="button" disabled=move || place.with(|p| p.as_ref().is_none_or(|p| p.2.is_none()))
                    on:click=move |_| choose.set(place.get_untracked().and_then(|p| p.2))>"Previous question"</button>
                <button type="button" class="primary" disabled=move || place.with(|p| p.as_ref().is_none_or(|p| p.3.is_none()))
                    on:click=move |_| choose.set(place.get_untracked().and_then(|p| p.3))>"Next question"</button>
            </nav>
        </div>
    }
    .into_any()
}

/// Mean, range and histogram of one question, nothing identifying anyone.
#[component]
fn Figures(step: Step, stats: QuestionStats) -> impl IntoView {
    let question = step.question();
    let label = |value: u8| match question.answer {
        AnswerKind::Choice => question
            .choices
            .get(usize::from(value))
            .map_or_else(|| value.to_string(), |c| c.label.clone()),
        AnswerKind::Percent => format!("{value}%"),
    };
    if stats.answers == 0 {
        return view! { <p>"Nobody answered this question."</p> }.into_any();
    }
    let centre = match (question.answer, stats.mean_score) {
        (AnswerKind::Percent, _) => format!("Mean {:.0}%", stats.mean.unwrap_or(0.0)),
        (_, Some(score)) => format!("Mean {} / 10", format_score(Some(score))),
        (_, None) => format!(
            "Most common: {}",
            stats.consensus.map(label).unwrap_or_default()
        ),
    };
    let range = match (stats.lowest, stats.highest) {
        (Some(low), Some(high)) if low == high => format!("Everyone: {}", label(low)),
        (Some(low), Some(high)) => format!("Range: {} to {}", label(low), label(high)),
        _ => String::new(),
    };
    let spread = Agreement::of(stats.disagreement).describe();
    let most = stats.histogram.iter().copied().max().unwrap_or(1).max(1);
    let rows = stats
        .histogram
        .iter()
        .enumerate()
        .map(|(bin, &count)| {
            let name = match question.answer {
                AnswerKind::Choice => format!("{}. {}", bin + 1, label(bin as u8)),
                AnswerKind::Percent => {
                    let low = bin as u8 * PERCENT_BIN;
                    let high = if bin + 1 == stats.histogram.len() {
                        100
                    } else {
                        low + PERCENT_BIN - 1
                    };
                    format!("{low}–{high}%")
                }
            };
            let width = format!("width: {}%", count * 100 / most);
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="bar-cell"><span class="bar" style=width></span></td>
                    <td class="count">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="figures">
            <p class="headline"><span>{centre}</span> " · " <span>{range}</span></p>
            <p class="spread">{spread}</p>
            <table class="histogram">
                <caption>"How many chose each answer"</caption>
                <thead><tr><th scope="col">"Answer"</th><th scope="col"><span class="visually-hidden">"Bar"</span></th><th scope="col">"Count"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A countdown for one discussion; it starts afresh for every question, with the
/// length last chosen.
#[component]
fn Timer(minutes: RwSignal<u32>) -> impl IntoView {
    let started = RwSignal::new(None::<f64>);
    let before = RwSignal::new(0.0f64);
    let tick = RwSignal::new(0.0f64);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if started.get_untracked().is_some() {
                tick.set(now() as f64);
            }
        },
        Duration::from_millis(250),
    ) {
        on_cleanup(move || handle.clear());
    }
    let elapsed = move || {
        tick.track();
        before.get()
            + started
                .get()
                .map_or(0.0, |at| (now() as f64 - at).max(0.0))
    };
    let left = move || f64::from(minutes.get()) * 60_000.0 - elapsed();
    let shown = move || {
        let ms = left();
        let seconds = (ms.abs() / 1000.0).ceil() as u64;
        let clock = format!("{}:{:02}", seconds / 60, seconds % 60);
        if ms >= 0.0 {
            format!("{clock} left")
        } else {
            format!("Over time by {clock}")
        }
    };
    let start_stop = move |_| match started.get_untracked() {
        Some(at) => {
            before.update(|b| *b += now() as f64 - at);
            started.set(None);
        }
        None => started.set(Some(now() as f64)),
    };
    let reset = move |_| {
        started.set(None);
        before.set(0.0);
    };
    view! {
        <div class="timer">
            <p role="timer" class=move || if left() < 0.0 { "clock over" } else { "clock" }>{shown}</p>
            <button type="button" on:click=start_stop>{move || if started.get().is_some() { "Pause timer" } else { "Start timer" }}</button>
            <button type="button" on:click=reset>"Reset timer"</button>
            <label for="timer-minutes">" Minutes per question "</label>
            <select id="timer-minutes" on:change:target=move |ev| {
                if let Ok(m) = ev.target().value().parse() { minutes.set(m) }
            }>
                {[2u32, 3, 5, 8, 10].into_iter().map(|m| view! {
                    <option value=m.to_string() selected=m == minutes.get_untracked()>{m.to_string()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The answer the room agrees for the team (the median until changed), and its note.
#[component]
fn TeamAnswer(id: u32, step: Step, consensus: Signal<Option<u8>>) -> impl IntoView {
    let state = use_app_state();
    let scored = step.is_scored();
    let question = step.question();
    let answer_kind = question.answer;
    let choice_labels: Vec<String> = question.choices.iter().map(|c| c.label.clone()).collect();
    let qid = question.id.clone();
    let agreed = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state
                .store
                .with(|s| s.workshop(id).and_then(|w| w.agreed.get(&qid).copied()))
        })
    };
    let team_answer = move || agreed.get().or(consensus.get());
    let error = RwSignal::new(None::<String>);
    let set = {
        let qid = qid.clone();
        move |value: Option<u8>| {
            if let Err(e) = state.change(|s| s.agree(id, &qid, value, now())) {
                error.set(Some(e.to_string()));
            }
        }
    };
    let default_text = move || match (consensus.get(), answer_kind) {
        (None, _) => {
            "Nobody answered: the team answer stays empty unless you choose one.".to_string()
        }
        (Some(v), AnswerKind::Percent) => format!("Default: the median, {v}%."),
        (Some(v), AnswerKind::Choice) => format!(
            "Default: {} ({}).",
            choice_labels.get(usize::from(v)).map_or("", |l| l.as_str()),
            if scored {
                "the median"
            } else {
                "the most common answer"
            }
        ),
    };
    let group = format!("team-{qid}");
    let input = match question.answer {
        AnswerKind::Choice => question
            .choices
            .iter()
            .enumerate()
            .map(|(i, choice)| {
                let i = i as u8;
                let input_id = format!("{group}-{i}");
                let set = set.clone();
                view! {
                    <div class="choice">
                        <input type="radio" id=input_id.clone() name=group.clone()
                            prop:checked=move || team_answer() == Some(i)
                            on:change=move |_| set(Some(i))/>
                        <label for=input_id>{format!("{}. {}", i + 1, choice.label)}</label>
                    </div>
                }
            })
            .collect_view()
            .into_any(),
        AnswerKind::Percent => {
            let set = set.clone();
            view! {
                <label for=group.clone()>"Team answer, percent"</label>
                <input type="number" id=group.clone() min="0" max="100" step="1"
                    prop:value=move || team_answer().map(|v| v.to_string()).unwrap_or_default()
                    on:change:target=move |ev| match parse_percent(&ev.target().value()) {
                        Some(v) => { error.set(None); set(Some(v)) }
                        None => error.set(Some("A whole number from 0 to 100.".into())),
                    }/>
            }
            .into_any()
        }
    };
    let note = {
        let qid = qid.clone();
        Memo::new(move |_| {
            state.store.with(|s| {
                s.workshop(id)
                    .and_then(|w| w.discussion.get(&qid).cloned())
                    .unwrap_or_default()
            })
        })
    };
    let note_id = format!("note-{qid}");
    let save_note = {
        let qid = qid.clone();
        move |text: String| {
            if let Err(e) = state.change(|s| s.set_discussion(id, &qid, &text, now())) {
                error.set(Some(e.to_string()));
            }
        }
    };
    let reset = set.clone();
    view! {
        <fieldset class="team-answer">
            <legend>"Team answer"</legend>
            <p class="hint">{default_text}</p>
            <div class="choices">{input}</div>
            {move || agreed.get().is_some().then(|| {
                let reset = reset.clone();
                view! { <button type="button" on:click=move |_| reset(None)>"Back to the default"</button> }
            })}
        </fieldset>
        <div class="field">
            <label for=note_id.clone()>"Note from the discussion (optional)"</label>
            <textarea id=note_id rows="2" prop:value=move || note.get()
                on:change:target=move |ev| save_note(ev.target().value())></textarea>
        </div>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
    }
}
