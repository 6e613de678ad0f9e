//! Reading a source's JSON: syntax errors with their line and column, and
//! the small accessors every source uses on loosely shaped exports (fields
//! that may be absent, null, or of another type in older exports).

use super::ImportError;
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

/// `text` as JSON, or where it stops being JSON.
pub(super) fn parse(text: &str) -> Result<Value, ImportError> {
    serde_json::from_str(text).map_err(|e| ImportError::Json {
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or("")
            .to_string(),
    })
}

/// The text at `path` (object keys), when it is a non-empty string.
pub(super) fn text<'a>(value: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The instant at `path`: RFC 3339 text (Statuspage, PagerDuty, Opsgenie,
/// incident.io write it so).
pub(super) fn instant(value: &Value, path: &[&str]) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(text(value, path)?).ok()
}

/// The array at `key`, or none.
pub(super) fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// A shape error for `source_name`.
pub(super) fn shape(source_name: &'static str, reason: &str) -> ImportError {
    ImportError::Shape {
        source_name,
        reason: reason.to_string(),
    }
}
