//! A policy as published → plain lines for the one text parser (`tenken-policy`).
//!
//! The kind of file is sniffed from its bytes, never from its name: `%PDF-` → PDF, a ZIP with
//! `word/document.xml` → Word (DOCX), `<html` / `<!DOCTYPE html` → HTML (例規集 pages and any
//! other page), else text (UTF-8, Shift_JIS, EUC-JP, UTF-16 with BOM). Word 97–2003 (`.doc`) and
//! 一太郎 (`.jtd`) files (OLE2 compound files) are refused with a request for PDF, DOCX or text.
//! Each reader turns its format into lines of text; `tenken_policy::parse_text` does the rest,
//! so every format gets the same section tree, topics and segments.
//!
//! Untrusted input: every reader is bounded (decompressed size, nesting, time) and a panic in a
//! dependency is contained and reported as a refusal.
#![forbid(unsafe_code)]

mod docx;
mod html;
mod normalize;
mod pdf;

use serde::Serialize;
use std::fmt;
use std::time::Duration;
use tenken_policy::{DecodeError, ParsedPolicy};

pub use normalize::{fold_radicals, join_script_spaces};

/// The format a policy file was read as.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Pdf,
    Docx,
    Html,
}

impl SourceFormat {
    /// `text`, `pdf`, `docx` or `html` (the JSON value of `source_format`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Pdf => "pdf",
            SourceFormat::Docx => "docx",
            SourceFormat::Html => "html",
        }
    }
}

/// Why a file cannot be taken as a policy. `code()` is stable (the CLI's JSON error code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Text that is not UTF-8, Shift_JIS, EUC-JP or UTF-16 with BOM (or binary: NUL bytes).
    Text(DecodeError),
    /// An OLE2 compound file: Word 97–2003 `.doc`, 一太郎 `.jtd` or another old Office file.
    /// `kind` is `doc`, `jtd` or `ole2`.
    LegacyFormat { kind: &'static str },
    /// A ZIP that is not a Word document (Excel, OpenDocument, any archive).
    NotWord,
    /// A DOCX/ZIP/HTML/PDF whose structure cannot be read.
    Damaged {
        format: SourceFormat,
        reason: String,
    },
    /// A part inflates beyond the bound (a ZIP bomb or an absurdly large document).
    TooLarge { limit_mib: u64 },
    /// A PDF whose pages carry no text (a scan, or text drawn as outlines or images).
    NoTextLayer,
    /// A PDF whose text cannot be turned into characters (fonts without a Unicode mapping).
    UndecodablePdf { reason: String },
    /// A PDF that needs a password to be read.
    EncryptedPdf,
    /// Reading took longer than the bound.
    Timeout { seconds: u64 },
    /// Nothing but white space.
    Empty,
    /// Text without any numbered section (not a policy, or the wrong file); `--force` keeps it.
    NoStructure,
}

impl Problem {
    /// A stable code for scripts and the window.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Text(DecodeError::Binary { .. }) => "policy_binary",
            Problem::Text(_) => "policy_unreadable",
            Problem::LegacyFormat { .. } | Problem::NotWord => "unsupported_format",
            Problem::Damaged { .. } => "damaged_file",
            Problem::TooLarge { .. } => "file_too_large",
            Problem::NoTextLayer => "no_text_layer",
            Problem::UndecodablePdf { .. } => "undecodable_pdf",
            Problem::EncryptedPdf => "encrypted_pdf",
            Problem::Timeout { .. } => "import_timeout",
            Problem::Empty => "policy_empty",
            Problem::NoStructure => "policy_no_structure",
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Text(e) => write!(f, "{e}"),
            Problem::LegacyFormat { kind } => write!(
                f,
                "{kind}: 旧形式のファイルです。PDF・Word (.docx)・テキストで保存し直してください"
            ),
            Problem::NotWord => write!(f, "ZIP ですが Word (.docx) 文書ではありません"),
            Problem::Damaged { format, reason } => {
                write!(f, "{} として読めません: {reason}", format.as_str())
            }
            Problem::TooLarge { limit_mib } => {
                write!(f, "展開後の大きさが上限 {limit_mib} MiB を超えます")
            }
            Problem::NoTextLayer => write!(f, "この PDF には文字のデータがありません"),
            Problem::UndecodablePdf { reason } => {
                write!(f, "この PDF の文字を読み取れません: {reason}")
            }
            Problem::EncryptedPdf => write!(f, "この PDF はパスワードで保護されています"),
            Problem::Timeout { seconds } => write!(f, "読み取りが {seconds} 秒を超えました"),
            Problem::Empty => write!(f, "中身が空です"),
            Problem::NoStructure => write!(f, "番号の付いた条項がありません"),
        }
    }
}

impl std::error::Error for Problem {}

impl From<DecodeError> for Problem {
    fn from(e: DecodeError) -> Self {
        Problem::Text(e)
    }
}

/// The text of a file and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub format: SourceFormat,
    /// The text the sections point into (`\n` line ends).
    pub text: String,
    /// The character encoding of a text or HTML file; `UTF-8` for PDF and DOCX (Unicode inside).
    pub encoding: String,
}

/// Bounds for untrusted input.
pub(crate) mod limits {
    /// One decompressed part of a DOCX (document.xml, numbering.xml, styles.xml).
    pub const PART: u64 = 64 << 20;
    /// All decompressed parts of a DOCX together.
    pub const TOTAL: u64 = 160 << 20;
    /// One decompressed PDF stream (content, ToUnicode, object stream).
    pub const PDF_STREAM: usize = 64 << 20;
    /// Nested elements followed in XML / HTML / PDF forms.
    pub const DEPTH: usize = 256;
}

/// How long reading one file may take before it is refused.
pub const TIME_BOUND: Duration = Duration::from_secs(30);

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format of `bytes`, from their content only. Refuses formats tenken cannot read.
pub fn sniff(bytes: &[u8]) -> Result<SourceFormat, Problem> {
    if bytes.starts_with(OLE2) {
        return Err(Problem::LegacyFormat {
            kind: ole2_kind(bytes),
        });
    }
    // 一太郎 5–7 files (not OLE2) start with this signature.
    if bytes.starts_with(b"\x00\x00\x00\x00JUST") || bytes.starts_with(b"JSTM") {
        return Err(Problem::LegacyFormat { kind: "jtd" });
    }
    // Some PDF writers put a few bytes before the header; readers accept it within 1 KiB.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(SourceFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return if docx::is_word(bytes) {
            Ok(SourceFormat::Docx)
        } else {
            Err(Problem::NotWord)
        };
    }
    if html::looks_like_html(bytes) {
        return Ok(SourceFormat::Html);
    }
    Ok(SourceFormat::Text)
}

/// `doc` when the OLE2 directory names a WordDocument stream, `jtd` for 一太郎, else `ole2`.
fn ole2_kind(bytes: &[u8]) -> &'static str {
    let utf16 = |s: &str| {
        s.encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect::<Vec<u8>>()
    };
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    if has(&utf16("WordDocument")) {
        "doc"
    } else if has(&utf16("DocumentText")) || has(&utf16("JSRV_SegmentName")) || has(b"Ichitaro") {
        "jtd"
    } else {
        "ole2"
    }
}

/// Sniffs and extracts the text of a policy file, within `TIME_BOUND`, panics contained.
pub fn extract(bytes: &[u8]) -> Result<Extracted, Problem> {
    extract_within(bytes, TIME_BOUND)
}

/// `extract` with an explicit time bound.
pub fn extract_within(bytes: &[u8], bound: Duration) -> Result<Extracted, Problem> {
    let format = sniff(bytes)?;
    match format {
        SourceFormat::Text => {
            let (text, encoding) = tenken_policy::decode_with_encoding(bytes)?;
            Ok(Extracted {
                format,
                text: normalize::line_ends(&text),
                encoding: encoding.to_string(),
            })
        }
        SourceFormat::Html => contained(format, || html::extract(bytes)),
        SourceFormat::Docx => contained(format, || {
            docx::extract(bytes).map(|t| (t, "UTF-8".to_string()))
        }),
        SourceFormat::Pdf => {
            let owned = bytes.to_vec();
            bounded(bound, move || {
                contained(format, || {
                    pdf::extract(&owned, bound).map(|t| (t, "UTF-8".to_string()))
                })
            })
        }
    }
}

/// Runs a reader, turning a panic into `Damaged` (a dependency's bug must not reach the user).
fn contained(
    format: SourceFormat,
    f: impl FnOnce() -> Result<(String, String), Problem>,
) -> Result<Extracted, Problem> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r.map(|(text, encoding)| Extracted {
            format,
            text,
            encoding,
        }),
        Err(_) => Err(Problem::Damaged {
            format,
            reason: "internal reader error".into(),
        }),
    }
}

/// Runs `f` on a worker thread and gives up after `bound` (the worker is left to finish alone).
fn bounded<T: Send + 'static>(
    bound: Duration,
    f: impl FnOnce() -> Result<T, Problem> + Send + 'static,
) -> Result<T, Problem> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("tenken-import".into())
        .stack_size(16 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        });
    if spawned.is_err() {
        return Err(Problem::Timeout { seconds: 0 });
    }
    match rx.recv_timeout(bound) {
        Ok(r) => r,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(Problem::Timeout {
            seconds: bound.as_secs(),
        }),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(Problem::Damaged {
            format: SourceFormat::Pdf,
            reason: "internal reader error".into(),
        }),
    }
}

/// Whether a parsed policy has the numbered structure of a policy.
pub fn check_structure(text: &str, parsed: &ParsedPolicy) -> Result<(), Problem> {
    if text.trim().is_empty() {
        return Err(Problem::Empty);
    }
    if parsed
        .sections
        .iter()
        .all(|n| n.number_path.is_empty() && n.children.is_empty())
    {
        return Err(Problem::NoStructure);
    }
    Ok(())
}

/// A file read and parsed: the parser's result (with `source_format` set) and the text.
#[derive(Debug, Clone)]
pub struct Imported {
    pub parsed: ParsedPolicy,
    pub extracted: Extracted,
}

/// Reads and parses a policy file of any supported format. Refuses an empty text, and unless
/// `force`, one without numbered sections.
pub fn parse(bytes: &[u8], force: bool) -> Result<Imported, Problem> {
    let extracted = extract(bytes)?;
    let mut parsed = tenken_policy::parse_text(&extracted.text);
    parsed.encoding = extracted.encoding.clone();
    parsed.source_format = extracted.format.as_str().to_string();
    match check_structure(&extracted.text, &parsed) {
        Err(Problem::NoStructure) if force => {}
        Err(e) => return Err(e),
        Ok(()) => {}
    }
    Ok(Imported { parsed, extracted })
}
