#!/usr/bin/env bash
# `npm test`: every check CI runs, in order, each step timed. Exits non-zero if any step failed. The build and the
# code-server install stop the run when they fail (nothing after them can work); the later steps all run so one
# CI log shows every failure. Each runner's own closing lines stay visible (node --test: `ℹ pass N`/`ℹ fail N`;
# the e2e suite: `N passed, N failed` once per run).
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
summary=()
step() {
	local name="$1"; shift
	local started=$SECONDS
	echo
	echo "### ${name}: $*"
	"$@"
	local rc=$?
	local took=$((SECONDS - started))
	if [ "$rc" -eq 0 ]; then
		echo "### ${name}: ok in ${took}s"
		summary+=("${name} ok ${took}s")
	else
		echo "### ${name}: FAILED (exit ${rc}) after ${took}s"
		summary+=("${name} FAILED ${took}s")
		failed+=("$name")
	fi
	return "$rc"
}
finish() {
	echo
	echo "### step durations: $(IFS=';'; echo "${summary[*]}")"
	if [ "${#failed[@]}" -gt 0 ]; then
		echo "### failed steps: ${failed[*]}"
		exit 1
	fi
	echo "### all steps passed"
}

if [ -z "${CODE_SERVER_ENTRY:-}" ]; then
	step install-code-server bash e2e/install-code-server.sh || finish
fi
step build npm run build --silent || finish
step typecheck npx tsc -b
if [ -f eslint.config.mjs ]; then step lint npm run lint --silent; fi
step unit npm run test:unit --silent
SHIPCHECK_SKIP_BUILD=1 step e2e npm run test:e2e --silent
finish
