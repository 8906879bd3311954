#!/usr/bin/env bash
# Command-line conventions and the LP/MPS export, end to end through the launcher (needs the built CLI):
# glpsol solves the exported caching and serving programs of the bundled instance (LP, free and fixed MPS) to the
# same optimum as each other and, for serving, as `meiplan solve` (same program: cache free, default objective);
# the launcher works through a symlink and keeps a -Djava.io.tmpdir given in MEIPLAN_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/meiplan-ci-cli.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
instance=datasets/instances/edge-tiny.json
objective() { sed -n 's/^Objective: *[^ ]* = \([-0-9.eE+]*\).*/\1/p' "$1"; }
close() { /usr/bin/python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(a - b) > 1e-6 * max(1, abs(a)))" "$1" "$2"; }
for stage in caching serving; do
  ./meiplan export "$instance" --stage "$stage" --format lp -o "$tmp/$stage.lp" 2>/dev/null
  ./meiplan export "$instance" --stage "$stage" --format mps -o "$tmp/$stage.mps" 2>/dev/null
  ./meiplan export "$instance" --stage "$stage" --format fixed-mps -o "$tmp/$stage-fixed.mps" 2>/dev/null
  glpsol --lp "$tmp/$stage.lp" -o "$tmp/$stage.lp.sol" >/dev/null
  glpsol --freemps "$tmp/$stage.mps" -o "$tmp/$stage.mps.sol" >/dev/null
  glpsol --mps "$tmp/$stage-fixed.mps" -o "$tmp/$stage-fixed.mps.sol" >/dev/null
  lp=$(objective "$tmp/$stage.lp.sol"); mps=$(objective "$tmp/$stage.mps.sol"); fixed=$(objective "$tmp/$stage-fixed.mps.sol")
  grep -q "INTEGER OPTIMAL" "$tmp/$stage.lp.sol"
  # the programs maximise; MPS holds the minimisation of the negated objective
  close "$lp" "$(/usr/bin/python3 -c "print(-$mps)")"
  close "$lp" "$(/usr/bin/python3 -c "print(-$fixed)")"
  echo "ci: glpsol: $stage LP optimum $lp, free MPS $mps, fixed MPS $fixed"
done
ours=$(./meiplan solve "$instance" --stage serving --algorithm exact -q --json | /usr/bin/python3 -c "import json, sys; print(json.load(sys.stdin)['solves'][0]['objective'])")
close "$(objective "$tmp/serving.lp.sol")" "$ours"
echo "ci: glpsol's serving optimum equals meiplan solve's ($ours)"
ln -s "$PWD/meiplan" "$tmp/meiplan-link"
(cd "$tmp" && ./meiplan-link --version >/dev/null)
MEIPLAN_JAVA_OPTS="-Xmx1g -Djava.io.tmpdir=$tmp -XshowSettings:properties" "$tmp/meiplan-link" --version 2>&1 | grep -q "java.io.tmpdir = $tmp"
echo "ci: the launcher runs through a symlink and keeps MEIPLAN_JAVA_OPTS' java.io.tmpdir"
