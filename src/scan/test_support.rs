//! Running the scanner over one file, for the rules' Testers.

use super::{scan, Context};
use crate::domains::{Policy, RawDomains};
use crate::lint::tester::Tester;
use crate::lint::{Diagnostic, Rule};
use crate::url_check::Lan;

/// The file the snapshots show.
pub const PATH: &str = "pages/index/index.js";

/// The lists the rule tests run with: `https://api.example.com` for request,
/// `wss://ws.example.com` for sockets, `tcp.example.com:9000` for TCP,
/// `udp.example.com` for UDP; the phone at 192.168.1.10/24.
pub fn policy() -> Policy {
    Policy::compile(&RawDomains::from_lists(&[
        ("requestdomain", &["https://api.example.com"]),
        ("wsrequestdomain", &["wss://ws.example.com"]),
        ("tcpdomain", &["tcp.example.com:9000"]),
        ("udpdomain", &["udp.example.com"]),
    ]))
}

/// The scanner's findings in one file (findings located elsewhere dropped).
pub fn lint_source(text: &str) -> Vec<Diagnostic> {
    let policy = policy();
    let lan = Lan::parse("192.168.1.10/24", None).ok();
    let scanned = scan(&[(PATH, text)], "", Context { policy: Some(&policy), lan, ..Default::default() });
    scanned.findings.into_iter().filter(|f| f.file == 0).map(|f| f.diagnostic).collect()
}

pub fn tester(rule: &'static Rule) -> Tester {
    Tester::new(rule, PATH, lint_source)
}

/// A file that calls `wx.request` (or `wx.connectSocket` for a ws URL) with `url: <expression>`.
pub fn call(expression: &str) -> String {
    let api = if expression.contains("ws://") || expression.contains("wss://") { "connectSocket" } else { "request" };
    format!("const BASE = 'https://other.example.org'\nwx.{api}({{ url: {expression} }})\n")
}

/// A file that calls `wx.request` to a listed URL with one more option.
pub fn option(option: &str) -> String {
    format!("wx.request({{\n  url: 'https://api.example.com/user',\n  {option}\n}})\n")
}
