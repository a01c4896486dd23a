//! The packed-verdict layout of the URL check boundary, shared with
//! `pkg-template/core/rules.mjs` through the generated `core/abi.generated.mjs`
//! (`crates/wxnet-codegen` renders [`js_constants`]).
//!
//! `DomainPolicy.check` returns one f64 holding 53 bits: `high * HIGH_WORD + low`.
//! `checkBatch` returns two u32 per URL: `high | fetch` and `low`.
//! - `high = reason | (port + 1) << PORT_SHIFT` (port 0 = none written; 17 bits);
//! - `low = hostStart | hostLength << SPAN_LENGTH_SHIFT` when the WHATWG host appears
//!   verbatim in the input at that UTF-16 offset, else 0 and the host is fetched with
//!   `takeCheckedHosts()` (in a batch, [`FETCH_HOST`] marks the URLs whose host is).

use wxnet::api::Api;
use wxnet::url_check::Reason;

/// `flags` bit: apply the domain lists (`urlCheck` not false).
pub const FLAG_URL_CHECK: u32 = 1;
/// `flags` bit: the LAN exception applies (`lanIp`, `lanPrefix` given).
pub const FLAG_LAN: u32 = 2;
/// `flags` bit: sockets need the port as listed (`wssPortCheck`).
pub const FLAG_WSS_PORT_CHECK: u32 = 4;
/// The low bits of `high` holding the reason code (`Reason as u8`).
pub const REASON_MASK: u32 = 0xF;
/// `high >> PORT_SHIFT` is the written port + 1.
pub const PORT_SHIFT: u32 = 4;
/// The port + 1 field: up to 65536, 17 bits.
pub const PORT_MASK: u32 = 0x1_FFFF;
/// In a batch, the URL's host is the next of `takeCheckedHosts()`.
pub const FETCH_HOST: u32 = 1 << 21;
/// `low & SPAN_START_MASK` is the host's UTF-16 offset in the URL.
pub const SPAN_START_MASK: u32 = 0xFFFF;
/// `low >>> SPAN_LENGTH_SHIFT` is the host's length.
pub const SPAN_LENGTH_SHIFT: u32 = 16;
/// `check`'s f64 is `high * HIGH_WORD + low`.
pub const HIGH_WORD: f64 = 4_294_967_296.0;
/// The reason code of `invalid-url`: the only verdict without a host.
pub const INVALID_URL: u32 = Reason::InvalidUrl as u32;
/// Joins the URLs of a batch (and the hosts of `takeCheckedHosts()`).
pub const BATCH_SEPARATOR: char = '\0';

// The fields must not overlap.
const _: () = assert!(REASON_MASK < 1 << PORT_SHIFT && (PORT_MASK << PORT_SHIFT) < FETCH_HOST);
const _: () = assert!((Reason::ALL.len() as u32) <= REASON_MASK + 1);

/// The constants as JS: `(name, literal, doc)`, in output order. `API_NAMES` is the
/// API index the boundary takes (`Api::ALL` order).
pub fn js_constants() -> Vec<(&'static str, String, &'static str)> {
    let hex = |value: u32| format!("0x{value:x}");
    let names: Vec<String> = Api::ALL.iter().map(|api| format!("'{}'", api.name())).collect();
    vec![
        (
            "API_NAMES",
            format!("Object.freeze([{}])", names.join(", ")),
            "The API names; the index is the `api` number `check`/`checkBatch` take.",
        ),
        ("FLAG_URL_CHECK", FLAG_URL_CHECK.to_string(), "`flags` bit: apply the domain lists (`urlCheck` not false)."),
        ("FLAG_LAN", FLAG_LAN.to_string(), "`flags` bit: the LAN exception applies."),
        ("FLAG_WSS_PORT_CHECK", FLAG_WSS_PORT_CHECK.to_string(), "`flags` bit: sockets need the port as listed."),
        ("REASON_MASK", hex(REASON_MASK), "The reason code in the high word."),
        ("PORT_SHIFT", PORT_SHIFT.to_string(), "`high >>> PORT_SHIFT` is the written port + 1."),
        ("PORT_MASK", hex(PORT_MASK), "The port + 1 field (17 bits)."),
        ("FETCH_HOST", hex(FETCH_HOST), "Batch: the host is the next of takeCheckedHosts()."),
        ("SPAN_START_MASK", hex(SPAN_START_MASK), "`low & SPAN_START_MASK` is the host's offset in the URL."),
        ("SPAN_LENGTH_SHIFT", SPAN_LENGTH_SHIFT.to_string(), "`low >>> SPAN_LENGTH_SHIFT` is the host's length."),
        ("HIGH_WORD", format!("{HIGH_WORD}"), "check()'s number is `high * HIGH_WORD + low`."),
        ("INVALID_URL", INVALID_URL.to_string(), "The reason code of `invalid-url` (no host)."),
        ("BATCH_SEPARATOR", "'\\u0000'".to_string(), "Joins the URLs of a batch and the fetched hosts."),
    ]
}
