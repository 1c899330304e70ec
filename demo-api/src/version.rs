//! Which version of the contract the server speaks. Version 1.1 is additive and an API may offer
//! any part of it, named in `GET /services` `features`; a 1.0 API lists none and does not know
//! the 1.1 request fields at all, so `--api-version 1.0` lets the app be tried against one.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// A part of version 1.1 that this server implements (all seven of the contract's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    Screening,
    Needs,
    BookedBy,
    Language,
    /// `POST /slot-alerts`, `DELETE /slot-alerts/{alert}`, `GET /offers/{code}` and `offer` on
    /// bookings and reschedules: a patient is told (and a freed time held) when an earlier time
    /// comes up.
    SlotAlerts,
    /// `POST /feedback`: a rating and an optional comment, with nothing that identifies anyone.
    Feedback,
    /// `POST /events`: anonymous journey events (sent with `navigator.sendBeacon`), for the
    /// service manager's report at `/report`.
    Events,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApiVersion {
    V1_0,
    #[default]
    V1_1,
}

impl ApiVersion {
    /// What `GET /services` lists as `features`; None for 1.0, which has no such field.
    pub fn features(self) -> Option<&'static [Feature]> {
        match self {
            ApiVersion::V1_0 => None,
            ApiVersion::V1_1 => Some(&[
                Feature::Screening,
                Feature::Needs,
                Feature::BookedBy,
                Feature::Language,
                Feature::SlotAlerts,
                Feature::Feedback,
                Feature::Events,
            ]),
        }
    }

    pub fn offers(self, feature: Feature) -> bool {
        self.features().is_some_and(|f| f.contains(&feature))
    }
}

impl FromStr for ApiVersion {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "1.0" => Ok(ApiVersion::V1_0),
            "1.1" => Ok(ApiVersion::V1_1),
            _ => Err("must be 1.0 or 1.1".into()),
        }
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ApiVersion::V1_0 => "1.0",
            ApiVersion::V1_1 => "1.1",
        })
    }
}
