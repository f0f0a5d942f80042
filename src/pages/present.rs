//! The presenter view for a projector: large type and high contrast, the questions
//! the room disagrees on most first, answers hidden until the facilitator reveals
//! them, a timer per discussion, and the team answer agreed in the room.

use crate::components::room_figures::Figures;
use crate::components::team_answer::TeamAnswer;
use crate::components::timer::Timer;
use crate::i18n::{k, t, tf, tp};
use crate::platform::{mark, now, set_title};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use maturity_core::workshop::stats::{aggregate, discuss_first, QuestionStats};
use maturity_core::Step;

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
    let room = room_of(id, steps);
    let team_name = Memo::new(move |_| {
        let id = id.get()?;
        state.store.with(|s| {
            s.workshop(id)
                .and_then(|w| s.team(&w.team))
                .map(|t| t.name.clone())
        })
    });
    Effect::new(move |_| {
        set_title(&tf(
            k::PRESENT_PAGE_TITLE,
            &[("team", &team_name.get().unwrap_or_default())],
        ))
    });
    // The question on screen, by id: the one the facilitator chose, else the one
    // already on screen, else the first to discuss. New answers may re-rank the
    // list, but the question being discussed (its timer, its note) stays on screen.
    let chosen = RwSignal::new(None::<String>);
    let current = on_screen(room, steps, chosen);
    let minutes = RwSignal::new(5u32);
    let exists = Memo::new(move |_| room.with(|r| r.is_some()));

    move || {
        let Some(id) = id.get().filter(|_| exists.get()) else {
            return view! {
                <h1>{t(k::WORKSHOP_NOT_FOUND)}</h1>
                <p>{t(k::PRESENT_NOT_FOUND_TEXT)}</p>
                <p><A href=routes::home() exact=true>{t(k::WORKSHOP_START_PAGE)}</A></p>
            }
            .into_any();
        };
        view! {
            <div class="presenter">
                <PresenterHeader id=id team_name=team_name room=room/>
                <div class="presenter-layout">
                    <DiscussFirst room=room steps=steps current=current choose=chosen/>
                    {move || current.get().map(|qid| view! {
                        <Discussion id=id qid=qid room=room steps=steps choose=chosen minutes=minutes/>
                    })}
                </div>
            </div>
        }
        .into_any()
    }
}

/// The room of workshop `id`: each question's statistics over every answer code
/// collected, and the order to discuss them in.
fn room_of(id: Memo<Option<u32>>, steps: Memo<Vec<Step>>) -> Memo<Option<Room>> {
    let state = use_app_state();
    Memo::new(move |_| {
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
    })
}

/// The question on screen, by id: the one the facilitator chose, else the one
/// already on screen, else the first to discuss. New answers may re-rank the list,
/// but the question being discussed (its timer, its note) stays on screen.
fn on_screen(
    room: Memo<Option<Room>>,
    steps: Memo<Vec<Step>>,
    chosen: RwSignal<Option<String>>,
) -> Memo<Option<String>> {
    let first = Memo::new(move |_| {
        room.with(|r| {
            let r = r.as_ref()?;
            steps.with(|s| r.order.first().map(|&i| s[i].question().id.clone()))
        })
    });
    Memo::new(move |on_screen: Option<&Option<String>>| {
        chosen
            .get()
            .or_else(|| on_screen.cloned().flatten())
            .or_else(|| first.get())
    })
}

/// The questions in the order to discuss them, most disagreement first; the one on
/// screen is marked, and any can be put on screen.
#[component]
fn DiscussFirst(
    room: Memo<Option<Room>>,
    steps: Memo<Vec<Step>>,
    current: Memo<Option<String>>,
    choose: RwSignal<Option<String>>,
) -> impl IntoView {
    view! {
        <nav class="discuss-first" aria-labelledby="discuss-first-heading">
            <h2 id="discuss-first-heading">{t(k::PRESENT_DISCUSS_FIRST)}</h2>
            <p class="hint">{t(k::PRESENT_DISCUSS_FIRST_HINT)}</p>
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
                                    on:click=move |_| choose.set(Some(question.clone()))>
                                    {step.question().text.clone()}
                                    <span class="hint">{format!(" · {}", tp(k::PRESENT_ITEM_ANSWERS, answers, &[]))}</span>
                                </button>
                            </li>
                        }
                    }).collect::<Vec<_>>())
                })}
            </ol>
        </nav>
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
    let Some((index, step)) = steps.with_untracked(|s| {
        s.iter()
            .enumerate()
            .find(|(_, step)| step.question().id == qid)
            .map(|(i, step)| (i, step.clone()))
    }) else {
        return view! { <p>{t(k::PRESENT_NOT_IN_WORKSHOP)}</p> }.into_any();
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
    let dimension = step.dimension_name().to_string();
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
                <p class="step">{move || place.get().map(|(p, total, ..)| tf(k::PRESENT_PLACE, &[
                    ("position", &(p + 1).to_string()),
                    ("total", &total.to_string()),
                    ("questionnaire", &questionnaire),
                    ("dimension", &dimension),
                ]))}</p>
                <h2 id="discussion-heading" tabindex="-1" node_ref=heading>{question.text.clone()}</h2>
                <p class="answer-count">{move || {
                    let participants = place.get().map_or(0, |p| p.4);
                    let answers = stats.with(|s| s.as_ref().map_or(0, |s| s.answers));
                    tf(k::PRESENT_ANSWERED, &[
                        ("answers", &answers.to_string()),
                        ("participants", &participants.to_string()),
                    ])
                }}</p>
                <Reveal id=id qid=qid.clone() step=figures_step stats=stats/>
                <Timer minutes=minutes/>
                <TeamAnswer id=id step=step consensus=consensus/>
            </section>
            <DiscussionNav place=place choose=choose/>
        </div>
    }
    .into_any()
}

/// Where this question is in the discussion order: (position, how many, previous
/// question, next question, participants).
type Place = Option<(usize, usize, Option<String>, Option<String>, usize)>;

/// The room's answers to one question: hidden until revealed, then the figures.
#[component]
fn Reveal(id: u32, qid: String, step: Step, stats: Memo<Option<QuestionStats>>) -> impl IntoView {
    let state = use_app_state();
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
                error.set(Some(crate::errors::change(&e)));
            }
        }
    };
    view! {
        <p>
            <button type="button" class="primary reveal" on:click=toggle>
                {move || if revealed.get() { t(k::PRESENT_HIDE_ANSWERS) } else { t(k::PRESENT_REVEAL_ANSWERS) }}
            </button>
        </p>
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <div class="reveal-area" aria-live="polite">
            {move || match (revealed.get(), stats.get()) {
                (true, Some(stats)) => view! { <Figures step=step.clone() stats=stats/> }.into_any(),
                _ => view! { <p class="hidden-answers">{t(k::PRESENT_HIDDEN)}</p> }.into_any(),
            }}
        </div>
    }
}

/// Previous and next question in the discussion order.
#[component]
fn DiscussionNav(place: Memo<Place>, choose: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <nav class="question-nav" aria-label=t(k::PRESENT_DISCUSSION_ORDER)>
            <button type="button" disabled=move || place.with(|p| p.as_ref().is_none_or(|p| p.2.is_none()))
                on:click=move |_| choose.set(place.get_untracked().and_then(|p| p.2))>{t(k::PRESENT_PREVIOUS)}</button>
            <button type="button" class="primary" disabled=move || place.with(|p| p.as_ref().is_none_or(|p| p.3.is_none()))
                on:click=move |_| choose.set(place.get_untracked().and_then(|p| p.3))>{t(k::PRESENT_NEXT)}</button>
        </nav>
    }
}

/// Whose workshop it is, how many answered, and where it stands.
#[component]
fn PresenterHeader(
    id: u32,
    team_name: Memo<Option<String>>,
    room: Memo<Option<Room>>,
) -> impl IntoView {
    let state = use_app_state();
    let saved = Memo::new(move |_| {
        state
            .store
            .with(|s| s.workshop(id).is_some_and(|w| w.is_saved()))
    });
    view! {
        <header class="presenter-header">
            <h1>{move || tf(k::WORKSHOP_HEADING, &[("team", &team_name.get().unwrap_or_default())])}</h1>
            <p>{move || room.with(|r| r.as_ref().map(|r| {
                tp(k::PRESENT_PARTICIPANTS, r.participants, &[])
            }))}</p>
            <p><A href=routes::workshop(id)>{t(k::WORKSHOP_BACK)}</A></p>
        </header>
        {move || saved.get().then(|| view! {
            <p class="empty">{t(k::PRESENT_SAVED)}</p>
        })}
        {move || (!saved.get() && room.with(|r| r.as_ref().is_some_and(|r| r.participants == 0))).then(|| view! {
            <p class="empty">{t(k::PRESENT_NO_ANSWERS)}</p>
        })}
    }
}
