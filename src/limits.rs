//! The client's limits on network calls (RULES.md §6, §9): how many calls of each API
//! may run at once, how long a call survives the app going to the background, the
//! largest download and the longest socket close reason. The wx shim enforces them
//! (timers and counters are I/O and live in JS); this is where their values are.

use crate::api::Api;
use crate::timeout;
use serde::Serialize;

/// After the app goes to the background, calls still running this long fail with
/// `interrupted` (errno 600003).
pub const BACKGROUND_GRACE_MS: u32 = 5_000;
/// downloadFile refuses bodies above 200 MB.
pub const MAX_DOWNLOAD_BYTES: u32 = 200 * 1024 * 1024;
/// SocketTask.close's reason may hold at most 123 bytes of UTF-8 (the WebSocket
/// close frame's 125-byte payload less the 2-byte code).
pub const MAX_CLOSE_REASON_BYTES: u32 = 123;

impl Api {
    /// Concurrent calls the client allows: a separate counter per API, 10 for
    /// request, uploadFile and downloadFile, 5 for connectSocket.
    pub fn max_concurrent(self) -> u32 {
        match self {
            Api::ConnectSocket => 5,
            Api::Request | Api::UploadFile | Api::DownloadFile => 10,
        }
    }
}

/// Every limit, as the JS glue receives it (`networkLimits()`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkLimits {
    /// Per API name, in the order of [`Api::ALL`].
    pub concurrent: Concurrent,
    pub background_grace_ms: u32,
    pub max_download_bytes: u32,
    pub max_close_reason_bytes: u32,
    pub default_timeout_ms: f64,
    pub max_timeout_ms: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Concurrent {
    pub request: u32,
    pub upload_file: u32,
    pub download_file: u32,
    pub connect_socket: u32,
}

pub fn network_limits() -> NetworkLimits {
    NetworkLimits {
        concurrent: Concurrent {
            request: Api::Request.max_concurrent(),
            upload_file: Api::UploadFile.max_concurrent(),
            download_file: Api::DownloadFile.max_concurrent(),
            connect_socket: Api::ConnectSocket.max_concurrent(),
        },
        background_grace_ms: BACKGROUND_GRACE_MS,
        max_download_bytes: MAX_DOWNLOAD_BYTES,
        max_close_reason_bytes: MAX_CLOSE_REASON_BYTES,
        default_timeout_ms: timeout::DEFAULT_MS,
        max_timeout_ms: timeout::MAX_MS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_6_ten_requests_uploads_and_downloads_and_five_sockets_at_once() {
        let limits = network_limits();
        assert_eq!(
            (limits.concurrent.request, limits.concurrent.upload_file, limits.concurrent.download_file),
            (10, 10, 10)
        );
        assert_eq!(limits.concurrent.connect_socket, 5);
    }

    #[test]
    fn rule_6_calls_survive_five_seconds_in_the_background() {
        assert_eq!(network_limits().background_grace_ms, 5_000);
    }

    #[test]
    fn rule_9_downloads_stop_at_200_mb_and_close_reasons_at_123_bytes() {
        let limits = network_limits();
        assert_eq!(limits.max_download_bytes, 209_715_200);
        assert_eq!(limits.max_close_reason_bytes, 123);
    }

    #[test]
    fn rule_4_default_and_maximum_timeout_are_60_seconds() {
        let limits = network_limits();
        assert_eq!((limits.default_timeout_ms, limits.max_timeout_ms), (60_000.0, 60_000.0));
    }
}
