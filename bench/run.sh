#!/usr/bin/env bash
# The benchmark harness: `postmortem lint` on the generated corpora against
# the Markdown linters a team would otherwise run on the same files (rumdl
# from PyPI, markdownlint-cli2 from npm), one file as a whole process, the
# site build, peak memory, and the in-process cost per file (cargo bench).
#
#   bench/run.sh            # installs the peers under target/bench, prints a table
#
# Needs hyperfine (Debian: apt-get install hyperfine), python3 and npm for the
# peers; a peer that cannot be installed is skipped and said so.
set -euo pipefail
cd "$(dirname "$0")/.."

out=target/bench
mkdir -p "$out"
cargo build --release --quiet --example corpus
cargo build --release --quiet
bin=target/release/postmortem
export POSTMORTEM_NOW=2026-11-22T00:00:00Z

for n in 1000 10000; do
  [[ -d $out/corpus-$n ]] || target/release/examples/corpus "$out/corpus-$n" "$n" 42
done
one="$out/corpus-1000/00000.md"

# Peers, installed once under target/bench.
[[ -x $out/venv/bin/rumdl ]] || { python3 -m venv "$out/venv" && "$out/venv/bin/pip" install -q rumdl; } >/dev/null 2>&1 || true
[[ -x $out/node_modules/.bin/markdownlint-cli2 ]] || npm install --silent --prefix "$out" markdownlint-cli2 >/dev/null 2>&1 || true
rumdl=$out/venv/bin/rumdl
mdl=$out/node_modules/.bin/markdownlint-cli2

median() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.4f" % x["median"] for x in r))' "$1"; }
peak_mb() { /usr/bin/time -f %M "$@" >/dev/null 2>"$out/time.txt" || true; awk 'END {printf "%.1f", $1 / 1024}' "$out/time.txt"; }
ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr); $(rustc --version)"
echo "postmortem $($bin --version | cut -d' ' -f2)"

# One run, the three linters interleaved by hyperfine on the same files.
commands=("$bin lint --format concise $out/corpus-10000")
names=(postmortem)
if [[ -x $rumdl ]]; then
  commands+=("$rumdl check --no-cache --quiet $out/corpus-10000")
  names+=("rumdl $($rumdl --version | cut -d' ' -f2)")
fi
if [[ -x $mdl ]]; then
  commands+=("$mdl '$out/corpus-10000/*.md'")
  names+=("markdownlint-cli2 $( { $mdl --help 2>&1 || true; } | awk 'NR == 1 {print $2}')")
fi
hyperfine -i -N --warmup 1 --runs 5 --export-json "$out/lint.json" "${commands[@]}" >/dev/null 2>&1 || true
read -r -a times <<<"$(median "$out/lint.json")"
echo
echo "| lint of 10,000 files | median wall | peak memory | postmortem is |"
echo "|---|---|---|---|"
for i in "${!commands[@]}"; do
  # shellcheck disable=SC2086
  mem=$(peak_mb ${commands[$i]//\'/})
  echo "| ${names[$i]} | ${times[$i]} s | $mem MB | $(ratio "${times[$i]}" "${times[0]}")x faster |"
done
mem1k=$(peak_mb "$bin" lint --format concise "$out/corpus-1000")
echo "| postmortem, 1,000 files | | $mem1k MB | (memory flat: compare with 10,000) |"

hyperfine -i -N --warmup 20 --runs 200 --export-json "$out/one.json" "$bin lint $one" >/dev/null 2>&1 || true
echo
echo "one file as a whole process: $(median "$out/one.json") s median   (target <= 0.002 s)"

# A site build stops on lint errors: build from the corpus minus files with errors.
site_src="$out/site-source"
if [[ ! -d $site_src ]]; then
  cp -r "$out/corpus-1000" "$site_src"
  { "$bin" lint "$site_src" --format json || true; } | python3 -c '
import json, sys, os
for line in sys.stdin:
    f = json.loads(line)
    if f.get("severity") == "error" and os.path.exists(f["file"]): os.remove(f["file"])'
fi
hyperfine -i -N --warmup 1 --runs 5 --export-json "$out/site.json" "$bin site $site_src --out $out/site --include-drafts" >/dev/null 2>&1 || true
echo "site build, $(ls "$site_src" | wc -l) postmortems: $(median "$out/site.json") s median   (target <= 0.6 s)"

echo
echo "in process, per file (cargo bench --bench per_file, 200 corpus files):"
cargo bench --quiet --bench per_file 2>/dev/null | grep -E '^(├|╰|│)' || true

echo
echo "language server, diagnostics after an edit through the protocol (target <= 10 ms):"
python3 bench/lsp.py "$bin" "$one"
