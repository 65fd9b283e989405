#!/usr/bin/env bash
# `npm test`: every suite (types, lint, format, unit + integration, browser e2e with axe), one summary line.
# Each of typecheck, lint and format counts as one test; vitest and Playwright count their own tests.
# A suite that crashes or runs nothing counts as one failure, so a broken runner can never look green.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .ci/out
pass=0 fail=0
count() { if [ "$1" -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $2"; fi; }

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian chromium (needed by the browser tests)…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
  if [ ! -x "$chromium" ]; then
    echo "Browser tests need Chromium at $chromium. Run: sudo apt-get update && sudo apt-get install -y chromium"
    echo "(or set CHROMIUM_PATH to a Chromium binary)"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

npx tsc -b; count $? typecheck
npx oxlint --deny-warnings; count $? lint
npx prettier --check . >/dev/null; count $? format

npx vitest run --reporter=default --reporter=json --outputFile=.ci/out/vitest.json; u=$?
read -r up uf < <(node -e 'try{const r=require("./.ci/out/vitest.json");console.log(r.numPassedTests,r.numFailedTests+(r.numTotalTests?0:1))}catch{console.log(0,1)}')
[ "$u" -ne 0 ] && [ "$uf" -eq 0 ] && uf=1
pass=$((pass + up)); fail=$((fail + uf))

PLAYWRIGHT_JSON_OUTPUT_NAME=.ci/out/e2e.json npx playwright test --reporter=list,json; e=$?
read -r ep ef < <(node -e 'try{const s=require("./.ci/out/e2e.json").stats;console.log(s.expected+s.flaky,s.unexpected+(s.expected+s.flaky+s.unexpected?0:1))}catch{console.log(0,1)}')
[ "$e" -ne 0 ] && [ "$ef" -eq 0 ] && ef=1
pass=$((pass + ep)); fail=$((fail + ef))

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
