#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 server + web workbench, Node 20) from the npm registry only, into
# e2e/code-server/node_modules. Idempotent: a complete install (the last native module built) is left alone.
# Needs apt: ripgrep (replaces a GitHub download), libkrb5-dev (kerberos headers); node-gyp builds native modules.
set -euo pipefail
cd "$(dirname "$0")/code-server"
marker=node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node
if [ -f "$marker" ] && [ -f node_modules/code-server/out/node/entry.js ]; then
	echo "code-server already installed ($(node -p 'require("./node_modules/code-server/package.json").version'))"
	exit 0
fi
command -v rg >/dev/null || { echo "install-code-server: ripgrep (apt: ripgrep) is required" >&2; exit 1; }

# @vscode/ripgrep@1.15.11 (pinned by code-server 4.100.3's shrinkwrap) downloads rg from GitHub in postinstall:
# seed its download cache with Debian's rg so it never goes online. Re-check the version when changing code-server.
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
archive="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$archive" ]; then
	mkdir -p "$cache"
	stage="$(mktemp -d)"
	cp "$(command -v rg)" "$stage/rg"
	tar czf "$archive.tmp" -C "$stage" rg && mv "$archive.tmp" "$archive"
	rm -rf "$stage"
fi

# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which a ~/.npmrc with yes=false would refuse.
export npm_config_unsafe_perm=true npm_config_yes=true
# Native modules (node-pty, spdlog, kerberos, argon2, ...) build from source; their prebuilt downloads fail fast
# offline and fall back to node-gyp, which must find Node's headers locally instead of downloading them.
if [ -z "${npm_config_nodedir:-}" ] && [ -d /usr/include/node ]; then export npm_config_nodedir=/usr; fi
if [ -f package-lock.json ]; then cmd=ci; else cmd=install; fi
npm "$cmd" --no-audit --no-fund --loglevel=error
test -f "$marker" || { echo "install-code-server: node-pty did not build ($marker missing)" >&2; exit 1; }
echo "code-server $(node -p 'require("./node_modules/code-server/package.json").version') installed"
