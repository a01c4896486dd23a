//! The file paths a mini program may hand to `uploadFile` and `downloadFile`
//! (RULES.md §9): only the file store's own paths, never a path of the machine.
//!
//! A previewed mini program is untrusted code, so `filePath` is parsed here, once,
//! before any file store touches the disk. Accepted shapes, as the client and
//! DevTools write them:
//!
//! | path                    | area       | relative path in the store |
//! |-------------------------|------------|----------------------------|
//! | `wxfile://tmp_<name>`   | temporary  | `tmp_<name>`               |
//! | `wxfile://store_<name>` | saved      | `store_<name>`             |
//! | `wxfile://usr/<path>`   | user data  | `usr/<path>`               |
//! | `http://tmp/<name>`     | temporary  | `tmp/<name>`               |
//! | `http://usr/<path>`     | user data  | `usr/<path>`               |
//!
//! Everything else is refused: absolute paths, `..` and `.` segments, empty
//! segments, backslashes, NUL and control characters, and percent-encoded dots,
//! slashes and backslashes (`%2e`, `%2f`, `%5c`), which some layer could decode
//! into a traversal later. Symbolic links are an I/O matter: the Node store checks
//! that the real path stays inside its root.

use crate::error::{quote, Error, ErrorCode};

/// `wx.env.USER_DATA_PATH`: the user-data area, the only place downloadFile may write.
pub const USER_DATA_PATH: &str = "wxfile://usr";

/// The longest store path accepted, in bytes (Linux's PATH_MAX).
pub const MAX_PATH_BYTES: usize = 4096;

/// Which part of the store a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreArea {
    Temporary,
    Saved,
    UserData,
}

impl StoreArea {
    pub fn name(self) -> &'static str {
        match self {
            StoreArea::Temporary => "temporary",
            StoreArea::Saved => "saved",
            StoreArea::UserData => "user-data",
        }
    }
}

impl StoreArea {
    pub fn from_name(name: &str) -> Option<StoreArea> {
        [StoreArea::Temporary, StoreArea::Saved, StoreArea::UserData].into_iter().find(|area| area.name() == name)
    }

    /// How a path of this area starts: `wxfile://tmp_`, `wxfile://store_`, `wxfile://usr/`.
    pub fn prefix(self) -> &'static str {
        match self {
            StoreArea::Temporary => "wxfile://tmp_",
            StoreArea::Saved => "wxfile://store_",
            StoreArea::UserData => "wxfile://usr/",
        }
    }
}

/// The store path of `name` in `area`, as the platform mints it (`wxfile://tmp_<name>`
/// for a download's temporary file, where `name` is random plus the extension);
/// `file/path` when the result is not a store path (`name` with `..`, `/` in a
/// temporary name, …).
pub fn store_path(area: StoreArea, name: &str) -> Result<String, Error> {
    let path = format!("{}{name}", area.prefix());
    let parsed = parse_store_path(&path)?;
    let nested = parsed.relative.contains('/') && area != StoreArea::UserData;
    if parsed.area != area || nested {
        return Err(Error::new(
            ErrorCode::FilePath,
            format!("{} is not a name for the {} area", quote(name), area.name()),
        ));
    }
    Ok(path)
}

/// A checked store path: its area and the path relative to the store's root,
/// with `/` separators, no empty, `.` or `..` segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorePath {
    pub area: StoreArea,
    pub relative: String,
}

/// Parses a `filePath`; the error (`file/path`) says why it is not a store path.
pub fn parse_store_path(path: &str) -> Result<StorePath, Error> {
    let refuse =
        |why: &str| Error::new(ErrorCode::FilePath, format!("{} is not a wx file store path: {why}", quote(path)));
    if path.len() > MAX_PATH_BYTES {
        return Err(refuse("longer than 4096 bytes"));
    }
    let (area, relative) = if let Some(rest) = path.strip_prefix("wxfile://") {
        if rest.starts_with("tmp_") {
            (StoreArea::Temporary, rest.to_string())
        } else if rest.starts_with("store_") {
            (StoreArea::Saved, rest.to_string())
        } else if rest.starts_with("usr/") {
            (StoreArea::UserData, rest.to_string())
        } else {
            return Err(refuse("expected wxfile://tmp_…, wxfile://store_… or wxfile://usr/…"));
        }
    } else if let Some(rest) = path.strip_prefix("http://tmp/") {
        (StoreArea::Temporary, format!("tmp/{rest}"))
    } else if let Some(rest) = path.strip_prefix("http://usr/") {
        (StoreArea::UserData, format!("usr/{rest}"))
    } else {
        return Err(refuse("expected wxfile://tmp_…, wxfile://usr/… (or http://tmp/…, http://usr/…)"));
    };
    for segment in relative.split('/') {
        match segment {
            "" => return Err(refuse("empty path segment")),
            "." | ".." => return Err(refuse("`.` and `..` segments are not allowed")),
            _ => {}
        }
        if segment.chars().any(|c| c == '\\' || c.is_control()) {
            return Err(refuse("backslashes and control characters are not allowed"));
        }
        if has_encoded_separator(segment) {
            return Err(refuse("percent-encoded `.`, `/` and `\\` are not allowed"));
        }
    }
    Ok(StorePath { area, relative })
}

fn has_encoded_separator(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    bytes.windows(3).any(|w| {
        w[0] == b'%' && matches!((w[1], w[2].to_ascii_lowercase()), (b'2', b'e') | (b'2', b'f') | (b'5', b'c'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rule_9_file_store_paths_map_to_their_area() {
        for (path, area, relative) in [
            ("wxfile://tmp_0a1b.png", StoreArea::Temporary, "tmp_0a1b.png"),
            ("wxfile://store_9f.jpg", StoreArea::Saved, "store_9f.jpg"),
            ("wxfile://usr/cache/a.json", StoreArea::UserData, "usr/cache/a.json"),
            ("http://tmp/a.png", StoreArea::Temporary, "tmp/a.png"),
            ("http://usr/a/b/c.txt", StoreArea::UserData, "usr/a/b/c.txt"),
            ("wxfile://usr/名前.txt", StoreArea::UserData, "usr/名前.txt"),
            ("wxfile://usr/100%25.txt", StoreArea::UserData, "usr/100%25.txt"),
        ] {
            assert_eq!(parse_store_path(path), Ok(StorePath { area, relative: relative.into() }), "{path}");
        }
    }

    #[test]
    fn rule_9_file_paths_outside_the_store_are_refused() {
        for path in [
            "/etc/passwd",
            "/tmp/pwned.bin",
            "C:\\Windows\\win.ini",
            "file:///etc/passwd",
            "wxfile://etc/passwd",
            "wxfile://usr/../../etc/passwd",
            "wxfile://usr/a/../../x",
            "wxfile://tmp_a/../../x",
            "wxfile://usr/./a",
            "wxfile://usr//a",
            "wxfile://usr/",
            "wxfile://usr/..%2F..%2Fetc%2Fpasswd",
            "wxfile://usr/%2e%2e/x",
            "wxfile://usr/a%5C..%5Cb",
            "wxfile://usr/a\\..\\b",
            "wxfile://usr/a\0b",
            "http://tmp/../x",
            "http://usr/../../etc/passwd",
            "http://example.com/a",
            "",
        ] {
            let error = parse_store_path(path).expect_err(path);
            assert_eq!(error.code, "file/path");
        }
        assert!(parse_store_path(&format!("wxfile://usr/{}", "a".repeat(5000))).is_err());
    }

    #[test]
    fn rule_9_the_store_mints_paths_in_its_areas() {
        assert_eq!(store_path(StoreArea::Temporary, "0a1b2c.png").as_deref(), Ok("wxfile://tmp_0a1b2c.png"));
        assert_eq!(store_path(StoreArea::Saved, "9f.jpg").as_deref(), Ok("wxfile://store_9f.jpg"));
        assert_eq!(store_path(StoreArea::UserData, "cache/a.json").as_deref(), Ok("wxfile://usr/cache/a.json"));
        assert_eq!(USER_DATA_PATH, "wxfile://usr");
        for (area, name) in
            [(StoreArea::Temporary, "a/../../x"), (StoreArea::Temporary, "a/b"), (StoreArea::UserData, "")]
        {
            assert_eq!(store_path(area, name).unwrap_err().code, "file/path", "{name}");
        }
        assert_eq!(StoreArea::from_name("user-data"), Some(StoreArea::UserData));
    }

    proptest! {
        #[test]
        fn minting_never_panics(name in any::<String>()) {
            for area in [StoreArea::Temporary, StoreArea::Saved, StoreArea::UserData] {
                if let Ok(path) = store_path(area, &name) {
                    prop_assert_eq!(parse_store_path(&path).map(|p| p.area), Ok(area));
                }
            }
        }

        #[test]
        fn store_paths_never_panic_and_never_leave_the_store(s in any::<String>()) {
            if let Ok(parsed) = parse_store_path(&s) {
                prop_assert!(!parsed.relative.starts_with('/'));
                prop_assert!(parsed.relative.split('/').all(|seg| !seg.is_empty() && seg != "." && seg != ".."));
            }
        }

        #[test]
        fn dotted_traversals_are_always_refused(prefix in "(wxfile://usr|wxfile://tmp_x|http://usr|http://tmp)", tail in "[a./%2eEfF5cC\\\\]{0,12}") {
            let path = format!("{prefix}/{tail}/..");
            prop_assert!(parse_store_path(&path).is_err());
        }
    }
}
