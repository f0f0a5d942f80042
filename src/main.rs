//! Entry point: mounts the app on the page's body (wasm32 only; build it with Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    use devops_maturity::{app::App, platform, storage};
    console_error_panic_hook::set_once();
    // Start-up is three tasks, not one: a phone compiles each wasm function the first
    // time it runs, and one long task would keep the page from responding meanwhile.
    // 0. The language kept or preferred: any but English is fetched first (English
    //    if that fails, say offline before it was ever fetched), so that what the
    //    saved data's checks say is said in it.
    let language = devops_maturity::settings::initial_language(storage::language());
    wasm_bindgen_futures::spawn_local(async move {
        devops_maturity::i18n::show(language).await;
        // 1. Read the saved data (and the questionnaires its answers name).
        let loaded = storage::load(platform::now());
        // 2. The page frame (App then draws the page itself in a third task).
        platform::next_task(move || {
            leptos::mount::mount_to_body(move || leptos::view! { <App loaded/> });
            platform::keep_offline();
        });
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build and serve it with `bash .ci/serve` (see README.md).");
    std::process::exit(2);
}
