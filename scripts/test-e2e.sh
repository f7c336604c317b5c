#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server 4.100.3 + headless Chromium): bundles the harness and suite
# (scripts/build-tests.mjs), then runs test/integration/run-tests.ts, which runs the suite against the development
# extension and against the packaged, installed .vsix. Screenshots: test-results/screenshots/.
# Builds the extension first unless SHIPCHECK_SKIP_BUILD=1 (scripts/test-all.sh has just built it).
# Needs: e2e/install-code-server.sh done (or CODE_SERVER_ENTRY), apt chromium (or CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SHIPCHECK_SKIP_BUILD:-}" != 1 ]; then node scripts/build.mjs; fi
node scripts/build-tests.mjs
node build/integration/run-tests.js
