#!/usr/bin/env bash
# Publishes packaging/pre-commit/ as its own repository, the pre-commit mirror
# (as ruff-pre-commit is ruff's): copies the files into the mirror's work
# tree, writes the release's version into them, commits and tags vVERSION.
# With --push, pushes the commit and the tag to the mirror's `origin`.
#
#   packaging/publish-pre-commit-mirror.sh [--push] MIRROR_DIR [VERSION]
#
# MIRROR_DIR is a clone of the mirror repository (an empty folder or one that
# does not exist becomes a new repository). VERSION defaults to Cargo.toml's;
# postmortem-cli VERSION must be on PyPI before users take the tag.
# Run it after the release is tagged here; it changes nothing in this
# repository. Tagging a version twice fails unless the tag is on the same
# commit (then it is a no-op).
set -euo pipefail
push=false
if [[ ${1:-} == --push ]]; then
  push=true
  shift
fi
(($# >= 1)) || { sed -n '2,15s/^# \{0,1\}//p' "$0" >&2; exit 2; }
repo=$(cd "$(dirname "$0")/.." && pwd)
mirror=$1
version=${2:-$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)}
tag=v$version
files=(.pre-commit-hooks.yaml pyproject.toml pin_backend.py README.md)

mkdir -p "$mirror"
mirror=$(cd "$mirror" && pwd)
if ! git -C "$mirror" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git init -q -b main "$mirror"
fi
for file in "${files[@]}"; do
  cp "$repo/packaging/pre-commit/$file" "$mirror/$file"
done
"$repo/packaging/set-version.sh" "$version" "${files[@]/#/$mirror/}" >/dev/null
grep -q "^version = \"$version\"$" "$mirror/pyproject.toml" &&
  grep -q "\"postmortem-cli==$version\"" "$mirror/pyproject.toml" || {
  echo "publish-pre-commit-mirror: the version was not written into pyproject.toml" >&2
  exit 1
}

git -C "$mirror" add -- "${files[@]}"
if ! git -C "$mirror" diff --cached --quiet || ! git -C "$mirror" rev-parse -q --verify HEAD >/dev/null; then
  git -C "$mirror" commit -q -m "postmortem-cli $version"
fi
head=$(git -C "$mirror" rev-parse HEAD)
if tagged=$(git -C "$mirror" rev-parse -q --verify "refs/tags/$tag^{commit}"); then
  [[ $tagged == "$head" ]] || {
    echo "publish-pre-commit-mirror: $tag already tags another commit ($tagged)" >&2
    exit 1
  }
else
  git -C "$mirror" tag -a "$tag" -m "postmortem-cli $version"
fi
echo "publish-pre-commit-mirror: $mirror at $tag ($(git -C "$mirror" rev-parse --short HEAD))"
if $push; then
  git -C "$mirror" push origin HEAD "refs/tags/$tag"
fi
