//! Times the coach's view over a coach's store (50 teams x 20 runs x 5 questionnaires),
//! natively: `cargo run --release -p maturity-core --example portfolio_time`.

use maturity_core::coach::portfolio::{portfolio, Filter};
use maturity_core::{Catalog, Run, RunId, Store, Team, TeamId};
use std::time::Instant;

fn main() {
    let catalog = Catalog::builtin();
    let mut store = Store::new();
    let mut k: u32 = 1;
    for t in 0..50 {
        store.teams.push(Team {
            id: TeamId(format!("t-{t}")),
            name: format!("Team {t:02}"),
            created_at: 0,
            archived: false,
            industry: None,
            size: None,
            tags: vec![format!("Tribe {}", t % 5)],
        });
        for i in 0..20 {
            for q in catalog.all() {
                let answers = q
                    .active_questions()
                    .map(|x| {
                        k = (k * 31 + 7) % 1009;
                        (x.id.clone(), (k % x.answer_count() as u32) as u8)
                    })
                    .collect();
                let at = 1_640_995_200_000 + (i * 14 + t % 7) as i64 * 86_400_000;
                store.runs.push(Run {
                    id: RunId(format!("r-{t}-{i}-{}", q.id)),
                    team: TeamId(format!("t-{t}")),
                    questionnaires: vec![q.id.clone()],
                    started_at: at,
                    finished_at: Some(at + 1),
                    answers,
                    position: 0,
                    notes: String::new(),
                    actions: Vec::new(),
                    workshop: None,
                    measured: None,
                });
            }
        }
    }
    let filter = Filter {
        questionnaire: "calms".into(),
        ..Filter::default()
    };
    for _ in 0..3 {
        let start = Instant::now();
        let p = portfolio(&store, &catalog, &filter, None, "2026-12-01");
        println!(
            "{} runs: portfolio in {:?} ({} rows, {} trend rows)",
            store.runs.len(),
            start.elapsed(),
            p.rows.len(),
            p.trend.len()
        );
    }
}
