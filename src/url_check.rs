//! URL checks (RULES.md §1–§3): may `wx.request` & co. reach this URL?
//!
//! [`check`] decides one URL for one API and returns a [`Reason`]:
//!
//! * ok: `listed` (host and port in the API's list), `lan` (an IPv4 peer in the
//!   phone's subnet, §2), `unchecked` (`urlCheck: false`, §3);
//! * fail: `invalid-url` (unparseable, or a scheme the API never uses), `insecure`
//!   (http/ws to a host that is not a LAN peer), `localhost`, `self-ip` (the phone's
//!   own IP), `ip` (any other IP literal), `forbidden-host` (api.weixin.qq.com),
//!   `not-listed`, `port` (host listed, port not as listed).
//!
//! Parsing is WHATWG (the `url` crate), so the verdict concerns the host a browser
//! would connect to: `https://a.com@evil.com` is evil.com, `https://0x7f.1` is
//! 127.0.0.1, `https://例え.jp` is `xn--r8jz45g.jp`. The port rule needs the port as
//! written, which the parser drops when it is the default; [`written`] finds it.
//!
//! Checks run in a fixed order, most specific first: localhost, IP literals (self,
//! LAN, other), the forbidden host, the scheme, then the list. So
//! `http://localhost` is `localhost`, not `insecure`. A single trailing dot of the
//! host is ignored for every test (`a.com.` is `a.com`).

mod simple;
pub mod written;

pub use crate::api::Api;
use crate::catalogue::errmsg::{self, Failure, FailureKind, Message};
use crate::domains::{is_local_ip, is_localhost_name, Listing, Policy, FORBIDDEN_HOST};
use crate::error::{quote, Error, ErrorCode};
use ipnet::Ipv4Net;
use std::borrow::Cow;
use std::net::Ipv4Addr;
use std::ops::Range;
use url::{Host, Url};

macro_rules! reasons {
    ($( $reason:ident = $code:literal, $name:literal, ok: $ok:literal, $doc:literal; )*) => {
        /// A verdict. The numeric values are the packed codes the wasm boundary returns.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Reason { $( #[doc = $doc] $reason = $code, )* }

        impl Reason {
            /// Every verdict, in code order.
            pub const ALL: [Reason; [$($name),*].len()] = [$(Reason::$reason),*];

            /// The public name (`not-listed`), as `checkUrl`'s `reason` gives it.
            pub fn name(self) -> &'static str {
                match self { $( Reason::$reason => $name, )* }
            }

            pub fn is_ok(self) -> bool {
                match self { $( Reason::$reason => $ok, )* }
            }

            /// What the verdict means, one line.
            pub fn doc(self) -> &'static str {
                match self { $( Reason::$reason => $doc, )* }
            }
        }
    };
}

reasons! {
    Listed = 0, "listed", ok: true, "Host and port are in the API's server domain list.";
    Lan = 1, "lan", ok: true, "An IPv4 peer in the phone's subnet (RULES.md §2).";
    Unchecked = 2, "unchecked", ok: true, "`urlCheck` is off (RULES.md §3).";
    InvalidUrl = 3, "invalid-url", ok: false, "Unparseable, or a scheme the API never uses.";
    Insecure = 4, "insecure", ok: false, "http/ws to a host that is not a LAN peer.";
    Localhost = 5, "localhost", ok: false, "localhost or a loopback address.";
    SelfIp = 6, "self-ip", ok: false, "The phone's own IP address.";
    Ip = 7, "ip", ok: false, "Any other IP literal: the lists hold domain names only.";
    ForbiddenHost = 8, "forbidden-host", ok: false, "api.weixin.qq.com, which mini programs may never call.";
    NotListed = 9, "not-listed", ok: false, "The host is not in the API's server domain list.";
    Port = 10, "port", ok: false, "The host is listed, but not with this port.";
}

impl Reason {
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.name() == name)
    }

    /// The failure this verdict reports to the callback (`None` when ok). Only
    /// `invalid-url` uses the `invalid url` message; every other refusal is
    /// `url not in domain list` (RULES.md §7).
    pub fn failure(self, url: &str) -> Option<Failure<'_>> {
        match self {
            Reason::Listed | Reason::Lan | Reason::Unchecked => None,
            Reason::InvalidUrl => Some(Failure::with_text(FailureKind::InvalidUrl, url)),
            _ => Some(Failure::plain(FailureKind::UrlNotInDomainList)),
        }
    }

    /// The errMsg and errno the platform puts in the callback for this verdict.
    pub fn message(self, api: Api, url: &str) -> Message {
        match self.failure(url) {
            None => errmsg::ok(api.name()),
            Some(failure) => errmsg::fail(api.name(), &failure),
        }
    }
}

/// The phone's LAN context (RULES.md §2): its IPv4 address and subnet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lan {
    net: Ipv4Net,
}

impl Lan {
    /// The client's fallback when the netmask is unknown.
    pub const DEFAULT_NETMASK: Ipv4Addr = Ipv4Addr::new(255, 255, 255, 0);

    /// `ip` is dotted IPv4, optionally with a CIDR prefix (`192.168.1.10/24`);
    /// `netmask` is dotted (`255.255.255.0`, the default) and may not be given
    /// together with a prefix. Errors have code `arg/lan`.
    pub fn parse(ip: &str, netmask: Option<&str>) -> Result<Lan, Error> {
        let bad = |what: String| Error::new(ErrorCode::ArgLan, what);
        let net = match (ip.split_once('/'), netmask) {
            (Some(_), Some(_)) => {
                return Err(bad(format!(
                    "lan.ip {} has a /prefix and lan.netmask is given too; give one of them",
                    quote(ip)
                )))
            }
            (Some(_), None) => ip.parse::<Ipv4Net>().map_err(|_| {
                bad(format!("lan.ip {} is not an IPv4 address with a prefix such as 192.168.1.10/24", quote(ip)))
            })?,
            (None, netmask) => {
                let address = ip.parse::<Ipv4Addr>().map_err(|_| {
                    bad(format!("lan.ip {} is not a dotted IPv4 address such as 192.168.1.10", quote(ip)))
                })?;
                let mask = match netmask {
                    None => Lan::DEFAULT_NETMASK,
                    Some(text) => text.parse::<Ipv4Addr>().map_err(|_| {
                        bad(format!("lan.netmask {} is not a dotted mask such as 255.255.255.0", quote(text)))
                    })?,
                };
                Ipv4Net::with_netmask(address, mask)
                    .map_err(|_| bad(format!("lan.netmask {mask} is not a contiguous mask such as 255.255.255.0")))?
            }
        };
        Ok(Lan { net })
    }

    pub fn from_parts(ip: Ipv4Addr, prefix: u8) -> Option<Lan> {
        Ipv4Net::new(ip, prefix).ok().map(|net| Lan { net })
    }

    pub fn ip(&self) -> Ipv4Addr {
        self.net.addr()
    }

    pub fn prefix(&self) -> u8 {
        self.net.prefix_len()
    }

    /// Same subnet as the phone (masked addresses equal).
    pub fn contains(&self, target: Ipv4Addr) -> bool {
        self.net.contains(&target)
    }
}

/// Everything a check depends on besides the URL.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub policy: &'a Policy,
    /// `setting.urlCheck` (RULES.md §3); `false` skips the list, scheme and IP tests.
    pub url_check: bool,
    pub lan: Option<Lan>,
    /// Check ports for `connectSocket` too (RULES.md §1 decision: off by default).
    pub wss_port_check: bool,
}

/// The outcome of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub reason: Reason,
    /// The host as WHATWG serialises it (`URL.hostname`): ASCII, lower case, IPv6 in
    /// brackets, trailing dot kept. `None` for `invalid-url`.
    pub host: Option<Cow<'a, str>>,
    /// Where `host` appears verbatim in the input, when it does.
    pub host_span: Option<Range<usize>>,
    /// The port as written in the URL (`None` when none was written).
    pub port: Option<u16>,
}

impl Verdict<'_> {
    fn invalid() -> Verdict<'static> {
        Verdict { reason: Reason::InvalidUrl, host: None, host_span: None, port: None }
    }
}

/// Decides whether `api` may reach `input`. See the module docs for the order.
pub fn check<'a>(api: Api, input: &'a str, options: &Options) -> Verdict<'a> {
    let (secure, plain) = api.schemes();
    match simple::parse(input) {
        simple::Quick::OtherScheme => return Verdict::invalid(),
        simple::Quick::Unsure => {}
        simple::Quick::Parsed(simple) => {
            if simple.scheme != secure && simple.scheme != plain {
                return Verdict::invalid();
            }
            let written_host = &input[simple.host.clone()];
            let parsed_host;
            let (host, host_span, parsed) = match simple.kind {
                simple::SimpleHost::Name { lower: true } => {
                    (Cow::Borrowed(written_host), Some(simple.host), Host::Domain(written_host))
                }
                simple::SimpleHost::Name { lower: false } => {
                    let lower = written_host.to_ascii_lowercase();
                    return finish(api, simple.scheme == secure, Cow::Owned(lower), None, simple.port, options);
                }
                simple::SimpleHost::Ipv4(ip) => (Cow::Borrowed(written_host), Some(simple.host), Host::Ipv4(ip)),
                simple::SimpleHost::NeedsHostParser => {
                    let Ok(host) = Host::parse(written_host) else {
                        return Verdict::invalid();
                    };
                    parsed_host = host;
                    let text = parsed_host.to_string();
                    let span = (text == written_host).then_some(simple.host);
                    (Cow::Owned(text), span, borrow_host(&parsed_host))
                }
            };
            let reason = decide(api, simple.scheme == secure, parsed, simple.port, options);
            return Verdict { reason, host: Some(host), host_span, port: simple.port };
        }
    }
    let Ok(url) = Url::parse(input) else {
        return Verdict::invalid();
    };
    let scheme = url.scheme();
    if scheme != secure && scheme != plain {
        return Verdict::invalid();
    }
    let (Some(host), Some(host_text)) = (url.host(), url.host_str()) else {
        return Verdict::invalid();
    };
    let written = written::scan(input);
    // The scanner only refines what the parser saw: a non-default port must agree.
    let port = match (url.port(), written.as_ref().and_then(|w| w.port)) {
        (Some(parsed), _) => Some(parsed),
        (None, Some(typed)) if Some(typed) == url.port_or_known_default().map(u32::from) => Some(typed as u16),
        (None, _) => None,
    };
    let host_span =
        written.map(|w| w.host).filter(|span| input.as_bytes().get(span.clone()) == Some(host_text.as_bytes()));
    let reason = decide(api, scheme == secure, host, port, options);
    Verdict { reason, host: Some(Cow::Owned(host_text.to_string())), host_span, port }
}

/// Decides for a host known only by its (lower-case) serialisation.
fn finish<'a>(
    api: Api,
    secure: bool,
    host: Cow<'a, str>,
    span: Option<Range<usize>>,
    port: Option<u16>,
    options: &Options,
) -> Verdict<'a> {
    let reason = decide(api, secure, Host::Domain(&host), port, options);
    Verdict { reason, host: Some(host), host_span: span, port }
}

fn borrow_host(host: &Host<String>) -> Host<&str> {
    match host {
        Host::Domain(domain) => Host::Domain(domain.as_str()),
        Host::Ipv4(ip) => Host::Ipv4(*ip),
        Host::Ipv6(ip) => Host::Ipv6(*ip),
    }
}

fn decide(api: Api, secure: bool, host: Host<&str>, port: Option<u16>, options: &Options) -> Reason {
    if !options.url_check {
        return Reason::Unchecked;
    }
    let name = match host {
        Host::Domain(domain) => {
            let name = domain.strip_suffix('.').unwrap_or(domain);
            if is_localhost_name(name) {
                return Reason::Localhost;
            }
            name
        }
        Host::Ipv4(ip) => {
            return match options.lan {
                _ if is_local_ip(ip.into()) => Reason::Localhost,
                Some(lan) if lan.ip() == ip => Reason::SelfIp,
                Some(lan) if lan.contains(ip) => Reason::Lan,
                _ => Reason::Ip,
            }
        }
        Host::Ipv6(ip) if is_local_ip(ip.into()) => return Reason::Localhost,
        Host::Ipv6(_) => return Reason::Ip,
    };
    if name == FORBIDDEN_HOST {
        return Reason::ForbiddenHost;
    }
    if !secure {
        return Reason::Insecure;
    }
    let check_port = api != Api::ConnectSocket || options.wss_port_check;
    match options.policy.lookup(api.field(), name, port, check_port) {
        Listing::Listed => Reason::Listed,
        Listing::WrongPort => Reason::Port,
        Listing::NotListed => Reason::NotListed,
    }
}

/// `setting.urlCheck` of project.private.config.json if boolean, else of
/// project.config.json if boolean, else `true` (RULES.md §3).
pub fn resolve_url_check(project: Option<bool>, private: Option<bool>) -> bool {
    private.or(project).unwrap_or(true)
}

#[cfg(test)]
mod tests;
