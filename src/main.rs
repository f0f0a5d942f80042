//! Entry point: mounts the app on the page's body (wasm32 only; build it with Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(devops_maturity::app::App);
    devops_maturity::platform::keep_offline();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a web app: build and serve it with `bash .ci/serve` (see README.md).");
    std::process::exit(2);
}
