#!/usr/bin/env bash
# Runs every test: unit, orchestration, simulator, Functions metadata and the integration tests that start
# Azurite, the simulator and the local host as processes. Needs only the .NET SDK and Node.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ]; then
  npm ci --no-audit --no-fund
fi

dotnet build FunctionsBatch.sln -c Release
dotnet test FunctionsBatch.sln -c Release --no-build --logger "console;verbosity=normal" --results-directory TestResults "$@"
