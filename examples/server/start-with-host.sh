#!/usr/bin/env bash
# One command for the whole stack on this machine: installs the dependencies when they are
# missing or out of date, builds the packages, starts the local AWS API emulator (moto_server)
# as Northwind's management account, the reference backend seeded with Northwind, and the
# example host console pointed at that backend. Ctrl+C stops all three.
set -euo pipefail

cd "$(dirname "$0")/../.."
MOTO_PORT=${MOTO_PORT:-5055}
SERVER_PORT=${SERVER_PORT:-8787}
PORT=${PORT:-5173}
NORTHWIND_MANAGEMENT_ACCOUNT_ID=534439589175

fail() {
  echo "start-with-host: $*" >&2
  exit 1
}

command -v moto_server >/dev/null ||
  fail "moto_server is not on the PATH. Install the emulator with: pipx install 'moto[server]' (or pip install 'moto[server]')"

# A fresh clone has no node_modules; an old checkout may lack a dependency added since.
if [ ! -d node_modules ] || ! npm ls --depth=0 --workspaces >/dev/null 2>&1; then
  echo "Installing the dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi

npm run build

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# Waits up to 20 s for a URL to answer 2xx while the process `pid` runs.
wait_for() {
  local url=$1 pid=$2 what=$3
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || fail "$what stopped while starting"
    node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
      "$url" && return 0
    sleep 0.1
  done
  fail "$what did not answer at $url"
}

MOTO_ACCOUNT_ID=$NORTHWIND_MANAGEMENT_ACCOUNT_ID moto_server -H 127.0.0.1 -p "$MOTO_PORT" >/dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$MOTO_PORT/moto-api/" "${pids[-1]}" "moto_server"

host_origin="http://127.0.0.1:$PORT"
# Only the emulator: fake keys, and no profile or config file that could reach real AWS.
AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" \
  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  SEED_ORGANIZATION=northwind PORT="$SERVER_PORT" ALLOWED_ORIGIN="$host_origin" \
  node --no-warnings examples/server/src/main.js &
pids+=($!)
wait_for "http://127.0.0.1:$SERVER_PORT/health" "${pids[-1]}" "The backend"

echo
echo "Open http://127.0.0.1:$PORT/?backend=http://127.0.0.1:$SERVER_PORT/api (Ctrl+C stops everything)"
echo
cd examples/host-vite
../../node_modules/.bin/vite preview --host 127.0.0.1 --port "$PORT" --strictPort --bypass-lock
