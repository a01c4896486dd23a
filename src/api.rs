//! The four network APIs the rules speak of (RULES.md §1, §4): `request`,
//! `uploadFile`, `downloadFile`, `connectSocket`. Each has its own domain list,
//! its own timeout and its own URL schemes.

use crate::domains::Field;
use crate::error::{quote, Error, ErrorCode};

/// The four APIs; the index in [`Api::ALL`] is the number the wasm boundary takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Api {
    Request,
    UploadFile,
    DownloadFile,
    ConnectSocket,
}

impl Api {
    pub const ALL: [Api; 4] = [Api::Request, Api::UploadFile, Api::DownloadFile, Api::ConnectSocket];
    /// The public names, in [`Api::ALL`] order.
    pub const NAMES: [&'static str; 4] = ["request", "uploadFile", "downloadFile", "connectSocket"];

    pub fn name(self) -> &'static str {
        Api::NAMES[self as usize]
    }

    /// `Err` with code `arg/api` for anything but the four names.
    pub fn parse(name: &str) -> Result<Api, Error> {
        Api::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| Api::unknown(format!("api {} must be one of {}", quote(name), Api::NAMES.join(", "))))
    }

    /// The `arg/api` error for an argument that is not a string (`got number`).
    pub fn not_a_name(type_name: &str) -> Error {
        Api::unknown(format!("api must be one of {}, got {type_name}", Api::NAMES.join(", ")))
    }

    fn unknown(message: String) -> Error {
        Error::new(ErrorCode::ArgApi, message)
    }

    pub fn from_index(index: u32) -> Option<Api> {
        Api::ALL.get(index as usize).copied()
    }

    /// The domain list this API consults.
    pub fn field(self) -> Field {
        match self {
            Api::Request => Field::Request,
            Api::UploadFile => Field::Upload,
            Api::DownloadFile => Field::Download,
            Api::ConnectSocket => Field::WsRequest,
        }
    }

    /// (secure, plain) scheme: the only two this API ever uses.
    pub fn schemes(self) -> (&'static str, &'static str) {
        match self {
            Api::ConnectSocket => ("wss", "ws"),
            _ => ("https", "http"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_1_each_api_has_its_own_list_and_schemes() {
        assert_eq!(Api::parse("request").unwrap().field().key(), "requestdomain");
        assert_eq!(Api::parse("connectSocket").unwrap().field().key(), "wsrequestdomain");
        assert_eq!(Api::parse("uploadFile").unwrap().schemes(), ("https", "http"));
        assert_eq!(Api::parse("connectSocket").unwrap().schemes(), ("wss", "ws"));
        assert_eq!(Api::parse("Request").unwrap_err().code, "arg/api");
        assert_eq!(Api::from_index(4), None);
    }
}
