//! Reading the API's dates (`2027-03-29`) and instants (RFC 3339, `2027-03-29T09:15:00+01:00`)
//! into chrono's types.
//!
//! Written here rather than using chrono's `FromStr`/serde impls for one reason, measured: those
//! go through chrono's general pattern parser (`format::parse::parse_internal` and its scanners),
//! which costs ~2.5 KB brotli of the shipped wasm for two fixed formats. chrono still does the
//! calendar (`NaiveDate::from_ymd_opt`, offsets) and all formatting. `tests` checks every
//! accepted string against chrono's own parser.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime};

/// An instant as the API sends it: RFC 3339 with the clinic's UTC offset. Keeping the offset
/// lets us show the clinic's wall-clock time whatever the device's zone.
pub type ClinicTime = DateTime<FixedOffset>;

/// `n` ASCII digits at the start of `s` as a number, and the rest.
fn digits(s: &[u8], n: usize) -> Option<(u32, &[u8])> {
    if s.len() < n || !s[..n].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = s[..n].iter().fold(0, |v, d| v * 10 + u32::from(d - b'0'));
    Some((value, &s[n..]))
}

fn expect(s: &[u8], c: u8) -> Option<&[u8]> {
    s.strip_prefix(&[c])
}

/// `YYYY-MM-DD` at the start of `s`, and the rest.
fn date_prefix(s: &[u8]) -> Option<(NaiveDate, &[u8])> {
    let (year, s) = digits(s, 4)?;
    let (month, s) = digits(expect(s, b'-')?, 2)?;
    let (day, s) = digits(expect(s, b'-')?, 2)?;
    Some((NaiveDate::from_ymd_opt(year as i32, month, day)?, s))
}

/// A calendar date, exactly `YYYY-MM-DD` (ISO 8601 / RFC 3339 `full-date`).
/// `YYYY-MM-DD`, as URLs and the API write a date. Written by hand: chrono's `Display`
/// brought its formatting machinery into the main wasm module for this one use.
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

pub fn parse_date(text: &str) -> Option<NaiveDate> {
    match date_prefix(text.as_bytes())? {
        (date, []) => Some(date),
        _ => None,
    }
}

/// An RFC 3339 `date-time`: `T`, `t` or a space between date and time, optional fraction of a
/// second (nanoseconds; further digits are dropped), `Z`, `z` or `±HH:MM`. A leap second (`:60`)
/// is kept as chrono keeps it.
pub fn parse_instant(text: &str) -> Option<ClinicTime> {
    let (date, s) = date_prefix(text.as_bytes())?;
    let s = match s.split_first()? {
        (b'T' | b't' | b' ', rest) => rest,
        _ => return None,
    };
    let (hour, s) = digits(s, 2)?;
    let (minute, s) = digits(expect(s, b':')?, 2)?;
    let (second, mut s) = digits(expect(s, b':')?, 2)?;
    let mut nanos = 0u32;
    if let Some(rest) = expect(s, b'.') {
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 {
            return None;
        }
        for (i, d) in rest[..n].iter().enumerate().take(9) {
            nanos += u32::from(d - b'0') * 10u32.pow(8 - i as u32);
        }
        s = &rest[n..];
    }
    let offset = match s {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, rest) = digits(rest, 2)?;
            let (m, rest) = digits(expect(rest, b':')?, 2)?;
            if !rest.is_empty() || h > 23 || m > 59 {
                return None;
            }
            let seconds = (h * 3600 + m * 60) as i32;
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    let time = if second == 60 {
        NaiveTime::from_hms_nano_opt(hour, minute, 59, 1_000_000_000 + nanos)?
    } else {
        NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?
    };
    let offset = FixedOffset::east_opt(offset)?;
    let utc = date.and_time(time).checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_instant(s: &str) -> Option<ClinicTime> {
        DateTime::parse_from_rfc3339(s).ok()
    }

    #[test]
    fn reads_the_contract_examples() {
        let t = parse_instant("2027-03-29T09:15:00+01:00").unwrap();
        assert_eq!(t, chrono_instant("2027-03-29T09:15:00+01:00").unwrap());
        assert_eq!(t.offset().local_minus_utc(), 3600);
        assert_eq!(
            parse_instant("2027-03-28T08:14:59Z"),
            chrono_instant("2027-03-28T08:14:59Z")
        );
        assert_eq!(
            parse_date("1958-02-28"),
            NaiveDate::from_ymd_opt(1958, 2, 28)
        );
        assert_eq!(
            parse_instant("2027-10-31t01:30:00.123456789123-00:30"),
            chrono_instant("2027-10-31t01:30:00.123456789123-00:30")
        );
        assert_eq!(
            parse_instant("2016-12-31T23:59:60Z"),
            chrono_instant("2016-12-31T23:59:60Z")
        );
    }

    #[test]
    fn refuses_what_is_not_the_format() {
        for bad in [
            "",
            "2027-3-29",
            "2027-02-29",
            "27-03-29",
            "2027-03-29 ",
            "2027-03-29x",
            "２０２７-03-29",
            "+2027-03-29",
            "2027-13-01",
            "2027-00-10",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
        for bad in [
            "2027-03-29",
            "2027-03-29T09:15:00",
            "2027-03-29T09:15+01:00",
            "2027-03-29T09:15:00+0100",
            "2027-03-29T24:00:00Z",
            "2027-03-29T09:60:00Z",
            "2027-03-29T09:15:00.Z",
            "2027-03-29T09:15:00+24:00",
            "2027-03-29T09:15:00Zjunk",
            "2027-03-29X09:15:00Z",
            "2027-03-29T09:15:00+01:60",
            "2027-03-29T09:15:00+01",
        ] {
            assert_eq!(parse_instant(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Every well-formed date-time reads as chrono reads it.
        #[test]
        fn agrees_with_chrono_on_well_formed_text(
            y in 0i32..=9999, mo in 1u32..=12, d in 1u32..=31, h in 0u32..=23, mi in 0u32..=59,
            s in 0u32..=60, frac in proptest::option::of("[0-9]{1,12}"),
            sep in prop_oneof![Just('T'), Just('t'), Just(' ')],
            zone in prop_oneof![
                Just("Z".to_string()), Just("z".to_string()),
                (prop_oneof![Just('+'), Just('-')], 0u32..=23, 0u32..=59)
                    .prop_map(|(sign, h, m)| format!("{sign}{h:02}:{m:02}")),
            ],
        ) {
            let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
            let text = format!("{y:04}-{mo:02}-{d:02}{sep}{h:02}:{mi:02}:{s:02}{frac}{zone}");
            prop_assert_eq!(parse_instant(&text), chrono_instant(&text), "{}", text);
            let date = format!("{y:04}-{mo:02}-{d:02}");
            prop_assert_eq!(parse_date(&date), date.parse::<NaiveDate>().ok(), "{}", date);
        }

        /// Whatever the text, no panic, and nothing chrono would refuse or read differently.
        #[test]
        fn never_accepts_what_chrono_refuses(text in "[0-9T:+\\-.Zz ]{0,40}|\\PC{0,40}") {
            if let Some(t) = parse_instant(&text) {
                prop_assert_eq!(Some(t), chrono_instant(&text));
            }
            if let Some(d) = parse_date(&text) {
                prop_assert_eq!(Some(d), text.parse::<NaiveDate>().ok());
            }
        }

        /// What we write, we read back.
        #[test]
        fn reads_back_what_chrono_writes(secs in -62_000_000_000i64..250_000_000_000, nanos in 0u32..1_000_000_000, offset in -86_399i32..86_400) {
            let offset = FixedOffset::east_opt(offset / 60 * 60).unwrap();
            let t = DateTime::from_timestamp(secs, nanos).unwrap().with_timezone(&offset);
            prop_assert_eq!(parse_instant(&t.to_rfc3339()), Some(t));
            prop_assert_eq!(parse_date(&t.date_naive().to_string()), Some(t.date_naive()));
            prop_assert_eq!(iso_date(t.date_naive()), t.date_naive().to_string());
        }
    }
}
