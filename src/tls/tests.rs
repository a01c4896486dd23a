//! The bad-certificate matrix (tests/data/tls/, made by scripts/tls-fixtures.mjs with
//! openssl) through `diagnose_chain`: finding ids, per-platform verdicts and the
//! predicted errMsg (RULES.md §11, §15).

use super::*;
use proptest::prelude::*;

const HOST: &str = "good.wxnet.test";
const ROOT: &str = include_str!("../../tests/data/tls/root.pem");

fn now() -> i64 {
    parse_iso_time("2026-01-15T00:00:00Z").unwrap()
}

fn fixture(name: &str) -> Vec<Vec<u8>> {
    let path = format!("{}/tests/data/tls/{name}.chain.pem", env!("CARGO_MANIFEST_DIR"));
    pem::certificates(&std::fs::read_to_string(path).unwrap())
}

fn options(host: &str) -> Options {
    Options { host: host.into(), now: now(), platforms: vec![], extra_roots: pem::certificates(ROOT), tls: None }
}

fn run(name: &str) -> Report {
    diagnose_chain(&fixture(name), &options(HOST)).unwrap()
}

fn ids(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.id).collect()
}

fn verdicts(report: &Report) -> [Verdict; 3] {
    [report.verdict.ios, report.verdict.android, report.verdict.devtools]
}

fn predicted(report: &Report, platform: Platform) -> Option<&str> {
    report.predicted.get(&platform).map(|m| m.err_msg.as_str())
}

use Verdict::{Fail, Pass, Risk};

#[test]
fn rule_11_a_good_chain_passes_everywhere() {
    let report = run("good");
    assert_eq!(ids(&report), Vec::<&str>::new());
    assert_eq!(verdicts(&report), [Pass, Pass, Pass]);
    assert!(report.predicted.is_empty());
    assert_eq!(report.chain.len(), 2);
    assert_eq!(report.chain[0].sans, vec![HOST.to_string()]);
    assert_eq!(report.chain[0].key, "RSA 2048");
    assert_eq!(report.chain[0].signature, "sha256WithRSAEncryption");
    assert_eq!(report.chain[0].not_before, "2026-01-01T00:00:00Z");
    assert_eq!(report.chain[0].sha256.len(), 64);
}

#[test]
fn rule_11_without_the_private_root_the_chain_is_untrusted() {
    let report = diagnose_chain(&fixture("good"), &Options { extra_roots: vec![], ..options(HOST) }).unwrap();
    // The intermediate names an issuer nobody sends and has no caIssuers URL to fetch it from.
    assert_eq!(ids(&report), vec!["chain.complete"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    assert_eq!(predicted(&report, Platform::Android), Some("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID"));
    assert_eq!(report.predicted[&Platform::Android].errno, Some(600001));
}

#[test]
fn rule_15_expired_and_not_yet_valid_show_201() {
    for name in ["expired", "notyet"] {
        let report = run(name);
        assert_eq!(ids(&report), vec!["cert.date.valid"], "{name}");
        assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
        assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -201:net::ERR_CERT_DATE_INVALID"));
    }
}

#[test]
fn rule_15_a_wrong_host_shows_200() {
    let report = diagnose_chain(&fixture("good"), &options("other.wxnet.test")).unwrap();
    assert_eq!(ids(&report), vec!["cert.name.san"]);
    assert_eq!(predicted(&report, Platform::Android), Some("request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID"));
}

#[test]
fn rule_15_an_expired_self_signed_certificate_shows_202_not_201() {
    let report = run("selfsigned");
    assert_eq!(ids(&report), vec!["cert.selfsigned"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    let later = Options { now: parse_iso_time("2027-01-01").unwrap(), ..options(HOST) };
    let report = diagnose_chain(&fixture("selfsigned"), &later).unwrap();
    assert_eq!(ids(&report), vec!["cert.selfsigned", "cert.date.valid"]);
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID"));
}

#[test]
fn rule_11_an_untrusted_root_is_202_everywhere() {
    let report = run("untrusted");
    assert_eq!(ids(&report), vec!["chain.trusted", "chain.anchor_sent"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    assert_eq!(predicted(&report, Platform::Devtools), Some("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID"));
}

#[test]
fn rule_11_a_leaf_alone_fails_on_android_only() {
    let report = run("leafonly");
    assert_eq!(ids(&report), vec!["chain.complete", "chain.complete"]);
    assert_eq!(report.findings[0].platforms, vec![Platform::Android]);
    assert!(report.findings[1].message.contains("http://ca.wxnet.test/issuer.cer"));
    assert_eq!(verdicts(&report), [Risk, Fail, Risk]);
    assert_eq!(predicted(&report, Platform::Android), Some("request:fail -202:net::ERR_CERT_AUTHORITY_INVALID"));
    assert_eq!(predicted(&report, Platform::Ios), None);
}

#[test]
fn rule_11_order_and_a_sent_root_are_warnings() {
    let report = run("wrongorder");
    assert_eq!(ids(&report), vec!["chain.order", "chain.anchor_sent"]);
    assert_eq!(verdicts(&report), [Pass, Pass, Pass]);
    let report = run("rootincluded");
    assert_eq!(ids(&report), vec!["chain.anchor_sent"]);
    assert_eq!(report.findings[0].severity, Severity::Info);
}

#[test]
fn rule_11_rsa_1024_fails_on_ios() {
    let report = run("rsa1024");
    assert_eq!(ids(&report), vec!["cert.key.size"]);
    assert_eq!(verdicts(&report), [Fail, Pass, Pass]);
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -207:net::ERR_CERT_INVALID"));
}

#[test]
fn rule_15_a_sha1_intermediate_is_208_on_android_and_207_on_ios() {
    let report = run("sha1inter");
    assert_eq!(ids(&report), vec!["cert.sig.sha2"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    assert_eq!(predicted(&report, Platform::Android), Some("request:fail -208:net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM"));
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -207:net::ERR_CERT_INVALID"));
}

#[test]
fn rule_11_a_cn_without_san_names_nothing() {
    let report = run("nosan");
    assert_eq!(ids(&report), vec!["cert.name.san"]);
    assert!(report.findings[0].message.contains("no subjectAltName"));
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID"));
}

#[test]
fn rule_11_a_400_day_lifetime_is_reported_and_exempt_under_a_private_root() {
    let report = run("lifetime400");
    assert_eq!(ids(&report), vec!["cert.lifetime"]);
    assert_eq!(report.findings[0].severity, Severity::Warn);
    assert!(report.findings[0].message.contains("valid for 400 days"), "{}", report.findings[0].message);
    assert_eq!(verdicts(&report), [Pass, Pass, Pass]);
}

#[test]
fn rule_11_lifetime_limits_follow_not_before() {
    assert_eq!(lifetime_limit(date(2020, 8, 31)), Some(825));
    assert_eq!(lifetime_limit(date(2020, 9, 1)), Some(398));
    assert_eq!(lifetime_limit(date(2026, 3, 15)), Some(200));
    assert_eq!(lifetime_limit(date(2027, 3, 15)), Some(100));
    assert_eq!(lifetime_limit(date(2029, 3, 15)), Some(47));
    assert_eq!(lifetime_limit(date(2019, 1, 1)), None);
}

#[test]
fn rule_15_no_server_auth_eku_is_207() {
    let report = run("noeku");
    assert_eq!(ids(&report), vec!["cert.eku.serverauth"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    assert_eq!(predicted(&report, Platform::Android), Some("request:fail -207:net::ERR_CERT_INVALID"));
}

fn with_tls(versions: [Option<bool>; 4], ciphers: &[&str]) -> Report {
    let facts = HandshakeFacts {
        versions: Versions { tls1_0: versions[0], tls1_1: versions[1], tls1_2: versions[2], tls1_3: versions[3] },
        ciphers: Some(ciphers.iter().map(|c| c.to_string()).collect()),
        ocsp_staple: None,
        no_sni_certificate_differs: None,
    };
    diagnose_chain(&fixture("good"), &Options { tls: Some(facts), ..options(HOST) }).unwrap()
}

#[test]
fn rule_11_tls_1_0_and_1_1_only_is_113_and_the_devtools_tls_message() {
    let report = with_tls([Some(true), Some(true), Some(false), Some(false)], &[]);
    assert_eq!(ids(&report), vec!["tls.version.min12", "tls.version.legacy"]);
    assert_eq!(verdicts(&report), [Fail, Fail, Fail]);
    assert_eq!(
        predicted(&report, Platform::Android),
        Some("request:fail -113:net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH")
    );
    assert_eq!(predicted(&report, Platform::Devtools), Some("request:fail 小程序要求的 TLS 版本必须大于等于 1.2"));
}

#[test]
fn rule_11_tls_1_3_only_is_a_risk_on_android() {
    let report = with_tls([Some(false), Some(false), Some(false), Some(true)], &[]);
    assert_eq!(ids(&report), vec!["tls.version.tls12_present"]);
    assert_eq!(verdicts(&report), [Pass, Risk, Pass]);
}

#[test]
fn rule_11_no_forward_secret_suite_fails_ats() {
    let report = with_tls([Some(false), Some(false), Some(true), Some(false)], &["TLS_RSA_WITH_AES_128_GCM_SHA256"]);
    assert_eq!(ids(&report), vec!["tls.cipher.ats_fs"]);
    assert_eq!(verdicts(&report), [Fail, Pass, Pass]);
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -113:net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH"));
    let good = with_tls([Some(false), Some(false), Some(true), Some(true)], &["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]);
    assert_eq!(verdicts(&good), [Pass, Pass, Pass]);
}

#[test]
fn rule_11_bad_inputs_are_errors_or_findings() {
    assert_eq!(diagnose_chain(&[], &options(HOST)).unwrap_err().code, "tls/chain");
    assert_eq!(diagnose_chain(&fixture("good"), &options("not a host")).unwrap_err().code, "tls/options");
    let report = diagnose_chain(&[b"garbage".to_vec()], &options(HOST)).unwrap();
    assert_eq!(ids(&report), vec!["cert.parse"]);
    assert_eq!(predicted(&report, Platform::Ios), Some("request:fail -207:net::ERR_CERT_INVALID"));
    assert_eq!(chain_from_bytes(b"nothing").unwrap_err().code, "tls/chain");
}

#[test]
fn iso_times_round_trip() {
    assert_eq!(iso_time(0), "1970-01-01T00:00:00Z");
    assert_eq!(parse_iso_time("2026-03-15"), Some(date(2026, 3, 15)));
    assert_eq!(iso_time(parse_iso_time("2029-12-31T23:59:59.5Z").unwrap()), "2029-12-31T23:59:59Z");
    assert_eq!(parse_iso_time("2026-13-01"), None);
    assert_eq!(parse_iso_time("tomorrow"), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn diagnose_chain_never_panics_on_random_der(chain in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..600), 1..4)) {
        let _ = diagnose_chain(&chain, &options(HOST));
    }

    #[test]
    fn diagnose_chain_never_panics_on_mutated_certificates(index in 0usize..2, position in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<prop::sample::Index>()) {
        let mut chain = fixture("good");
        let at = position.index(chain[index].len());
        chain[index][at] = byte;
        let _ = diagnose_chain(&chain, &options(HOST));
        let keep = cut.index(chain[index].len());
        chain[index].truncate(keep);
        let _ = diagnose_chain(&chain, &options(HOST));
    }

    #[test]
    fn iso_parsing_never_panics(text in any::<String>()) {
        let _ = parse_iso_time(&text);
    }
}

#[test]
fn rule_11_a_remembered_signature_never_vouches_for_another_message() {
    use pki_types::SignatureVerificationAlgorithm;
    let chain = fixture("good");
    let (_, leaf) = X509Certificate::from_der(&chain[0]).unwrap();
    let (_, issuer) = X509Certificate::from_der(&chain[1]).unwrap();
    let key = issuer.public_key().subject_public_key.data.to_vec();
    let message = leaf.tbs_certificate.as_ref().to_vec();
    let signature = leaf.signature_value.data.to_vec();
    let verifier = verify::Verifier::default();
    let algorithms = verifier.algorithms();
    let sha256_rsa = &algorithms[1];
    assert!(sha256_rsa.verify_signature(&key, &message, &signature).is_ok());
    let mut tampered = message.clone();
    *tampered.last_mut().unwrap() ^= 1;
    assert!(sha256_rsa.verify_signature(&key, &tampered, &signature).is_err());
    assert!(sha256_rsa.verify_signature(&key, &message, &signature).is_ok());
}
