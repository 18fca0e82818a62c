#!/usr/bin/env bash
# Installs what building and serving the site needs, skipping whatever is already present.
# Sourced by scripts/serve and scripts/test; safe to run again and again.
set -euo pipefail

FIREBREAK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$FIREBREAK_ROOT/.tools"
# Versions are pinned because trunk runs offline: the wasm-bindgen CLI must equal the
# `wasm-bindgen` crate in Cargo.toml exactly, and wasm-opt must be the version Trunk.toml names.
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
BINARYEN_VERSION="132"
PAGEFIND_VERSION="1.6.0"
AXE_CORE_VERSION="4.14.1"
# cargo-afl must match the `afl` crate of fuzz/afl/Cargo.toml.
CARGO_AFL_VERSION="0.18.2"

export PATH="$HOME/.cargo/bin:$TOOLS_DIR/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

install_trunk() {
  if trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then return; fi
  say "installing trunk $TRUNK_VERSION (takes about ten minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
}

install_wasm_bindgen() {
  if wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then return; fi
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
}

install_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then return; fi
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION)"
  # Debian's binaryen is too old for current rustc output; the npm build is not.
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
}

# Only `cargo bench --bench search` needs Pagefind (the baseline it is compared with), so
# neither scripts/test nor CI installs it. The npm package ships the binary, so it runs offline.
install_pagefind() {
  if "$TOOLS_DIR/node_modules/.bin/pagefind" --version 2>/dev/null | grep -q "$PAGEFIND_VERSION"; then return; fi
  say "installing pagefind $PAGEFIND_VERSION"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "pagefind@$PAGEFIND_VERSION"
}

# axe-core checks every page for accessibility in the browser tests (tests/browser/a11y.rs),
# which read its axe.min.js from here: nothing downloads while the tests run.
install_axe_core() {
  local installed="$TOOLS_DIR/node_modules/axe-core/package.json"
  if [ -f "$installed" ] && grep -q "\"version\": \"$AXE_CORE_VERSION\"" "$installed"; then return; fi
  say "installing axe-core $AXE_CORE_VERSION"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "axe-core@$AXE_CORE_VERSION"
}

# Only `cargo bench --bench build` needs Hugo (the baseline it renders the same Markdown
# pages with); it calls this when `hugo` is missing. Debian's package, 0.111 on bookworm.
install_hugo() {
  if command -v hugo >/dev/null; then return; fi
  say "installing hugo (Debian's package)"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends hugo
}

install_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  say "installing chromium and chromium-driver"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
}

# promtool (from Debian's prometheus package) checks and unit-tests the rules `firebreak slo
# rules` writes (tests/promtool.rs). Only the command is needed: nothing starts the server.
install_promtool() {
  if command -v promtool >/dev/null; then return; fi
  say "installing promtool (Debian's prometheus package)"
  apt-get update
  # Without recommends: the node exporter is not needed either.
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus
  # Where systemd runs (CI), the package starts its server; the tests never use one.
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus; then
    systemctl disable --now prometheus
  fi
}

install_site_tools() {
  install_wasm_target
  install_trunk
  install_wasm_bindgen
  install_wasm_opt
}

# For scripts/fuzz only (CI does not fuzz). Installing cargo-afl also builds AFL++ from the
# source the crate ships, so it needs make and a C compiler.
install_cargo_afl() {
  if cargo afl --version 2>/dev/null | grep -q "cargo-afl $CARGO_AFL_VERSION"; then return; fi
  say "installing cargo-afl $CARGO_AFL_VERSION (builds AFL++; a few minutes)"
  cargo install cargo-afl --version "$CARGO_AFL_VERSION" --locked
}

install_rust_components() {
  local installed
  installed="$(rustup component list --installed)"
  for component in rustfmt clippy; do
    if ! grep -q "^$component" <<<"$installed"; then
      say "adding rustup component $component"
      rustup component add "$component"
    fi
  done
}
