//! uni-app's conditional compilation (RULES.md §13): code between
//! `// #ifdef H5` (or `#ifndef MP-WEIXIN`, …) and `// #endif` is not compiled into
//! the WeChat mini program, so its URLs are not the phone's business.

use crate::lint::Span;

/// Whether a `#ifdef`/`#ifndef` condition (`H5 || APP-PLUS`) keeps the block in a
/// WeChat mini program build.
fn kept(directive: &str, condition: &str) -> bool {
    let weixin = condition.split("||").map(str::trim).any(|platform| matches!(platform, "MP" | "MP-WEIXIN"));
    if directive == "#ifdef" {
        weixin
    } else {
        !weixin
    }
}

/// The byte ranges of blocks a WeChat build leaves out, from the comments of a
/// file (each comment's text with its delimiters, and its span).
pub fn excluded(comments: &[(Span, &str)]) -> Vec<Span> {
    // (start of the block, whether it is kept), innermost last.
    let mut open: Vec<(u32, bool)> = Vec::new();
    let mut out = Vec::new();
    for (span, text) in comments {
        let body = text.trim_start_matches("//").trim_start_matches("/*").trim_end_matches("*/").trim();
        let (directive, condition) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
        match directive {
            "#ifdef" | "#ifndef" => open.push((span.end, kept(directive, condition))),
            "#endif" => {
                if let Some((start, is_kept)) = open.pop() {
                    // Nested blocks inside a left-out one are left out with it.
                    if !is_kept && open.iter().all(|(_, k)| *k) {
                        out.push(Span { start, end: span.start });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_13_uni_app_blocks_for_other_platforms_are_left_out() {
        let s = |a, b| Span { start: a, end: b };
        let comments = [
            (s(0, 12), "// #ifdef H5"),
            (s(20, 29), "// #endif"),
            (s(30, 54), "// #ifdef MP-WEIXIN || H5"),
            (s(60, 69), "// #endif"),
            (s(70, 90), "/* #ifndef MP-WEIXIN */"),
            (s(95, 105), "/* #endif */"),
        ];
        assert_eq!(excluded(&comments), [s(12, 20), s(90, 95)]);
    }
}
