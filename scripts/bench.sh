#!/usr/bin/env bash
# Runs the benchmarks (quota use, pipeline overhead, resume waste) against local processes: Azurite, the Azure
# OpenAI simulator and the local durable host, each started on free ports and stopped afterwards. Writes
# docs/benchmarks/results.md and results.json. --quick runs smaller sizes (about 10 minutes instead of 40).
# Other options (see bench/FunctionsBatch.Benchmarks/BenchOptions.cs): --scenarios quota,overhead,resume,
# --sizes 10000,100000, --quota-records N, --quota-tpm N, --quota-shapes Window,Bucket, --burst-seconds S, --out DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi

echo "==> Building (Release): local host, simulator, benchmark runner"
for project in src/FunctionsBatch.LocalHost src/FunctionsBatch.Simulator bench/FunctionsBatch.Benchmarks; do
  dotnet build "$project" -c Release -nologo -v quiet
done

exec dotnet bench/FunctionsBatch.Benchmarks/bin/Release/net10.0/FunctionsBatch.Benchmarks.dll "$@"
