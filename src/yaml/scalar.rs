//! What a scalar means: the YAML 1.1 reading people's files get from most
//! tools (so `yes` is a boolean and `1430` a number, which the schema then
//! reports), with the YAML 1.2 core tags honoured when a file writes one.

use super::node::Value;
use granit_parser::{ScalarStyle, Tag};

/// The value of scalar `text` written in `style` with an optional `tag`.
pub(super) fn resolve(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    match tag.and_then(Tag::core_suffix) {
        Some("str") => return Value::Str(text.to_owned()),
        Some("null") => return Value::Null,
        Some("bool") => return boolean(text).map_or_else(|| string(text), Value::Bool),
        Some("int") => return integer(text).unwrap_or_else(|| string(text)),
        Some("float") => return float(text).map_or_else(|| string(text), Value::Float),
        _ => {}
    }
    // Quoted and block scalars, and scalars with a tag of their own (`!`,
    // `!note`), are text as written.
    if style != ScalarStyle::Plain || tag.is_some() {
        return string(text);
    }
    plain(text)
}

fn plain(text: &str) -> Value {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = boolean(text) {
        return Value::Bool(b);
    }
    if let Some(int) = integer(text) {
        return int;
    }
    float(text).map_or_else(|| string(text), Value::Float)
}

fn string(text: &str) -> Value {
    Value::Str(text.to_owned())
}

/// YAML 1.1 booleans, in any case: the "Norway problem" spellings included.
fn boolean(text: &str) -> Option<bool> {
    const TRUE: [&str; 4] = ["true", "yes", "y", "on"];
    const FALSE: [&str; 4] = ["false", "no", "n", "off"];
    if TRUE.iter().any(|t| text.eq_ignore_ascii_case(t)) {
        Some(true)
    } else if FALSE.iter().any(|t| text.eq_ignore_ascii_case(t)) {
        Some(false)
    } else {
        None
    }
}

/// Decimal (no redundant leading zero), `0x`, `0o` and `0b` integers, with a
/// sign and `_` between digits; one too large for 64 bits is a float.
fn integer(text: &str) -> Option<Value> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (radix, digits) = match unsigned.get(..2) {
        Some("0x" | "0X") => (16, &unsigned[2..]),
        Some("0o" | "0O") => (8, &unsigned[2..]),
        Some("0b" | "0B") => (2, &unsigned[2..]),
        _ if unsigned.len() > 1 && unsigned.starts_with('0') => return None,
        _ => (10, unsigned),
    };
    let magnitude = digits_value(digits, radix)?;
    let value = if negative {
        -i128::try_from(magnitude).ok()?
    } else {
        i128::try_from(magnitude).ok()?
    };
    Some(i64::try_from(value).map_or(Value::Float(value as f64), Value::Int))
}

fn digits_value(digits: &str, radix: u32) -> Option<u128> {
    let bytes = digits.as_bytes();
    let mut value: u128 = 0;
    let mut seen = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            let between =
                i > 0 && bytes[i - 1] != b'_' && bytes.get(i + 1).is_some_and(|&n| n != b'_');
            if !between {
                return None;
            }
            continue;
        }
        let digit = char::from(b).to_digit(radix)?;
        value = value
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(digit))?;
        seen = true;
    }
    seen.then_some(value)
}

/// YAML 1.2 floats: `.inf`, `.nan` and numerals Rust reads (which start
/// with a digit or a point; Rust's own `inf` and `nan` stay text).
fn float(text: &str) -> Option<f64> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" if text.starts_with('-') => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    let value = text.parse::<f64>().ok()?;
    let numeral = unsigned
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_digit() || *b == b'.');
    numeral.then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_value(text: &str) -> Value {
        resolve(text, ScalarStyle::Plain, None)
    }

    #[test]
    fn yaml_1_1_surprises_are_read_as_people_get_them() {
        assert_eq!(plain_value("1430"), Value::Int(1430));
        assert_eq!(plain_value("yes"), Value::Bool(true));
        assert_eq!(plain_value("NO"), Value::Bool(false));
        assert_eq!(plain_value("~"), Value::Null);
        assert_eq!(plain_value("1_000"), Value::Int(1000));
        assert_eq!(plain_value("0x1F"), Value::Int(31));
        assert_eq!(plain_value("1.5"), Value::Float(1.5));
        assert_eq!(plain_value("0930"), Value::Float(930.0));
    }

    #[test]
    fn text_that_only_looks_like_a_value_stays_text() {
        for text in [
            "14:30",
            "2026-03-01 10:00",
            "inf",
            "nan",
            "1__0",
            "0x",
            "-",
            "+",
        ] {
            assert_eq!(plain_value(text), Value::Str(text.into()), "{text}");
        }
        assert_eq!(
            resolve("1430", ScalarStyle::DoubleQuoted, None),
            Value::Str("1430".into())
        );
    }
}
