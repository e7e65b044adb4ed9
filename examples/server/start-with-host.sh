#!/usr/bin/env bash
# One command for the whole stack on this machine: builds the packages, starts the local AWS API
# emulator (moto_server) as Northwind's management account, the reference backend seeded with
# Northwind, and the example host console pointed at that backend. Ctrl+C stops all three.
set -euo pipefail

cd "$(dirname "$0")/../.."
MOTO_PORT=${MOTO_PORT:-5055}
SERVER_PORT=${SERVER_PORT:-8787}
PORT=${PORT:-5173}
NORTHWIND_MANAGEMENT_ACCOUNT_ID=534439589175

npm run build

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

MOTO_ACCOUNT_ID=$NORTHWIND_MANAGEMENT_ACCOUNT_ID moto_server -H 127.0.0.1 -p "$MOTO_PORT" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$MOTO_PORT/moto-api/" >/dev/null && break
  sleep 0.1
done

host_origin="http://127.0.0.1:$PORT"
# Only the emulator: fake keys, and no profile or config file that could reach real AWS.
AWS_ENDPOINT_URL="http://127.0.0.1:$MOTO_PORT" \
  AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null \
  SEED_ORGANIZATION=northwind PORT="$SERVER_PORT" ALLOWED_ORIGIN="$host_origin" \
  node --no-warnings examples/server/src/main.js &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$SERVER_PORT/health" >/dev/null && break
  sleep 0.1
done

echo
echo "Open http://127.0.0.1:$PORT/?backend=http://127.0.0.1:$SERVER_PORT/api (Ctrl+C stops everything)"
echo
cd examples/host-vite
../../node_modules/.bin/vite preview --host 127.0.0.1 --port "$PORT" --strictPort --bypass-lock
