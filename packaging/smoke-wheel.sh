#!/usr/bin/env bash
# Installs postmortem-cli from a folder of wheels into a fresh virtualenv, the
# way `pip install postmortem-cli` would from PyPI, and runs the installed
# `postmortem` with nothing else on PATH: --version, a clean postmortem (exit
# 0), a contradiction (exit 1 with the finding, in human and GitHub formats).
# Times the virtualenv (python's ensurepip: seconds, more on a busy machine)
# and the install, and fails when the install takes SMOKE_MAX_INSTALL_SECONDS
# (default 20) or more.
# With uv or pipx on PATH, also installs through `uvx --from`, `uv tool
# install`, `pipx install` and `pipx run`.
#
#   packaging/smoke-wheel.sh [WHEEL_DIR]    (default: target/wheels)
#
# Needs python3 with venv; reaches no package index (--no-index). Runs on
# Linux and macOS (the release workflow runs it on each wheel it can run).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:-${CARGO_TARGET_DIR:-$repo/target}/wheels}" && pwd)
python=${PYTHON:-python3}
max_seconds=${SMOKE_MAX_INSTALL_SECONDS:-20}
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
[[ -n $version ]] || { echo "smoke-wheel: no version in Cargo.toml" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PIP_DISABLE_PIP_VERSION_CHECK=1 POSTMORTEM_NOW=2026-03-05T12:00:00Z NO_COLOR=1

fail() { echo "smoke-wheel: FAIL: $*" >&2; exit 1; }
now() { "$python" -c "import time; print(time.time())"; } # portable: BSD date has no %N
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# --- pip into a fresh virtualenv -------------------------------------------
t0=$(now)
"$python" -m venv "$work/venv"
t1=$(now)
"$work/venv/bin/python" -m pip install --quiet --no-index --find-links "$wheels" \
  "postmortem-cli==$version"
t2=$(now)
echo "smoke-wheel: venv created in $(seconds "$t0" "$t1") s, postmortem-cli $version installed in $(seconds "$t1" "$t2") s (total $(seconds "$t0" "$t2") s)"
awk -v s="$(seconds "$t1" "$t2")" -v m="$max_seconds" 'BEGIN { exit !(s < m) }' ||
  fail "the install took $(seconds "$t1" "$t2") s (limit ${max_seconds} s)"

# The installed command alone: no cargo, no target/, no repository on PATH.
bin=$work/venv/bin
run() { env -i HOME="$work" PATH="$bin:/usr/bin:/bin" POSTMORTEM_NOW="$POSTMORTEM_NOW" NO_COLOR=1 "$@"; }
[[ $(run sh -c 'command -v postmortem') == "$bin/postmortem" ]] || fail "postmortem is not the venv's"

check_tool() { # check_tool LABEL COMMAND...: the four checks through one launcher
  local label=$1; shift
  local out
  out=$(run "$@" --version) || fail "$label --version exited $?"
  [[ $out == "postmortem $version" ]] || fail "$label --version printed '$out'"

  rm -rf "$work/sample" && mkdir -p "$work/sample/postmortems"
  cp "$repo/examples/minimal.md" "$work/sample/postmortems/2026-02-03-login.md"
  cp "$repo/examples/rules/timeline-order.md" "$work/sample/postmortems/2026-03-01-checkout.md"
  # The contradiction: `00:15` after 10:40 on the same day.
  local status=0
  out=$(cd "$work/sample" && run "$@" lint 2>&1) || status=$?
  [[ $status == 1 ]] || fail "$label lint on a contradiction exited $status, not 1: $out"
  grep -q 'error\[timeline-order\]' <<<"$out" || fail "$label lint did not report timeline-order: $out"
  grep -q 'postmortems/2026-03-01-checkout.md:28:9' <<<"$out" || fail "$label lint gave no file:line:column: $out"
  status=0
  out=$(cd "$work/sample" && run "$@" lint --format github 2>&1) || status=$?
  [[ $status == 1 ]] || fail "$label lint --format github exited $status"
  grep -q '^::error file=postmortems/2026-03-01-checkout.md,line=28,col=9,.*title=timeline-order::' <<<"$out" ||
    fail "$label lint --format github gave no annotation: $out"

  # Fixed: the date changed at midnight.
  local file=$work/sample/postmortems/2026-03-01-checkout.md
  sed 's/^  - at: 00:15$/  - at: 2026-03-02 00:15/' "$file" >"$file.new" && mv "$file.new" "$file"
  out=$(cd "$work/sample" && run "$@" lint 2>&1) || fail "$label lint after the fix exited $?: $out"
  grep -q '^0 errors, .* in 2 files$' <<<"$out" || fail "$label lint after the fix printed: $out"
  echo "smoke-wheel: $label: --version, lint (exit 1 on a contradiction, 0 once fixed), --format github: ok"
}
check_tool "pip venv" postmortem

# --- uvx / pipx, where installed -------------------------------------------
if command -v uvx >/dev/null 2>&1; then
  uvx=$(command -v uvx)
  t0=$(now)
  UV_CACHE_DIR=$work/uv-cache UV_NO_CONFIG=1 "$uvx" --quiet --offline --no-index --find-links "$wheels" \
    --from "postmortem-cli==$version" postmortem --version >/dev/null
  echo "smoke-wheel: uvx --from postmortem-cli: first run (install) in $(seconds "$t0" "$(now)") s"
  check_tool "uvx" env UV_CACHE_DIR="$work/uv-cache" UV_NO_CONFIG=1 "$uvx" --quiet --offline --no-index \
    --find-links "$wheels" --from "postmortem-cli==$version" postmortem
  # `uv tool install`, as the README says.
  t0=$(now)
  UV_CACHE_DIR=$work/uv-cache UV_NO_CONFIG=1 UV_TOOL_DIR=$work/uv-tools UV_TOOL_BIN_DIR=$work/uv-bin \
    "$(command -v uv)" tool install --quiet --offline --no-index --find-links "$wheels" "postmortem-cli==$version"
  echo "smoke-wheel: uv tool install postmortem-cli in $(seconds "$t0" "$(now)") s"
  check_tool "uv tool" "$work/uv-bin/postmortem"
fi
if command -v pipx >/dev/null 2>&1; then
  t0=$(now)
  PIPX_HOME=$work/pipx PIPX_BIN_DIR=$work/pipx-bin pipx install --quiet \
    --pip-args="--no-index --find-links $wheels" "postmortem-cli==$version" >/dev/null
  echo "smoke-wheel: pipx install postmortem-cli in $(seconds "$t0" "$(now)") s"
  check_tool "pipx" "$work/pipx-bin/postmortem"
  # As examples/ci/github-actions.yml runs it: `pipx run --spec`.
  check_tool "pipx run" env PIPX_HOME="$work/pipx-run" "$(command -v pipx)" run --quiet \
    --pip-args="--no-index --find-links $wheels" --spec "postmortem-cli==$version" postmortem
fi
echo "smoke-wheel: ok"
