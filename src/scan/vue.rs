//! The `<script>` blocks of a `.vue` file (uni-app), found without an HTML parser:
//! top-level `<script …>` tags (HTML comments skipped) up to their `</script>`.

/// (byte offset of the content, content, whether TypeScript) of each script block.
pub fn scripts(text: &str) -> Vec<(usize, &str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find('<')) {
        let start = at + found;
        let rest = &text[start..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(text.len(), |end| start + end + 3);
            continue;
        }
        let is_script = rest.get(..7).is_some_and(|tag| tag.eq_ignore_ascii_case("<script"))
            && rest[7..].starts_with(|c: char| c == '>' || c.is_whitespace());
        if !is_script {
            at = start + 1;
            continue;
        }
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let attributes = &rest[7..open_end];
        let content_start = start + open_end + 1;
        let content_end = text[content_start..].find("</script").map_or(text.len(), |end| content_start + end);
        let ts = attributes.contains("lang=\"ts\"")
            || attributes.contains("lang='ts'")
            || attributes.contains("lang=\"tsx\"");
        out.push((content_start, &text[content_start..content_end], ts));
        at = content_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::scripts;

    #[test]
    fn rule_13_vue_script_blocks_with_their_offsets() {
        let text = "<template><div/></template>\n<!-- <script>no</script> -->\n<script setup lang=\"ts\">\nlet a = 1\n</script>\n<script>b()</script>";
        let found = scripts(text);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].1, "\nlet a = 1\n");
        assert!(found[0].2);
        assert_eq!(&text[found[1].0..found[1].0 + 3], "b()");
        assert_eq!(scripts("<scripts>"), vec![]);
    }
}
