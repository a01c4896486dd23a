//! Golden tests for response decoding (RULES.md §8), natively: every case in
//! tests/body-golden/manifest.json is decoded by the core and compared with the
//! expected text file byte for byte. The same files drive tests/body.test.mjs
//! (the npm package in Node) and the Chromium page tests/body-golden/page.html.

use serde::Deserialize;
use std::fs;
use std::path::PathBuf;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Case {
    name: String,
    content_type: Option<String>,
    encoding: String,
    bom_stripped: bool,
    lossy: bool,
    /// Detect the encoding of an unlabelled body (decodeBody's `detect: true`).
    #[serde(default)]
    detect: bool,
}

impl Case {
    fn no_label(&self) -> wxnet::body::NoLabel {
        if self.detect {
            wxnet::body::NoLabel::Detect
        } else {
            wxnet::body::NoLabel::Utf8
        }
    }
}

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/body-golden")
}

fn cases() -> Vec<Case> {
    let manifest = fs::read_to_string(golden_dir().join("manifest.json")).expect("manifest.json");
    serde_json::from_str(&manifest).expect("manifest.json is a list of cases")
}

#[test]
fn rule_8_golden_bodies_decode_as_the_client_delivers_them() {
    let cases = cases();
    assert!(cases.len() >= 30, "the manifest lost cases: {}", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let input = fs::read(golden_dir().join(format!("cases/{}.in", case.name))).expect("input file");
        let expected =
            fs::read_to_string(golden_dir().join(format!("cases/{}.out.txt", case.name))).expect("output file");
        let decoded = wxnet::body::decode(&input, case.content_type.as_deref(), case.no_label()).expect(&case.name);
        let got = (decoded.text.as_str(), decoded.encoding.name(), decoded.bom_stripped, decoded.lossy);
        let want = (expected.as_str(), case.encoding.as_str(), case.bom_stripped, case.lossy);
        let mut units = Vec::new();
        let meta = wxnet::body::decode_utf16_into(&input, case.content_type.as_deref(), case.no_label(), &mut units)
            .expect(&case.name);
        let utf16 = String::from_utf16(&units[..meta.units]).unwrap_or_default();
        if (utf16.as_str(), meta.encoding.name(), meta.bom_stripped, meta.lossy) != want {
            failures.push(format!(
                "{} (UTF-16 output): got {:?}",
                case.name,
                (utf16, meta.encoding.name(), meta.bom_stripped, meta.lossy)
            ));
        }
        if got != want {
            failures.push(format!("{}: got {got:?}\n  want {want:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} golden case(s) failed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn rule_8_golden_head_decision_agrees_with_the_full_decision() {
    // The JS fast path acts on the head decision alone; it must never contradict the core.
    for case in cases() {
        let input = fs::read(golden_dir().join(format!("cases/{}.in", case.name))).expect("input file");
        let head = &input[..input.len().min(wxnet::body::bom::MAX_BOM_LEN)];
        if let Some(early) = wxnet::body::decide_from_head(head, case.content_type.as_deref()) {
            assert_eq!(
                early,
                wxnet::body::decide(&input, case.content_type.as_deref(), case.no_label()),
                "{}",
                case.name
            );
        }
    }
}
