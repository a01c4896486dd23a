//! HTTPS readiness (RULES.md §11, §15): will the phone accept this server's certificate
//! chain and TLS setup, on iOS, on Android and in DevTools, and if not, which errMsg
//! will the client show?
//!
//! [`diagnose_chain`] takes the certificates as the server sent them, the host, a time
//! and, when known, the handshake facts (versions and suites accepted, OCSP stapling,
//! SNI); it does no I/O and reads no clock. Paths are built and signatures verified with
//! rustls-webpki and the RustCrypto algorithms of [`verify`], from the server-sent
//! certificates only (Android fetches no missing intermediate), against each platform's
//! own root store ([`anchors`]); x509-parser reads the details the phones check on top
//! (SAN, EKU, key sizes, signature hashes, lifetime, embedded SCTs).
//!
//! Each finding has an id from the check table of `research/https-doctor.md`
//! (`chain.complete`, `cert.name.san`, …), a severity, the platforms it affects and, per
//! platform, the Chromium net error it causes; the predicted errMsg of a failing
//! platform is the first of those in Chromium's priority order (a handshake failure,
//! then INVALID, REVOKED, AUTHORITY_INVALID, COMMON_NAME_INVALID, …, DATE_INVALID,
//! VALIDITY_TOO_LONG): an expired self-signed certificate shows -202, not -201.

pub mod anchors;
pub mod pem;
mod verify;

pub use anchors::Platform;

use crate::catalogue::errmsg::{self, Failure, FailureKind};
use crate::catalogue::explain;
use crate::error::{Error, ErrorCode};
use pki_types::{CertificateDer, ServerName, TrustAnchor, UnixTime};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use x509_parser::prelude::{FromDer, GeneralName, ParsedExtension, X509Certificate};

/// What a finding means for a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational only.
    Info,
    /// Works today; hygiene or future breakage.
    Warn,
    /// Fails on some devices or versions.
    Risk,
    /// The phone will fail.
    Block,
}

/// A platform's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Risk,
    Fail,
}

/// Which TLS versions the server accepted (`None`: not probed).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Versions {
    #[serde(rename = "TLSv1")]
    pub tls1_0: Option<bool>,
    #[serde(rename = "TLSv1.1")]
    pub tls1_1: Option<bool>,
    #[serde(rename = "TLSv1.2")]
    pub tls1_2: Option<bool>,
    #[serde(rename = "TLSv1.3")]
    pub tls1_3: Option<bool>,
}

/// What a handshake probe learnt about the server.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HandshakeFacts {
    pub versions: Versions,
    /// The TLS 1.2 suites the server accepted, by IANA name (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`);
    /// `None` when not probed.
    pub ciphers: Option<Vec<String>>,
    pub ocsp_staple: Option<bool>,
    /// Whether a connection without SNI got another certificate than one with it.
    pub no_sni_certificate_differs: Option<bool>,
}

/// The inputs besides the chain.
#[derive(Debug, Clone)]
pub struct Options {
    /// The host the client connects to (a DNS name or an IP address).
    pub host: String,
    /// The time to judge validity at, in seconds since the Unix epoch.
    pub now: i64,
    /// The platforms to judge (all three when empty).
    pub platforms: Vec<Platform>,
    /// Roots installed on the phone on top of its store (DER), e.g. a private CA.
    pub extra_roots: Vec<Vec<u8>>,
    pub tls: Option<HandshakeFacts>,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: &'static str,
    pub severity: Severity,
    pub platforms: Vec<Platform>,
    pub message: String,
    pub help: &'static str,
    /// The index in the chain of the certificate it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert: Option<usize>,
    /// The Chromium net error it causes on each platform it blocks (0: the DevTools TLS message).
    #[serde(skip)]
    pub net_errors: Vec<(Platform, i32)>,
}

/// One certificate of the chain, as shown in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CertSummary {
    pub subject: String,
    pub issuer: String,
    pub sans: Vec<String>,
    pub not_before: String,
    pub not_after: String,
    /// `RSA 2048`, `EC P-256`, `Ed25519`.
    pub key: String,
    /// `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, …
    pub signature: String,
    /// The SHA-256 of the DER, hex.
    pub sha256: String,
}

/// The per-platform verdicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdicts {
    pub ios: Verdict,
    pub android: Verdict,
    pub devtools: Verdict,
}

/// The result of [`diagnose_chain`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub verdict: Verdicts,
    /// The errMsg each failing platform will most likely show.
    pub predicted: BTreeMap<Platform, errmsg::Message>,
    pub findings: Vec<Finding>,
    pub chain: Vec<CertSummary>,
}

/// The certificate-status priority of Chromium's `MapCertStatusToNetError`; a handshake
/// failure (-113, or 0 for DevTools' TLS version message) comes before any of them.
const PRIORITY: [i32; 12] = [0, -113, -207, -206, -202, -200, -214, -212, -208, -211, -201, -213];

const DAY: i64 = 86_400;

/// Unix time of a UTC midnight.
const fn date(year: i64, month: i64, day: i64) -> i64 {
    days_from_civil(year, month, day) * DAY
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DDTHH:MM:SSZ`.
pub fn iso_time(seconds: i64) -> String {
    let days = seconds.div_euclid(DAY);
    let rest = seconds.rem_euclid(DAY);
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS[.fff]Z` (UTC) into Unix seconds.
pub fn parse_iso_time(text: &str) -> Option<i64> {
    let number = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<i64>().ok()).flatten();
    let (date_part, time_part) = text.split_once('T').unwrap_or((text, "00:00:00Z"));
    let mut fields = date_part.split('-');
    let (year, month, day) = (number(fields.next()?)?, number(fields.next()?)?, number(fields.next()?)?);
    let time_part = time_part.strip_suffix('Z')?;
    let time_part = time_part.split_once('.').map_or(time_part, |(whole, _)| whole);
    let mut clock = time_part.split(':');
    let (hour, minute, second) = (number(clock.next()?)?, number(clock.next()?)?, number(clock.next().unwrap_or("0"))?);
    let valid = fields.next().is_none()
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61
        && (0..=9999).contains(&year);
    valid.then(|| days_from_civil(year, month, day) * DAY + hour * 3600 + minute * 60 + second)
}

/// A certificate read with x509-parser, with the facts the checks need.
struct Cert<'a> {
    der: &'a [u8],
    parsed: X509Certificate<'a>,
}

impl Cert<'_> {
    fn subject_raw(&self) -> &[u8] {
        self.parsed.subject().as_raw()
    }

    fn issuer_raw(&self) -> &[u8] {
        self.parsed.issuer().as_raw()
    }

    fn self_issued(&self) -> bool {
        self.subject_raw() == self.issuer_raw()
    }

    fn issues(&self, child: &Cert) -> bool {
        self.subject_raw() == child.issuer_raw()
    }

    fn not_before(&self) -> i64 {
        self.parsed.validity().not_before.timestamp()
    }

    fn not_after(&self) -> i64 {
        self.parsed.validity().not_after.timestamp()
    }

    fn name(&self) -> String {
        let subject = self.parsed.subject();
        subject
            .iter_common_name()
            .next()
            .and_then(|cn| cn.as_str().ok())
            .map_or_else(|| subject.to_string(), str::to_string)
    }

    /// (`RSA`/`EC`/`Ed25519`/other, bits, curve label).
    fn key(&self) -> (&'static str, usize, String) {
        let spki = self.parsed.public_key();
        match spki.algorithm.algorithm.to_id_string().as_str() {
            "1.2.840.113549.1.1.1" => {
                let bits = match spki.parsed() {
                    Ok(x509_parser::public_key::PublicKey::RSA(rsa)) => significant_bits(rsa.modulus),
                    _ => 0,
                };
                ("RSA", bits, format!("RSA {bits}"))
            }
            "1.2.840.10045.2.1" => {
                let curve = spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok()).map(|o| o.to_id_string());
                let (bits, label) = match curve.as_deref() {
                    Some("1.2.840.10045.3.1.7") => (256, "EC P-256"),
                    Some("1.3.132.0.34") => (384, "EC P-384"),
                    Some("1.3.132.0.35") => (521, "EC P-521"),
                    _ => (spki.subject_public_key.data.len().saturating_sub(1) / 2 * 8, "EC"),
                };
                ("EC", bits, label.to_string())
            }
            "1.3.101.112" => ("Ed25519", 256, "Ed25519".into()),
            other => ("other", 0, other.to_string()),
        }
    }

    fn signature_name(&self) -> String {
        let oid = self.parsed.signature_algorithm.algorithm.to_id_string();
        let name = match oid.as_str() {
            "1.2.840.113549.1.1.4" => "md5WithRSAEncryption",
            "1.2.840.113549.1.1.5" => "sha1WithRSAEncryption",
            "1.2.840.113549.1.1.11" => "sha256WithRSAEncryption",
            "1.2.840.113549.1.1.12" => "sha384WithRSAEncryption",
            "1.2.840.113549.1.1.13" => "sha512WithRSAEncryption",
            "1.2.840.113549.1.1.10" => "rsassaPss",
            "1.2.840.10045.4.1" => "ecdsa-with-SHA1",
            "1.2.840.10045.4.3.2" => "ecdsa-with-SHA256",
            "1.2.840.10045.4.3.3" => "ecdsa-with-SHA384",
            "1.2.840.10045.4.3.4" => "ecdsa-with-SHA512",
            "1.3.101.112" => "Ed25519",
            "1.2.840.10040.4.3" => "dsa-with-SHA1",
            _ => return oid,
        };
        name.to_string()
    }

    /// Signed with SHA-1 or MD5.
    fn weak_signature(&self) -> bool {
        let name = self.signature_name();
        name.contains("sha1") || name.contains("SHA1") || name.contains("md5")
    }

    fn sans(&self) -> Option<Vec<String>> {
        let san = self.parsed.subject_alternative_name().ok()??;
        Some(
            san.value
                .general_names
                .iter()
                .filter_map(|name| match name {
                    GeneralName::DNSName(dns) => Some(dns.to_string()),
                    GeneralName::IPAddress(ip) => ip_text(ip),
                    _ => None,
                })
                .collect(),
        )
    }

    /// `None`: no EKU extension; `Some(true)`: it allows server authentication.
    fn eku_server_auth(&self) -> Option<bool> {
        let eku = self.parsed.extended_key_usage().ok()??;
        Some(eku.value.server_auth || eku.value.any)
    }

    /// The caIssuers URL of the Authority Information Access extension.
    fn ca_issuers_url(&self) -> Option<String> {
        self.parsed.extensions().iter().find_map(|ext| match ext.parsed_extension() {
            ParsedExtension::AuthorityInfoAccess(aia) => aia.accessdescs.iter().find_map(|desc| {
                match (desc.access_method.to_id_string().as_str(), &desc.access_location) {
                    ("1.3.6.1.5.5.7.48.2", GeneralName::URI(uri)) => Some(uri.to_string()),
                    _ => None,
                }
            }),
            _ => None,
        })
    }

    fn embedded_scts(&self) -> usize {
        self.parsed
            .extensions()
            .iter()
            .map(|ext| match ext.parsed_extension() {
                ParsedExtension::SCT(list) => list.len(),
                _ => 0,
            })
            .sum()
    }

    fn summary(&self) -> CertSummary {
        CertSummary {
            subject: self.parsed.subject().to_string(),
            issuer: self.parsed.issuer().to_string(),
            sans: self.sans().unwrap_or_default(),
            not_before: iso_time(self.not_before()),
            not_after: iso_time(self.not_after()),
            key: self.key().2,
            signature: self.signature_name(),
            sha256: Sha256::digest(self.der).iter().map(|b| format!("{b:02x}")).collect(),
        }
    }
}

fn significant_bits(bytes: &[u8]) -> usize {
    let bytes = &bytes[bytes.iter().take_while(|b| **b == 0).count()..];
    bytes.first().map_or(0, |first| bytes.len() * 8 - first.leading_zeros() as usize)
}

fn ip_text(bytes: &[u8]) -> Option<String> {
    match bytes.len() {
        4 => Some(std::net::Ipv4Addr::from(<[u8; 4]>::try_from(bytes).ok()?).to_string()),
        16 => Some(std::net::Ipv6Addr::from(<[u8; 16]>::try_from(bytes).ok()?).to_string()),
        _ => None,
    }
}

/// The contents of a DER TLV (a Name as x509-parser gives it, to compare with webpki's).
fn der_contents(tlv: &[u8]) -> &[u8] {
    let Some(&first_length) = tlv.get(1) else { return &[] };
    let header = if first_length < 0x80 { 2 } else { 2 + usize::from(first_length & 0x7f) };
    tlv.get(header..).unwrap_or_default()
}

/// Accepts any extended key usage: the doctor checks EKU itself (Apple also wants it
/// present), so that a missing serverAuth does not hide whether the chain is trusted.
struct AnyUsage;

impl webpki::ExtendedKeyUsageValidator for AnyUsage {
    fn validate(&self, _: webpki::KeyPurposeIdIter<'_, '_>) -> Result<(), webpki::Error> {
        Ok(())
    }
}

/// How the chain fared against one platform's store.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Trust {
    /// A path to a root; `true` when that root is one of `extra_roots`.
    Trusted { private_root: bool },
    /// The server sent no certificate for the issuer named here, and it is no root.
    Incomplete { missing_issuer: String },
    /// The path ends at a root the store does not hold.
    Untrusted { root: String },
    /// webpki refused the chain for another reason.
    Invalid(String),
}

fn trust(
    certs: &[Cert],
    store: &[TrustAnchor],
    extra: &[TrustAnchor],
    verifier: &verify::Verifier,
    leaf_not_before: i64,
    now: i64,
) -> Trust {
    let anchors: Vec<TrustAnchor> = store.iter().chain(extra).cloned().collect();
    let Some(leaf_der) = certs.first().map(|c| CertificateDer::from(c.der)) else {
        return Trust::Invalid("no certificate".into());
    };
    let Ok(leaf) = webpki::EndEntityCert::try_from(&leaf_der) else {
        return Trust::Invalid("the leaf certificate does not parse".into());
    };
    let intermediates: Vec<CertificateDer> = certs[1..].iter().map(|c| CertificateDer::from(c.der)).collect();
    let at = |seconds: i64| UnixTime::since_unix_epoch(std::time::Duration::from_secs(seconds.max(0) as u64));
    let remembering = verifier.algorithms();
    let algorithms: Vec<&dyn pki_types::SignatureVerificationAlgorithm> =
        remembering.iter().map(|a| a as &dyn pki_types::SignatureVerificationAlgorithm).collect();
    let verify = |time| leaf.verify_for_usage(&algorithms, &anchors, &intermediates, time, AnyUsage, None, None);
    // Dates are a finding of their own (and rank below trust): judge trust inside the leaf's validity.
    let result = match verify(at(now)) {
        Err(webpki::Error::CertExpired { .. } | webpki::Error::CertNotValidYet { .. }) => verify(at(leaf_not_before)),
        other => other,
    };
    match result {
        Ok(path) => {
            let root = path.anchor();
            Trust::Trusted {
                private_root: extra.iter().any(|a| a.subject_public_key_info == root.subject_public_key_info),
            }
        }
        Err(webpki::Error::UnknownIssuer) => {
            let top = chain_top(certs);
            if top.self_issued() {
                Trust::Untrusted { root: top.name() }
            } else if anchors.iter().any(|a| a.subject.as_ref() == der_contents(top.issuer_raw())) {
                Trust::Untrusted { root: top.parsed.issuer().to_string() }
            } else {
                Trust::Incomplete { missing_issuer: top.parsed.issuer().to_string() }
            }
        }
        Err(error) => Trust::Invalid(format!("{error:?}")),
    }
}

/// The indices of the certificates on the issuer chain from the leaf, in chain order,
/// built from the sent certificates only.
fn issuer_path(certs: &[Cert]) -> Vec<usize> {
    let mut path = vec![0];
    while let Some(&current) = path.last() {
        if certs[current].self_issued() {
            break;
        }
        match (0..certs.len()).find(|i| !path.contains(i) && certs[*i].issues(&certs[current])) {
            Some(next) => path.push(next),
            None => break,
        }
    }
    path
}

fn chain_top<'c, 'a>(certs: &'c [Cert<'a>]) -> &'c Cert<'a> {
    let path = issuer_path(certs);
    &certs[path.last().copied().unwrap_or(0)]
}

/// The lifetime limit in days in force at a notBefore (Apple and the CA/Browser Forum).
fn lifetime_limit(not_before: i64) -> Option<i64> {
    [
        (date(2029, 3, 15), 47),
        (date(2027, 3, 15), 100),
        (date(2026, 3, 15), 200),
        (date(2020, 9, 1), 398),
        (date(2019, 7, 1), 825),
    ]
    .into_iter()
    .find(|(from, _)| not_before >= *from)
    .map(|(_, days)| days)
}

/// IANA names of the TLS 1.2 suites App Transport Security accepts (Apple's `CiphersuitesPFS`).
pub const ATS_SUITES: [&str; 14] = [
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
];

/// IANA names of the TLS 1.2 suites Chromium (cronet) offers.
pub const CHROMIUM_SUITES: [&str; 13] = [
    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
    "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
    "TLS_RSA_WITH_AES_128_GCM_SHA256",
    "TLS_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_RSA_WITH_AES_128_CBC_SHA",
    "TLS_RSA_WITH_AES_256_CBC_SHA",
    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
];

/// The TLS 1.2 suites a probe tries one by one (every ATS and Chromium suite), by IANA
/// and OpenSSL name.
pub const PROBE_SUITES: [(&str, &str); 18] = [
    ("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "ECDHE-ECDSA-AES256-GCM-SHA384"),
    ("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "ECDHE-ECDSA-AES128-GCM-SHA256"),
    ("TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-ECDSA-CHACHA20-POLY1305"),
    ("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ECDHE-RSA-AES256-GCM-SHA384"),
    ("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "ECDHE-RSA-AES128-GCM-SHA256"),
    ("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "ECDHE-RSA-CHACHA20-POLY1305"),
    ("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "ECDHE-ECDSA-AES256-SHA384"),
    ("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "ECDHE-ECDSA-AES128-SHA256"),
    ("TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA", "ECDHE-ECDSA-AES256-SHA"),
    ("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "ECDHE-ECDSA-AES128-SHA"),
    ("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "ECDHE-RSA-AES256-SHA384"),
    ("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", "ECDHE-RSA-AES128-SHA256"),
    ("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA", "ECDHE-RSA-AES256-SHA"),
    ("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "ECDHE-RSA-AES128-SHA"),
    ("TLS_RSA_WITH_AES_128_GCM_SHA256", "AES128-GCM-SHA256"),
    ("TLS_RSA_WITH_AES_256_GCM_SHA384", "AES256-GCM-SHA384"),
    ("TLS_RSA_WITH_AES_128_CBC_SHA", "AES128-SHA"),
    ("TLS_RSA_WITH_AES_256_CBC_SHA", "AES256-SHA"),
];

/// Collects findings; `add` takes the per-platform net errors of a blocking finding.
struct Findings {
    platforms: Vec<Platform>,
    list: Vec<Finding>,
}

impl Findings {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        id: &'static str,
        severity: Severity,
        platforms: &[Platform],
        net_errors: &[(Platform, i32)],
        message: String,
        help: &'static str,
        cert: Option<usize>,
    ) {
        let wanted = |p: &Platform| self.platforms.contains(p);
        let platforms: Vec<Platform> = platforms.iter().copied().filter(wanted).collect();
        if platforms.is_empty() && severity >= Severity::Risk {
            return;
        }
        let net_errors = net_errors.iter().copied().filter(|(p, _)| platforms.contains(p)).collect();
        self.list.push(Finding { id, severity, platforms, message, help, cert, net_errors });
    }
}

use Platform::{Android, Devtools, Ios};
const ALL: &[Platform] = &[Ios, Android, Devtools];

fn each(code: i32) -> Vec<(Platform, i32)> {
    ALL.iter().map(|p| (*p, code)).collect()
}

/// Checks a chain as a server sent it (DER certificates, leaf first); see the module docs.
pub fn diagnose_chain(chain: &[Vec<u8>], options: &Options) -> Result<Report, Error> {
    if chain.is_empty() {
        return Err(Error::new(ErrorCode::TlsChain, "the chain holds no certificate"));
    }
    let server_name = ServerName::try_from(options.host.as_str()).map_err(|_| {
        Error::new(ErrorCode::TlsOptions, format!("host {:?} is not a DNS name or an IP address", options.host))
    })?;
    let platforms = if options.platforms.is_empty() { ALL.to_vec() } else { options.platforms.clone() };
    let mut findings = Findings { platforms: platforms.clone(), list: Vec::new() };

    let mut certs = Vec::new();
    for (index, der) in chain.iter().enumerate() {
        match X509Certificate::from_der(der) {
            Ok((_, parsed)) => certs.push(Cert { der, parsed }),
            Err(error) => findings.add(
                "cert.parse",
                Severity::Block,
                ALL,
                &each(-207),
                format!("certificate {index} of the chain does not parse ({error})"),
                "Serve DER certificates exactly as the CA issued them (PEM files concatenated, leaf first).",
                Some(index),
            ),
        }
    }
    if certs.len() == chain.len() {
        check_chain(&certs, options, &server_name, &mut findings);
    }
    if let Some(facts) = &options.tls {
        check_handshake(facts, &mut findings);
    }

    let mut list = findings.list;
    list.sort_by_key(|finding| std::cmp::Reverse(finding.severity));
    let verdict_of = |platform: Platform| {
        let worst = list.iter().filter(|f| f.platforms.contains(&platform)).map(|f| f.severity).max();
        match worst {
            Some(Severity::Block) => Verdict::Fail,
            Some(Severity::Risk) => Verdict::Risk,
            _ => Verdict::Pass,
        }
    };
    let verdict = Verdicts { ios: verdict_of(Ios), android: verdict_of(Android), devtools: verdict_of(Devtools) };
    let mut predicted = BTreeMap::new();
    for platform in platforms {
        if verdict_of(platform) != Verdict::Fail {
            continue;
        }
        let codes: Vec<i32> = list
            .iter()
            .filter(|f| f.severity == Severity::Block)
            .flat_map(|f| f.net_errors.iter().filter(|(p, _)| *p == platform).map(|(_, code)| *code))
            .collect();
        if let Some(code) = PRIORITY.iter().find(|code| codes.contains(code)) {
            predicted.insert(platform, predicted_message(*code));
        }
    }
    Ok(Report { verdict, predicted, findings: list, chain: certs.iter().map(Cert::summary).collect() })
}

/// `request:fail -202:net::ERR_CERT_AUTHORITY_INVALID` (errno 600001), or DevTools' TLS text for 0.
fn predicted_message(code: i32) -> errmsg::Message {
    if code == 0 {
        return errmsg::fail("request", &Failure::plain(FailureKind::TlsVersion));
    }
    let name = explain::net_error(code).map_or("FAILED", |net| net.name);
    errmsg::fail("request", &Failure::with_text(FailureKind::Certificate, &format!("{code}:net::ERR_{name}")))
}

fn check_chain(certs: &[Cert], options: &Options, server_name: &ServerName, findings: &mut Findings) {
    let now = options.now;
    let leaf = &certs[0];
    let extra: Vec<TrustAnchor<'static>> = options
        .extra_roots
        .iter()
        .filter_map(|der| {
            webpki::anchor_from_trusted_cert(&CertificateDer::from(der.as_slice())).ok().map(|a| a.to_owned())
        })
        .collect();

    // Trust, per platform's store.
    let self_signed = leaf.self_issued();
    let mut private_root = false;
    let mut publicly_trusted_on_ios = false;
    let mut incomplete: Vec<Platform> = Vec::new();
    let mut untrusted: BTreeMap<String, Vec<Platform>> = BTreeMap::new();
    let mut invalid: BTreeMap<String, Vec<Platform>> = BTreeMap::new();
    let verifier = verify::Verifier::default();
    for platform in findings.platforms.clone() {
        match trust(certs, &anchors::builtin(platform), &extra, &verifier, leaf.not_before(), now) {
            Trust::Trusted { private_root: private } => {
                private_root |= private;
                publicly_trusted_on_ios |= platform == Ios && !private;
            }
            Trust::Incomplete { missing_issuer } if !self_signed => {
                incomplete.push(platform);
                untrusted.entry(missing_issuer).or_default();
            }
            Trust::Untrusted { root } if !self_signed => untrusted.entry(root).or_default().push(platform),
            Trust::Invalid(reason) => invalid.entry(reason).or_default().push(platform),
            _ => {}
        }
    }
    if self_signed {
        findings.add(
            "cert.selfsigned",
            Severity::Block,
            ALL,
            &each(-202),
            format!("the certificate is self-signed ({}); no phone trusts it (iOS never, Android only with the root installed)", leaf.name()),
            "Get a certificate from a public CA (Let's Encrypt is free) and serve it with its intermediates.",
            Some(0),
        );
    }
    if !incomplete.is_empty() {
        let missing = untrusted.iter().find(|(_, p)| p.is_empty()).map(|(name, _)| name.clone()).unwrap_or_default();
        let top = chain_top(certs);
        // Android fetches no missing intermediate; iOS and desktop Chromium fetch it from
        // the caIssuers URL of the last sent certificate, when it has one.
        let fetchable = top.ca_issuers_url();
        let (blocked, fetching): (Vec<Platform>, Vec<Platform>) =
            incomplete.iter().partition(|p| **p == Android || fetchable.is_none());
        let only_leaf = if certs.len() == 1 { " (only the leaf is sent)" } else { "" };
        let message = |stores: &[Platform]| {
            format!(
                "the chain is incomplete{only_leaf}: the issuer \"{missing}\" is not sent and is not a root of the phone's store ({})",
                store_names(stores)
            )
        };
        const HELP: &str =
            "Serve the full chain: the leaf followed by every intermediate (fullchain.pem, not cert.pem).";
        if !blocked.is_empty() {
            let net: Vec<(Platform, i32)> = blocked.iter().map(|p| (*p, -202)).collect();
            findings.add("chain.complete", Severity::Block, &blocked, &net, message(&blocked), HELP, None);
        }
        if let (false, Some(url)) = (fetching.is_empty(), fetchable) {
            let text = format!("{}; iOS and DevTools may fetch it from {url}, Android never does", message(&fetching));
            findings.add("chain.complete", Severity::Risk, &fetching, &[], text, HELP, None);
        }
    }
    for (root, platforms) in untrusted.iter().filter(|(_, p)| !p.is_empty()) {
        findings.add(
            "chain.trusted",
            Severity::Block,
            platforms,
            &platforms.iter().map(|p| (*p, -202)).collect::<Vec<_>>(),
            format!("the chain ends at \"{root}\", which is not in the phone's store ({})", store_names(platforms)),
            "Use a certificate from a CA that every phone trusts; a private CA works only where its root is installed.",
            None,
        );
    }
    for (reason, platforms) in &invalid {
        let code = if reason.contains("NameConstraint") { -212 } else { -207 };
        findings.add(
            if code == -212 { "cert.name_constraints" } else { "cert.parse" },
            Severity::Block,
            platforms,
            &platforms.iter().map(|p| (*p, code)).collect::<Vec<_>>(),
            format!("the chain cannot be verified: {reason}"),
            "Serve a chain a public CA issued, unmodified, leaf first.",
            None,
        );
    }

    // The host name: SAN only.
    let leaf_der = CertificateDer::from(leaf.der);
    let name_ok = webpki::EndEntityCert::try_from(&leaf_der)
        .map(|cert| cert.verify_is_valid_for_subject_name(server_name).is_ok())
        .unwrap_or(false);
    if !name_ok {
        let sans = leaf.sans();
        let message = match &sans {
            None => format!(
                "the certificate has no subjectAltName; its CN \"{}\" is ignored by every phone, so it does not name {}",
                leaf.name(),
                options.host
            ),
            Some(sans) => format!("{} is not among the certificate's names ({})", options.host, sans.join(", ")),
        };
        findings.add(
            "cert.name.san",
            Severity::Block,
            ALL,
            &each(-200),
            message,
            "Get a certificate whose subjectAltName lists this exact host (a wildcard covers one label only), and serve it for this host (SNI).",
            Some(0),
        );
    }

    // Dates, of the leaf and of every sent certificate on its path.
    let path = issuer_path(certs);
    for &index in &path {
        let cert = &certs[index];
        if index > 0 && cert.self_issued() {
            continue;
        }
        let which =
            if index == 0 { "the certificate".to_string() } else { format!("the intermediate \"{}\"", cert.name()) };
        let problem = if now > cert.not_after() {
            Some(format!("{which} expired on {}", iso_time(cert.not_after())))
        } else if now < cert.not_before() {
            Some(format!("{which} is not valid before {}", iso_time(cert.not_before())))
        } else {
            None
        };
        if let Some(message) = problem {
            findings.add(
                "cert.date.valid",
                Severity::Block,
                ALL,
                &each(-201),
                message,
                "Renew the certificate, install it and reload the server (check the server's and the phone's clock).",
                Some(index),
            );
        }
    }
    let days_left = (leaf.not_after() - now).div_euclid(DAY);
    if (0..60).contains(&days_left) && now >= leaf.not_before() {
        let severity = if days_left < 30 { Severity::Risk } else { Severity::Warn };
        findings.add(
            "cert.date.soon",
            severity,
            ALL,
            &[],
            format!("the certificate expires in {days_left} days ({})", iso_time(leaf.not_after())),
            "Renew it now and automate renewal (and the server reload).",
            Some(0),
        );
    }

    // Order, extras, anchor.
    let in_order = path.iter().enumerate().all(|(position, index)| position == *index);
    if !in_order {
        findings.add(
            "chain.order",
            Severity::Warn,
            ALL,
            &[],
            "the certificates are not in order: each one after the leaf should be the issuer of the one before".into(),
            "Serve the leaf first, then its issuer, then that one's issuer.",
            None,
        );
    }
    for index in (1..certs.len()).filter(|i| !path.contains(i)) {
        findings.add(
            "chain.extra",
            Severity::Warn,
            ALL,
            &[],
            format!(
                "certificate {index} (\"{}\") is not part of the leaf's chain (unrelated or a duplicate)",
                certs[index].name()
            ),
            "Remove certificates that do not belong to this chain.",
            Some(index),
        );
    }
    for &index in path.iter().skip(1).filter(|i| certs[**i].self_issued()) {
        findings.add(
            "chain.anchor_sent",
            Severity::Info,
            ALL,
            &[],
            format!("the root \"{}\" is sent; phones use their own copy", certs[index].name()),
            "Leave the root out of the served chain; it only costs bytes.",
            Some(index),
        );
    }

    // Keys and signatures of the certificates on the path (a root's own signature does not matter).
    for &index in &path {
        let cert = &certs[index];
        let (kind, bits, label) = cert.key();
        if kind == "RSA" && bits < 1024 {
            findings.add(
                "cert.key.size",
                Severity::Block,
                ALL,
                &[(Ios, -207), (Android, -211), (Devtools, -211)],
                format!("\"{}\" has a {label}-bit key; every client refuses RSA below 1024 bits", cert.name()),
                "Reissue with RSA 2048 or more, or ECDSA P-256.",
                Some(index),
            );
        } else if (kind == "RSA" && bits < 2048) || (kind == "EC" && bits < 256) {
            findings.add(
                "cert.key.size",
                Severity::Block,
                &[Ios],
                &[(Ios, -207)],
                format!(
                    "\"{}\" has a {label} key; iOS requires RSA ≥ 2048 or EC ≥ 256 bits in every certificate",
                    cert.name()
                ),
                "Reissue with RSA 2048 or more, or ECDSA P-256 (and use a CA whose intermediates are as strong).",
                Some(index),
            );
        }
        if cert.weak_signature() && !(index > 0 && cert.self_issued()) {
            findings.add(
                "cert.sig.sha2",
                Severity::Block,
                ALL,
                &[(Ios, -207), (Android, -208), (Devtools, -208)],
                format!(
                    "\"{}\" is signed with {}; phones require SHA-256 or stronger",
                    cert.name(),
                    cert.signature_name()
                ),
                "Reissue with SHA-256, and serve the CA's current SHA-256 intermediate.",
                Some(index),
            );
        }
    }

    // Extended key usage of the leaf.
    match leaf.eku_server_auth() {
        Some(false) => findings.add(
            "cert.eku.serverauth",
            Severity::Block,
            ALL,
            &each(-207),
            "the certificate's extended key usage does not include serverAuth".into(),
            "Issue a TLS server certificate (extendedKeyUsage = serverAuth).",
            Some(0),
        ),
        None if leaf.not_before() >= date(2019, 7, 1) => findings.add(
            "cert.eku.serverauth",
            Severity::Block,
            &[Ios],
            &[(Ios, -207)],
            "the certificate has no extended key usage; iOS requires serverAuth in certificates issued after 2019-07-01".into(),
            "Issue a TLS server certificate (extendedKeyUsage = serverAuth).",
            Some(0),
        ),
        _ => {}
    }

    // Lifetime, by the limit in force at notBefore (inclusive: any part of a day counts).
    let lifetime_days = (leaf.not_after() - leaf.not_before() + 1 + DAY - 1) / DAY;
    if let Some(limit) = lifetime_limit(leaf.not_before()).filter(|limit| lifetime_days > *limit) {
        let message = format!(
            "the certificate is valid for {lifetime_days} days; certificates issued on {} may last at most {limit}",
            &iso_time(leaf.not_before())[..10]
        );
        if private_root || self_signed {
            findings.add(
                "cert.lifetime",
                Severity::Warn,
                ALL,
                &[],
                format!("{message} (a root installed by the user is exempt; a public CA could not issue it)"),
                "Issue shorter-lived certificates (90 days, renewed automatically).",
                Some(0),
            );
        } else {
            // Chromium enforces 398 days; Apple follows the CA/Browser Forum's schedule.
            let chromium_too = limit >= 398;
            let platforms: &[Platform] = if chromium_too { ALL } else { &[Ios] };
            findings.add(
                "cert.lifetime",
                Severity::Block,
                platforms,
                &platforms.iter().map(|p| (*p, -213)).collect::<Vec<_>>(),
                message,
                "Reissue with a shorter lifetime (90 days, renewed automatically).",
                Some(0),
            );
        }
    }

    // Apple's Certificate Transparency policy, for publicly trusted chains.
    if publicly_trusted_on_ios {
        let needed = if lifetime_days <= 180 { 2 } else { 3 };
        let embedded = leaf.embedded_scts();
        if embedded < needed {
            findings.add(
                "cert.ct.apple",
                Severity::Block,
                &[Ios],
                &[(Ios, -202)],
                format!(
                    "the certificate embeds {embedded} signed certificate timestamps; iOS wants {needed} for a {lifetime_days}-day certificate (unless the server staples them)"
                ),
                "Use a CA that logs its certificates in Certificate Transparency (every public CA does today).",
                Some(0),
            );
        }
    }
}

fn store_names(platforms: &[Platform]) -> String {
    platforms.iter().map(|p| format!("{}: {}", p.name(), p.store_name())).collect::<Vec<_>>().join(", ")
}

fn check_handshake(facts: &HandshakeFacts, findings: &mut Findings) {
    let v = facts.versions;
    if v.tls1_2 == Some(false) && v.tls1_3 == Some(false) {
        findings.add(
            "tls.version.min12",
            Severity::Block,
            ALL,
            &[(Ios, -113), (Android, -113), (Devtools, 0)],
            "the server accepts neither TLS 1.2 nor TLS 1.3; mini programs require TLS 1.2 or newer".into(),
            "Enable TLS 1.2 and 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;).",
            None,
        );
    } else if v.tls1_2 == Some(false) && v.tls1_3 == Some(true) {
        findings.add(
            "tls.version.tls12_present",
            Severity::Risk,
            &[Android],
            &[],
            "the server accepts only TLS 1.3; Android before 10 and old WeChat clients have no TLS 1.3 (-113)".into(),
            "Keep TLS 1.2 on beside 1.3 (nginx: ssl_protocols TLSv1.2 TLSv1.3;).",
            None,
        );
    }
    if v.tls1_0 == Some(true) || v.tls1_1 == Some(true) {
        findings.add(
            "tls.version.legacy",
            Severity::Info,
            ALL,
            &[],
            "the server still accepts TLS 1.0/1.1; harmless for mini programs, needed only by Android 4.x".into(),
            "Turn TLS 1.0 and 1.1 off unless you must serve very old phones.",
            None,
        );
    }
    if let (Some(ciphers), Some(true)) = (&facts.ciphers, v.tls1_2) {
        let has = |list: &[&str]| ciphers.iter().any(|c| list.contains(&c.as_str()));
        let tls13 = v.tls1_3 == Some(true);
        if !has(&CHROMIUM_SUITES) && !tls13 {
            findings.add(
                "tls.cipher.common",
                Severity::Block,
                ALL,
                &[(Ios, -113), (Android, -113), (Devtools, -113)],
                format!(
                    "none of the TLS 1.2 suites the server accepts ({}) is one the phones offer",
                    ciphers.join(", ")
                ),
                "Offer ECDHE-ECDSA/RSA-AES128-GCM-SHA256 and friends (Mozilla's intermediate configuration).",
                None,
            );
        } else if !has(&ATS_SUITES) && !tls13 {
            findings.add(
                "tls.cipher.ats_fs",
                Severity::Block,
                &[Ios],
                &[(Ios, -113)],
                format!(
                    "no forward-secret (ECDHE) suite that iOS App Transport Security accepts: the server offers {}",
                    ciphers.join(", ")
                ),
                "Offer ECDHE suites with AES-GCM (e.g. ECDHE-RSA-AES128-GCM-SHA256), or TLS 1.3.",
                None,
            );
        }
    }
    if facts.ocsp_staple == Some(false) {
        findings.add(
            "cert.ocsp_staple",
            Severity::Info,
            ALL,
            &[],
            "the server does not staple an OCSP response".into(),
            "Turn OCSP stapling on (nginx: ssl_stapling on;) to save the phone a lookup.",
            None,
        );
    }
    if facts.no_sni_certificate_differs == Some(true) {
        findings.add(
            "tls.sni",
            Severity::Info,
            ALL,
            &[],
            "without SNI the server sends another certificate; every current phone sends SNI".into(),
            "Make this site the default server if clients without SNI matter.",
            None,
        );
    }
}

/// The chain of `input`: PEM text (any number of CERTIFICATE blocks) or DER bytes.
pub fn chain_from_bytes(input: &[u8]) -> Result<Vec<Vec<u8>>, Error> {
    if input.first() == Some(&0x30) {
        return Ok(vec![input.to_vec()]);
    }
    let text = std::str::from_utf8(input)
        .map_err(|_| Error::new(ErrorCode::TlsChain, "the chain is neither DER nor PEM text"))?;
    let found = pem::certificates(text);
    if found.is_empty() {
        return Err(Error::new(ErrorCode::TlsChain, "the text holds no -----BEGIN CERTIFICATE----- block"));
    }
    Ok(found)
}

#[cfg(test)]
mod tests;
