//! `wxnet/url-insecure`: the code calls `http://` or `ws://` to a host that is not a LAN peer.

declare_rule! {
    /// A network call's URL is `http://` or `ws://` to a host that is not a LAN peer (RULES.md §13).
    ///
    /// ### Why
    /// The phone only calls https:// and wss:// servers, except LAN addresses (RULES.md §1, §2).
    ///
    /// ### Example
    /// `wx.request({ url: 'http://api.example.com/user' })`.
    pub const RULE = ("wxnet/url-insecure", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_insecure() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/user\"")])
            .fail([call("\"http://api.example.com/user\""), call("`ws://ws.example.com/chat`")])
            .test_and_snapshot();
    }
}
