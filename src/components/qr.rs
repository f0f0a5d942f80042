//! A QR code drawn in the page as SVG (never fetched, never an image from elsewhere),
//! with the text it holds offered beside it for anyone who cannot scan.

use crate::i18n::{t, Key};
use leptos::prelude::*;
use qrcodegen::{QrCode as Code, QrCodeEcc};

/// Draws `text` as a QR code. `label` names it for screen readers ("QR code of the
/// join link"), in the language shown.
#[component]
pub fn QrCode(#[prop(into)] text: Signal<String>, label: Key) -> impl IntoView {
    let drawn = Memo::new(move |_| {
        text.with(|t| {
            Code::encode_text(t, QrCodeEcc::Medium)
                .ok()
                .map(|code| (code.size(), path(&code)))
        })
    });
    move || match drawn.get() {
        Some((size, d)) => {
            // A quiet zone of four modules, as scanners expect.
            let view_box = format!("-4 -4 {} {}", size + 8, size + 8);
            view! {
                <svg class="qr" viewBox=view_box role="img" aria-label=t(label) shape-rendering="crispEdges">
                    <rect x="-4" y="-4" width=size + 8 height=size + 8 fill="#fff"></rect>
                    <path d=d fill="#000"></path>
                </svg>
            }
            .into_any()
        }
        None => view! { <p class="hint">{t(crate::i18n::k::WORKSHOP_QR_TOO_LONG)}</p> }.into_any(),
    }
}

/// One `M x y h1 v1 h-1 z` square per dark module, joined into a single path.
fn path(code: &Code) -> String {
    let size = code.size();
    let mut d = String::with_capacity((size * size) as usize * 6);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // Runs of dark modules on a row become one rectangle.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                d.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    d
}
