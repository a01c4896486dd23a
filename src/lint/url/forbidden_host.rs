//! `wxnet/url-forbidden-host`: the code calls `api.weixin.qq.com`.

declare_rule! {
    /// A network call's URL is `api.weixin.qq.com` (RULES.md §13).
    ///
    /// ### Why
    /// Mini programs may never call the platform's server API directly: the AppSecret must stay on a server (RULES.md §1).
    ///
    /// ### Example
    /// `wx.request({ url: 'https://api.weixin.qq.com/sns/jscode2session' })`.
    pub const RULE = ("wxnet/url-forbidden-host", Error, CallSite);
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::{call, tester};

    #[test]
    fn rule_13_url_forbidden_host() {
        tester(&RULE)
            .pass([call("\"https://api.example.com/\"")])
            .fail([call("\"https://api.weixin.qq.com/sns/jscode2session\"")])
            .test_and_snapshot();
    }
}
