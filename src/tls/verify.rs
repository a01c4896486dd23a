//! The signature algorithms handed to rustls-webpki, implemented with RustCrypto (no C,
//! no ring, nothing random): RSA PKCS#1 v1.5 with SHA-256/384/512, RSA-PSS, ECDSA P-256
//! and P-384 with SHA-256/384, Ed25519. The SHA-1 ones are used only to tell an
//! untrusted chain from a trusted one signed with SHA-1, which is its own finding.

use pki_types::alg_id;
use pki_types::{AlgorithmIdentifier, InvalidSignature, SignatureVerificationAlgorithm};
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};

/// `sha1WithRSAEncryption` with its NULL parameters (pki-types has no constant for it).
const RSA_PKCS1_SHA1: AlgorithmIdentifier =
    AlgorithmIdentifier::from_slice(&[0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05, 0x05, 0x00]);

#[derive(Debug, Clone, Copy)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            Hash::Sha1 => Sha1::digest(message).to_vec(),
            Hash::Sha256 => Sha256::digest(message).to_vec(),
            Hash::Sha384 => Sha384::digest(message).to_vec(),
            Hash::Sha512 => Sha512::digest(message).to_vec(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Scheme {
    RsaPkcs1(Hash),
    RsaPss(Hash),
    EcdsaP256(Hash),
    EcdsaP384(Hash),
    Ed25519,
}

#[derive(Debug)]
struct Algorithm {
    scheme: Scheme,
    public_key: AlgorithmIdentifier,
    signature: AlgorithmIdentifier,
}

/// An RSA key of any size up to 16384 bits (rsa's own parser stops at 4096, which
/// would refuse an 8192-bit issuer; the doctor reports small keys itself).
fn rsa_key(pkcs1: &[u8]) -> Option<RsaPublicKey> {
    use rsa::pkcs1::der::Decode;
    let key = rsa::pkcs1::RsaPublicKey::from_der(pkcs1).ok()?;
    let n = BigUint::from_bytes_be(key.modulus.as_bytes());
    let e = BigUint::from_bytes_be(key.public_exponent.as_bytes());
    RsaPublicKey::new_with_max_size(n, e, 16384).ok()
}

fn verify(scheme: Scheme, public_key: &[u8], message: &[u8], signature: &[u8]) -> Option<()> {
    use p256::ecdsa::signature::hazmat::PrehashVerifier;
    match scheme {
        Scheme::RsaPkcs1(hash) => {
            let padding = match hash {
                Hash::Sha1 => Pkcs1v15Sign::new::<Sha1>(),
                Hash::Sha256 => Pkcs1v15Sign::new::<Sha256>(),
                Hash::Sha384 => Pkcs1v15Sign::new::<Sha384>(),
                Hash::Sha512 => Pkcs1v15Sign::new::<Sha512>(),
            };
            rsa_key(public_key)?.verify(padding, &hash.digest(message), signature).ok()
        }
        Scheme::RsaPss(hash) => {
            let padding = match hash {
                Hash::Sha1 => Pss::new::<Sha1>(),
                Hash::Sha256 => Pss::new::<Sha256>(),
                Hash::Sha384 => Pss::new::<Sha384>(),
                Hash::Sha512 => Pss::new::<Sha512>(),
            };
            rsa_key(public_key)?.verify(padding, &hash.digest(message), signature).ok()
        }
        Scheme::EcdsaP256(hash) => {
            let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(public_key).ok()?;
            let signature = p256::ecdsa::Signature::from_der(signature).ok()?;
            key.verify_prehash(&hash.digest(message), &signature).ok()
        }
        Scheme::EcdsaP384(hash) => {
            let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(public_key).ok()?;
            let signature = p384::ecdsa::Signature::from_der(signature).ok()?;
            key.verify_prehash(&hash.digest(message), &signature).ok()
        }
        Scheme::Ed25519 => {
            use ed25519_dalek::Verifier;
            let key = ed25519_dalek::VerifyingKey::from_bytes(public_key.try_into().ok()?).ok()?;
            let signature = ed25519_dalek::Signature::from_slice(signature).ok()?;
            key.verify(message, &signature).ok()
        }
    }
}

impl SignatureVerificationAlgorithm for Algorithm {
    fn verify_signature(&self, public_key: &[u8], message: &[u8], signature: &[u8]) -> Result<(), InvalidSignature> {
        verify(self.scheme, public_key, message, signature).ok_or(InvalidSignature)
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.public_key
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.signature
    }
}

macro_rules! algorithms {
    ($( $name:ident: $scheme:expr, $public_key:expr, $signature:expr; )*) => {
        $( static $name: Algorithm = Algorithm { scheme: $scheme, public_key: $public_key, signature: $signature }; )*
    };
}

algorithms! {
    RSA_PKCS1_SHA1_ALG: Scheme::RsaPkcs1(Hash::Sha1), alg_id::RSA_ENCRYPTION, RSA_PKCS1_SHA1;
    RSA_PKCS1_SHA256_ALG: Scheme::RsaPkcs1(Hash::Sha256), alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA256;
    RSA_PKCS1_SHA384_ALG: Scheme::RsaPkcs1(Hash::Sha384), alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA384;
    RSA_PKCS1_SHA512_ALG: Scheme::RsaPkcs1(Hash::Sha512), alg_id::RSA_ENCRYPTION, alg_id::RSA_PKCS1_SHA512;
    RSA_PSS_SHA256_ALG: Scheme::RsaPss(Hash::Sha256), alg_id::RSA_ENCRYPTION, alg_id::RSA_PSS_SHA256;
    RSA_PSS_SHA384_ALG: Scheme::RsaPss(Hash::Sha384), alg_id::RSA_ENCRYPTION, alg_id::RSA_PSS_SHA384;
    RSA_PSS_SHA512_ALG: Scheme::RsaPss(Hash::Sha512), alg_id::RSA_ENCRYPTION, alg_id::RSA_PSS_SHA512;
    ECDSA_P256_SHA256_ALG: Scheme::EcdsaP256(Hash::Sha256), alg_id::ECDSA_P256, alg_id::ECDSA_SHA256;
    ECDSA_P256_SHA384_ALG: Scheme::EcdsaP256(Hash::Sha384), alg_id::ECDSA_P256, alg_id::ECDSA_SHA384;
    ECDSA_P384_SHA256_ALG: Scheme::EcdsaP384(Hash::Sha256), alg_id::ECDSA_P384, alg_id::ECDSA_SHA256;
    ECDSA_P384_SHA384_ALG: Scheme::EcdsaP384(Hash::Sha384), alg_id::ECDSA_P384, alg_id::ECDSA_SHA384;
    ED25519_ALG: Scheme::Ed25519, alg_id::ED25519, alg_id::ED25519;
}

/// Every algorithm the phones accept, plus SHA-1 (see the module docs).
static ALGORITHMS: &[&dyn SignatureVerificationAlgorithm] = &[
    &RSA_PKCS1_SHA1_ALG,
    &RSA_PKCS1_SHA256_ALG,
    &RSA_PKCS1_SHA384_ALG,
    &RSA_PKCS1_SHA512_ALG,
    &RSA_PSS_SHA256_ALG,
    &RSA_PSS_SHA384_ALG,
    &RSA_PSS_SHA512_ALG,
    &ECDSA_P256_SHA256_ALG,
    &ECDSA_P256_SHA384_ALG,
    &ECDSA_P384_SHA256_ALG,
    &ECDSA_P384_SHA384_ALG,
    &ED25519_ALG,
];

/// The algorithms with a memory of the signatures already checked: one diagnosis
/// verifies the same chain against three stores, and RSA in wasm costs ~1 ms a check.
#[derive(Debug, Default)]
pub struct Verifier {
    checked: std::sync::Mutex<Vec<Checked>>,
}

/// A signature, the key and the message it was checked with, and whether it held.
type Checked = (Vec<u8>, Vec<u8>, Vec<u8>, bool);

#[derive(Debug)]
pub struct Remembering<'v> {
    algorithm: &'static dyn SignatureVerificationAlgorithm,
    verifier: &'v Verifier,
}

impl SignatureVerificationAlgorithm for Remembering<'_> {
    fn verify_signature(&self, public_key: &[u8], message: &[u8], signature: &[u8]) -> Result<(), InvalidSignature> {
        let Ok(mut checked) = self.verifier.checked.lock() else {
            return self.algorithm.verify_signature(public_key, message, signature);
        };
        // The whole triple is the key: a tampered certificate may reuse a good signature.
        let same = |(s, k, m, _): &&Checked| s == signature && k == public_key && m == message;
        if let Some((.., ok)) = checked.iter().find(same) {
            return if *ok { Ok(()) } else { Err(InvalidSignature) };
        }
        let result = self.algorithm.verify_signature(public_key, message, signature);
        checked.push((signature.to_vec(), public_key.to_vec(), message.to_vec(), result.is_ok()));
        result
    }

    fn public_key_alg_id(&self) -> AlgorithmIdentifier {
        self.algorithm.public_key_alg_id()
    }

    fn signature_alg_id(&self) -> AlgorithmIdentifier {
        self.algorithm.signature_alg_id()
    }
}

impl Verifier {
    pub fn algorithms(&self) -> Vec<Remembering<'_>> {
        ALGORITHMS.iter().map(|algorithm| Remembering { algorithm: *algorithm, verifier: self }).collect()
    }
}
