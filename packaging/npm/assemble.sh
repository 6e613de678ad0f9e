#!/usr/bin/env bash
# Assembles the npm packages from the release's archives, in the rumdl/biome
# layout: the wrapper `postmortem-cli` (this folder: package.json, the
# launcher postmortem.js, README.md) whose optionalDependencies are one
# package per platform, `@postmortem-cli/linux-x64-gnu` and so on, each with
# the binary and `os`/`cpu`/`libc` fields so npm installs only the one that
# fits. No package has an install script.
#
#   packaging/npm/assemble.sh [--all] ARCHIVE_DIR OUT_DIR
#
# ARCHIVE_DIR holds cargo-dist's archives (postmortem-cli-TRIPLE.tar.xz,
# postmortem-cli-x86_64-pc-windows-msvc.zip); a platform package is made for
# each archive present (--all: every platform's must be, as on release).
# OUT_DIR gets one folder per package, ready for `npm publish`. The version
# is Cargo.toml's, and the wrapper's pins must be it (set-version.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
all=
if [[ ${1:-} == --all ]]; then all=1; shift; fi
(($# == 2)) || { echo "usage: assemble.sh [--all] ARCHIVE_DIR OUT_DIR" >&2; exit 2; }
archives=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
fail() { echo "npm assemble: $*" >&2; exit 1; }

# The wrapper pins this version, itself and each platform package.
python3 - "$here/package.json" "$version" <<'PY' || exit 1
import json, sys
package, version = json.load(open(sys.argv[1])), sys.argv[2]
wrong = [f"{name} {pin}" for name, pin in [("version", package["version"]), *package["optionalDependencies"].items()] if pin != version]
if wrong or "scripts" in package:
    sys.exit(f"npm assemble: packaging/npm/package.json: {'an install script' if 'scripts' in package else ''} pins {', '.join(wrong)}, not {version}: run packaging/set-version.sh")
PY

rm -rf "$out/postmortem-cli"
mkdir -p "$out/postmortem-cli"
cp "$here/package.json" "$here/postmortem.js" "$here/README.md" "$out/postmortem-cli/"
chmod +x "$out/postmortem-cli/postmortem.js"

made=()
# triple  npm-platform  os  cpu  libc
while read -r triple platform os cpu libc; do
  exe=postmortem
  if [[ $os == win32 ]]; then
    archive=$archives/postmortem-cli-$triple.zip exe=postmortem.exe
  else
    archive=$archives/postmortem-cli-$triple.tar.xz
  fi
  if [[ ! -f $archive ]]; then
    [[ -z $all ]] || fail "no $(basename "$archive") in $archives"
    continue
  fi
  dir=$out/$platform
  rm -rf "$dir" "$out/.unpack"
  mkdir -p "$dir" "$out/.unpack"
  if [[ $archive == *.zip ]]; then
    python3 -m zipfile -e "$archive" "$out/.unpack"
  else
    tar -xJf "$archive" -C "$out/.unpack"
  fi
  binary=$(find "$out/.unpack" -type f -name "$exe" | head -n 1)
  [[ -n $binary ]] || fail "no $exe in $(basename "$archive")"
  cp "$binary" "$dir/$exe"
  chmod +x "$dir/$exe"
  rm -rf "$out/.unpack"
  python3 - "$dir/package.json" "$platform" "$version" "$os" "$cpu" "$libc" "$exe" "$triple" <<'PY'
import json, sys
path, platform, version, os_, cpu, libc, exe, triple = sys.argv[1:]
package = {
    "name": f"@postmortem-cli/{platform}",
    "version": version,
    "description": f"The postmortem binary for {triple}, installed by postmortem-cli",
    "license": "MIT OR Apache-2.0",
    "repository": {"type": "git", "url": "git+https://github.com/OWNER/postmortem.git"},
    "os": [os_],
    "cpu": [cpu],
    "files": [exe],
    "preferUnplugged": True,
}
if libc != "-":
    package["libc"] = [libc]
json.dump(package, open(path, "w"), indent=2)
open(path, "a").write("\n")
PY
  made+=("@postmortem-cli/$platform")
done <<'TABLE'
x86_64-unknown-linux-gnu linux-x64-gnu linux x64 glibc
x86_64-unknown-linux-musl linux-x64-musl linux x64 musl
aarch64-unknown-linux-gnu linux-arm64-gnu linux arm64 glibc
aarch64-unknown-linux-musl linux-arm64-musl linux arm64 musl
x86_64-apple-darwin darwin-x64 darwin x64 -
aarch64-apple-darwin darwin-arm64 darwin arm64 -
x86_64-pc-windows-msvc win32-x64 win32 x64 -
TABLE
((${#made[@]})) || fail "no archive of the release in $archives"
echo "npm assemble: postmortem-cli $version and ${made[*]} in $out"
