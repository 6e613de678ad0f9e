#!/usr/bin/env bash
# Tests the pre-commit mirror with pre-commit itself, as a user gets it:
# publishes packaging/pre-commit/ into a local git repository with
# publish-pre-commit-mirror.sh, then in a project that uses it (`repo:` the
# local mirror, `rev:` the tag) installs the git hook and commits:
#   - a postmortem whose timeline goes back in time: the commit is refused,
#     postmortem-lint names the finding;
#   - a time written as a number (`at: 941`): postmortem-fix rewrites it
#     (`at: "09:41"`) and the commit is refused because the hook changed it;
#   - both fixed: the commit goes through, and README.md, index.md and
#     `_`-prefixed files and folders beside them are not linted.
# The project's .pre-commit-config.yaml is the README's, as written (git
# fetches its https://github.com/OWNER/... URL from the local mirror).
# pip installs postmortem-cli from WHEEL_DIR alone (PIP_FIND_LINKS,
# PIP_NO_INDEX): no index, no network.
#
#   packaging/test-pre-commit.sh [WHEEL_DIR]    (default: target/wheels)
#
# Needs git and pre-commit on PATH.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wheels=$(cd "${1:-${CARGO_TARGET_DIR:-$repo/target}/wheels}" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
command -v pre-commit >/dev/null || { echo "test-pre-commit: pre-commit is not on PATH" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PIP_FIND_LINKS=$wheels PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
export PRE_COMMIT_HOME=$work/pre-commit-home POSTMORTEM_NOW=2026-03-05T12:00:00Z NO_COLOR=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1

fail() { echo "test-pre-commit: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

"$repo/packaging/publish-pre-commit-mirror.sh" "$work/mirror" "$version"
# Publishing the same version again is a no-op, not a second tag.
"$repo/packaging/publish-pre-commit-mirror.sh" "$work/mirror" "$version" >/dev/null
[[ $(git -C "$work/mirror" rev-list --count HEAD) == 1 ]] || fail "a second publish made a second commit"

project=$work/project
mkdir -p "$project/postmortems"
git init -q -b main "$project"
# The configuration the README gives, as written: its repository URL leads
# to the local mirror (git's insteadOf), its rev must be this version's tag.
awk '/^# \.pre-commit-config\.yaml$/ { on = 1 } on && /^```$/ { exit } on' "$repo/README.md" \
  >"$project/.pre-commit-config.yaml"
grep -q "^ *rev: v$version\$" "$project/.pre-commit-config.yaml" ||
  fail "the README's .pre-commit-config.yaml does not pin v$version: $(cat "$project/.pre-commit-config.yaml")"
mirror_url=$(sed -n 's/^ *- repo: \(https:.*\)$/\1/p' "$project/.pre-commit-config.yaml")
[[ $mirror_url == https://github.com/*/postmortem-pre-commit ]] ||
  fail "the README's .pre-commit-config.yaml names no mirror: $(cat "$project/.pre-commit-config.yaml")"
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="url.$work/mirror.insteadOf" GIT_CONFIG_VALUE_0=$mirror_url
# Not postmortems, as lint's folder walk skips them: the hooks must too
# (each would fail lint).
mkdir -p "$project/postmortems/_drafts"
for skipped in README.md readme.md index.md _template.md _drafts/wip.md; do
  cp "$repo/examples/rules/timeline-order.md" "$project/postmortems/$skipped"
done
git -C "$project" add -A
git -C "$project" commit -q -m "pre-commit configuration" --no-verify

t0=$(now)
(cd "$project" && pre-commit install-hooks >"$work/install.log" 2>&1) || {
  cat "$work/install.log" >&2
  fail "pre-commit could not install the hooks"
}
echo "test-pre-commit: hook environment (virtualenv + postmortem-cli $version) installed in $(seconds "$t0" "$(now)") s"
(cd "$project" && pre-commit install >/dev/null)

commit() { # commit MESSAGE: git commit through the installed hook; output in $work/commit.log
  git -C "$project" add -A
  git -C "$project" commit -q -m "$1" >"$work/commit.log" 2>&1
}

# A timeline out of order: refused by postmortem-lint.
cp "$repo/examples/rules/timeline-order.md" "$project/postmortems/2026-03-01-checkout.md"
! commit "checkout postmortem" || fail "the commit of a contradiction went through: $(cat "$work/commit.log")"
grep -q '^postmortem lint\.*Failed$' "$work/commit.log" || fail "postmortem-lint did not fail: $(cat "$work/commit.log")"
grep -q '^postmortem lint --fix\.*Failed$' "$work/commit.log" || fail "postmortem-fix did not fail on an error it cannot fix"
grep -q 'error\[timeline-order\]' "$work/commit.log" || fail "no timeline-order finding: $(cat "$work/commit.log")"
grep -q 'postmortems/2026-03-01-checkout.md:28:9' "$work/commit.log" || fail "no file:line:column"
echo "test-pre-commit: a timeline out of order: commit refused, postmortem-lint reports timeline-order at 28:9"

# A time written as a number: postmortem-fix quotes it, and the commit is
# refused because the hook changed the file.
sed -i 's/^  - at: 00:15$/  - at: 2026-03-02 00:15/' "$project/postmortems/2026-03-01-checkout.md"
sed 's/^  - at: 09:41$/  - at: 941/' "$repo/examples/minimal.md" >"$project/postmortems/2026-02-03-login.md"
! commit "login postmortem" || fail "the commit of a fixable file went through: $(cat "$work/commit.log")"
grep -q 'files were modified by this hook' "$work/commit.log" || fail "postmortem-fix changed nothing: $(cat "$work/commit.log")"
grep -q '^  - at: "09:41"$' "$project/postmortems/2026-02-03-login.md" || fail "postmortem-fix did not write the fix"
echo "test-pre-commit: a time written as a number: postmortem-fix rewrote it, commit refused"

# Both fixed: the commit goes through; every hook passes.
commit "postmortems" || fail "the fixed postmortems were refused: $(cat "$work/commit.log")"
grep -q '^postmortem lint\.*Passed$' "$work/commit.log" || fail "postmortem-lint did not run: $(cat "$work/commit.log")"
(cd "$project" && pre-commit run --all-files >"$work/run.log" 2>&1) || fail "pre-commit run --all-files: $(cat "$work/run.log")"
echo "test-pre-commit: fixed: commit accepted, pre-commit run --all-files passes"
echo "test-pre-commit: ok"
