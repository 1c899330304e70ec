//! The server's idea of "now". Pinning `--today` shifts the real clock by whole days so that a
//! demo or test sees the same calendar every day while time still moves (slots still pass, cancel
//! windows still close); `--now` freezes it completely for fully repeatable runs.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;

#[derive(Clone, Copy, Debug)]
pub enum Clock {
    /// Real time plus a fixed shift (zero when nothing is pinned).
    Shifted(Duration),
    /// A frozen instant.
    Fixed(DateTime<Utc>),
}

impl Clock {
    /// `today` pins the London calendar date; `now` freezes the clock and wins over `today`.
    pub fn new(today: Option<NaiveDate>, now: Option<DateTime<Utc>>) -> Clock {
        if let Some(now) = now {
            return Clock::Fixed(now);
        }
        match today {
            Some(day) => {
                let real_today = Utc::now().with_timezone(&London).date_naive();
                Clock::Shifted(london_midnight(day) - london_midnight(real_today))
            }
            None => Clock::Shifted(Duration::zero()),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        match *self {
            Clock::Shifted(shift) => Utc::now() + shift,
            Clock::Fixed(at) => at,
        }
    }

    /// Today's date on the clinic calendar.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&London).date_naive()
    }
}

/// The instant a London wall-clock time happens. Clinic times (08:00-19:00) and midnight are
/// never inside a daylight-saving gap or overlap, but fall back sensibly if they ever were.
pub fn london(day: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = day.and_time(time);
    London
        .from_local_datetime(&local)
        .earliest()
        .unwrap_or_else(|| London.from_utc_datetime(&local))
        .with_timezone(&Utc)
}

pub fn london_midnight(day: NaiveDate) -> DateTime<Utc> {
    london(day, NaiveTime::MIN)
}

/// RFC 3339 with the clinic's offset at that instant (+00:00 in winter, +01:00 in summer).
pub fn render(at: DateTime<Utc>) -> String {
    at.with_timezone(&London)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
