#!/usr/bin/env bash
# Installs what building and testing wxnet needs, skipping whatever is already present.
# Run by `npm test`, `npm start` and `npm run build`; safe to run again.
#   WXNET_SKIP_BROWSER=1  skip Debian's chromium (only the browser tests need it)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }

# The wasm-bindgen CLI must be exactly the crate version pinned in Cargo.toml.
# It sits in [workspace.dependencies] of the root Cargo.toml (crates/wxnet-wasm uses it).
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = { version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' Cargo.toml | head -n1)
[ -n "$WASM_BINDGEN_VERSION" ] || { say "cannot read the pinned wasm-bindgen version from Cargo.toml"; exit 1; }

apt_packages=()
# Debian's Rust 1.96 with its std source and an LLVM wasm linker: the wasm32 std is
# built from source (-Zbuild-std) because no prebuilt wasm32 target can be downloaded.
[ -x /usr/bin/cargo ] || apt_packages+=(rustc-web cargo-web)
[ -d /usr/lib/rustlib/src/rust/library ] || apt_packages+=(rust-web-src)
[ -x /usr/lib/llvm-19/bin/wasm-ld ] || apt_packages+=(lld-19)
# Clippy matching that rustc: `npm test` lints the bindings crate for wasm32 with it.
[ -x /usr/bin/clippy-driver ] || apt_packages+=(rust-web-clippy)
if [ -z "${WXNET_SKIP_BROWSER:-}" ] && [ ! -x /usr/bin/chromium ]; then apt_packages+=(chromium); fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_packages[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
      say "not root and no sudo: install these by hand, then run again: apt-get install ${apt_packages[*]}"; exit 1
    fi
  else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
else
  browser=", chromium"; [ -z "${WXNET_SKIP_BROWSER:-}" ] || browser="; chromium skipped"
  say "Debian packages present (rustc-web, cargo-web, rust-web-src, lld-19, rust-web-clippy$browser)"
fi

# rustfmt and clippy gate `npm test`; the rustup toolchain ships them as components.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  say "adding the rustfmt and clippy components"
  rustup component add rustfmt clippy || { say "cannot add rustfmt/clippy: install them, then run again"; exit 1; }
fi

have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have_bindgen" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (found: ${have_bindgen:-none}); this compiles for a few minutes"
  # Not --locked: the CLI's lockfile can name crate versions newer than the registry index here.
  # A light release profile (opt-level 1, no LTO, 16 codegen units) builds it in 4m14s
  # on 2 cores (about 5 minutes with the crate's own profile) and emits byte-identical
  # glue and .wasm: the CLI's own speed does not matter for one small module.
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=false cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
else
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION present"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  # Not `npm ci`: this npm writes lockfiles that record only this platform's optional
  # binaries (rollup, esbuild), and `npm ci` then calls the lockfile out of sync.
  # --no-save installs the locked versions without rewriting package.json or the lock.
  npm install --no-audit --no-fund --no-save --loglevel=error
else
  say "npm packages present"
fi
