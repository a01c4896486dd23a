//! DNS-SD over mDNS (RULES.md §10; RFC 6762, RFC 6763): the messages that
//! `startLocalServiceDiscovery` sends and reads, and that a responder announces.
//! The wire format is simple-dns's; this module says which records a browse asks
//! for and what a response means for the mini program's events.
//!
//! A browse asks for the PTR records of `<serviceType>local`. A response names an
//! instance in a PTR answer; its SRV record gives the port and host, the host's A
//! record the IPv4 address. TTL 0 on the PTR is a goodbye (the service is lost).
//! **Decision**: wxnet sends no follow-up SRV/A queries: an instance whose SRV and A
//! are not in the same response is reported as a resolve failure (responders put them
//! in the additional section, as RFC 6763 §12 asks).
//!
//! Every function takes arbitrary bytes or text and returns an [`Error`] or nothing
//! for what it cannot read; none panics (fuzzed below and through the wasm build).

use crate::error::{quote, Error, ErrorCode};
use simple_dns::rdata::{RData, A, PTR, SRV, TXT};
use simple_dns::{Name, Packet, PacketFlag, Question, ResourceRecord, CLASS, QCLASS, QTYPE, TYPE};
use std::net::Ipv4Addr;

/// The mDNS group and port a browse is sent to.
pub const MDNS_GROUP: Ipv4Addr = Ipv4Addr::new(224, 0, 0, 251);
pub const MDNS_PORT: u16 = 5353;

/// `_http._tcp.` → `_http._tcp.local` (lower case; the caller checked the type).
pub fn service_domain(service_type: &str) -> String {
    format!("{}.local", service_type.strip_suffix('.').unwrap_or(service_type).to_ascii_lowercase())
}

fn name_of<'a>(text: &'a str, what: &str) -> Result<Name<'a>, Error> {
    Name::new(text).map_err(|_| Error::new(ErrorCode::ArgType, format!("{what} {} is not a DNS name", quote(text))))
}

fn build(packet: &Packet) -> Result<Vec<u8>, Error> {
    packet.build_bytes_vec().map_err(|e| Error::new(ErrorCode::ArgType, format!("DNS message: {e}")))
}

/// The query a browse sends: PTR records of the service type.
pub fn browse_query(service_type: &str) -> Result<Vec<u8>, Error> {
    let domain = service_domain(service_type);
    let mut packet = Packet::new_query(0);
    packet.questions.push(Question::new(
        name_of(&domain, "serviceType")?,
        QTYPE::TYPE(TYPE::PTR),
        QCLASS::CLASS(CLASS::IN),
        false,
    ));
    build(&packet)
}

/// One service as a responder announces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announcement<'a> {
    /// The instance name (`serviceName` in the events), without dots.
    pub instance: &'a str,
    pub service_type: &'a str,
    /// The host name its SRV record points to (`wxnet-test.local`).
    pub host: &'a str,
    pub ip: Ipv4Addr,
    pub port: u16,
    /// Seconds; 0 is a goodbye.
    pub ttl: u32,
}

/// A response announcing (or, with TTL 0, withdrawing) one service: PTR in the
/// answers, SRV, TXT and A in the additional records.
pub fn announcement(service: &Announcement) -> Result<Vec<u8>, Error> {
    if service.instance.is_empty() || service.instance.contains('.') {
        return Err(Error::new(
            ErrorCode::ArgType,
            format!("instance {} must be a non-empty name without dots", quote(service.instance)),
        ));
    }
    let domain = service_domain(service.service_type);
    let full = format!("{}.{domain}", service.instance);
    let mut packet = Packet::new_reply(0);
    packet.set_flags(PacketFlag::AUTHORITATIVE_ANSWER);
    let instance = name_of(&full, "instance")?;
    let host = name_of(service.host, "host")?;
    let ttl = service.ttl;
    packet.answers.push(ResourceRecord::new(
        name_of(&domain, "serviceType")?,
        CLASS::IN,
        ttl,
        RData::PTR(PTR(instance.clone())),
    ));
    let srv = SRV { priority: 0, weight: 0, port: service.port, target: host.clone() };
    packet.additional_records.push(ResourceRecord::new(instance.clone(), CLASS::IN, ttl, RData::SRV(srv)));
    packet.additional_records.push(ResourceRecord::new(instance, CLASS::IN, ttl, RData::TXT(TXT::new())));
    packet.additional_records.push(ResourceRecord::new(
        host,
        CLASS::IN,
        ttl,
        RData::A(A { address: service.ip.into() }),
    ));
    build(&packet)
}

/// The names a query asks about (PTR or ANY), lower case, for a responder to match.
/// Responses and unreadable bytes ask nothing.
pub fn questions(bytes: &[u8]) -> Vec<String> {
    let Ok(packet) = Packet::parse(bytes) else {
        return Vec::new();
    };
    if packet.has_flags(PacketFlag::RESPONSE) {
        return Vec::new();
    }
    packet
        .questions
        .iter()
        .filter(|q| matches!(q.qtype, QTYPE::TYPE(TYPE::PTR) | QTYPE::ANY))
        .map(|q| q.qname.to_string().to_ascii_lowercase())
        .collect()
}

/// What one response means for a browse of one service type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrowseEvent {
    Found { service_name: String, ip: Ipv4Addr, port: u16 },
    Lost { service_name: String },
    ResolveFail { service_name: String },
}

/// The events a response brings to a browse of `service_type` (nothing for a query,
/// another type, or bytes that are not a DNS message).
pub fn browse_events(bytes: &[u8], service_type: &str) -> Vec<BrowseEvent> {
    let Ok(packet) = Packet::parse(bytes) else {
        return Vec::new();
    };
    if !packet.has_flags(PacketFlag::RESPONSE) {
        return Vec::new();
    }
    let domain = service_domain(service_type);
    let records: Vec<&ResourceRecord> = packet.answers.iter().chain(&packet.additional_records).collect();
    let same = |name: &Name, text: &str| name.to_string().eq_ignore_ascii_case(text);
    let mut events = Vec::new();
    for record in &records {
        let RData::PTR(PTR(instance)) = &record.rdata else {
            continue;
        };
        if !same(&record.name, &domain) {
            continue;
        }
        let Some(label) = instance.get_labels().first() else {
            continue;
        };
        let service_name = String::from_utf8_lossy(label.as_ref()).into_owned();
        let instance_text = instance.to_string();
        if record.ttl == 0 {
            events.push(BrowseEvent::Lost { service_name });
            continue;
        }
        let srv = records.iter().find_map(|r| match &r.rdata {
            RData::SRV(srv) if same(&r.name, &instance_text) => Some(srv),
            _ => None,
        });
        let resolved = srv.and_then(|srv| {
            let target = srv.target.to_string();
            let ip = records.iter().find_map(|r| match &r.rdata {
                RData::A(a) if same(&r.name, &target) => Some(Ipv4Addr::from(a.address)),
                _ => None,
            })?;
            Some((ip, srv.port))
        });
        events.push(match resolved {
            Some((ip, port)) => BrowseEvent::Found { service_name, ip, port },
            None => BrowseEvent::ResolveFail { service_name },
        });
    }
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn printer(ttl: u32) -> Vec<u8> {
        announcement(&Announcement {
            instance: "My Printer",
            service_type: "_wxnet-test._tcp.",
            host: "printer.local",
            ip: Ipv4Addr::new(10, 77, 0, 2),
            port: 4242,
            ttl,
        })
        .unwrap()
    }

    #[test]
    fn rule_10_a_browse_asks_for_the_ptr_records_of_the_type() {
        let query = browse_query("_wxnet-test._tcp.").unwrap();
        assert_eq!(questions(&query), vec!["_wxnet-test._tcp.local".to_string()]);
        assert!(browse_events(&query, "_wxnet-test._tcp.").is_empty(), "a query announces nothing");
    }

    #[test]
    fn rule_10_an_announcement_is_found_with_its_ip_and_port() {
        assert_eq!(
            browse_events(&printer(120), "_wxnet-test._tcp."),
            vec![BrowseEvent::Found { service_name: "My Printer".into(), ip: Ipv4Addr::new(10, 77, 0, 2), port: 4242 }]
        );
        assert!(browse_events(&printer(120), "_http._tcp.").is_empty(), "another type");
        assert!(questions(&printer(120)).is_empty(), "a response asks nothing");
    }

    #[test]
    fn rule_10_a_goodbye_is_lost() {
        assert_eq!(
            browse_events(&printer(0), "_wxnet-test._tcp"),
            vec![BrowseEvent::Lost { service_name: "My Printer".into() }]
        );
    }

    #[test]
    fn rule_10_a_ptr_without_srv_and_a_is_a_resolve_failure() {
        let mut packet = Packet::new_reply(0);
        packet.answers.push(ResourceRecord::new(
            Name::new("_wxnet-test._tcp.local").unwrap(),
            CLASS::IN,
            120,
            RData::PTR(PTR(Name::new("Lonely._wxnet-test._tcp.local").unwrap())),
        ));
        let bytes = packet.build_bytes_vec().unwrap();
        assert_eq!(
            browse_events(&bytes, "_wxnet-test._tcp."),
            vec![BrowseEvent::ResolveFail { service_name: "Lonely".into() }]
        );
    }

    #[test]
    fn bad_instances_are_errors() {
        let mut service = Announcement {
            instance: "a.b",
            service_type: "_x._tcp.",
            host: "h.local",
            ip: Ipv4Addr::LOCALHOST,
            port: 1,
            ttl: 1,
        };
        assert_eq!(announcement(&service).unwrap_err().code, ErrorCode::ArgType);
        service.instance = "";
        assert!(announcement(&service).is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn decoding_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), service_type in any::<String>()) {
            let _ = browse_events(&bytes, &service_type);
            let _ = questions(&bytes);
        }

        #[test]
        fn decoding_a_mutated_announcement_never_panics(flips in proptest::collection::vec((0usize..200, any::<u8>()), 1..8)) {
            let mut bytes = printer(120);
            for (at, value) in flips {
                if let Some(byte) = bytes.get_mut(at % 200) {
                    *byte = value;
                }
            }
            let _ = browse_events(&bytes, "_wxnet-test._tcp.");
        }

        #[test]
        fn encoding_never_panics(instance in any::<String>(), service_type in any::<String>(), host in any::<String>(), port in any::<u16>()) {
            let service = Announcement { instance: &instance, service_type: &service_type, host: &host, ip: Ipv4Addr::LOCALHOST, port, ttl: 120 };
            let _ = announcement(&service);
            let _ = browse_query(&service_type);
        }
    }
}
