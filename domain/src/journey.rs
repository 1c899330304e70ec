//! The steps of the journey and their URLs: the only place a URL is spelled. Non-personal
//! choices (service, band, locality, day, slot) ride in the query string so that Back, refresh
//! and sharing work; personal details never do.

use chrono::NaiveDate;

use crate::ids::{BandId, InviteCode, LocalityId, ServiceId, SlotId};
use crate::words::titles::titles;

/// A page of the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Start,
    Service,
    /// Urgent symptoms, when the service screens for them (API 1.1).
    Screening,
    /// Where a patient with an urgent symptom is sent instead of booking.
    Urgent,
    Band,
    Locality,
    Slot,
    /// Me or someone else (API 1.1 `booked_by`).
    WhoFor,
    /// The details of the person booking for someone else.
    Booker,
    Details,
    /// Any support needed: yes or no (API 1.1 `needs`).
    Support,
    /// The support needed.
    Needs,
    Check,
    Confirmation,
    Accessibility,
    NotFound,
    /// Find a booking by reference and date of birth.
    ManageFind,
    ManageBooking,
    ManageCancel,
    ManageCancelled,
    /// Choose a new time for a booking.
    ManageSlot,
    ManageCheck,
    ManageChanged,
    /// A time held for a patient who asked to be told of an earlier one (API 1.1
    /// `slot_alerts`), opened from the text message's link `?offer=CODE`.
    Offer,
    /// Asking to be told of an earlier time (API 1.1 `slot_alerts`): which places,
    AlertWhere,
    /// which times (before a date, or before the booking it would replace),
    AlertBefore,
    /// who to text,
    AlertDetails,
    /// check answers,
    AlertCheck,
    /// and the alert's reference, what happens next and how to stop it.
    AlertSet,
    /// Stopping an alert: its reference and the patient's date of birth.
    AlertStop,
}

/// The service's name (in English): the start page's title and the end of every other page's
/// title. [`service_name`] gives it in the patient's language.
pub const SERVICE_NAME: &str = "Book a physiotherapy appointment";

/// The service's name in the patient's language.
pub fn service_name() -> &'static str {
    titles().start
}

/// The tab's title for a page: "Choose a time – Book a physiotherapy appointment – NHS",
/// `Error: ` first while the page shows errors. The start page's own title is the service's
/// name, which is then said once, not twice.
pub fn page_title(title: &str, has_errors: bool) -> String {
    let t = titles();
    let prefix = if has_errors { t.error } else { "" };
    let service = t.start;
    let title = if title == service {
        crate::lang::fill(t.start_page, &[("service", service)])
    } else {
        crate::lang::fill(t.page, &[("title", title), ("service", service)])
    };
    format!("{prefix}{title}")
}

/// Every step, in the order they are declared.
pub const ALL: [Step; 30] = [
    Step::Start,
    Step::Service,
    Step::Screening,
    Step::Urgent,
    Step::Band,
    Step::Locality,
    Step::Slot,
    Step::WhoFor,
    Step::Booker,
    Step::Details,
    Step::Support,
    Step::Needs,
    Step::Check,
    Step::Confirmation,
    Step::Accessibility,
    Step::NotFound,
    Step::ManageFind,
    Step::ManageBooking,
    Step::ManageCancel,
    Step::ManageCancelled,
    Step::ManageSlot,
    Step::ManageCheck,
    Step::ManageChanged,
    Step::Offer,
    Step::AlertWhere,
    Step::AlertBefore,
    Step::AlertDetails,
    Step::AlertCheck,
    Step::AlertSet,
    Step::AlertStop,
];

/// The booking questions in the order they are asked (a draft skips those its API or
/// service does not ask: `BookingDraft::asked`).
pub const QUESTIONS: [Step; 11] = [
    Step::Service,
    Step::Screening,
    Step::Band,
    Step::Locality,
    Step::Slot,
    Step::WhoFor,
    Step::Booker,
    Step::Details,
    Step::Support,
    Step::Needs,
    Step::Check,
];

impl Step {
    /// The step's path below the app's base ("" for the start page).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Start => "",
            Step::Service => "service",
            Step::Screening => "symptoms",
            Step::Urgent => "get-help-now",
            Step::Band => "clinician",
            Step::Locality => "location",
            Step::Slot => "time",
            Step::WhoFor => "who-for",
            Step::Booker => "about-you",
            Step::Details => "your-details",
            Step::Support => "support",
            Step::Needs => "support-needed",
            Step::Check => "check-your-answers",
            Step::Confirmation => "confirmation",
            Step::Accessibility => "accessibility-statement",
            Step::NotFound => "page-not-found",
            Step::ManageFind => "manage",
            Step::ManageBooking => "manage/appointment",
            Step::ManageCancel => "manage/cancel",
            Step::ManageCancelled => "manage/cancelled",
            Step::ManageSlot => "manage/new-time",
            Step::ManageCheck => "manage/check-new-time",
            Step::ManageChanged => "manage/changed",
            Step::Offer => "held-time",
            Step::AlertWhere => "earlier-time/where",
            Step::AlertBefore => "earlier-time/before",
            Step::AlertDetails => "earlier-time/your-details",
            Step::AlertCheck => "earlier-time/check",
            Step::AlertSet => "earlier-time/set-up",
            Step::AlertStop => "earlier-time/stop",
        }
    }

    fn from_slug(slug: &str) -> Step {
        ALL.into_iter()
            .find(|s| s.slug() == slug)
            .unwrap_or(Step::NotFound)
    }

    /// The page title (the `h1`'s words where the page has one question).
    pub fn title(self) -> &'static str {
        let t = titles();
        match self {
            Step::Start => t.start,
            Step::Service => t.service,
            Step::Screening => t.screening,
            Step::Urgent => t.urgent,
            Step::Band => t.band,
            Step::Locality => t.locality,
            Step::Slot => t.slot,
            Step::WhoFor => t.who_for,
            Step::Booker => t.booker,
            Step::Details => t.details,
            Step::Support => t.support,
            Step::Needs => t.needs,
            Step::Check => t.check,
            Step::Confirmation => t.confirmation,
            Step::Accessibility => t.accessibility,
            Step::NotFound => t.not_found,
            Step::ManageFind => t.manage_find,
            Step::ManageBooking => t.manage_booking,
            Step::ManageCancel => t.manage_cancel,
            Step::ManageCancelled => t.manage_cancelled,
            Step::ManageSlot => t.manage_slot,
            Step::ManageCheck => t.manage_check,
            Step::ManageChanged => t.manage_changed,
            Step::Offer => t.offer,
            Step::AlertWhere => t.alert_where,
            Step::AlertBefore => t.alert_before,
            Step::AlertDetails => t.alert_details,
            Step::AlertCheck => t.alert_check,
            Step::AlertSet => t.alert_set,
            Step::AlertStop => t.alert_stop,
        }
    }

    /// Position among the questions, for "what comes before what".
    pub fn question_index(self) -> Option<usize> {
        QUESTIONS.iter().position(|s| *s == self)
    }
}

/// The non-personal choices carried in the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    pub service: Option<ServiceId>,
    pub band: Option<BandId>,
    pub locality: Option<LocalityId>,
    pub date: Option<NaiveDate>,
    pub slot: Option<SlotId>,
    pub invite: Option<InviteCode>,
    /// The code of a time held for the patient (`?offer=` in the text message's link).
    pub offer: Option<String>,
}

/// A step and the choices in its URL. `change` marks a "Change" link from check answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub step: Step,
    pub choices: Choices,
    pub change: bool,
}

impl Route {
    pub fn new(step: Step, choices: Choices) -> Self {
        Route {
            step,
            choices,
            change: false,
        }
    }

    /// Reads a URL path and query string (with or without the leading `?`) below `base`.
    pub fn from_url(base: &str, path: &str, query: &str) -> Route {
        let base = base.trim_end_matches('/');
        let rest = path.strip_prefix(base).unwrap_or(path);
        let slug = rest.trim_matches('/');
        let step = if rest.is_empty() || rest.starts_with('/') {
            Step::from_slug(slug)
        } else {
            Step::NotFound
        };
        let mut choices = Choices::default();
        let mut change = false;
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let value = value.trim();
            // Ids are short tokens; anything else is not ours and is ignored.
            let id = (!value.is_empty() && value.len() <= 64).then(|| value.to_string());
            match key.as_ref() {
                "service" => choices.service = id.map(ServiceId),
                "band" => choices.band = id.map(BandId),
                "locality" => choices.locality = id.map(LocalityId),
                "slot" => choices.slot = id.map(SlotId),
                "invite" => choices.invite = id.map(InviteCode),
                "offer" => choices.offer = id,
                // YYYY-MM-DD, read by `dates` and written by NaiveDate's Display: chrono's
                // pattern parser and formatter are then never linked (measured, BENCHMARKS.md).
                "date" => choices.date = crate::dates::parse_date(value),
                "change" => change = value == "1",
                _ => {}
            }
        }
        // The text message's link is the start page's with `?offer=`.
        let step = match step {
            Step::Start if choices.offer.is_some() => Step::Offer,
            step => step,
        };
        Route {
            step,
            choices,
            change,
        }
    }

    /// The URL (path and query) of this route below `base`.
    pub fn to_url(&self, base: &str) -> String {
        let mut url = base.trim_end_matches('/').to_string();
        url.push('/');
        url.push_str(self.step.slug());
        let mut query = form_urlencoded::Serializer::new(String::new());
        let c = &self.choices;
        let date = c.date.map(crate::dates::iso_date);
        for (key, value) in [
            ("invite", c.invite.as_ref().map(InviteCode::as_str)),
            ("service", c.service.as_ref().map(ServiceId::as_str)),
            ("band", c.band.as_ref().map(BandId::as_str)),
            ("locality", c.locality.as_ref().map(LocalityId::as_str)),
            ("date", date.as_deref()),
            ("slot", c.slot.as_ref().map(SlotId::as_str)),
            ("offer", c.offer.as_deref()),
        ] {
            if let Some(v) = value {
                query.append_pair(key, v);
            }
        }
        if self.change {
            query.append_pair("change", "1");
        }
        let query = query.finish();
        if !query.is_empty() {
            url.push('?');
            url.push_str(&query);
        }
        url
    }
}

/// Where the app keeps its step in the host page's URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Routing {
    /// The step is the path below `base` (`/book/time?service=…`); the app owns the URLs below
    /// its base path (the server must answer them with the page).
    Path { base: String },
    /// The step is one query parameter (`?booking=time&service=…`) on whatever page the host
    /// shows; the host's path, its fragment and every query parameter that is not the app's are
    /// kept as they are.
    Query { param: String },
}

impl Default for Routing {
    fn default() -> Self {
        Routing::Path { base: "/".into() }
    }
}

/// The query parameters the app writes (besides the step parameter in query mode).
pub const CHOICE_PARAMS: [&str; 8] = [
    "invite", "service", "band", "locality", "date", "slot", "offer", "change",
];

impl Routing {
    /// The route shown by a URL's path and query string (with or without the leading `?`).
    pub fn read(&self, path: &str, query: &str) -> Route {
        match self {
            Routing::Path { base } => Route::from_url(base, path, query),
            Routing::Query { param } => {
                let query = query.strip_prefix('?').unwrap_or(query);
                let slug = form_urlencoded::parse(query.as_bytes())
                    .find(|(k, _)| k == param.as_str())
                    .map(|(_, v)| v.trim().trim_matches('/').to_string())
                    .unwrap_or_default();
                let mut route = Route::from_url("/", "/", query);
                route.step = match Step::from_slug(&slug) {
                    // The text message's link: the host's page with `?offer=`.
                    Step::Start if route.choices.offer.is_some() => Step::Offer,
                    step => step,
                };
                route
            }
        }
    }

    /// The URL (path and query) that shows `route`, given the URL shown now. In query mode
    /// the current path and every parameter that is not the app's are kept untouched (same
    /// order, same spelling); the app's own parameters follow them.
    pub fn write(&self, route: &Route, path: &str, query: &str) -> String {
        match self {
            Routing::Path { base } => route.to_url(base),
            Routing::Query { param } => {
                let query = query.strip_prefix('?').unwrap_or(query);
                let ours = |segment: &str| {
                    form_urlencoded::parse(segment.as_bytes())
                        .next()
                        .is_some_and(|(k, _)| k == param.as_str() || CHOICE_PARAMS.contains(&&*k))
                };
                let mut parts: Vec<String> = query
                    .split('&')
                    .filter(|s| !s.is_empty() && !ours(s))
                    .map(str::to_string)
                    .collect();
                if route.step != Step::Start {
                    // A readable step: `manage/cancel`, not `manage%2Fcancel`.
                    let slug = route
                        .step
                        .slug()
                        .split('/')
                        .map(|part| form_urlencoded::byte_serialize(part.as_bytes()).collect())
                        .collect::<Vec<String>>()
                        .join("/");
                    let key: String = form_urlencoded::byte_serialize(param.as_bytes()).collect();
                    parts.push(format!("{key}={slug}"));
                }
                let own = route.to_url("/");
                if let Some((_, q)) = own.split_once('?') {
                    parts.extend(q.split('&').map(str::to_string));
                }
                let mut url = if path.is_empty() {
                    "/".to_string()
                } else {
                    path.to_string()
                };
                if !parts.is_empty() {
                    url.push('?');
                    url.push_str(&parts.join("&"));
                }
                url
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn welsh_titles() {
        use crate::lang::compare;
        use crate::words::testing::in_welsh;
        use crate::words::titles::{cy, en};
        compare(&en().each(), &cy().each(), &[]);
        in_welsh(|| {
            assert_eq!(Step::Slot.title(), "Dewiswch amser");
            assert_eq!(
                page_title(Step::Slot.title(), true),
                "Gwall: Dewiswch amser – Trefnu apwyntiad ffisiotherapi – GIG"
            );
            assert_eq!(
                page_title(service_name(), false),
                "Trefnu apwyntiad ffisiotherapi – GIG"
            );
        });
        assert_eq!(
            page_title(Step::Slot.title(), false),
            "Choose a time – Book a physiotherapy appointment – NHS"
        );
    }

    use super::*;

    #[test]
    fn page_titles_name_the_page_then_the_service_once() {
        assert_eq!(
            page_title(Step::Start.title(), false),
            "Book a physiotherapy appointment – NHS"
        );
        assert_eq!(
            page_title(Step::Slot.title(), false),
            "Choose a time – Book a physiotherapy appointment – NHS"
        );
        assert_eq!(
            page_title(Step::Details.title(), true),
            "Error: Your details – Book a physiotherapy appointment – NHS"
        );
        for step in ALL {
            let title = page_title(step.title(), false);
            assert_eq!(title.matches(SERVICE_NAME).count(), 1, "{title}");
        }
    }

    /// A choice for every question, with or without an invite.
    fn every_choice(invite: Option<&str>) -> Choices {
        Choices {
            service: Some("physio-msk".into()),
            band: Some("band-6".into()),
            locality: Some("hinchingbrooke".into()),
            date: NaiveDate::from_ymd_opt(2027, 3, 29),
            slot: Some("slot-8f2c".into()),
            invite: invite.map(Into::into),
            offer: None,
        }
    }

    #[test]
    fn the_text_messages_offer_link_opens_the_held_time() {
        let route = Route::from_url("/", "/", "?offer=OF7K2Q");
        assert_eq!(route.step, Step::Offer);
        assert_eq!(route.choices.offer.as_deref(), Some("OF7K2Q"));
        assert_eq!(route.to_url("/"), "/held-time?offer=OF7K2Q");
        assert_eq!(Route::from_url("/", "/held-time", "?offer=OF7K2Q"), route);
        // In query mode too, and the host's own parameters stay.
        let routing = Routing::Query {
            param: "booking".into(),
        };
        let route = routing.read("/page", "?x=1&offer=OF7K2Q");
        assert_eq!(
            (route.step, route.choices.offer.as_deref()),
            (Step::Offer, Some("OF7K2Q"))
        );
        assert_eq!(
            routing.write(&route, "/page", "?x=1&offer=OF7K2Q"),
            "/page?x=1&booking=held-time&offer=OF7K2Q"
        );
    }

    #[test]
    fn round_trips_every_step_with_choices() {
        let choices = every_choice(None);
        for step in ALL.into_iter().filter(|s| *s != Step::NotFound) {
            for base in ["", "/", "/book", "/book/"] {
                let route = Route::new(step, choices.clone());
                let url = route.to_url(base);
                let (path, query) = url.split_once('?').unwrap_or((&url, ""));
                assert_eq!(Route::from_url(base, path, query), route, "{url}");
            }
        }
    }

    #[test]
    fn spells_readable_urls() {
        let route = Route {
            step: Step::Slot,
            choices: Choices {
                service: Some("physio-msk".into()),
                band: Some("band-6".into()),
                locality: Some("hinchingbrooke".into()),
                date: NaiveDate::from_ymd_opt(2027, 3, 29),
                ..Choices::default()
            },
            change: true,
        };
        assert_eq!(
            route.to_url("/"),
            "/time?service=physio-msk&band=band-6&locality=hinchingbrooke&date=2027-03-29&change=1"
        );
        assert_eq!(Route::new(Step::Start, Choices::default()).to_url(""), "/");
        assert_eq!(
            Route::new(Step::ManageCancel, Choices::default()).to_url("/book"),
            "/book/manage/cancel"
        );
        assert_eq!(
            Route::from_url("/", "/manage/cancel/", "").step,
            Step::ManageCancel
        );
    }

    #[test]
    fn unknown_paths_and_bad_values_are_handled() {
        assert_eq!(Route::from_url("/", "/nope", "").step, Step::NotFound);
        assert_eq!(
            Route::from_url("/book", "/booking", "").step,
            Step::NotFound
        );
        let r = Route::from_url("/", "/time", "?date=2027-02-30&service=&band=%3Cb%3E&x=1");
        assert_eq!(r.step, Step::Slot);
        assert_eq!(r.choices.date, None);
        assert_eq!(r.choices.service, None);
        assert_eq!(r.choices.band.as_deref(), Some("<b>"));
    }

    fn query() -> Routing {
        Routing::Query {
            param: "booking".into(),
        }
    }

    #[test]
    fn query_mode_keeps_the_host_path_and_parameters() {
        let route = Route::new(
            Step::Slot,
            Choices {
                service: Some("physio-msk".into()),
                band: Some("band-6".into()),
                ..Choices::default()
            },
        );
        let url = query().write(
            &route,
            "/services/physio/book.aspx",
            "?lang=en&utm_source=news%20letter&a+b=c%2Bd&flag",
        );
        assert_eq!(
            url,
            "/services/physio/book.aspx?lang=en&utm_source=news%20letter&a+b=c%2Bd&flag\
             &booking=time&service=physio-msk&band=band-6"
        );
        // Moving on replaces the app's own parameters and nothing else.
        let (path, q) = url.split_once('?').unwrap();
        let next = Route::new(Step::Details, Choices::default());
        assert_eq!(
            query().write(&next, path, q),
            "/services/physio/book.aspx?lang=en&utm_source=news%20letter&a+b=c%2Bd&flag\
             &booking=your-details"
        );
        // The start page leaves the host's URL as it was.
        let start = Route::new(Step::Start, Choices::default());
        assert_eq!(
            query().write(&start, path, q),
            "/services/physio/book.aspx?lang=en&utm_source=news%20letter&a+b=c%2Bd&flag"
        );
        assert_eq!(query().write(&start, "/page", ""), "/page");
        assert_eq!(query().write(&start, "", ""), "/");
    }

    #[test]
    fn query_mode_round_trips_every_step() {
        let choices = every_choice(Some("Q7P2MX"));
        for step in ALL.into_iter().filter(|s| *s != Step::NotFound) {
            for change in [false, true] {
                let route = Route {
                    step,
                    choices: choices.clone(),
                    change,
                };
                let url = query().write(&route, "/host/page", "?x=1&booking=old&service=old");
                let (path, q) = url.split_once('?').unwrap();
                assert_eq!(path, "/host/page");
                assert!(q.starts_with("x=1&"), "{url}");
                assert_eq!(query().read(path, q), route, "{url}");
            }
        }
        assert_eq!(
            query().write(
                &Route::new(Step::ManageCancel, Choices::default()),
                "/p",
                ""
            ),
            "/p?booking=manage/cancel"
        );
    }

    #[test]
    fn query_mode_reads_the_step_parameter_only() {
        assert_eq!(query().read("/anything/at/all", "").step, Step::Start);
        assert_eq!(query().read("/x", "?lang=en").step, Step::Start);
        assert_eq!(query().read("/x", "?booking=").step, Step::Start);
        assert_eq!(query().read("/x", "?booking=time").step, Step::Slot);
        assert_eq!(
            query().read("/x", "booking=manage%2Fcancel").step,
            Step::ManageCancel
        );
        assert_eq!(query().read("/x", "?booking=nope").step, Step::NotFound);
        let r = query().read("/x", "?q=service&booking=clinician&service=physio-msk");
        assert_eq!(r.step, Step::Band);
        assert_eq!(r.choices.service.as_deref(), Some("physio-msk"));
        // Another step parameter name.
        let other = Routing::Query {
            param: "nhs-step".into(),
        };
        assert_eq!(other.read("/", "?booking=time").step, Step::Start);
        assert_eq!(other.read("/", "?nhs-step=time").step, Step::Slot);
        assert_eq!(
            other.write(
                &Route::new(Step::Slot, Choices::default()),
                "/",
                "?booking=x"
            ),
            "/?booking=x&nhs-step=time"
        );
    }

    #[test]
    fn path_mode_is_the_old_mapping() {
        let routing = Routing::Path {
            base: "/book".into(),
        };
        let route = Route::new(Step::Slot, Choices::default());
        assert_eq!(routing.write(&route, "/elsewhere", "?x=1"), "/book/time");
        assert_eq!(routing.read("/book/time", ""), route);
        assert_eq!(Routing::default().read("/", "").step, Step::Start);
    }
}
