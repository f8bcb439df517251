#!/usr/bin/env bash
# The quick start: classifies the 2,000 sample tickets end to end on the local stack — Azurite, the Azure
# OpenAI simulator and the local durable host — then prints the summary and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run_dir="$root/.run"
mkdir -p "$run_dir"

# shellcheck source=local-stack.sh
source "$root/scripts/local-stack.sh"

echo "==> Installing Azurite (npm ci) and building (Release)"
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund >/dev/null
dotnet build FunctionsBatch.sln -c Release -v quiet -nologo | grep -E "error|Warn|Elapsed" || true

echo "==> Starting Azurite, the simulator and the local host (logs in .run/)"
node_modules/.bin/azurite --silent --skipApiVersionCheck --location "$run_dir/azurite" >"$run_dir/azurite.log" 2>&1 &
pids+=($!)
dotnet src/FunctionsBatch.Simulator/bin/Release/net10.0/FunctionsBatch.Simulator.dll --urls "$sim_url" >"$run_dir/simulator.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:10000/" "Azurite"
wait_for "$sim_url/healthz" "The simulator"
# Queue polling backs off to 2 s when idle instead of the production 30 s, so the run's last steps (cost row,
# results export) follow the chunks promptly in this demo.
AzureOpenAI__Endpoint="$sim_url" AzureOpenAI__ApiKey="sim-key" FunctionsBatch__ContentRoot="$root" \
  DurableTask__MaxQueuePollingIntervalSeconds=2 \
  dotnet src/FunctionsBatch.LocalHost/bin/Release/net10.0/FunctionsBatch.LocalHost.dll --urls "$host_url" >"$run_dir/localhost.log" 2>&1 &
pids+=($!)
wait_for "$host_url/healthz" "The local host"

echo "==> Running job classify-tickets over samples/tickets.jsonl"
dotnet src/FunctionsBatch.Cli/bin/Release/net10.0/fbatch.dll run \
  --job classify-tickets --input samples/tickets.jsonl \
  --host "$host_url" --key-file "$run_dir/localhost.key" --sim "$sim_url"
