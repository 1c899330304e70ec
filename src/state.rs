//! What every page shares: the route, the draft, the service list, the manage session and the
//! API client. Plain data in signals; pages derive the rest. The browser's clock, title and
//! focus are in `browser`, URLs in `routes`.

use booking_domain::alerts::AlertDraft;
use booking_domain::api::ErrorCode;
use booking_domain::draft::BookingDraft;
use booking_domain::ids::{BandId, ServiceId};
use booking_domain::journey::{Choices, Route, Step};
use booking_domain::manage::ManageSession;
use booking_domain::model::{Booking, Invite, Locality, Service};
use booking_domain::validate::FieldError;
use leptos::prelude::*;

use crate::browser::{load, save};
use crate::config::Config;
use crate::fetched::Fetched;
use crate::http::Api;
use crate::routes::Router;

/// The places offered for one service and band, fetched once and reused by later pages.
#[derive(Clone, Debug, PartialEq)]
pub struct Localities {
    pub service: ServiceId,
    pub band: BandId,
    pub list: Vec<Locality>,
}

/// How long "Continue" (or Start now) waits for an SMS invite still being fetched before going
/// on without it (`AppState::go_on`).
const INVITE_WAIT_MS: u64 = 4000;

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: &'static Config,
    /// The API client, made by `restore` (the chunks' code) unless the app was given one (a
    /// test's fake API): nothing on the start page talks to the API, so the client, its
    /// transport and the decoding of every answer stay out of the main module (measured: 15 KB
    /// of its brotli).
    client: StoredValue<Option<&'static Api>>,
    pub route: RwSignal<Route>,
    pub draft: RwSignal<BookingDraft>,
    pub services: Fetched<Vec<Service>>,
    pub localities: RwSignal<Option<Localities>>,
    /// The booking just made (no personal details in it but who booked it for whom), for the
    /// confirmation page.
    pub booked: RwSignal<Option<Booking>>,
    /// The patient's name when someone else booked for them: the confirmation names both.
    /// In memory only, like the booker and the support in `booked`: nothing personal is kept
    /// in the tab once the booking is made.
    pub booked_for: RwSignal<Option<String>>,
    /// Field errors the API returned (422) for the details page to show.
    pub server_errors: RwSignal<Vec<FieldError>>,
    /// The SMS invite in the URL (`?invite=`), fetched once and applied to the draft when it
    /// arrives; `Ok(None)` when there is none.
    pub invite: Fetched<Option<Invite>>,
    /// The SMS invite's code in the URL the app opened at (`invite` fetches it).
    invite_code: StoredValue<Option<booking_domain::ids::InviteCode>>,
    /// The booking being changed or cancelled (this tab only).
    pub manage: RwSignal<Option<ManageSession>>,
    /// The earlier-time alert being asked for, or set up, in this tab (API 1.1 `slot_alerts`):
    /// made by `alert()` when a chunk first uses it (made here, its code was 0.5 KB of the
    /// main module).
    alert: StoredValue<Option<RwSignal<Option<AlertDraft>>>>,
    /// The app's owner, and whether what this tab kept has been read (`restore`).
    owner: StoredValue<Owner>,
    kept: StoredValue<bool>,
    /// Forgets the booking just made, the one being changed and the API's field errors (for
    /// "Start again"); set by `restore`, so that code is in the chunks that use them.
    forget: StoredValue<Option<fn(AppState)>>,
}

const DRAFT_KEY: &str = "nhs-booking:draft";
const BOOKED_KEY: &str = "nhs-booking:booked";
const MANAGE_KEY: &str = "nhs-booking:manage";
const ALERT_KEY: &str = "nhs-booking:alert";

impl AppState {
    /// The app's state for `route`, talking to the API through `client` if given (tests), else
    /// through the browser's `fetch` (`crate::http::browser_client`, made by `restore`).
    pub fn new(config: Config, route: Route, client: Option<Api>) -> Self {
        let config: &'static Config = Box::leak(Box::new(config));
        let client = client.map(|c| &*Box::leak(Box::new(c)));
        // The answers this tab kept are read when the first chunk has loaded (`restore`): the
        // start page needs none of them. Until then, the URL's.
        let mut draft = BookingDraft::default();
        draft.apply(&route.choices);
        let invite_code = route.choices.invite.clone();
        let draft = RwSignal::new(draft);
        // Fetched once a chunk has loaded (`restore`), which the start page asks for as soon as
        // it has shown (and booking.js beside the main module when the URL has an invite).
        let services = Fetched::waiting();
        let invite = Fetched::waiting();
        let state = AppState {
            config,
            client: StoredValue::new(client),
            route: RwSignal::new(route),
            draft,
            services,
            localities: RwSignal::new(None),
            booked: RwSignal::new(None),
            booked_for: RwSignal::new(None),
            server_errors: RwSignal::new(Vec::new()),
            invite,
            invite_code: StoredValue::new(invite_code),
            manage: RwSignal::new(None),
            alert: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            kept: StoredValue::new(false),
            forget: StoredValue::new(None),
        };
        state.router().listen(move || state.settle());
        state
    }

    /// Reads what this tab kept (the answers so far, the booking just made, the booking being
    /// changed), once, and keeps them there from then on. Called when a chunk has loaded,
    /// before its first page shows: every page that uses them is in a chunk, so reading and
    /// writing them is not code the start page waits for. `also` starts what else the chunks
    /// run once (measuring the journey), under the app's owner.
    pub fn restore(&self, also: impl Fn(AppState) + 'static) {
        if self.kept.get_value() {
            return;
        }
        self.kept.set_value(true);
        self.forget.set_value(Some(|state| {
            state.booked.set(None);
            state.booked_for.set(None);
            state.manage.set(None);
            state.alert().set(None);
            state.server_errors.set(Vec::new());
        }));
        let state = *self;
        if self.client.with_value(Option::is_none) {
            let client = crate::http::browser_client(self.config);
            self.client.set_value(Some(Box::leak(Box::new(client))));
        }
        self.fetch_services_and_invite();
        // The app's owner, not the page's: the saving goes on after this page.
        self.owner.with_value(|owner| {
            owner.with(|| {
                // Once, from an effect: called directly from here, some of its code stayed in
                // the main module after the split (measured: 94 B of brotli).
                Effect::new(move |_| untrack(|| also(state)));
                if let Some(mut saved) = load::<BookingDraft>(DRAFT_KEY) {
                    // The URL's answers win, as they did when the tab opened.
                    state.route.with_untracked(|r| saved.apply(&r.choices));
                    state.draft.set(saved);
                    state.settle();
                }
                // The draft follows the patient through reloads of this tab; an empty one is
                // not kept.
                Effect::new(move |_| {
                    state.draft.with(|d| {
                        save(
                            DRAFT_KEY,
                            Some(d).filter(|d| **d != BookingDraft::default()),
                        )
                    })
                });
                if state.booked.with_untracked(Option::is_none) {
                    state.booked.set(load(BOOKED_KEY));
                }
                if state.manage.with_untracked(Option::is_none) {
                    state.manage.set(load(MANAGE_KEY));
                }
                Effect::new(move |_| state.manage.with(|m| save(MANAGE_KEY, m.as_ref())));
                let alert = state.alert();
                if alert.with_untracked(Option::is_none) {
                    alert.set(load(ALERT_KEY));
                }
                Effect::new(move |_| alert.with(|a| save(ALERT_KEY, a.as_ref())));
                // The booking without who booked it and the support asked for (names, phone,
                // health): a reload of the confirmation shows the rest.
                Effect::new(move |_| {
                    state.booked.with(|b| {
                        let kept = b.as_ref().map(|b| Booking {
                            needs: None,
                            booked_by: None,
                            ..b.clone()
                        });
                        save(BOOKED_KEY, kept.as_ref())
                    })
                });
            })
        });
    }

    /// Fetches the service list and the SMS invite (once, from `restore`). Answers the
    /// catalogue cannot back are dropped as soon as it arrives (and after an invite or
    /// Back/Forward changes them), before any page reads them.
    fn fetch_services_and_invite(&self) {
        let (client, draft, services) = (self.client(), self.draft, self.services);
        services.start(move || async move {
            let list = client.services().await?.offered();
            draft.update(|d| d.settle(&list));
            Ok(list)
        });
        let code = self.invite_code.get_value();
        self.invite.start(move || {
            let code = code.clone();
            async move {
                let Some(code) = code else {
                    return Ok(None);
                };
                let invite = client.invite(&code).await?;
                draft.update(|d| {
                    d.accept_invite(invite.clone());
                    services.with_untracked(|services| {
                        if let Some(Ok(list)) = services {
                            d.settle(list);
                        }
                    });
                });
                Ok(Some(invite))
            }
        });
    }

    /// The API client (pages in chunks only: made when the first chunk loaded, `restore`).
    pub fn client(&self) -> &'static Api {
        self.client
            .get_value()
            .expect("the API client is made when a chunk loads, before its pages show")
    }

    /// The earlier-time alert being asked for, or set up, in this tab.
    pub fn alert(&self) -> RwSignal<Option<AlertDraft>> {
        if let Some(alert) = self.alert.get_value() {
            return alert;
        }
        // The app's owner: the alert outlives the page that first asks for it.
        let alert = self
            .owner
            .with_value(|owner| owner.with(|| RwSignal::new(None)));
        self.alert.set_value(Some(alert));
        alert
    }

    pub fn router(&self) -> Router {
        Router {
            config: self.config,
            route: self.route,
            draft: self.draft,
        }
    }

    /// Shows `route` (a new history entry, or in place of the current one).
    pub fn go(&self, route: Route, replace: bool) {
        self.router().go(route, replace);
    }

    /// Goes to `step` with the draft's choices.
    pub fn go_to(&self, step: Step) {
        self.router().go_to(step, false);
    }

    /// Goes to the first question still to answer. While the SMS invite in the URL is being
    /// fetched, once it has answered (for at most `INVITE_WAIT_MS`): it fixes the service,
    /// clinician and place, so which question comes next depends on it (a patient who pressed
    /// Start now before it arrived was asked for the service). Not if the patient has left the
    /// page meanwhile.
    pub fn go_on(&self) {
        let state = *self;
        if !(state.invite.started() && state.invite.get_untracked().is_none()) {
            return state.go_on_now();
        }
        let from = state.route.get_untracked();
        let gone = std::rc::Rc::new(std::cell::Cell::new(false));
        let go = move || {
            if !gone.replace(true) && state.route.with_untracked(|r| *r == from) {
                state.go_on_now();
            }
        };
        let answered = go.clone();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            if state.invite.get().is_none() {
                return false;
            }
            answered();
            true
        });
        set_timeout(go, std::time::Duration::from_millis(INVITE_WAIT_MS));
    }

    fn go_on_now(&self) {
        self.settle();
        self.go_to(self.draft.with_untracked(BookingDraft::first_unanswered));
    }

    /// Brings the draft in line with what has loaded: the SMS invite's fixed answers (again
    /// after "Start again"), then drops answers the catalogue cannot back and answers
    /// one-option questions.
    pub fn settle(&self) {
        let invite = self.invite.get_untracked().and_then(Result::ok).flatten();
        self.services.with_untracked(|services| {
            self.draft.maybe_update(|d| {
                let before = d.clone();
                if let Some(invite) = invite.filter(|i| d.invite.as_ref() != Some(i)) {
                    d.accept_invite(invite);
                }
                if let Some(Ok(list)) = services {
                    d.settle(list);
                }
                *d != before
            })
        });
    }

    /// The SMS invite in the URL is unknown or past its date (tracked).
    pub fn invite_expired(&self) -> bool {
        matches!(self.invite.get(), Some(Err(e)) if e.code() == Some(&ErrorCode::NotFound))
    }

    /// The number a patient calls, the same on every page and in the static shell: the host
    /// page's own (`data-phone`) whenever it gives one; else the service's from the API once
    /// the service is known; else the built-in one (EMBEDDING.md, "Phone number").
    pub fn phone(&self) -> String {
        if let Some(phone) = &self.config.phone {
            return phone.clone();
        }
        // The service being booked, else the one just booked, else the one being changed.
        let id = self
            .draft
            .with(|d| d.service.clone())
            .or_else(|| {
                self.booked
                    .with(|b| b.as_ref().map(|b| b.service.id.clone()))
            })
            .or_else(|| {
                self.manage
                    .with(|m| m.as_ref().map(|m| m.booking.service.id.clone()))
            });
        self.services
            .with(|services| {
                let list = services?.as_ref().ok()?;
                let id = id?;
                list.iter().find(|s| s.id == id).map(|s| s.phone.clone())
            })
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| crate::config::DEFAULT_PHONE.to_string())
    }

    /// Called once a booking is made: forget the personal details, keep the booking.
    pub fn finish(&self, booking: Booking) {
        let patient = self.draft.with_untracked(|d| {
            d.for_someone_else().then(|| {
                format!(
                    "{} {}",
                    d.details.given_name.trim(),
                    d.details.family_name.trim()
                )
            })
        });
        self.booked_for.set(patient);
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
        // The rest is only ever read or written by pages in chunks, which left how to forget it.
        if let Some(forget) = self.forget.get_value() {
            forget(*self);
        }
        for key in [DRAFT_KEY, BOOKED_KEY, MANAGE_KEY, ALERT_KEY] {
            save::<()>(key, None);
        }
        self.settle();
        self.go(Route::new(Step::Start, choices), false);
    }
}
