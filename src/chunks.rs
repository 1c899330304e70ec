//! Pages outside the first screen live in chunks: separate wasm modules fetched when a page of
//! theirs is first needed, or before, when the page before it shows (prefetch). Built with
//! `--features split` (`make build`, tools/build-wasm.mjs); without it (tests, `cargo check`)
//! every chunk is "loaded" at once and the code is one module.
//!
//! A chunk is one `#[wasm_split]` function (in `pages/mod.rs`) that returns the functions that
//! render its pages and that make it ready. Only that function reaches the pages' code, so
//! `wasm-split` moves the pages out of the main module. A chunk that fails to load (offline, a
//! proxy's error page) shows the problem page with "Try again"; a failed load is not
//! remembered, so the retry fetches afresh.

use std::future::Future;
use std::pin::Pin;

use booking_domain::journey::Step;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::{no_connection, ProblemWithWayOn};
use crate::state::AppState;
use crate::words::{layout, problem};

/// Renders a chunk's page for a step.
pub type Render = fn(Step) -> AnyView;

/// What a chunk gives once loaded: its pages, and what to do before the first shows (read
/// what this tab kept: `AppState::restore`, so that code is in the chunks too).
#[derive(Clone, Copy)]
pub struct Pages {
    pub render: Render,
    pub ready: fn(AppState),
}

/// Why a chunk could not be loaded (its details are in the browser console).
pub type LoadError = leptos::wasm_split::SplitLoaderError;

#[derive(Clone, Copy)]
enum Load {
    Idle,
    Loading,
    Ready(Render),
    Failed,
}

/// Loads chunk `i` (`pages::load_chunk`).
pub type Loader = fn(usize) -> Pin<Box<dyn Future<Output = Result<Pages, LoadError>>>>;

/// What each chunk's load has come to, in the app's context.
#[derive(Clone, Copy)]
pub struct Chunks {
    loads: StoredValue<Vec<RwSignal<Load>>>,
    loader: Loader,
    state: AppState,
}

impl Chunks {
    /// `count` chunks, loaded by `loader`.
    pub fn new(state: AppState, count: usize, loader: Loader) -> Self {
        Chunks {
            loads: StoredValue::new((0..count).map(|_| RwSignal::new(Load::Idle)).collect()),
            loader,
            state,
        }
    }

    /// Starts loading chunk `i` unless it is loaded or loading.
    pub fn load(self, i: usize) {
        let load = self.loads.with_value(|l| l[i]);
        if matches!(load.get_untracked(), Load::Loading | Load::Ready(_)) {
            return;
        }
        load.set(Load::Loading);
        spawn_local(async move {
            load.set(match (self.loader)(i).await {
                Ok(pages) => {
                    (pages.ready)(self.state);
                    Load::Ready(pages.render)
                }
                Err(_) => Load::Failed,
            });
        });
    }

    /// Starts loading chunk `i` ahead of need, unless it has been asked for already. A failed
    /// load is asked again by its page or its Try again, never behind the patient's back: that
    /// would swap the problem page on show for "Loading" and back, and lose its focus.
    pub fn prefetch(self, i: usize) {
        if matches!(self.loads.with_value(|l| l[i]).get_untracked(), Load::Idle) {
            self.load(i);
        }
    }

    /// The page for `step` from chunk `i`: loading, the page, or the problem page.
    pub fn view(self, i: usize, step: Step) -> AnyView {
        self.view_with(i, step, false)
    }

    /// As `view`, but nothing while chunk `i` loads: the page's static shell stays in view
    /// (the `welsh` chunk: the shell is in Welsh already, an English "Loading" would not be),
    /// and is taken away once the page or the problem page shows.
    pub fn view_over_shell(self, i: usize, step: Step) -> AnyView {
        self.view_with(i, step, true)
    }

    fn view_with(self, i: usize, step: Step, over_shell: bool) -> AnyView {
        self.load(i);
        let load = self.loads.with_value(|l| l[i]);
        (move || match load.get() {
            Load::Idle | Load::Loading if over_shell => ().into_any(),
            Load::Ready(render) => {
                if over_shell {
                    crate::remove_shell();
                }
                render(step)
            }
            Load::Failed => {
                if over_shell {
                    crate::remove_shell();
                }
                crate::browser::set_title(problem::words().sorry_title, true);
                // Focus follows to the page, or back to this one if it fails again.
                let retry = Callback::new(move |_| {
                    self.load(i);
                    crate::browser::focus_heading();
                });
                let (title, advice) = no_connection();
                view! { <ProblemWithWayOn title=title advice=advice retry=Some(retry) heading=true/> }
                    .into_any()
            }
            Load::Idle | Load::Loading => {
                view! { <crate::components::Loading label=layout::words().loading/> }.into_any()
            }
        })
        .into_any()
    }
}
