#!/usr/bin/env bash
# The one test command (`npm test`). On a fresh Debian machine with Node 20 it installs what the
# tests need, builds every package, and runs lint, typecheck, every vitest project (node, dom,
# storybook, e2e) and the Storybook build. It ends with one plain line, `N passed, N failed`:
# vitest's tests plus one check each for build, lint, typecheck and the Storybook build.
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
REPO_ROOT=$(pwd)
RESULTS_DIR=$(mktemp -d "${TMPDIR:-/tmp}/aws-connection-wizard-test.XXXXXX")
VITEST_JSON="$RESULTS_DIR/vitest.json"
START_SECONDS=$SECONDS

passed=0
failed=0
failed_checks=()

section() {
  printf '\n=== %s ===\n' "$1"
}

# Runs one check; its exit code decides pass or fail, and the run goes on either way so that
# every failure is reported.
check() {
  local name=$1
  shift
  section "$name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failed_checks+=("$name")
  fi
}

# --- What browsers and tools leave outside the repository --------------------------------------
# Chromium writes ~/.config/chromium and ~/.cache/dconf even with a temporary profile, Storybook
# writes ~/.storybook, and a crashed browser leaves its temporary profile behind. Only what this
# run created is removed, and never a profile a running Chromium still uses.
LEFTOVER_DIRS=(
  "$HOME/.config/chromium"
  "$HOME/.cache/dconf"
  "$HOME/.storybook"
  "$HOME/.local/share/vitest"
  "$HOME/.cache/ms-playwright"
)
TMP_ROOT=${TMPDIR:-/tmp}
existing_before=()
for dir in "${LEFTOVER_DIRS[@]}"; do
  [[ -e $dir ]] && existing_before+=("$dir")
done
while IFS= read -r -d '' dir; do
  existing_before+=("$dir")
done < <(find "$TMP_ROOT" -maxdepth 1 \( -name 'playwright_chromiumdev_profile-*' \
  -o -name 'playwright-artifacts-*' -o -name '.org.chromium.Chromium.*' \) -print0 2>/dev/null)

existed_before() {
  local candidate
  for candidate in "${existing_before[@]}"; do
    [[ $candidate == "$1" ]] && return 0
  done
  return 1
}

in_use_by_a_process() {
  grep -qsF -- "$1" /proc/[0-9]*/cmdline
}

clean_up() {
  local dir
  for dir in "${LEFTOVER_DIRS[@]}"; do
    existed_before "$dir" || rm -rf -- "$dir"
  done
  while IFS= read -r -d '' dir; do
    existed_before "$dir" || in_use_by_a_process "$dir" || rm -rf -- "$dir"
  done < <(find "$TMP_ROOT" -maxdepth 1 \( -name 'playwright_chromiumdev_profile-*' \
    -o -name 'playwright-artifacts-*' -o -name '.org.chromium.Chromium.*' \) -print0 2>/dev/null)
  rm -rf -- "$RESULTS_DIR"
}
trap clean_up EXIT

# --- System tools ------------------------------------------------------------------------------
section 'System tools'
missing_packages=()
[[ -x /usr/bin/chromium ]] || missing_packages+=(chromium)
command -v shellcheck >/dev/null || missing_packages+=(shellcheck)
if ((${#missing_packages[@]} > 0)); then
  echo "Installing ${missing_packages[*]} with apt-get"
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing_packages[@]}" ||
    echo "apt-get could not install ${missing_packages[*]}; the tests that need them will fail."
else
  echo 'chromium and shellcheck are installed'
fi
# Tests that judge generated artefacts call these tools; they do not come from apt.
for tool in bash aws moto_server cfn-lint terraform openapi-spec-validator; do
  command -v "$tool" >/dev/null || echo "warning: $tool is not on PATH; the tests that use it will fail."
done
python3 -c 'import yaml' 2>/dev/null ||
  echo 'warning: python3 cannot import yaml (PyYAML); the OpenAPI contract test will fail.'

# --- Node dependencies -------------------------------------------------------------------------
# npm records the installed tree in node_modules/.package-lock.json; when that is missing or
# older than the lockfile, the tree is not the locked one and is installed afresh.
section 'Dependencies'
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  if ! npm ci --no-audit --no-fund; then
    echo 'npm ci failed; nothing can be tested.'
    echo "0 passed, 1 failed"
    exit 1
  fi
else
  echo 'node_modules matches package-lock.json'
fi

# --- Checks ------------------------------------------------------------------------------------
check 'Build (packages and example app)' npm run build
check 'Lint (ESLint and Prettier)' npm run lint
check 'Typecheck' npx tsc -p tsconfig.json

section 'Vitest (node, dom, storybook and e2e projects)'
npx vitest run --reporter=default --reporter=json --outputFile.json="$VITEST_JSON"
vitest_exit=$?

read -r vitest_passed vitest_failed < <(
  node scripts/count-vitest-results.mjs "$VITEST_JSON" "$vitest_exit"
)
passed=$((passed + vitest_passed))
failed=$((failed + vitest_failed))
((vitest_failed > 0)) && failed_checks+=("vitest ($vitest_failed)")

check 'Storybook build' npm run build-storybook

# --- Result ------------------------------------------------------------------------------------
clean_up
trap - EXIT
section 'Result'
echo "Took $((SECONDS - START_SECONDS)) s in $REPO_ROOT"
((${#failed_checks[@]} > 0)) && echo "Failed: ${failed_checks[*]}"
echo "$passed passed, $failed failed"
((failed == 0))
