#!/usr/bin/env bash
# Rewrites docs/hostile-values.md from the catalogue of hostile values
# (packages/core/src/testing/hostileValues.ts) and the plan command's messages, by running its
# test in update mode.
set -euo pipefail
cd "$(dirname "$0")/.."
UPDATE_HOSTILE_VALUES=1 npx vitest run --project node packages/sdk/src/cli/hostileValues.test.ts \
  -t 'docs/hostile-values.md'
