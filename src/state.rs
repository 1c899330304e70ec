//! What every page shares: the route, the draft, the service list and the API client.
//! Kept small; each page derives the rest.

use booking_domain::api::{ApiError, Client};
use booking_domain::draft::BookingDraft;
use booking_domain::ids::{BandId, ServiceId};
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::manage::ManageSession;
use booking_domain::model::{Booking, Invite, Locality, Service};
use booking_domain::validate::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::JsCast;

use crate::config::Config;
use crate::http::Fetch;

/// Localities are fetched once per service and band and reused by later pages.
pub type LocalityCache = Option<((ServiceId, BandId), Vec<Locality>)>;

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: &'static Config,
    pub client: &'static Client<Fetch>,
    pub route: RwSignal<Route>,
    pub draft: RwSignal<BookingDraft>,
    pub services: LocalResource<Result<Vec<Service>, ApiError>>,
    pub localities: RwSignal<LocalityCache>,
    /// The booking just made (no personal details in it), for the confirmation page.
    pub booked: RwSignal<Option<Booking>>,
    /// Field errors the API returned (422) for the details page to show.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// The SMS invite in the URL (`?invite=`), fetched once; `Ok(None)` when there is none.
    pub invite: LocalResource<Result<Option<Invite>, ApiError>>,
    /// The booking being changed or cancelled (this tab only).
    pub manage: RwSignal<Option<ManageSession>>,
}

const DRAFT_KEY: &str = "nhs-booking:draft";
const BOOKED_KEY: &str = "nhs-booking:booked";
const MANAGE_KEY: &str = "nhs-booking:manage";

/// This tab's session storage: personal details live here at most, never in localStorage.
fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = session()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn save<T: Serialize>(key: &str, value: Option<&T>) {
    if let Some(storage) = session() {
        let _ = match value.and_then(|v| serde_json::to_string(v).ok()) {
            Some(text) => storage.set_item(key, &text),
            None => storage.remove_item(key),
        };
    }
}

impl AppState {
    pub fn new(config: Config, route: Route) -> Self {
        let config: &'static Config = Box::leak(Box::new(config));
        let client: &'static Client<Fetch> = Box::leak(Box::new(Client::new(Fetch {
            base: config.api_base.clone(),
            timeout_ms: config.timeout_ms,
        })));
        let mut draft: BookingDraft = load(DRAFT_KEY).unwrap_or_default();
        draft.apply(&route.choices);
        let invite_code = route.choices.invite.clone();
        let known_invite = draft
            .invite
            .clone()
            .filter(|i| Some(&i.code) == invite_code.as_ref());
        let state = AppState {
            config,
            client,
            route: RwSignal::new(route),
            draft: RwSignal::new(draft),
            services: LocalResource::new(move || async move {
                client.services().await.map(|list| list.services)
            }),
            localities: RwSignal::new(None),
            booked: RwSignal::new(load(BOOKED_KEY)),
            server_errors: RwSignal::new(Vec::new()),
            invite: LocalResource::new(move || {
                let code = invite_code.clone();
                let known = known_invite.clone();
                async move {
                    match (code, known) {
                        (None, _) => Ok(None),
                        (Some(_), Some(invite)) => Ok(Some(invite)),
                        (Some(code), None) => client.invite(&code).await.map(Some),
                    }
                }
            }),
            manage: RwSignal::new(load(MANAGE_KEY)),
        };
        Effect::new(move |_| state.manage.with(|m| save(MANAGE_KEY, m.as_ref())));
        // The draft follows the patient through reloads of this tab; an empty one is not kept.
        Effect::new(move |_| {
            state.draft.with(|d| {
                save(
                    DRAFT_KEY,
                    Some(d).filter(|d| **d != BookingDraft::default()),
                )
            })
        });
        Effect::new(move |_| state.booked.with(|b| save(BOOKED_KEY, b.as_ref())));
        state
    }

    /// The invite in the URL once fetched (its answers applied to the draft); `None` while it
    /// loads. `Ok(None)` when the URL has no invite.
    pub fn invite_status(&self) -> Option<Result<Option<Invite>, ApiError>> {
        let status = self.invite.get()?;
        if let Ok(Some(invite)) = &status {
            if self
                .draft
                .with_untracked(|d| d.invite.as_ref() != Some(invite))
            {
                let invite = invite.clone();
                self.draft.update(|d| d.accept_invite(invite));
            }
        }
        Some(status)
    }

    /// The service being booked, once the list has loaded.
    pub fn service(&self) -> Option<Service> {
        let id = self.draft.with(|d| d.service.clone())?;
        let services = self.services.get()?.ok()?;
        services.into_iter().find(|s| s.id == id)
    }

    /// The number to call: the service's own, else the trust's.
    pub fn phone(&self) -> String {
        self.service()
            .map(|s| s.phone)
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| self.config.phone.clone())
    }

    /// Called once a booking is made: forget the personal details, keep the booking.
    pub fn finish(&self, booking: Booking) {
        self.booked.set(Some(booking));
        self.server_errors.set(Vec::new());
        self.draft.update(|d| *d = BookingDraft::default());
    }

    /// "Start again": forgets every answer and booking this tab holds (memory and
    /// sessionStorage) and goes to the start page, keeping only what the trust fixed in
    /// advance and the SMS invite (neither is personal).
    pub fn start_again(&self) {
        let choices = Choices {
            invite: self.route.with_untracked(|r| r.choices.invite.clone()),
            ..self.config.preselected.clone()
        };
        let mut draft = BookingDraft::default();
        draft.apply(&choices);
        self.draft.set(draft);
        self.booked.set(None);
        self.manage.set(None);
        self.server_errors.set(Vec::new());
        if let Some(storage) = session() {
            for key in [DRAFT_KEY, BOOKED_KEY, MANAGE_KEY] {
                let _ = storage.remove_item(key);
            }
        }
        crate::routes::go(self, Route::new(Step::Start, choices), false);
    }

    /// Moves focus to the new page's error summary or heading once it has rendered,
    /// so screen readers announce the new page (a single-page app gets no page-load
    /// announcement). A page that loads first has no heading yet: keep looking, a frame at a
    /// time, for up to about 15 seconds, unless the patient has moved focus themselves.
    pub fn focus_heading(&self) {
        fn attempt(frames_left: u32) {
            request_animation_frame(move || {
                let doc = document();
                let moved = doc.active_element().is_some_and(|e| {
                    e.tag_name() != "BODY" && e.closest(".nhsb main").ok().flatten().is_some()
                });
                let target = [".nhsb .nhsb-error-summary", ".nhsb main h1"]
                    .iter()
                    .find_map(|selector| doc.query_selector(selector).ok().flatten());
                match target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    Some(el) => {
                        let _ = el.focus();
                    }
                    None if frames_left > 0 && !moved => attempt(frames_left - 1),
                    None => {}
                }
            });
        }
        attempt(900);
    }
}

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The device's calendar date (for "date of birth in the past").
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| now().date_naive())
}

/// The device's UTC offset in minutes east at an instant.
pub fn device_minutes_east(at: DateTime<Utc>) -> i32 {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(
        at.timestamp_millis() as f64
    ));
    -(d.get_timezone_offset() as i32)
}

/// Sets the tab's title: unique per page, `Error: ` first when the page shows errors.
pub fn set_title(title: &str, has_errors: bool) {
    let prefix = if has_errors { "Error: " } else { "" };
    document().set_title(&format!(
        "{prefix}{title} – Book a physiotherapy appointment – NHS"
    ));
}

/// The localities for the draft's service and band: from the cache when already fetched.
pub fn localities(state: AppState) -> LocalResource<Result<Vec<Locality>, ApiError>> {
    LocalResource::new(move || {
        let key = state.draft.with_untracked(|d| {
            (
                d.service.clone().unwrap_or_default(),
                d.band.clone().unwrap_or_default(),
            )
        });
        async move {
            let cached = state.localities.with_untracked(|c| {
                c.as_ref()
                    .filter(|(k, _)| *k == key)
                    .map(|(_, list)| list.clone())
            });
            if let Some(list) = cached {
                return Ok(list);
            }
            let list = state.client.localities(&key.0, &key.1).await?.localities;
            state.localities.set(Some((key, list.clone())));
            Ok(list)
        }
    })
}
