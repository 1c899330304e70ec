//! The `/slots` page cursor: opaque to clients, it is the position (start, id) of the last slot
//! on the page, hex-encoded.

pub fn encode_cursor(timestamp: i64, id: &str) -> String {
    let raw = format!("{timestamp}|{id}");
    raw.bytes().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_cursor(cursor: &str) -> Option<(i64, String)> {
    if !cursor.len().is_multiple_of(2) || !cursor.is_ascii() {
        return None;
    }
    let bytes: Option<Vec<u8>> = (0..cursor.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&cursor[i..i + 2], 16).ok())
        .collect();
    let raw = String::from_utf8(bytes?).ok()?;
    let (ts, id) = raw.split_once('|')?;
    Some((ts.parse().ok()?, id.to_string()))
}
