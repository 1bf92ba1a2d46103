//! 前年度との比較 (placeholder until the comparison lands).

use crate::layout::Block;

use super::Ctx;

pub fn yoy(_c: &Ctx, _n: usize) -> Vec<Block> {
    vec![]
}
