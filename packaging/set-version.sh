#!/usr/bin/env bash
# Writes a release's version into the pins outside Cargo.toml: action.yml's
# default `version`, the pre-commit mirror's package and its pin of
# postmortem-cli, the npm wrapper's version and its platform packages', and
# the `rev: vX.Y.Z` / `@vX.Y.Z` pins in the README and examples.
# tests/it/packaging.rs fails while any of them differs from Cargo.toml's
# version.
#
#   packaging/set-version.sh [VERSION [FILE...]]
#
# VERSION defaults to Cargo.toml's; FILEs default to the repository's files
# that hold pins (publish-pre-commit-mirror.sh names the mirror's).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)}
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+.][0-9A-Za-z.+-]*)?$ ]] || {
  echo "set-version: '$version' is not a version" >&2
  exit 2
}
shift || true
if (($# == 0)); then
  set -- "$repo/action.yml" "$repo/README.md" "$repo/examples/ci/github-actions.yml" \
    "$repo/packaging/pre-commit/pyproject.toml" "$repo/packaging/pre-commit/.pre-commit-hooks.yaml" \
    "$repo/packaging/pre-commit/README.md" "$repo/packaging/npm/package.json"
fi
for file; do
  sed -i -E \
    -e "s/^version = \"[^\"]*\"/version = \"$version\"/" \
    -e "s/postmortem-cli==[0-9][^\"' ,)]*/postmortem-cli==$version/g" \
    -e "s/(rev: )v[0-9][^ \"'#\`]*/\\1v$version/g" \
    -e "s#(/postmortem(-pre-commit)?@)v[0-9][^ \"'#\`]*#\\1v$version#g" \
    -e "s/^( *default: \")[^\"]*(\" # the release's version)/\\1$version\\2/" \
    -e "s/^( *\"version\": \")[^\"]*(\")/\\1$version\\2/" \
    -e "s#(\"@postmortem-cli/[a-z0-9-]+\": \")[^\"]*(\")#\\1$version\\2#g" \
    "$file"
done
echo "set-version: $version in $# files"
