#!/usr/bin/env bash
# Runs every test: unit, orchestration, simulator, Functions metadata and the integration tests that start
# Azurite, the simulator and the local host as processes. Needs only the .NET SDK and Node.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi

dotnet build FunctionsBatch.sln -c Release -nologo

log=$(mktemp)
status=0
dotnet test FunctionsBatch.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory TestResults "$@" 2>&1 | tee "$log" || status=$?
passed=$(awk '/^ +Passed: +[0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
failed=$(awk '/^ +Failed: +[0-9]+$/ { n += $2 } END { print n + 0 }' "$log")
if [ "$failed" -gt 0 ]; then
  # CI shows only the tail of the output: repeat each failure's name and message here.
  echo "failures:"
  awk '/^ +Failed [A-Za-z]/ { show = 1 } /^ +Stack Trace:/ { show = 0 } show { print substr($0, 1, 400) }' "$log" | head -n 80
fi
rm -f "$log"
echo "tests: $passed passed, $failed failed"
exit "$status"
