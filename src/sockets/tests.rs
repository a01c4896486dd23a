//! Rule tests for UDP/TCP targets and mDNS service types, named after RULES.md sections.

use super::*;
use crate::domains::{Policy, RawDomains};
use crate::url_check::Lan;
use proptest::prelude::*;

fn policy() -> Policy {
    Policy::compile(&RawDomains::from_lists(&[
        ("udpdomain", &["udp://u.example.com", "udp://p.example.com:9000"]),
        ("tcpdomain", &["tcp://t.example.com", "tcp://p.example.com:9000"]),
    ]))
}

fn with_lan(policy: &Policy) -> Options<'_> {
    let lan = Lan::parse("10.77.0.1", Some("255.255.255.0")).ok();
    Options { policy, url_check: true, lan, wss_port_check: false }
}

fn reason(protocol: Protocol, address: &str, port: f64) -> TargetReason {
    let policy = policy();
    check_target(protocol, address, port, &with_lan(&policy)).reason
}

#[test]
fn rule_2_a_lan_peer_is_allowed_but_not_the_phone_itself_nor_another_subnet() {
    for protocol in [Protocol::Udp, Protocol::Tcp] {
        assert_eq!(reason(protocol, "10.77.0.2", 40000.0), TargetReason::Lan);
        assert_eq!(reason(protocol, "10.77.0.1", 40000.0), TargetReason::SelfIp);
        assert_eq!(reason(protocol, "10.78.0.2", 40000.0), TargetReason::Ip);
        assert_eq!(reason(protocol, "127.0.0.1", 40000.0), TargetReason::Localhost);
        assert_eq!(reason(protocol, "127.1", 40000.0), TargetReason::Localhost, "any IPv4 form a resolver reads");
        assert_eq!(reason(protocol, "localhost", 40000.0), TargetReason::Localhost);
        assert_eq!(reason(protocol, "::1", 40000.0), TargetReason::Localhost);
        assert_eq!(reason(protocol, "fe80::1", 40000.0), TargetReason::Ip, "IPv4 only");
    }
}

#[test]
fn rule_2_without_a_known_lan_no_ip_is_a_peer() {
    let policy = policy();
    let options = Options { policy: &policy, url_check: true, lan: None, wss_port_check: false };
    assert_eq!(check_target(Protocol::Udp, "10.77.0.2", 5000.0, &options).reason, TargetReason::Ip);
}

#[test]
fn rule_1_listed_udp_and_tcp_hosts_follow_the_port_rule() {
    assert_eq!(reason(Protocol::Udp, "u.example.com", 5000.0), TargetReason::Listed);
    assert_eq!(reason(Protocol::Udp, "U.Example.COM.", 5000.0), TargetReason::Listed);
    assert_eq!(reason(Protocol::Udp, "p.example.com", 9000.0), TargetReason::Listed);
    assert_eq!(reason(Protocol::Udp, "p.example.com", 9001.0), TargetReason::Port);
    assert_eq!(reason(Protocol::Udp, "t.example.com", 5000.0), TargetReason::NotListed, "each list is its own");
    assert_eq!(reason(Protocol::Tcp, "t.example.com", 5000.0), TargetReason::Listed);
    assert_eq!(reason(Protocol::Tcp, "other.example.com", 5000.0), TargetReason::NotListed);
    assert_eq!(reason(Protocol::Tcp, "api.weixin.qq.com", 5000.0), TargetReason::ForbiddenHost);
}

#[test]
fn rule_10_tcp_never_reaches_low_or_blocked_ports() {
    for port in [1, 22, 80, 443, 1023, 1099, 1719, 1720, 3306, 5060, 5061, 6379, 7001, 8000, 8080, 8100, 27017, 27019] {
        assert_eq!(reason(Protocol::Tcp, "10.77.0.2", f64::from(port)), TargetReason::BlockedPort, "{port}");
        assert!(is_blocked_tcp_port(port));
    }
    for port in [1024, 1718, 1721, 7003, 7999, 8101, 27016, 27020, 65535] {
        assert_eq!(reason(Protocol::Tcp, "10.77.0.2", f64::from(port)), TargetReason::Lan, "{port}");
    }
    assert_eq!(reason(Protocol::Udp, "10.77.0.2", 53.0), TargetReason::Lan, "UDP has no blocked ports");
}

#[test]
fn rule_10_blocked_ports_apply_with_url_check_off() {
    let policy = policy();
    let options = Options { policy: &policy, url_check: false, lan: None, wss_port_check: false };
    assert_eq!(check_target(Protocol::Tcp, "127.0.0.1", 3306.0, &options).reason, TargetReason::BlockedPort);
    assert_eq!(check_target(Protocol::Tcp, "127.0.0.1", 40000.0, &options).reason, TargetReason::Unchecked);
}

#[test]
fn rule_10_udp_may_broadcast() {
    assert_eq!(reason(Protocol::Udp, "255.255.255.255", 5000.0), TargetReason::Broadcast);
    assert_eq!(reason(Protocol::Tcp, "255.255.255.255", 5000.0), TargetReason::Ip);
}

#[test]
fn rule_10_bad_addresses_and_ports_are_invalid_param() {
    for port in [0.0, -1.0, 65536.0, 1.5, f64::NAN, f64::INFINITY] {
        assert_eq!(reason(Protocol::Udp, "10.77.0.2", port), TargetReason::InvalidPort, "{port}");
    }
    for address in ["", "a b", "[::1", "a..b%"] {
        assert_eq!(reason(Protocol::Udp, address, 5000.0), TargetReason::InvalidAddress, "{address:?}");
    }
    let policy = policy();
    let target = check_target(Protocol::Tcp, "", 5000.0, &with_lan(&policy));
    assert_eq!(target.message(Protocol::Tcp, "").map(|m| m.err_msg), Some("createTCPSocket:fail invalid param".into()));
}

#[test]
fn rule_7_refusals_name_the_target_and_why() {
    let policy = policy();
    let options = with_lan(&policy);
    let message = |protocol, address, port| {
        check_target(protocol, address, port, &options).message(protocol, address).map(|m| m.err_msg)
    };
    assert_eq!(
        message(Protocol::Tcp, "10.77.0.2", 3306.0),
        Some("createTCPSocket:fail tcp://10.77.0.2:3306 port blocked".into())
    );
    assert_eq!(
        message(Protocol::Udp, "x.com", 5000.0),
        Some("createUDPSocket:fail udp://x.com:5000 not in domain list".into())
    );
    assert_eq!(
        message(Protocol::Udp, "10.77.0.1", 5000.0),
        Some("createUDPSocket:fail udp://10.77.0.1:5000 is the phone's own IP".into())
    );
    assert_eq!(message(Protocol::Udp, "10.77.0.2", 5000.0), None);
}

#[test]
fn rule_10_service_types_are_bonjour_types() {
    for ok in ["_http._tcp.", "_http._tcp", "_wxnet-test._tcp.", "_ipp._udp.", "_x1._tcp."] {
        assert_eq!(check_service_type(ok), Ok(()), "{ok}");
    }
    for bad in [
        "",
        ".",
        "http._tcp.",
        "_http._sctp.",
        "_._tcp.",
        "_-a._tcp.",
        "_a-._tcp.",
        "_123._tcp.",
        "_a--b._tcp.",
        "_abcdefghijklmnop._tcp.",
    ] {
        let message = check_service_type(bad).unwrap_err();
        assert_eq!(message.err_msg, "startLocalServiceDiscovery:fail invalid param", "{bad:?}");
    }
}

#[test]
fn every_reason_has_a_name_and_doc() {
    for reason in TargetReason::ALL {
        assert!(!reason.name().is_empty() && !reason.doc().is_empty());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn check_target_never_panics(address in any::<String>(), port in any::<f64>(), udp in any::<bool>()) {
        let policy = policy();
        let protocol = if udp { Protocol::Udp } else { Protocol::Tcp };
        let target = check_target(protocol, &address, port, &with_lan(&policy));
        let _ = target.message(protocol, &address);
    }

    #[test]
    fn check_service_type_never_panics(text in any::<String>()) {
        let _ = check_service_type(&text);
    }
}
