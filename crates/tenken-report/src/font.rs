//! The bundled font (IPAexGothic, unmodified, IPA Font License v1.0 — see
//! `assets/fonts/IPA_Font_License_Agreement_v1.0.txt`) and its advance widths.

use std::sync::OnceLock;

/// `ipaexg.ttf` exactly as distributed (the PDF writer embeds a subset of it).
pub static FONT_BYTES: &[u8] = include_bytes!("../../../assets/fonts/ipaexg.ttf");

/// Advance widths of the Basic Multilingual Plane, in font units, read once with `ttf-parser`.
pub struct Metrics {
    units_per_em: f32,
    /// Advance of every BMP code point (the .notdef advance where the font has no glyph).
    bmp: Vec<u16>,
    /// Glyph id of every BMP code point (0 = .notdef).
    gids: Vec<u16>,
    notdef: u16,
    face_data: &'static [u8],
}

impl Metrics {
    pub fn get() -> &'static Metrics {
        static M: OnceLock<Metrics> = OnceLock::new();
        M.get_or_init(|| Metrics::parse(FONT_BYTES).expect("the bundled font parses"))
    }

    fn parse(data: &'static [u8]) -> Option<Metrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let notdef = face
            .glyph_hor_advance(ttf_parser::GlyphId(0))
            .unwrap_or(1000);
        let mut bmp = vec![notdef; 0x10000];
        let mut gids = vec![0u16; 0x10000];
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables {
                if !sub.is_unicode() {
                    continue;
                }
                sub.codepoints(|cp| {
                    if cp < 0x10000 {
                        if let Some(g) = sub.glyph_index(cp) {
                            if gids[cp as usize] == 0 {
                                gids[cp as usize] = g.0;
                            }
                            if let Some(a) = face.glyph_hor_advance(g) {
                                bmp[cp as usize] = a;
                            }
                        }
                    }
                });
            }
        }
        Some(Metrics {
            units_per_em: face.units_per_em() as f32,
            bmp,
            gids,
            notdef,
            face_data: data,
        })
    }

    /// Advance of one character in em units.
    #[inline]
    pub fn advance_em(&self, c: char) -> f32 {
        let u = c as u32;
        let a = if u < 0x10000 {
            self.bmp[u as usize]
        } else {
            self.outside_bmp(c)
        };
        a as f32 / self.units_per_em
    }

    fn outside_bmp(&self, c: char) -> u16 {
        ttf_parser::Face::parse(self.face_data, 0)
            .ok()
            .and_then(|f| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)))
            .unwrap_or(self.notdef)
    }

    /// The glyph id of a character (0, .notdef, where the font has none).
    #[inline]
    pub fn glyph(&self, c: char) -> u16 {
        let u = c as u32;
        if u < 0x10000 {
            self.gids[u as usize]
        } else {
            ttf_parser::Face::parse(self.face_data, 0)
                .ok()
                .and_then(|f| f.glyph_index(c))
                .map(|g| g.0)
                .unwrap_or(0)
        }
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }
}
