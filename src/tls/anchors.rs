//! The root stores the phones trust (RULES.md §11), as trust anchors: Apple's (iOS),
//! Android 13's and Mozilla's (Chromium on a desktop, DevTools). The PEM bundles live
//! in `data/trust-stores/`; `anchors.bin` holds what verification needs of them (the
//! subject, the SubjectPublicKeyInfo and any name constraints), each root once with
//! the set of stores that hold it, so the tools module carries ~100 KB instead of
//! three 200 KB bundles. The test `stores_are_current` rebuilds it from the PEM files
//! (`WXNET_WRITE_ANCHORS=1 cargo test --features tls stores_are_current` writes it).

use pki_types::{Der, TrustAnchor};

/// A platform whose verdict the doctor gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    Ios,
    Android,
    Devtools,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Platform::Ios, Platform::Android, Platform::Devtools];

    pub fn name(self) -> &'static str {
        match self {
            Platform::Ios => "ios",
            Platform::Android => "android",
            Platform::Devtools => "devtools",
        }
    }

    pub fn parse(name: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The store each platform trusts: Apple's, Android's, Mozilla's (Chromium).
    pub fn store_name(self) -> &'static str {
        match self {
            Platform::Ios => "apple",
            Platform::Android => "android-13",
            Platform::Devtools => "mozilla",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

static ANCHORS: &[u8] = include_bytes!("anchors.bin");

/// One record of `anchors.bin`: `[stores bit set][u16 length, subject][u16, spki][u16, name constraints]`.
fn records() -> impl Iterator<Item = (u8, TrustAnchor<'static>)> {
    let mut rest = ANCHORS;
    std::iter::from_fn(move || {
        let (&mask, after) = rest.split_first()?;
        rest = after;
        let mut field = || {
            let length = usize::from(u16::from_be_bytes([*rest.first()?, *rest.get(1)?]));
            let value = rest.get(2..2 + length)?;
            rest = &rest[2 + length..];
            Some(value)
        };
        let (subject, spki, constraints) = (field()?, field()?, field()?);
        let anchor = TrustAnchor {
            subject: Der::from_slice(subject),
            subject_public_key_info: Der::from_slice(spki),
            name_constraints: (!constraints.is_empty()).then(|| Der::from_slice(constraints)),
        };
        Some((mask, anchor))
    })
}

/// The built-in anchors of one platform's store.
pub fn builtin(platform: Platform) -> Vec<TrustAnchor<'static>> {
    records().filter(|(mask, _)| mask & platform.bit() != 0).map(|(_, anchor)| anchor).collect()
}

/// Encodes anchors with their store bit sets as `anchors.bin` holds them.
#[cfg(test)]
fn encode(anchors: &[(u8, TrustAnchor)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (mask, anchor) in anchors {
        out.push(*mask);
        let constraints = anchor.name_constraints.as_ref().map_or(&[][..], |nc| nc.as_ref());
        for field in [anchor.subject.as_ref(), anchor.subject_public_key_info.as_ref(), constraints] {
            out.extend_from_slice(&(field.len() as u16).to_be_bytes());
            out.extend_from_slice(field);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tls::pem;

    fn from_pem_files() -> Vec<u8> {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut anchors: Vec<(u8, TrustAnchor<'static>)> = Vec::new();
        for platform in Platform::ALL {
            let path = format!("{root}/data/trust-stores/{}.pem", platform.store_name());
            let text = std::fs::read_to_string(&path).expect("the store's PEM file");
            for der in pem::certificates(&text) {
                let der: &'static [u8] = Box::leak(der.into_boxed_slice());
                let cert = pki_types::CertificateDer::from(der);
                let Ok(anchor) = webpki::anchor_from_trusted_cert(&cert) else { continue };
                let anchor = anchor.to_owned();
                // The same key under the same name is the same root, whichever store holds it.
                match anchors.iter_mut().find(|(_, a)| {
                    a.subject_public_key_info == anchor.subject_public_key_info && a.subject == anchor.subject
                }) {
                    Some((mask, _)) => *mask |= platform.bit(),
                    None => anchors.push((platform.bit(), anchor)),
                }
            }
        }
        encode(&anchors)
    }

    #[test]
    fn rule_11_stores_are_current() {
        let fresh = from_pem_files();
        let path = format!("{}/src/tls/anchors.bin", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("WXNET_WRITE_ANCHORS").is_some() {
            std::fs::write(&path, &fresh).expect("write anchors.bin");
        }
        assert!(
            fresh == ANCHORS,
            "src/tls/anchors.bin is stale: run WXNET_WRITE_ANCHORS=1 cargo test --features tls stores_are_current"
        );
    }

    #[test]
    fn rule_11_each_platform_has_its_own_store() {
        let counts: Vec<usize> = Platform::ALL.iter().map(|p| builtin(*p).len()).collect();
        assert!(counts.iter().all(|n| *n > 100), "{counts:?}");
        assert_ne!(counts[0], counts[1]);
    }
}
