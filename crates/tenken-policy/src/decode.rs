//! Encoding detection: BOM → that; NUL bytes without BOM → binary (refused); valid UTF-8 → UTF-8;
//! else Shift_JIS (CP932) when it decodes without errors, EUC-JP when that fits better.

use encoding_rs::{Encoding, EUC_JP, SHIFT_JIS, UTF_16BE, UTF_16LE};
use std::fmt;

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not UTF-8, Shift_JIS or UTF-16; `offset` is the first byte that is not valid UTF-8.
    UnknownEncoding { offset: usize },
    /// A BOM names the encoding but the data is not valid in it.
    Malformed {
        encoding: &'static str,
        offset: usize,
    },
    /// NUL bytes without a BOM: a binary file, not text (`offset` is the first NUL).
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::UnknownEncoding { offset } => write!(
                f,
                "文字コードを判定できません（UTF-8, Shift_JIS, UTF-16 のいずれでもありません）。{} バイト目に読めないバイト列があります",
                offset
            ),
            DecodeError::Binary { offset } => write!(
                f,
                "テキストではありません（{offset} バイト目に NUL があります）。UTF-16 なら BOM 付きで保存してください"
            ),
            DecodeError::Malformed { encoding, offset } => write!(
                f,
                "{encoding} の BOM がありますが、{offset} バイト目以降に {encoding} として読めないデータがあります"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes)
        .map(|c| c.into_owned())
}

fn utf16(bytes: &[u8], le: bool, bom: usize) -> Result<(String, &'static str), DecodeError> {
    let (enc, name) = if le {
        (UTF_16LE, "UTF-16LE")
    } else {
        (UTF_16BE, "UTF-16BE")
    };
    strict(enc, bytes)
        .map(|s| (s, name))
        .ok_or(DecodeError::Malformed {
            encoding: name,
            offset: bom + bytes.len() - bytes.len() % 2,
        })
}

pub(crate) fn decode(bytes: &[u8]) -> Result<(String, &'static str), DecodeError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_owned(), "UTF-8"))
            .map_err(|e| DecodeError::Malformed {
                encoding: "UTF-8",
                offset: 3 + e.valid_up_to(),
            });
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true, 2);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false, 2);
    }
    // Without a BOM, NUL bytes mean binary data: guessing UTF-16 from them turns a few binary
    // bytes into Hangul or CJK "text".
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let offset = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_owned(), "UTF-8")),
        Err(e) => e.valid_up_to(),
    };
    let sjis = strict(SHIFT_JIS, bytes);
    let euc = strict(EUC_JP, bytes);
    match (sjis, euc) {
        (Some(s), Some(e)) => {
            // EUC-JP bytes often also "decode" as Shift_JIS half-width katakana.
            let hw = |t: &str| {
                t.chars()
                    .filter(|c| ('\u{FF61}'..='\u{FF9F}').contains(c))
                    .count()
            };
            if hw(&s) > hw(&e) + 2 {
                Ok((e, "EUC-JP"))
            } else {
                Ok((s, "Shift_JIS"))
            }
        }
        (Some(s), None) => Ok((s, "Shift_JIS")),
        (None, Some(e)) => Ok((e, "EUC-JP")),
        (None, None) => Err(DecodeError::UnknownEncoding { offset }),
    }
}
