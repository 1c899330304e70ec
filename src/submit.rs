//! One submission flow for every page that sends something (book, move, cancel, find): one
//! request at a time, the outcome on show, the tab's title and the focus following it.

use std::future::Future;
use std::pin::Pin;

use booking_domain::api::ApiError;
use booking_domain::outcome::Outcome;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{focus_heading, set_title};

/// What a page shows of its last submission: nothing while there is none or it worked (the
/// page has moved on), else the outcome.
pub type Shown = Outcome<()>;

#[derive(Clone, Copy)]
pub struct Submission {
    /// A request is under way: the button says so and a second press sends nothing.
    pub sending: RwSignal<bool>,
    pub shown: RwSignal<Option<Shown>>,
}

impl Submission {
    /// A submission on a page titled `title`: the tab's title follows what is shown
    /// (`Error: ` first for a problem, the taken page's own title when a time was taken).
    pub fn new(title: &'static str) -> Self {
        Self::with_field_errors(title, Signal::derive(|| false))
    }

    /// The same, on a page whose own fields can be in error too (the title says so then).
    /// The page's title may change with what it shows (an alert page once it is stopped).
    pub fn with_field_errors(
        title: impl Into<Signal<&'static str>>,
        field_errors: Signal<bool>,
    ) -> Self {
        let title = title.into();
        let submission = Submission {
            sending: RwSignal::new(false),
            shown: RwSignal::new(None),
        };
        Effect::new(move |_| {
            let errors = field_errors.get();
            let title = title.get();
            submission.shown.with(|shown| {
                let own = shown.as_ref().and_then(Outcome::title).unwrap_or(title);
                set_title(own, errors || shown.as_ref().is_some_and(Outcome::is_error));
            })
        });
        submission
    }

    /// Sends `request` unless one is under way. `on` turns its outcome into what to show
    /// (`None`: the page has moved on); whatever is shown takes focus.
    pub fn send<T: 'static>(
        self,
        request: impl Future<Output = Outcome<T>> + 'static,
        on: impl FnOnce(Outcome<T>) -> Option<Shown> + 'static,
    ) {
        // Boxed: one copy of the task below for every page that submits (measured: four
        // monomorphised copies were 7.8 KB of code before wasm-opt, 0.5 KB of the brotli wasm).
        self.send_boxed(Box::pin(request), Box::new(on));
    }

    fn send_boxed<T: 'static>(
        self,
        request: Pin<Box<dyn Future<Output = Outcome<T>>>>,
        on: Box<dyn FnOnce(Outcome<T>) -> Option<Shown>>,
    ) {
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        self.shown.set(None);
        spawn_local(async move {
            let shown = on(request.await);
            let moved_on = shown.is_none();
            self.shown.set(shown);
            if !moved_on {
                focus_heading();
            }
            self.sending.set(false);
        });
    }

    /// Clears what is shown (the patient chose another time after one was taken).
    pub fn clear(self) {
        self.shown.set(None);
        focus_heading();
    }

    /// The problem on show, explained generically (`Outcome::as_problem`).
    pub fn problem(self) -> Option<ApiError> {
        self.shown
            .with(|s| s.as_ref().and_then(Outcome::as_problem))
    }
}

/// `Done(value)` runs `done` and shows nothing; anything else is shown.
pub fn done_or_show<T>(outcome: Outcome<T>, done: impl FnOnce(T)) -> Option<Shown> {
    outcome.into_done().map(done).err()
}
