//! The booking API client, independent of how bytes travel. The browser plugs in a gloo-net
//! transport; tests plug in fakes that drop, delay or garble answers. Every way an answer can go
//! wrong becomes an [`ApiError`] that a page can explain to a patient.

use crate::json::{parse, FromJson};
use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::ids::{BandId, InviteCode, LocalityId, Reference, ServiceId};
use crate::model::{
    Booking, BookingRequest, CancelRequest, ErrorEnvelope, FeedbackRequest, Invite, LocalityList,
    Offer, OfferBookingRequest, RescheduleRequest, ServiceList, SlotAlert, SlotAlertRequest,
    SlotPage,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Delete,
}

/// One HTTP request, relative to the API base.
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<String>,
    pub idempotency_key: Option<String>,
}

/// What came back, whatever it was (a proxy may send HTML or nothing at all).
#[derive(Clone, Debug, PartialEq)]
pub struct Response {
    pub status: u16,
    pub retry_after: Option<String>,
    pub body: String,
}

/// The request never got an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TransportError {
    Network,
    Timeout,
}

/// How bytes travel. `async fn` in a trait without `Send`: the browser is single-threaded.
#[allow(async_fn_in_trait)]
pub trait Transport {
    async fn send(&self, request: Request) -> Result<Response, TransportError>;
}

/// The API's error codes; codes this app does not know yet keep their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    ValidationFailed,
    SlotUnavailable,
    BookingWindowClosed,
    RateLimited,
    Unavailable,
    Conflict,
    /// No JSON error body (a proxy's HTML page, an empty body) or an unknown code.
    Other(String),
}

impl ErrorCode {
    fn parse(code: &str) -> Self {
        match code {
            "not_found" => Self::NotFound,
            "validation_failed" => Self::ValidationFailed,
            "slot_unavailable" => Self::SlotUnavailable,
            "booking_window_closed" => Self::BookingWindowClosed,
            "rate_limited" => Self::RateLimited,
            "unavailable" => Self::Unavailable,
            "conflict" => Self::Conflict,
            other => Self::Other(other.to_string()),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// No connection (offline, DNS, CORS, connection dropped).
    Network,
    /// No answer within the client's time limit.
    Timeout,
    /// A non-2xx answer.
    Status {
        status: u16,
        code: ErrorCode,
        message: String,
        fields: BTreeMap<String, String>,
        retry_after: Option<u64>,
    },
    /// A 2xx answer whose body is not what the contract says (HTML, truncated JSON).
    Decode,
}

impl ApiError {
    pub fn code(&self) -> Option<&ErrorCode> {
        match self {
            ApiError::Status { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Seconds to wait before trying again, when the API said so.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::Status { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Busy or down for a while: a later try with the same request may work.
    pub fn is_busy(&self) -> bool {
        matches!(
            self,
            ApiError::Status {
                status: 429 | 502 | 503 | 504,
                ..
            } | ApiError::Status {
                code: ErrorCode::RateLimited | ErrorCode::Unavailable,
                ..
            }
        )
    }

    /// The request may or may not have reached the API: only an idempotent retry is safe.
    pub fn outcome_unknown(&self) -> bool {
        matches!(
            self,
            ApiError::Network | ApiError::Timeout | ApiError::Decode
        ) || matches!(self, ApiError::Status { status, code: ErrorCode::Other(_), .. } if *status >= 500)
    }
}

/// Turns a raw answer into the contract's body or an [`ApiError`]. Never panics on any input.
pub fn decode<T: FromJson>(response: &Response) -> Result<T, ApiError> {
    if (200..300).contains(&response.status) {
        return parse(&response.body).ok_or(ApiError::Decode);
    }
    let retry_after = response
        .retry_after
        .as_deref()
        .map(str::trim)
        // delay-seconds is 1*DIGIT: `parse` alone would also take "+30".
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse::<u64>().ok());
    let (code, message, fields) = match parse::<ErrorEnvelope>(&response.body) {
        Some(envelope) => (
            ErrorCode::parse(&envelope.error.code),
            envelope.error.message,
            envelope.error.fields,
        ),
        // HTML from a proxy, or nothing: fall back on the status alone.
        None => (
            match response.status {
                429 => ErrorCode::RateLimited,
                503 => ErrorCode::Unavailable,
                _ => ErrorCode::Other(String::new()),
            },
            String::new(),
            BTreeMap::new(),
        ),
    };
    Err(ApiError::Status {
        status: response.status,
        code,
        message,
        fields,
        retry_after,
    })
}

/// Percent-encodes one query or path value.
pub fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Typed calls of the contract, over any transport.
pub struct Client<T> {
    pub transport: T,
}

impl<T: Transport> Client<T> {
    pub fn new(transport: T) -> Self {
        Self { transport }
    }

    async fn call<R: FromJson>(&self, request: Request) -> Result<R, ApiError> {
        match self.transport.send(request).await {
            Ok(response) => decode(&response),
            Err(TransportError::Network) => Err(ApiError::Network),
            Err(TransportError::Timeout) => Err(ApiError::Timeout),
        }
    }

    async fn get<R: FromJson>(&self, path: String) -> Result<R, ApiError> {
        self.call(Request {
            method: Method::Get,
            path,
            body: None,
            idempotency_key: None,
        })
        .await
    }

    async fn post<R: FromJson>(
        &self,
        path: String,
        body: &impl serde::Serialize,
        idempotency_key: Option<&str>,
    ) -> Result<R, ApiError> {
        let body = serde_json::to_string(body).map_err(|_| ApiError::Decode)?;
        self.call(Request {
            method: Method::Post,
            path,
            body: Some(body),
            idempotency_key: idempotency_key.map(str::to_string),
        })
        .await
    }

    pub async fn services(&self) -> Result<ServiceList, ApiError> {
        self.get("/services".into()).await
    }

    pub async fn localities(
        &self,
        service: &ServiceId,
        band: &BandId,
    ) -> Result<LocalityList, ApiError> {
        self.get(format!(
            "/localities?service={}&band={}",
            encode(service.as_str()),
            encode(band.as_str())
        ))
        .await
    }

    /// One page of slots; `cursor` continues a previous page.
    pub async fn slots(
        &self,
        query: &SlotQuery,
        cursor: Option<&str>,
    ) -> Result<SlotPage, ApiError> {
        let mut path = format!(
            "/slots?service={}&band={}&locality={}&from={}&to={}",
            encode(query.service.as_str()),
            encode(query.band.as_str()),
            encode(query.locality.as_str()),
            query.from,
            query.to
        );
        if let Some(cursor) = cursor {
            path.push_str("&cursor=");
            path.push_str(&encode(cursor));
        }
        self.get(path).await
    }

    /// Every slot of a range, following `next_cursor` so paging never shows to the patient.
    pub async fn all_slots(&self, query: &SlotQuery) -> Result<SlotPage, ApiError> {
        let mut first = self.slots(query, None).await?;
        let mut cursor = first.next_cursor.take();
        // A bound guards against a cursor that never ends.
        for _ in 0..50 {
            let Some(c) = cursor else { break };
            let mut page = self.slots(query, Some(&c)).await?;
            first.slots.append(&mut page.slots);
            cursor = page.next_cursor;
        }
        Ok(first)
    }

    pub async fn book(
        &self,
        request: &BookingRequest,
        idempotency_key: &str,
    ) -> Result<Booking, ApiError> {
        self.post("/bookings".into(), request, Some(idempotency_key))
            .await
    }

    pub async fn find_booking(
        &self,
        reference: &Reference,
        date_of_birth: NaiveDate,
    ) -> Result<Booking, ApiError> {
        self.get(format!(
            "/bookings/{}?date_of_birth={}",
            encode(reference.as_str()),
            date_of_birth
        ))
        .await
    }

    pub async fn cancel(
        &self,
        reference: &Reference,
        body: &CancelRequest,
    ) -> Result<Booking, ApiError> {
        self.post(
            format!("/bookings/{}/cancel", encode(reference.as_str())),
            body,
            None,
        )
        .await
    }

    pub async fn reschedule(
        &self,
        reference: &Reference,
        body: &RescheduleRequest,
        idempotency_key: &str,
    ) -> Result<Booking, ApiError> {
        self.post(
            format!("/bookings/{}/reschedule", encode(reference.as_str())),
            body,
            Some(idempotency_key),
        )
        .await
    }

    /// `POST /slot-alerts` (1.1 `slot_alerts`).
    pub async fn create_alert(
        &self,
        request: &SlotAlertRequest,
        idempotency_key: &str,
    ) -> Result<SlotAlert, ApiError> {
        self.post("/slot-alerts".into(), request, Some(idempotency_key))
            .await
    }

    /// `DELETE /slot-alerts/{alert}?date_of_birth=`: stops the alert (`204`).
    pub async fn stop_alert(&self, alert: &str, date_of_birth: NaiveDate) -> Result<(), ApiError> {
        let request = Request {
            method: Method::Delete,
            path: format!(
                "/slot-alerts/{}?date_of_birth={}",
                encode(alert),
                crate::dates::iso_date(date_of_birth)
            ),
            body: None,
            idempotency_key: None,
        };
        self.done(request).await
    }

    /// Sends `request` whose answer has no body that matters: any 2xx is done.
    async fn done(&self, request: Request) -> Result<(), ApiError> {
        match self.transport.send(request).await {
            Ok(response) if (200..300).contains(&response.status) => Ok(()),
            Ok(response) => decode::<serde_json::Value>(&response).map(|_| ()),
            Err(TransportError::Network) => Err(ApiError::Network),
            Err(TransportError::Timeout) => Err(ApiError::Timeout),
        }
    }

    /// Books a time held for the patient (1.1 `slot_alerts`).
    pub async fn book_offer(
        &self,
        request: &OfferBookingRequest,
        idempotency_key: &str,
    ) -> Result<Booking, ApiError> {
        self.post("/bookings".into(), request, Some(idempotency_key))
            .await
    }

    /// `POST /feedback` (1.1 `feedback`): `202`, the body does not matter.
    pub async fn feedback(&self, request: &FeedbackRequest) -> Result<(), ApiError> {
        let body = serde_json::to_string(request).map_err(|_| ApiError::Decode)?;
        self.done(Request {
            method: Method::Post,
            path: "/feedback".into(),
            body: Some(body),
            idempotency_key: None,
        })
        .await
    }

    /// `GET /offers/{code}`: the time held for the patient; `not_found` once it is gone.
    pub async fn offer(&self, code: &str) -> Result<Offer, ApiError> {
        self.get(format!("/offers/{}", encode(code))).await
    }

    pub async fn invite(&self, code: &InviteCode) -> Result<Invite, ApiError> {
        self.get(format!("/invites/{}", encode(code.as_str())))
            .await
    }
}

/// The fixed part of a slot search.
#[derive(Clone, Debug, PartialEq)]
pub struct SlotQuery {
    pub service: ServiceId,
    pub band: BandId,
    pub locality: LocalityId,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ServiceList;

    fn response(status: u16, body: &str) -> Response {
        Response {
            status,
            retry_after: None,
            body: body.into(),
        }
    }

    #[test]
    fn decodes_the_error_envelope_with_fields() {
        let r = response(
            422,
            r#"{"error":{"code":"validation_failed","message":"Check","fields":{"patient.nhs_number":"Enter a valid NHS number"}}}"#,
        );
        let err = decode::<ServiceList>(&r).unwrap_err();
        match err {
            ApiError::Status {
                status,
                code,
                fields,
                ..
            } => {
                assert_eq!(status, 422);
                assert_eq!(code, ErrorCode::ValidationFailed);
                assert_eq!(fields["patient.nhs_number"], "Enter a valid NHS number");
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn html_from_a_proxy_is_an_error_by_status_with_retry_after() {
        let mut r = response(
            503,
            "<html><body><h1>503 Service Unavailable</h1></body></html>",
        );
        r.retry_after = Some(" 30 ".into());
        let err = decode::<ServiceList>(&r).unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::Unavailable));
        assert_eq!(err.retry_after(), Some(30));
        assert!(err.is_busy());
    }

    #[test]
    fn an_empty_502_is_an_unknown_outcome() {
        let err = decode::<ServiceList>(&response(502, "")).unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::Other(String::new())));
        assert!(err.outcome_unknown());
        assert!(err.is_busy());
    }

    #[test]
    fn html_or_truncated_json_with_200_is_a_decode_error() {
        assert_eq!(
            decode::<ServiceList>(&response(200, "<html>hello</html>")).unwrap_err(),
            ApiError::Decode
        );
        assert_eq!(
            decode::<ServiceList>(&response(200, r#"{"services":[{"id":"a","#)).unwrap_err(),
            ApiError::Decode
        );
    }

    #[test]
    fn unknown_error_code_is_kept() {
        let err = decode::<ServiceList>(&response(
            418,
            r#"{"error":{"code":"teapot","message":"I am a teapot"}}"#,
        ))
        .unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::Other("teapot".into())));
        assert!(!err.is_busy());
    }

    /// Answers every request with one response and records what was asked.
    struct Recorder {
        status: u16,
        body: &'static str,
        asked: std::cell::RefCell<Vec<Request>>,
    }

    impl Transport for Recorder {
        async fn send(&self, request: Request) -> Result<Response, TransportError> {
            self.asked.borrow_mut().push(request);
            Ok(response(self.status, self.body))
        }
    }

    fn recorder(status: u16, body: &'static str) -> Client<Recorder> {
        Client::new(Recorder {
            status,
            body,
            asked: Default::default(),
        })
    }

    fn dob() -> NaiveDate {
        NaiveDate::from_ymd_opt(1958, 2, 28).unwrap()
    }

    #[test]
    fn an_alert_is_asked_for_with_its_key_and_any_place_as_null() {
        let client = recorder(201, r#"{ "alert": "ALT-4M8Q", "expires": "2027-04-12" }"#);
        let request = crate::model::SlotAlertRequest {
            service: "physio-msk".into(),
            band: "band-6".into(),
            locality: None,
            before: NaiveDate::from_ymd_opt(2027, 4, 12).unwrap(),
            patient: crate::model::AlertPatient {
                given_name: "Ann".into(),
                family_name: "Lee".into(),
                date_of_birth: dob(),
                phone: "07700 900123".into(),
            },
            booking: None,
        };
        let alert = futures_executor::block_on(client.create_alert(&request, "k1")).unwrap();
        assert_eq!(alert.alert, "ALT-4M8Q");
        assert_eq!(alert.expires, NaiveDate::from_ymd_opt(2027, 4, 12).unwrap());
        let asked = client.transport.asked.borrow();
        assert_eq!(
            (asked[0].method, asked[0].path.as_str()),
            (Method::Post, "/slot-alerts")
        );
        assert_eq!(asked[0].idempotency_key.as_deref(), Some("k1"));
        let body: serde_json::Value =
            serde_json::from_str(asked[0].body.as_deref().unwrap()).unwrap();
        assert_eq!(body["locality"], serde_json::Value::Null);
        assert_eq!(body["before"], "2027-04-12");
        assert_eq!(body["patient"]["date_of_birth"], "1958-02-28");
        assert!(body.get("booking").is_none());
    }

    #[test]
    fn stopping_an_alert_is_a_delete_whose_empty_204_is_done() {
        let client = recorder(204, "");
        futures_executor::block_on(client.stop_alert("ALT-4M8Q", dob())).unwrap();
        let asked = client.transport.asked.borrow();
        assert_eq!(asked[0].method, Method::Delete);
        assert_eq!(
            asked[0].path,
            "/slot-alerts/ALT-4M8Q?date_of_birth=1958-02-28"
        );
        let gone = recorder(
            404,
            r#"{"error":{"code":"not_found","message":"No such alert"}}"#,
        );
        let err = futures_executor::block_on(gone.stop_alert("ALT-X", dob())).unwrap_err();
        assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    }

    #[test]
    fn an_offer_reads_the_held_time_and_the_booking_it_would_replace() {
        let client = recorder(
            200,
            r#"{ "code": "OF7K2Q", "x": 1,
                 "slot": { "id": "slot-1", "start": "2027-03-20T09:15:00+00:00", "end": "2027-03-20T10:00:00+00:00",
                           "locality": "hinchingbrooke", "band": "band-6", "mode": "in_person" },
                 "service": { "id": "physio-msk", "name": "Physiotherapy" },
                 "locality": { "id": "hinchingbrooke", "name": "Hinchingbrooke Hospital", "address": [], "postcode": "PE29 6NT" },
                 "held_until": "2027-03-19T10:15:00+00:00", "booking": "PHY-7K3Q9D" }"#,
        );
        let offer = futures_executor::block_on(client.offer("OF7K2Q")).unwrap();
        assert_eq!(offer.slot.id.as_str(), "slot-1");
        assert_eq!(offer.locality.name, "Hinchingbrooke Hospital");
        assert_eq!(offer.held_until.to_rfc3339(), "2027-03-19T10:15:00+00:00");
        assert_eq!(
            offer.booking.as_ref().map(Reference::as_str),
            Some("PHY-7K3Q9D")
        );
        assert_eq!(client.transport.asked.borrow()[0].path, "/offers/OF7K2Q");
    }

    #[test]
    fn encode_escapes_query_values() {
        assert_eq!(encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
    }
}
