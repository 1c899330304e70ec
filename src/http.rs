//! The browser's transport for the API client: `fetch` through gloo-net with a time limit.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use booking_domain::api::{Client, Method, Request, Response, Transport, TransportError};

#[derive(Clone, Debug)]
pub struct Fetch {
    pub base: String,
    pub timeout_ms: u32,
}

impl Transport for Fetch {
    async fn send(&self, request: Request) -> Result<Response, TransportError> {
        let url = format!("{}{}", self.base, request.path);
        // One signal covers the headers and the body: a stalled body times out too.
        let signal = web_sys::AbortSignal::timeout_with_u32(self.timeout_ms);
        let failed = |_| {
            if signal.aborted() {
                TransportError::Timeout
            } else {
                TransportError::Network
            }
        };
        let method = match request.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Delete => gloo_net::http::Method::DELETE,
        };
        let mut builder = gloo_net::http::RequestBuilder::new(&url)
            .method(method)
            .header("Accept", "application/json")
            .abort_signal(Some(&signal));
        if let Some(key) = &request.idempotency_key {
            builder = builder.header("Idempotency-Key", key);
        }
        let built = match request.body {
            Some(body) => builder
                .header("Content-Type", "application/json; charset=utf-8")
                .body(body),
            None => builder.build(),
        }
        .map_err(|_| TransportError::Network)?;
        let response = built.send().await.map_err(failed)?;
        let headers = response.headers();
        let body = response.text().await.map_err(failed)?;
        Ok(Response {
            status: response.status(),
            retry_after: headers.get("retry-after"),
            body,
        })
    }
}

/// A fresh random version-4 UUID for one booking attempt. `getRandomValues` rather than
/// `randomUUID`, which only exists on HTTPS pages.
pub fn new_idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

type Sent = Pin<Box<dyn Future<Output = Result<Response, TransportError>>>>;

/// Any transport behind one pointer: the app is given its client, so a component test can give
/// a page a fake API. (`async fn` in a trait is not object-safe, hence the boxed future; the
/// app's state is shared with Leptos's `Send + Sync` closures, hence `Arc`.)
#[derive(Clone)]
pub struct AnyTransport(Arc<dyn Fn(Request) -> Sent + Send + Sync>);

impl AnyTransport {
    pub fn new<T: Transport + Send + Sync + 'static>(transport: T) -> Self {
        let transport = Arc::new(transport);
        AnyTransport(Arc::new(move |request| {
            let transport = transport.clone();
            Box::pin(async move { transport.send(request).await })
        }))
    }
}

impl Transport for AnyTransport {
    async fn send(&self, request: Request) -> Result<Response, TransportError> {
        (self.0)(request).await
    }
}

/// The API client the app talks through.
pub type Api = Client<AnyTransport>;

/// The client that talks to the trust's API with the browser's `fetch` (the app's settings:
/// `data-api-base`, `data-timeout-ms`).
pub fn browser_client(config: &crate::config::Config) -> Api {
    Client::new(AnyTransport::new(Fetch {
        base: config.api_base.clone(),
        timeout_ms: config.timeout_ms,
    }))
}
