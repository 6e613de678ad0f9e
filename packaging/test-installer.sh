#!/usr/bin/env bash
# Tests the release's shell installer (cargo-dist, dist-workspace.toml) as a
# user runs it, against a loopback HTTP server instead of GitHub:
#   - .github/workflows/release.yml is what dist generates from
#     dist-workspace.toml (`dist generate --check`);
#   - `dist build` builds this machine's archive as the release names it
#     (postmortem-cli-TRIPLE.tar.xz and its .sha256), then the global
#     artifacts: the shell and PowerShell installers, the Homebrew formula and
#     sha256.sum; the installer and the formula carry the archive's checksum,
#     and the formula is valid Ruby (where ruby is installed);
#   - a folder with the archive is served on 127.0.0.1, and the installer runs
#     with nothing but /usr/bin:/bin on PATH, a temporary HOME, its download
#     URL overridden (POSTMORTEM_CLI_DOWNLOAD_URL, dist's
#     INSTALLER_DOWNLOAD_URL) and POSTMORTEM_CLI_NO_MODIFY_PATH=1: it fetches
#     the archive from the server, verifies its checksum, installs to
#     ~/.local/bin and edits no shell profile; the installed postmortem prints
#     its version and lints (exit 1 on a contradiction, 0 once fixed);
#   - POSTMORTEM_CLI_INSTALL_DIR installs to the folder it names;
#   - an archive changed after the release was built is refused (checksum
#     mismatch) and nothing is installed.
# The PowerShell installer is checked for the Windows archive's name and
# checksum only: there is no PowerShell here.
#
#   packaging/test-installer.sh
#
# Needs a Rust toolchain, dist (PyPI astral-dev-toolchain-cargo-dist) on PATH,
# python3, curl or wget, tar, xz and sha256sum. Reaches no network: the build
# is `cargo build --locked` from the local registry cache (under `nice`).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n 1)
dist=$(command -v dist) || { echo "test-installer: dist is not on PATH (pip install astral-dev-toolchain-cargo-dist)" >&2; exit 2; }
triple=$(rustc -vV | sed -n 's/^host: //p')
case $triple in
  x86_64-unknown-linux-gnu | aarch64-unknown-linux-gnu) ;;
  *) echo "test-installer: runs on Linux (x86_64, aarch64 gnu), not $triple" >&2; exit 2 ;;
esac
archive=postmortem-cli-$triple.tar.xz

name=test-installer
# shellcheck source=packaging/lib.sh
. "$repo/packaging/lib.sh"

cd "$repo"
"$dist" generate --check >"$work/generate.log" 2>&1 ||
  fail "release.yml differs from what dist generates from dist-workspace.toml (run dist generate): $(cat "$work/generate.log")"

# --- the release's artifacts for this machine -------------------------------
# dist writes them to the workspace's target/distrib whatever CARGO_TARGET_DIR
# says (the build itself goes to CARGO_TARGET_DIR).
distrib=$repo/target/distrib
rm -rf "$distrib"
t0=$(now)
nice -n 10 "$dist" build --artifacts=local --target "$triple" --output-format=json \
  >"$work/local.json" 2>"$work/local.log" || { tail -n 40 "$work/local.log" >&2; fail "dist build (local) failed"; }
# As release.yml's global job: the local builds' manifests beside the archives.
cp "$work/local.json" "$distrib/$triple-dist-manifest.json"
"$dist" build --artifacts=global --output-format=json >"$work/global.json" 2>"$work/global.log" ||
  { cat "$work/global.log" >&2; fail "dist build (global) failed"; }
echo "test-installer: dist build in $(seconds "$t0" "$(now)") s: $(cd "$distrib" && ls | grep -v dist-manifest | tr '\n' ' ')"

for file in "$archive" "$archive.sha256" postmortem-cli-installer.sh postmortem-cli-installer.ps1 \
  postmortem-cli.rb sha256.sum; do
  [[ -s $distrib/$file ]] || fail "dist built no $file"
done
sum=$(sha256sum "$distrib/$archive" | cut -d' ' -f1)
[[ $(cut -d' ' -f1 "$distrib/$archive.sha256") == "$sum" ]] || fail "$archive.sha256 is not the archive's checksum"
grep -q "^$sum \*\?$archive\$" "$distrib/sha256.sum" || fail "sha256.sum does not list $archive: $(cat "$distrib/sha256.sum")"
tar -tJf "$distrib/$archive" >"$work/archive.txt"
grep -qx "postmortem-cli-$triple/postmortem" "$work/archive.txt" || fail "no postmortem in $archive: $(cat "$work/archive.txt")"

# The installer knows the archive's checksum (else it installs unchecked).
installer=$distrib/postmortem-cli-installer.sh
grep -q "^ *_checksum_value=\"$sum\"" "$installer" || fail "the shell installer does not carry $archive's checksum"
grep -q 'postmortem-cli-x86_64-pc-windows-msvc.zip' "$distrib/postmortem-cli-installer.ps1" ||
  fail "the PowerShell installer does not name the Windows archive"
# The Homebrew formula: this release's archive from OWNER's GitHub release, with its checksum.
formula=$distrib/postmortem-cli.rb
grep -q "^class PostmortemCli < Formula" "$formula" || fail "the formula is not PostmortemCli: $(head "$formula")"
grep -q "url \"https://github.com/OWNER/postmortem/releases/download/v$version/$archive\"" "$formula" ||
  fail "the formula does not download $archive from v$version: $(cat "$formula")"
grep -q "sha256 \"$sum\"" "$formula" || fail "the formula does not carry $archive's checksum"
grep -q 'bin.install "postmortem"' "$formula" || fail "the formula installs no postmortem"
if command -v ruby >/dev/null 2>&1; then
  ruby -c "$formula" >/dev/null || fail "the formula is not valid Ruby"
fi
echo "test-installer: $archive, its checksum in .sha256, sha256.sum, the shell installer and the formula: ok"

# --- the installer against a loopback server --------------------------------
mkdir -p "$work/www/release" "$work/www/tampered"
cp "$distrib/$archive" "$distrib/$archive.sha256" "$work/www/release/"
cp "$distrib/$archive.sha256" "$work/www/tampered/"
# The same archive with one byte more: what a corrupted or swapped download looks like.
{ cat "$distrib/$archive"; printf '\0'; } >"$work/www/tampered/$archive"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/www" >"$work/server.log" 2>&1 &
server=$!
port=
for _ in $(seq 100); do
  port=$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\) .*/\1/p' "$work/server.log")
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || fail "the HTTP server did not start: $(cat "$work/server.log")"
base=http://127.0.0.1:$port

install() { # install HOME LOG [VAR=VALUE...]: the installer as a user runs it, nothing else on PATH
  local home=$1 log=$2
  shift 2
  mkdir -p "$home"
  env -i PATH=/usr/bin:/bin HOME="$home" POSTMORTEM_CLI_NO_MODIFY_PATH=1 "$@" \
    sh "$installer" >"$log" 2>&1
}

home=$work/home
t0=$(now)
install "$home" "$work/install.log" POSTMORTEM_CLI_DOWNLOAD_URL="$base/release" ||
  fail "the installer failed: $(cat "$work/install.log")"
elapsed=$(seconds "$t0" "$(now)")
grep -q "\"GET /release/$archive HTTP/1.[01]\" 200" "$work/server.log" ||
  fail "the installer did not download $archive from the loopback server: $(cat "$work/server.log")"
if grep -q 'no checksums to verify\|skipping sha256' "$work/install.log"; then
  fail "the installer did not verify the checksum: $(cat "$work/install.log")"
fi
bin=$home/.local/bin
[[ -x $bin/postmortem ]] || fail "postmortem is not in ~/.local/bin: $(cat "$work/install.log")"
for profile in .profile .bashrc .bash_profile .zshrc .zshenv .config/fish; do
  [[ ! -e $home/$profile ]] || fail "the installer wrote $profile despite POSTMORTEM_CLI_NO_MODIFY_PATH"
done
echo "test-installer: installed from $base/release into ~/.local/bin in $elapsed s, checksum verified, no profile edited"

run() { env -i HOME="$home" PATH="$bin:/usr/bin:/bin" POSTMORTEM_NOW=2026-03-05T12:00:00Z NO_COLOR=1 "$@"; }
mkdir -p "$work/sample"
check_lint "$work/sample" run postmortem
echo "test-installer: the installed postmortem: --version $version, lint (exit 1 on a contradiction, 0 once fixed): ok"

# POSTMORTEM_CLI_INSTALL_DIR: where the user says.
install "$work/home2" "$work/install2.log" POSTMORTEM_CLI_DOWNLOAD_URL="$base/release" \
  POSTMORTEM_CLI_INSTALL_DIR="$work/tools" || fail "the installer failed: $(cat "$work/install2.log")"
[[ -x $work/tools/postmortem ]] ||
  fail "POSTMORTEM_CLI_INSTALL_DIR: no postmortem in $work/tools: $(cat "$work/install2.log")"
[[ $("$work/tools/postmortem" --version) == "postmortem $version" ]] || fail "POSTMORTEM_CLI_INSTALL_DIR: not $version"
[[ ! -e $work/home2/.local/bin/postmortem ]] || fail "POSTMORTEM_CLI_INSTALL_DIR: installed to ~/.local/bin too"
echo "test-installer: POSTMORTEM_CLI_INSTALL_DIR: installed where it says"

# A tampered archive (dist's INSTALLER_DOWNLOAD_URL, the generic name): refused.
! install "$work/home3" "$work/tampered.log" INSTALLER_DOWNLOAD_URL="$base/tampered" ||
  fail "the installer installed a tampered archive: $(cat "$work/tampered.log")"
grep -q "\"GET /tampered/$archive HTTP/1.[01]\" 200" "$work/server.log" || fail "the tampered archive was not downloaded"
grep -q 'checksum mismatch' "$work/tampered.log" || fail "no checksum mismatch reported: $(cat "$work/tampered.log")"
[[ ! -e $work/home3/.local/bin/postmortem ]] || fail "a tampered archive left postmortem installed"
echo "test-installer: a tampered archive: checksum mismatch, nothing installed"
echo "test-installer: ok"
