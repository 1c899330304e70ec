//! Data fetched from the API once, and again on "Try again": `None` while a fetch is under way.
//!
//! Written here rather than using Leptos's `LocalResource`, for size: each resource type
//! instantiates the whole async-derived machinery (measured: the three the app used cost
//! 9.5 KB of the 212.4 KB brotli wasm, BENCHMARKS.md). The app needs none of it: no Suspense, no
//! dependency tracking in the fetch, only "fetch now" and "fetch again".

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use booking_domain::api::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

type Load<T> = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<T, ApiError>>>> + Send + Sync>;

pub struct Fetched<T: Send + Sync + 'static> {
    value: RwSignal<Option<Result<T, ApiError>>>,
    /// `None` until `start` gives it (what the app fetches from the start is fetched by code in
    /// the chunks: `AppState::restore`).
    load: StoredValue<Option<Load<T>>>,
}

impl<T: Send + Sync + 'static> Clone for Fetched<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Fetched<T> {}

impl<T: Clone + Send + Sync + 'static> Fetched<T> {
    /// Starts fetching with `load` now.
    pub fn new<F>(load: impl Fn() -> F + Send + Sync + 'static) -> Self
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let fetched = Self::waiting();
        fetched.start(load);
        fetched
    }

    /// Nothing fetched yet: `None` (loading) until `start`.
    pub fn waiting() -> Self {
        Fetched {
            value: RwSignal::new(None),
            load: StoredValue::new(None),
        }
    }

    /// Starts fetching with `load` now, and again with it on "Try again".
    pub fn start<F>(&self, load: impl Fn() -> F + Send + Sync + 'static)
    where
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let load: Load<T> = Arc::new(move || Box::pin(load()));
        self.load.set_value(Some(load));
        self.refetch();
    }

    /// A fetch has been started (`start`); it may have answered.
    pub fn started(&self) -> bool {
        self.load.with_value(Option::is_some)
    }

    /// What has arrived (tracked), `None` while fetching.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.value.get()
    }

    pub fn get_untracked(&self) -> Option<Result<T, ApiError>> {
        self.value.get_untracked()
    }

    /// Reads what has arrived without copying it (tracked).
    pub fn with<R>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> R) -> R {
        self.value.with(|v| f(v.as_ref()))
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(Option<&Result<T, ApiError>>) -> R) -> R {
        self.value.with_untracked(|v| f(v.as_ref()))
    }

    /// Fetches again ("Try again"): loading until the new answer arrives.
    pub fn refetch(&self) {
        let value = self.value;
        let Some(request) = self
            .load
            .with_value(|load| load.as_ref().map(|load| load()))
        else {
            return;
        };
        value.set(None);
        spawn_local(async move { value.set(Some(request.await)) });
    }
}
