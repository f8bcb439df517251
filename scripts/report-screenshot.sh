#!/usr/bin/env bash
# Produces docs/images/run-report.png from a real run: starts Azurite, the simulator (with some 429s) and the
# local host like run-sample.sh, classifies the sample tickets with a few content-filter and bad-JSON markers
# planted, then opens GET /api/runs/{id}/report in Debian's headless Chromium and captures the whole page.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run_dir="$root/.run/report-screenshot"
mkdir -p "$run_dir" docs/images
out="${1:-docs/images/run-report.png}"
count="${FBATCH_REPORT_RECORDS:-1000}"

# shellcheck source=local-stack.sh
source "$root/scripts/local-stack.sh"
[ -x /usr/bin/chromium ] || { echo "Chromium is missing: sudo apt-get install -y chromium" >&2; exit 1; }

echo "==> Building (Release)"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund >/dev/null
dotnet build FunctionsBatch.sln -c Release -v quiet -nologo | grep -E "error|Elapsed" || true

echo "==> Planting fault markers in $count sample tickets"
node -e '
  const fs = require("fs");
  const lines = fs.readFileSync("samples/tickets.jsonl", "utf8").split("\n").filter(l => l.trim()).slice(0, Number(process.argv[1]));
  const out = lines.map((l, i) => {
    const r = JSON.parse(l);
    if (i % 40 === 13) r.body += " [[BLOCK]]";
    else if (i % 55 === 21) r.body += " [[BADJSON]]";
    return JSON.stringify(r);
  });
  fs.writeFileSync(process.argv[2], out.join("\n") + "\n");
' "$count" "$run_dir/tickets.jsonl"

echo "==> Starting Azurite, the simulator and the local host (logs in $run_dir)"
rm -rf "$run_dir/azurite"
node_modules/.bin/azurite --silent --skipApiVersionCheck --location "$run_dir/azurite" >"$run_dir/azurite.log" 2>&1 &
pids+=($!)
Simulator__LatencyMs=150 Simulator__Faults__ThrottleRate=0.04 \
  dotnet src/FunctionsBatch.Simulator/bin/Release/net10.0/FunctionsBatch.Simulator.dll --urls "$sim_url" >"$run_dir/simulator.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:10000/" "Azurite"
wait_for "$sim_url/healthz" "The simulator"
# env: the deployment name has dashes, which a shell assignment cannot.
env AzureOpenAI__Endpoint="$sim_url" AzureOpenAI__ApiKey="sim-key" FunctionsBatch__ContentRoot="$root" LocalHost__FunctionKey="$key" \
  "AzureOpenAI__Deployments__gpt-4o-mini__TokensPerMinute=${FBATCH_REPORT_TPM:-300000}" NightlySchedule="" \
  dotnet src/FunctionsBatch.LocalHost/bin/Release/net10.0/FunctionsBatch.LocalHost.dll --urls "$host_url" >"$run_dir/localhost.log" 2>&1 &
pids+=($!)
wait_for "$host_url/healthz" "The local host"

echo "==> Running job classify-tickets"
fbatch=(dotnet src/FunctionsBatch.Cli/bin/Release/net10.0/fbatch.dll)
run_id=$("${fbatch[@]}" run --job classify-tickets --input "$run_dir/tickets.jsonl" --no-wait --host "$host_url" --key "$key")
"${fbatch[@]}" status "$run_id" --wait --host "$host_url" --key "$key" || true

echo "==> Capturing $host_url/api/runs/$run_id/report"
node --experimental-websocket scripts/capture-page.mjs "$host_url/api/runs/$run_id/report?code=$key" "$out" 1280
