//! Browsing open times, one day at a time: which 31-day window to ask for next, paging by
//! `next_cursor`, skipping windows with nothing free, an invite's booking window, the booking's
//! own time left out when moving it, and the day on show. The picker page only renders this.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::api::{ApiError, Client, SlotQuery, Transport};
use crate::ids::{BandId, LocalityId, ServiceId, SlotId};
use crate::model::Slot;
use crate::schedule::{self, Day};

/// How far ahead a patient can look (the API answers 31 days a query; the picker asks again as
/// they move on, so they never see that limit).
pub const HORIZON_DAYS: i64 = 12 * 7;

/// What to search: fixed for one picker.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotSearch {
    pub service: ServiceId,
    pub band: BandId,
    pub locality: LocalityId,
    /// An SMS invite's booking window (clinic dates, inclusive).
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// A time never offered (the booking's own time when moving it).
    pub exclude: Option<SlotId>,
}

impl SlotSearch {
    fn query(&self, from: NaiveDate, to: NaiveDate) -> SlotQuery {
        SlotQuery {
            service: self.service.clone(),
            band: self.band.clone(),
            locality: self.locality.clone(),
            from,
            to,
        }
    }

    /// Drops what this search never offers (outside the invite's window, the excluded time).
    fn keep(&self, slots: &mut Vec<Slot>) {
        if let Some((from, until)) = self.window {
            *slots = schedule::within_window(slots, from, until);
        }
        if let Some(exclude) = &self.exclude {
            slots.retain(|s| &s.id != exclude);
        }
    }
}

/// The times fetched so far for one search, and how far ahead they reach.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotBrowser {
    pub search: SlotSearch,
    /// The first and last dates that may be searched.
    first: NaiveDate,
    horizon: NaiveDate,
    slots: Vec<Slot>,
    /// The last date searched; `None` before the first answer.
    until: Option<NaiveDate>,
}

/// One fetch's worth of windows: what came back and the last date it covered.
#[derive(Clone, Debug, PartialEq)]
pub struct Batch {
    pub slots: Vec<Slot>,
    pub until: NaiveDate,
}

/// What the next fetch asks for: windows from `from` until one has a time.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    search: SlotSearch,
    from: NaiveDate,
    horizon: NaiveDate,
}

impl SlotBrowser {
    /// A browser over `search`, looking from `today` (the clinic's calendar) ahead.
    pub fn new(search: SlotSearch, today: NaiveDate) -> Self {
        let last = today + Duration::days(HORIZON_DAYS);
        let (first, horizon) = match search.window {
            Some((from, until)) => (from.max(today), until.min(last)),
            None => (today, last),
        };
        SlotBrowser {
            search,
            first,
            horizon,
            slots: Vec::new(),
            until: None,
        }
    }

    /// The next windows to fetch, or `None` once everything up to the horizon is fetched.
    pub fn pending(&self) -> Option<Pending> {
        let from = self.until.map_or(self.first, |u| u + Duration::days(1));
        (from <= self.horizon).then(|| Pending {
            search: self.search.clone(),
            from,
            horizon: self.horizon,
        })
    }

    /// Takes what a fetch brought.
    pub fn add(&mut self, batch: Batch) {
        self.slots.extend(batch.slots);
        self.until = Some(batch.until);
    }

    /// Whether anything has been fetched yet.
    pub fn started(&self) -> bool {
        self.until.is_some()
    }

    /// Everything up to the horizon has been fetched.
    pub fn exhausted(&self) -> bool {
        self.pending().is_none()
    }

    /// How many weeks ahead the search reaches (for "no times in the next N weeks").
    pub fn weeks(&self) -> i64 {
        (self.horizon - self.first).num_weeks()
    }

    /// The days with free times after `now`, earliest first.
    pub fn days(&self, now: DateTime<Utc>) -> Vec<Day> {
        schedule::slots_by_day(&self.slots, now)
    }

    pub fn find(&self, id: &str) -> Option<&Slot> {
        self.slots.iter().find(|s| s.id == id)
    }
}

impl Pending {
    /// Fetches window after window (every page of each, by `next_cursor`) until one has a time
    /// after `now` or the horizon is reached, so empty weeks never show as empty pages.
    pub async fn fetch<T: Transport>(
        self,
        client: &Client<T>,
        now: DateTime<Utc>,
    ) -> Result<Batch, ApiError> {
        let mut batch = Batch {
            slots: Vec::new(),
            until: self.from,
        };
        for (from, to) in schedule::search_windows(self.from, self.horizon) {
            let mut found = client.all_slots(&self.search.query(from, to)).await?.slots;
            self.search.keep(&mut found);
            let any = found.iter().any(|s| s.start > now);
            batch.slots.extend(found);
            batch.until = to;
            if any {
                break;
            }
        }
        Ok(batch)
    }
}

/// The day to show: the URL's date when it has times, else the next day with times after it,
/// else the first.
pub fn day_index(days: &[Day], wanted: Option<NaiveDate>) -> usize {
    wanted
        .and_then(|w| days.iter().position(|d| d.date >= w))
        .unwrap_or(0)
}

/// Whether "Next day" can go anywhere: a later day already fetched, or more still to fetch.
pub fn has_later_day(days: usize, index: usize, exhausted: bool) -> bool {
    index + 1 < days || !exhausted
}

/// The nearest free times to one that was just taken: same service, clinician and place,
/// up to five, from a week before it to three weeks after.
#[derive(Clone, Debug, PartialEq)]
pub struct NearestSearch {
    pub search: SlotSearch,
    pub taken: Slot,
}

impl NearestSearch {
    /// The one query that finds them (the taken time's week before, as far as today).
    pub fn query(&self, today: NaiveDate) -> SlotQuery {
        let from = (self.taken.start.date_naive() - Duration::days(7)).max(today);
        self.search.query(from, from + Duration::days(30))
    }

    /// Asks for them; nothing on failure (the page still offers every time and the phone).
    pub async fn fetch<T: Transport>(&self, client: &Client<T>, now: DateTime<Utc>) -> Vec<Slot> {
        let Ok(page) = client.all_slots(&self.query(now.date_naive())).await else {
            return Vec::new();
        };
        let mut free: Vec<Slot> = schedule::slots_by_day(&page.slots, now)
            .into_iter()
            .flat_map(|d| d.slots)
            .collect();
        self.search.keep(&mut free);
        schedule::nearest_slots(&free, &self.taken.start, &self.taken.id, 5)
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;
    use crate::api::{Request, Response, TransportError};
    use crate::model::Mode;
    use futures_executor::block_on;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn now() -> DateTime<Utc> {
        "2027-03-01T08:00:00Z".parse().unwrap()
    }

    fn slot(id: &str, start: &str) -> Slot {
        let start: crate::model::ClinicTime = start.parse().unwrap();
        Slot {
            id: id.into(),
            start,
            end: start + Duration::minutes(45),
            locality: "h".into(),
            band: "band-6".into(),
            mode: Mode::InPerson,
            clinician: String::new(),
        }
    }

    fn search() -> SlotSearch {
        SlotSearch {
            service: "physio-msk".into(),
            band: "band-6".into(),
            locality: "h".into(),
            window: None,
            exclude: None,
        }
    }

    /// A fake API holding `slots`, `page` to a page, that records every path asked for.
    struct FakeSlots {
        slots: Vec<Slot>,
        page: usize,
        asked: RefCell<Vec<String>>,
        fail: bool,
    }

    impl FakeSlots {
        fn new(slots: Vec<Slot>, page: usize) -> Client<Self> {
            Client::new(FakeSlots {
                slots,
                page,
                asked: RefCell::new(Vec::new()),
                fail: false,
            })
        }
    }

    impl Transport for FakeSlots {
        async fn send(&self, request: Request) -> Result<Response, TransportError> {
            self.asked.borrow_mut().push(request.path.clone());
            if self.fail {
                return Err(TransportError::Network);
            }
            let query: Vec<(String, String)> =
                form_urlencoded::parse(request.path.split_once('?').unwrap().1.as_bytes())
                    .into_owned()
                    .collect();
            let get = |k: &str| {
                query
                    .iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.clone())
            };
            let (from, to) = (date(&get("from").unwrap()), date(&get("to").unwrap()));
            let all: Vec<&Slot> = self
                .slots
                .iter()
                .filter(|s| (from..=to).contains(&s.start.date_naive()))
                .collect();
            let skip: usize = get("cursor").map_or(0, |c| c.parse().unwrap());
            let page: Vec<&Slot> = all.iter().skip(skip).take(self.page).copied().collect();
            let next = (skip + self.page < all.len()).then(|| (skip + self.page).to_string());
            let body = serde_json::json!({ "timezone": "Europe/London", "slots": page, "next_cursor": next });
            Ok(Response {
                status: 200,
                retry_after: None,
                body: body.to_string(),
            })
        }
    }

    fn fetch_all(browser: &mut SlotBrowser, client: &Client<FakeSlots>) {
        let pending = browser.pending().expect("something to fetch");
        let batch = block_on(pending.fetch(client, now())).unwrap();
        browser.add(batch);
    }

    #[test]
    fn empty_windows_are_skipped_until_one_has_a_time() {
        // Nothing in the first two windows (62 days), a time in the third.
        let client = FakeSlots::new(vec![slot("late", "2027-05-10T09:00:00+01:00")], 200);
        let mut browser = SlotBrowser::new(search(), date("2027-03-01"));
        assert!(!browser.started());
        fetch_all(&mut browser, &client);
        let asked = client.transport.asked.borrow();
        assert_eq!(asked.len(), 3, "{asked:?}");
        assert!(asked[0].contains("from=2027-03-01&to=2027-03-31"));
        assert!(asked[1].contains("from=2027-04-01&to=2027-05-01"));
        assert!(
            asked[2].contains("from=2027-05-02&to=2027-05-24"),
            "{asked:?}"
        );
        let days = browser.days(now());
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].date, date("2027-05-10"));
        // The horizon (12 weeks) is reached: nothing more to ask for.
        assert!(browser.exhausted());
        assert_eq!(browser.weeks(), 12);
    }

    #[test]
    fn a_window_with_times_stops_the_fetch_and_the_next_one_carries_on() {
        let client = FakeSlots::new(
            vec![
                slot("a", "2027-03-02T09:00:00Z"),
                slot("b", "2027-04-20T09:00:00+01:00"),
            ],
            200,
        );
        let mut browser = SlotBrowser::new(search(), date("2027-03-01"));
        fetch_all(&mut browser, &client);
        assert_eq!(client.transport.asked.borrow().len(), 1);
        assert_eq!(browser.days(now()).len(), 1);
        assert!(!browser.exhausted());
        fetch_all(&mut browser, &client);
        assert_eq!(client.transport.asked.borrow().len(), 2);
        assert_eq!(browser.days(now()).len(), 2);
    }

    #[test]
    fn every_page_of_a_window_is_fetched_by_cursor() {
        let slots: Vec<Slot> = (0..7)
            .map(|i| slot(&format!("s{i}"), &format!("2027-03-0{}T09:00:00Z", i + 2)))
            .collect();
        let client = FakeSlots::new(slots, 3);
        let mut browser = SlotBrowser::new(search(), date("2027-03-01"));
        fetch_all(&mut browser, &client);
        let asked = client.transport.asked.borrow();
        assert_eq!(asked.len(), 3, "{asked:?}");
        assert!(asked[1].ends_with("&cursor=3") && asked[2].ends_with("&cursor=6"));
        assert_eq!(browser.days(now()).len(), 7);
    }

    #[test]
    fn an_invite_window_and_the_booking_being_moved_are_respected() {
        let client = FakeSlots::new(
            vec![
                slot("before", "2027-03-05T09:00:00Z"),
                slot("own", "2027-03-12T09:00:00Z"),
                slot("in", "2027-03-12T10:00:00Z"),
                slot("after", "2027-03-20T09:00:00Z"),
            ],
            200,
        );
        let mut s = search();
        s.window = Some((date("2027-03-10"), date("2027-03-15")));
        s.exclude = Some("own".into());
        let mut browser = SlotBrowser::new(s, date("2027-03-01"));
        fetch_all(&mut browser, &client);
        assert!(client.transport.asked.borrow()[0].contains("from=2027-03-10&to=2027-03-15"));
        let ids: Vec<_> = browser.days(now())[0]
            .slots
            .iter()
            .map(|s| s.id.to_string())
            .collect();
        assert_eq!(ids, ["in"]);
        assert!(browser.find("own").is_none() && browser.find("in").is_some());
        assert!(browser.exhausted());
    }

    #[test]
    fn a_failed_fetch_keeps_what_was_loaded_and_asks_again() {
        let mut client = FakeSlots::new(vec![slot("a", "2027-03-02T09:00:00Z")], 200);
        client.transport.fail = true;
        let browser = SlotBrowser::new(search(), date("2027-03-01"));
        let pending = browser.pending().unwrap();
        assert_eq!(
            block_on(pending.clone().fetch(&client, now())),
            Err(ApiError::Network)
        );
        assert!(!browser.started());
        assert_eq!(browser.pending(), Some(pending));
    }

    #[test]
    fn the_day_on_show_follows_the_url() {
        let days = |dates: &[&str]| -> Vec<Day> {
            dates
                .iter()
                .map(|d| Day {
                    date: date(d),
                    slots: vec![],
                })
                .collect()
        };
        let d = days(&["2027-03-02", "2027-03-04", "2027-03-09"]);
        assert_eq!(day_index(&d, None), 0);
        assert_eq!(day_index(&d, Some(date("2027-03-04"))), 1);
        // A day without times shows the next one with times; past the last, the first.
        assert_eq!(day_index(&d, Some(date("2027-03-05"))), 2);
        assert_eq!(day_index(&d, Some(date("2027-04-01"))), 0);
        assert!(has_later_day(3, 1, true));
        assert!(!has_later_day(3, 2, true));
        assert!(has_later_day(3, 2, false));
    }

    #[test]
    fn the_nearest_times_leave_out_the_taken_one_and_the_past() {
        let taken = slot("taken", "2027-03-10T09:00:00Z");
        let client = FakeSlots::new(
            vec![
                slot("past", "2027-03-01T07:00:00Z"),
                taken.clone(),
                slot("near", "2027-03-10T10:00:00Z"),
                slot("far", "2027-03-25T10:00:00Z"),
            ],
            200,
        );
        let nearest = NearestSearch {
            search: search(),
            taken,
        };
        // A week before the taken time, but never before today.
        assert_eq!(nearest.query(date("2027-03-01")).from, date("2027-03-03"));
        assert_eq!(nearest.query(date("2027-03-05")).from, date("2027-03-05"));
        let found = block_on(nearest.fetch(&client, now()));
        let ids: Vec<_> = found.iter().map(|s| s.id.to_string()).collect();
        assert_eq!(ids, ["near", "far"]);
    }
}
