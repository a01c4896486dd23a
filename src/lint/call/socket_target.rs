//! `wxnet/socket-target`: a UDP or TCP socket's `connect`/`send` names a target the
//! client refuses.

declare_rule! {
    /// `tcp.connect({ address, port })`, `udp.connect(…)` or `udp.send(…)` on a
    /// socket made by `wx.createTCPSocket()` / `wx.createUDPSocket()` names an
    /// address and port the client refuses (RULES.md §13, §10, §2): localhost, the
    /// phone's own address, an IP outside its subnet, a host missing from
    /// `tcpdomain`/`udpdomain` (or listed with another port), or a TCP port below 1024
    /// or on the blocked list.
    ///
    /// ### Why
    /// The socket fails on the phone (`createTCPSocket:fail tcp://… not in domain
    /// list`) while a desktop preview connects.
    ///
    /// ### Example
    /// `const tcp = wx.createTCPSocket(); tcp.connect({ address: 'db.example.com', port: 3306 })`.
    pub const RULE = ("wxnet/socket-target", Error, CallSite);
}

use crate::sockets::{Protocol, TargetReason};

/// What to do about a refused socket target.
pub fn help(reason: TargetReason, protocol: Protocol) -> String {
    let list = match protocol {
        Protocol::Udp => "udpdomain",
        Protocol::Tcp => "tcpdomain",
    };
    match reason {
        TargetReason::BlockedPort => {
            "serve on a port from 1024 up that is not on the blocked list (RULES.md §10)".into()
        }
        TargetReason::Localhost => "call the machine's LAN address, or a host listed in ".to_string() + list,
        TargetReason::SelfIp => "the phone cannot call its own address; call another device or a listed host".into(),
        TargetReason::Ip => format!("call a host listed in {list}; only LAN peers may be called by IP"),
        TargetReason::ForbiddenHost => "call api.weixin.qq.com from your server, never from the mini program".into(),
        TargetReason::Port => format!("list the host with this port in {list}, or list it without a port"),
        TargetReason::InvalidPort => "give a port from 1 to 65535".into(),
        TargetReason::InvalidAddress => "give a host name or a dotted IPv4 address".into(),
        _ => format!("add the host to {list} in the console and in the domains file"),
    }
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::scan::test_support::tester;

    fn tcp(target: &str) -> String {
        format!("const tcp = wx.createTCPSocket()\ntcp.connect({{ {target} }})\n")
    }

    fn udp(target: &str) -> String {
        format!("const udp = wx.createUDPSocket()\nudp.bind()\nudp.send({{ {target}, message: 'hi' }})\n")
    }

    #[test]
    fn rule_13_socket_target() {
        tester(&RULE)
            .pass([
                tcp("address: 'tcp.example.com', port: 9000"),
                tcp("address: '192.168.1.20', port: 9000"),
                udp("address: 'udp.example.com', port: 53"),
                udp("address: '255.255.255.255', port: 9999"),
                tcp("address: host, port: 3306"),
                "wx.request({ url: 'https://api.example.com', port: 22, address: 'localhost' })\n".into(),
                "const other = makeSocket()\nother.connect({ address: 'localhost', port: 1 })\n".into(),
            ])
            .fail([
                tcp("address: 'db.example.com', port: 3306"),
                tcp("address: 'tcp.example.com', port: 22"),
                tcp("address: 'localhost', port: 9000"),
                tcp("address: '203.0.113.5', port: 9000"),
                tcp("address: '192.168.1.10', port: 9000"),
                tcp("address: 'tcp.example.com', port: 9001"),
                udp("address: 'other.example.org', port: 53"),
                "this.socket = wx.createTCPSocket()\nthis.socket.connect({ address: 'localhost', port: 9000 })\n"
                    .into(),
                "wx.createUDPSocket().connect({ address: '127.0.0.1', port: port })\n".into(),
            ])
            .alone()
            .test_and_snapshot();
    }

    #[test]
    fn rule_13_socket_target_in_another_module_is_reported_where_written_and_names_the_call() {
        let files = [
            ("config.js", "export const DB = 'localhost'\n"),
            ("app.js", "import { DB } from './config'\nconst tcp = wx.createTCPSocket()\ntcp.connect({ address: DB, port: 9000 })\n"),
        ];
        let policy = crate::scan::test_support::policy();
        let scanned =
            crate::scan::scan(&files, "", crate::scan::Context { policy: Some(&policy), ..Default::default() });
        let finding = &scanned.findings[0];
        assert_eq!(finding.file, 0, "reported in config.js, where the address is written");
        assert!(finding
            .diagnostic
            .message
            .starts_with("tcp.connect to \"tcp://localhost:9000\" (used by tcp.connect at app.js:3:1): "));
        assert_eq!(finding.url.as_deref(), Some("tcp://localhost:9000"));
    }
}
