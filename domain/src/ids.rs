//! The API's identifiers as their own types, so a band id can never be passed where a place is
//! wanted. Each is the API's string as it is (serde-transparent); no format is imposed, since a
//! trust's API may spell its ids however it likes.

use std::fmt;

use serde::Serialize;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $crate::json::FromJson for $name {
            fn from_json(v: &serde_json::Value) -> Option<Self> {
                v.as_str().map(|s| Self(s.to_string()))
            }
        }

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        // Reads as the string it is (`as_deref`, `starts_with`, comparisons in tests).
        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}

id!(
    /// A service patients may book (`physio-msk`).
    ServiceId
);
id!(
    /// A clinician's grade within a service (`band-6`).
    BandId
);
id!(
    /// A hospital or clinic (`hinchingbrooke`).
    LocalityId
);
id!(
    /// One open appointment time (`slot-8f2c`).
    SlotId
);
id!(
    /// A booking's reference as the API spells it (`PHY-7K3Q9D`).
    Reference
);
id!(
    /// An SMS invite's code (`Q7P2MX`).
    InviteCode
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_apis_strings_on_the_wire() {
        let id: SlotId = crate::json::parse(r#""slot-8f2c""#).unwrap();
        assert_eq!(id, "slot-8f2c");
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""slot-8f2c""#);
        assert_eq!(id.to_string(), "slot-8f2c");
        assert!(crate::json::parse::<BandId>("6").is_none());
    }
}
