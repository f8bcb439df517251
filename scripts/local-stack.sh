# Sourced by the scripts that start the local stack: host/simulator URLs, stopping what they started on exit,
# waiting for a service, and refusing to start over ports already in use. Expects $run_dir to be set.
host_url="${FBATCH_HOST_URL:-http://127.0.0.1:7071}"
sim_url="${FBATCH_SIM_URL:-http://127.0.0.1:5080}"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() { # url what
  for _ in $(seq 1 240); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not start; see $run_dir/*.log" >&2
  exit 1
}

for port in 10000 10001 10002 "${sim_url##*:}" "${host_url##*:}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use; stop whatever listens there (or set FBATCH_HOST_URL / FBATCH_SIM_URL)." >&2
    exit 1
  fi
done
