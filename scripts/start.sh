#!/usr/bin/env bash
# `npm start`: installs dependencies when needed, builds the packages and the example host
# console, and serves it with `vite preview` on 127.0.0.1 (port 5173, or $PORT).
set -euo pipefail

cd "$(dirname "$0")/.."
PORT=${PORT:-5173}

# npm records the installed tree in node_modules/.package-lock.json; when that is missing or
# older than the lockfile, the tree is not the locked one.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

# The root build runs every workspace in order: core, sdk, react, then the example app.
npm run build

echo
echo "Serving the example host console at http://127.0.0.1:$PORT/ (Ctrl+C stops it)"
echo
cd examples/host-vite
# --strictPort fails when the port is taken; Vite's one-preview-per-project lock would also stop
# this server while a test serves the same app on a port of its own, so it is bypassed.
exec ../../node_modules/.bin/vite preview --host 127.0.0.1 --port "$PORT" --strictPort --bypass-lock
