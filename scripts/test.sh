#!/usr/bin/env bash
# npm test: everything a change must pass. Types, lint, unit and integration tests (Vitest), the
# production build, then the browser and API tests (Playwright in Debian's Chromium). Each step
# runs even when an earlier one failed, and the last line sums up the whole run:
#   N passed, N failed
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
export NEXT_TELEMETRY_DISABLED=1
passed=0
failed=0
failures=()

step() { # step NAME COMMAND...: a single check that counts as one test
  local name=$1; shift
  echo "::: ${name}"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

count_json() { # count_json FILE: add the passed/failed counts of a runner's JSON report
  local file=$1 counts
  if [ -f "$file" ] && counts=$(node scripts/count-results.mjs "$file"); then
    passed=$((passed + ${counts% *})); failed=$((failed + ${counts#* }))
  else
    failed=$((failed + 1)); failures+=("no report in $file")
  fi
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need Debian's Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium'." >&2
    return 1
  fi
}

step "types (tsc)" npx tsc --noEmit
step "lint (eslint)" npx eslint --max-warnings 0 .

echo "::: unit and integration tests (vitest)"
rm -f .tmp/vitest-results.json
npx vitest run
count_json .tmp/vitest-results.json

step "production build" npm run --silent build

if step "chromium" ensure_chromium; then
  echo "::: browser and API tests (playwright)"
  rm -f .tmp/playwright-results.json
  npx playwright test
  count_json .tmp/playwright-results.json
fi

if [ ${#failures[@]} -gt 0 ]; then
  echo "Failed: ${failures[*]}"
fi
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
