#!/usr/bin/env bash
# Tests the npm packages as a user gets them, through a loopback registry
# (verdaccio, no uplinks: nothing reaches npmjs.org):
#   - packaging/npm/assemble.sh makes the wrapper postmortem-cli and the
#     platform package of this machine from the release archive in
#     ARCHIVE_DIR (cargo-dist's, as test-installer.sh builds it);
#   - both are published to the registry; no package has an install script;
#   - in a new project, `npm install postmortem-cli --registry ...` with
#     scripts disabled installs the wrapper and only this platform's package
#     (the others' os/cpu/libc do not fit, or they are not there), and
#     `npx postmortem` prints the version and lints: exit 1 on a
#     contradiction, 0 once fixed (the launcher passes the exit code on).
#
#   packaging/test-npm.sh [ARCHIVE_DIR]   (default: target/distrib, where dist puts them)
#
# Needs node and npm, and verdaccio 6.8.0 installed under
# $PACKAGING_NPM_TOOLS (default: TARGET/packaging-npm; check.sh installs it
# there with `npm install --prefix`).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
target=${CARGO_TARGET_DIR:-$repo/target}
archives=$(cd "${1:-$repo/target/distrib}" && pwd)
tools=${PACKAGING_NPM_TOOLS:-$target/packaging-npm}
verdaccio=$tools/node_modules/.bin/verdaccio
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
[[ -x $verdaccio ]] || { echo "test-npm: no verdaccio at $verdaccio (npm install --prefix $tools verdaccio@6.8.0)" >&2; exit 2; }
node=$(command -v node) || { echo "test-npm: node is not on PATH" >&2; exit 2; }
npm=$(command -v npm) || { echo "test-npm: npm is not on PATH" >&2; exit 2; }
case $(uname -s)-$(uname -m) in
  Linux-x86_64) platform=linux-x64-gnu ;;
  Linux-aarch64) platform=linux-arm64-gnu ;;
  *) echo "test-npm: runs on Linux x86_64 or aarch64 (glibc)" >&2; exit 2 ;;
esac

name=test-npm
# shellcheck source=packaging/lib.sh
. "$repo/packaging/lib.sh"

"$repo/packaging/npm/assemble.sh" "$archives" "$work/packages"
[[ -x $work/packages/$platform/postmortem ]] || fail "assemble.sh made no $platform package"
for package in "$work/packages"/*/package.json; do
  python3 -c 'import json, sys; sys.exit("scripts" in json.load(open(sys.argv[1])))' "$package" ||
    fail "$package has scripts: the packages must install without running any"
done

# The registry: verdaccio on a free loopback port, its storage here.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
registry=http://127.0.0.1:$port/
mkdir -p "$work/verdaccio"
cat >"$work/verdaccio/config.yaml" <<EOF
storage: $work/verdaccio/storage
auth:
  htpasswd:
    file: $work/verdaccio/htpasswd
    max_users: 1
uplinks: {}
packages:
  "**":
    access: \$all
    publish: \$authenticated
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
EOF
"$verdaccio" --config "$work/verdaccio/config.yaml" --listen "127.0.0.1:$port" >"$work/verdaccio.log" 2>&1 &
server=$!
for _ in $(seq 150); do
  curl -fsS "${registry}-/ping" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || fail "verdaccio exited: $(cat "$work/verdaccio.log")"
  sleep 0.2
done
curl -fsS "${registry}-/ping" >/dev/null || fail "verdaccio did not answer: $(cat "$work/verdaccio.log")"
token=$(curl -fsS -X PUT -H 'content-type: application/json' \
  -d '{"name": "release", "password": "release-password"}' \
  "${registry}-/user/org.couchdb.user:release" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

# npm with its own configuration and cache: nothing of the user's is read or written.
export HOME=$work/home NPM_CONFIG_USERCONFIG=$work/npmrc npm_config_cache=$work/npm-cache
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false
mkdir -p "$HOME"
printf 'registry=%s\n//127.0.0.1:%s/:_authToken=%s\n' "$registry" "$port" "$token" >"$NPM_CONFIG_USERCONFIG"
for package in "$work/packages/$platform" "$work/packages/postmortem-cli"; do
  (cd "$package" && "$npm" publish --access public --registry "$registry" >"$work/publish.log" 2>&1) ||
    fail "npm publish $(basename "$package"): $(cat "$work/publish.log")"
done
echo "test-npm: published postmortem-cli $version and @postmortem-cli/$platform to $registry"

# A user's project, with no credentials: install, then run.
printf 'registry=%s\n' "$registry" >"$NPM_CONFIG_USERCONFIG"
project=$work/project
mkdir -p "$project"
(cd "$project" && "$npm" init -y >/dev/null)
t0=$(now)
(cd "$project" && "$npm" install --ignore-scripts --save-dev "postmortem-cli@$version" \
  --registry "$registry" >"$work/install.log" 2>&1) || fail "npm install: $(cat "$work/install.log")"
echo "test-npm: npm install postmortem-cli in $(seconds "$t0" "$(now)") s"
installed=$(cd "$project/node_modules/@postmortem-cli" && ls)
[[ $installed == "$platform" ]] || fail "installed platform packages: '$installed', not $platform alone"

run() { (cd "$project" && env -i HOME="$HOME" PATH="$(dirname "$node"):/usr/bin:/bin" \
  NPM_CONFIG_USERCONFIG="$NPM_CONFIG_USERCONFIG" npm_config_cache="$npm_config_cache" \
  POSTMORTEM_NOW=2026-03-05T12:00:00Z NO_COLOR=1 "$@"); }
out=$(run "$npm" exec --offline --no -- postmortem --version) || fail "npm exec postmortem --version exited $?: $out"
[[ $out == "postmortem $version" ]] || fail "npm exec postmortem --version printed '$out'"
check_lint "$project" run npx --no-install postmortem
echo "test-npm: npx postmortem: --version $version, lint (exit 1 on a contradiction, 0 once fixed): ok"
echo "test-npm: ok"
