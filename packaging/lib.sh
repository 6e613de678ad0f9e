# Sourced by test-installer.sh and test-npm.sh (set `name` first): a
# temporary folder `$work` removed on exit, with the background server whose
# pid is in `$server` if one was started; fail, now and seconds; and
# check_lint, what every installed postmortem must do.
work=$(mktemp -d)
server=
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "$name: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# check_lint DIR COMMAND...: COMMAND (a postmortem) run in DIR, where a
# postmortems/ folder is made: `--version` is this version; lint exits 1
# with timeline-order at file:line:column on a contradiction, 0 once fixed.
check_lint() {
  local dir=$1 out status=0
  shift
  out=$(cd "$dir" && "$@" --version) || fail "$* --version exited $?: $out"
  [[ $out == "postmortem $version" ]] || fail "$* --version printed '$out', not postmortem $version"
  mkdir -p "$dir/postmortems"
  cp "$repo/examples/minimal.md" "$dir/postmortems/2026-02-03-login.md"
  cp "$repo/examples/rules/timeline-order.md" "$dir/postmortems/2026-03-01-checkout.md"
  out=$(cd "$dir" && "$@" lint 2>&1) || status=$?
  [[ $status == 1 ]] || fail "$* lint on a contradiction exited $status, not 1: $out"
  grep -q 'error\[timeline-order\]' <<<"$out" || fail "$* lint did not report timeline-order: $out"
  grep -q 'postmortems/2026-03-01-checkout.md:28:9' <<<"$out" || fail "$* lint gave no file:line:column: $out"
  local file=$dir/postmortems/2026-03-01-checkout.md
  sed 's/^  - at: 00:15$/  - at: 2026-03-02 00:15/' "$file" >"$file.new" && mv "$file.new" "$file"
  out=$(cd "$dir" && "$@" lint 2>&1) || fail "$* lint after the fix exited $?: $out"
  grep -q '^0 errors, .* in 2 files$' <<<"$out" || fail "$* lint after the fix printed: $out"
}
