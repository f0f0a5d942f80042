//! A workshop participant's page, opened from the join link: answer privately (saved
//! on this device as you go), then hand over an answer code as a link, a QR code or
//! a file. No name is asked for and nothing is sent anywhere.

use crate::components::qr::QrCode;
use crate::components::stepper::QuestionStepper;
use crate::i18n::{k, t, tf};
use crate::platform::{app_url, copy_text, download, now, random_u32, set_title, use_hash};
use crate::routes;
use crate::state::use_app_state;
use leptos::prelude::*;
use maturity_core::workshop::codec::{decode_join, encode_answers, AnswerCode, Layout};

#[component]
pub fn JoinPage() -> impl IntoView {
    set_title(&t(k::JOIN_PAGE_TITLE));
    let state = use_app_state();
    let hash = use_hash();
    (move || {
        let joined = match state.catalog.with(|c| decode_join(&hash.get(), c)) {
            Ok(invitation) => {
                let workshop = invitation.workshop;
                untrack(|| state.change(|s| Ok(s.join(&invitation, random_u32(), now()))))
                    .map(|_| workshop)
                    .map_err(|e| crate::errors::change(&e))
            }
            Err(reason) => Err(crate::errors::code(&reason)),
        };
        match joined {
            Ok(workshop) => view! { <Participate workshop=workshop/> }.into_any(),
            Err(reason) => view! {
                <h1>{t(k::JOIN_REFUSED)}</h1>
                <p class="error" role="alert">{reason}</p>
                <p>{t(k::JOIN_REFUSED_TEXT)}</p>
            }
            .into_any(),
        }
    })
    .into_any()
}

#[component]
fn Participate(workshop: u32) -> impl IntoView {
    let state = use_app_state();
    let participation = move || state.store.with(|s| s.participation(workshop).cloned());
    let questionnaires = Memo::new(move |_| {
        state.store.with(|s| {
            s.participation(workshop)
                .map(|p| p.questionnaires.clone())
                .unwrap_or_default()
        })
    });
    let steps = state.steps_of(move || questionnaires.get());
    let title =
        Memo::new(move |_| questionnaires.with(|q| state.catalog.with(|c| c.title_line(q))));
    let team_name = Memo::new(move |_| participation().map(|p| p.team_name).unwrap_or_default());
    let done = Memo::new(move |_| participation().is_some_and(|p| p.done));
    Effect::new(move |_| set_title(&tf(k::WORKSHOP_PAGE_TITLE, &[("team", &team_name.get())])));

    let position = Signal::derive(move || participation().map_or(0, |p| p.position));
    let answer_of = Callback::new(move |question: String| {
        state.store.with(|s| {
            s.participation(workshop)
                .and_then(|p| p.answers.get(&question).copied())
        })
    });
    let on_answer = Callback::new(move |(question, answer): (String, Option<u8>)| {
        state.change(|s| s.participant_answer(workshop, &question, answer, now()))
    });
    let on_move = Callback::new(move |to: usize| {
        state.change(|s| s.participant_position(workshop, to, now()))
    });
    let on_finish =
        Callback::new(move |()| state.change(|s| s.participant_done(workshop, true, now())));

    view! {
        <h1>
            {move || title.get()}
            <span class="subtitle">{move || format!(" · {}", tf(k::JOIN_SUBTITLE, &[("team", &team_name.get())]))}</span>
        </h1>
        <p class="lede">{t(k::JOIN_LEDE)}</p>
        {move || if done.get() {
            // The hand-over (code, QR, file) is needed only once the answers are in:
            // it loads as a chunk of its own, keeping the first question light.
            Suspend::new(async move { answer_code(workshop).await }).into_any()
        } else {
            view! {
                <QuestionStepper
                    steps=steps
                    position=position
                    answer_of=answer_of
                    on_answer=on_answer
                    on_move=on_move
                    on_finish=on_finish
                    finish_label=t(k::JOIN_FINISH)
                    saved_where=t(k::JOIN_SAVED_WHERE)
                />
            }.into_any()
        }}
    }
}

/// The hand-over view, split off into its own chunk.
#[lazy]
fn answer_code(workshop: u32) -> AnyView {
    view! { <AnswerCode workshop=workshop/> }.into_any()
}

/// The participant's answers as a code, ready to hand over three ways.
#[component]
fn AnswerCode(workshop: u32) -> impl IntoView {
    let state = use_app_state();
    let code = Memo::new(move |_| {
        state.store.with(|s| {
            let p = s.participation(workshop)?;
            let layout = state.catalog.with(|c| Layout::new(c, &p.questionnaires));
            Some(encode_answers(
                &layout,
                &AnswerCode {
                    workshop,
                    participant: p.participant,
                    edits: p.edits,
                    answers: p.answers.clone(),
                },
            ))
        })
    });
    let link = Signal::derive(move || {
        code.get()
            .map(|c| app_url(&routes::collect(&c)))
            .unwrap_or_default()
    });
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        status.set(if copy_text(&link.get_untracked()) {
            t(k::JOIN_LINK_COPIED)
        } else {
            t(k::WORKSHOP_COPY_REFUSED)
        });
    };
    let save = move |_| {
        let text = tf(k::JOIN_FILE_TEXT, &[("link", &link.get_untracked())]);
        let name = format!("answers-{workshop:08x}.txt");
        status.set(match download(&name, "text/plain", &text) {
            Ok(()) => tf(k::JOIN_SAVED_AS, &[("name", &name)]),
            Err(e) => e,
        });
    };
    // The code replaces the last question on screen: continue from its heading.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    let change = move |_| {
        let _ = state.change(|s| {
            s.participant_done(workshop, false, now())?;
            s.participant_position(workshop, 0, now())
        });
    };
    let someone_else = move |_| {
        let _ = state.change(|s| s.rejoin(workshop, random_u32(), now()));
    };
    view! {
        <section class="card answer-code" aria-labelledby="code-heading">
            <h2 id="code-heading" tabindex="-1" node_ref=heading>{t(k::JOIN_CODE_HEADING)}</h2>
            <p>{t(k::JOIN_CODE_TEXT)}</p>
            <div class="field">
                <label for="answer-link">{t(k::JOIN_ANSWER_LINK)}</label>
                <input id="answer-link" type="text" readonly prop:value=move || link.get()
                    on:focus:target=move |ev| ev.target().select()/>
            </div>
            <p class="actions">
                <button type="button" class="primary" on:click=copy>{t(k::JOIN_COPY_LINK)}</button>
                <button type="button" on:click=save>{t(k::JOIN_SAVE_FILE)}</button>
            </p>
            <p class="hint" role="status">{move || status.get()}</p>
            <QrCode text=link label=k::JOIN_ANSWER_LINK_QR/>
            <p class="hint">{move || tf(k::JOIN_CODE_ONLY, &[("code", &code.get().unwrap_or_default())])}</p>
            <p><button type="button" on:click=change>{t(k::JOIN_CHANGE)}</button>
                <span class="hint">" "{t(k::JOIN_CHANGE_HINT)}</span></p>
            <p><button type="button" class="quiet" on:click=someone_else>{t(k::JOIN_SOMEONE_ELSE)}</button>
                <span class="hint">" "{t(k::JOIN_SOMEONE_ELSE_HINT)}</span></p>
        </section>
    }
}
