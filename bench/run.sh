#!/usr/bin/env bash
# Benchmarks `postmortem lint` against the targets of issue 6 and, when they
# are installed, against the peers a team would otherwise run on the same
# files: markdownlint-cli2 (npm) and pandoc (Debian).
#
#   bench/run.sh            # corpora in target/bench, results on stdout
#
# Needs hyperfine; markdownlint-cli2 is looked up on PATH and in
# target/bench/node_modules/.bin (npm install --prefix target/bench markdownlint-cli2).
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
mkdir -p "$out"
cargo build --release --quiet --example corpus
cargo build --release --quiet
bin=target/release/postmortem
export POSTMORTEM_NOW=2026-11-22T00:00:00Z

for n in 1000 10000; do
  if [[ ! -d $out/corpus-$n ]]; then
    target/release/examples/corpus "$out/corpus-$n" "$n" 42
  fi
done
one="$out/corpus-1000/00000.md"

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.4f" % x["median"] for x in r))' "$1"; }
peak_kb() { /usr/bin/time -f %M "$@" >/dev/null 2>"$out/time.txt" || true; tail -n 1 "$out/time.txt"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
echo "postmortem $($bin --version | cut -d' ' -f2)"

hyperfine -i --warmup 3 --runs 10 --export-json "$out/lint.json" \
  "$bin lint --format concise $out/corpus-1000" \
  "$bin lint --format concise $out/corpus-10000" >/dev/null 2>&1 || true
read -r lint1k lint10k <<<"$(median "$out/lint.json")"
hyperfine -i --warmup 20 --runs 200 -N --export-json "$out/one.json" "$bin lint $one" >/dev/null 2>&1 || true
one_file=$(median "$out/one.json")
mem1k=$(peak_kb "$bin" lint --format concise "$out/corpus-1000")
mem10k=$(peak_kb "$bin" lint --format concise "$out/corpus-10000")

echo "lint 1,000 files:   ${lint1k} s median, peak ${mem1k} KB"
echo "lint 10,000 files:  ${lint10k} s median, peak ${mem10k} KB   (target <= 1.5 s, < 64 MB, flat)"
echo "lint one file:      ${one_file} s median, whole process     (target < 0.005 s)"

# A site build stops on lint errors: build from the corpus minus files with errors.
site_src="$out/site-source"
if [[ ! -d $site_src ]]; then
  cp -r "$out/corpus-1000" "$site_src"
  "$bin" lint "$site_src" --format concise | grep -o '^[^:]*\.md' | sort -u | while read -r f; do
    "$bin" lint "$f" --format json | grep -q '"severity":"error"' && rm -f "$f"
  done
fi
hyperfine -i -N --warmup 1 --runs 5 --export-json "$out/site.json" "$bin render $site_src --out $out/site --include-drafts" >/dev/null 2>&1 || true
echo "site build, $(ls "$site_src" | wc -l) postmortems: $(median "$out/site.json") s median   (target <= 3 s)"

mdl=$(command -v markdownlint-cli2 || true)
[[ -z $mdl && -x $out/node_modules/.bin/markdownlint-cli2 ]] && mdl=$out/node_modules/.bin/markdownlint-cli2
if [[ -n $mdl ]]; then
  hyperfine --warmup 1 --runs 3 -i --export-json "$out/mdl.json" "$mdl '$out/corpus-10000/*.md'" >/dev/null 2>&1 || true
  mdl10k=$(median "$out/mdl.json")
  echo "markdownlint-cli2 10,000 files: ${mdl10k} s median; postmortem is $(python3 -c "print(f'{$mdl10k/$lint10k:.1f}')")x faster (target >= 25x)"
else
  echo "markdownlint-cli2 not installed: skipped (npm install --prefix $out markdownlint-cli2)"
fi

if command -v pandoc >/dev/null; then
  script="for f in $out/corpus-1000/*.md; do pandoc -s -o /dev/null \"\$f\"; done"
  hyperfine --warmup 0 --runs 1 --export-json "$out/pandoc.json" "bash -c '$script'" >/dev/null 2>&1 || true
  echo "pandoc -s, 1,000 files one at a time: $(median "$out/pandoc.json") s (for scale; postmortem render has no site build yet, issue 3)"
else
  echo "pandoc not installed: skipped"
fi
