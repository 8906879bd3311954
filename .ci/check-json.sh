#!/usr/bin/env bash
# Every bundled and generated instance, every plan that `meiplan solve` writes, and the JSON that solve, evaluate and
# diff print validate against the schemas shipped in the models jar, checked by an independent validator (Debian's
# python3-jsonschema, run by /usr/bin/python3). Needs the built CLI (./meiplan).
set -euo pipefail
cd "$(dirname "$0")/.."
schemas=models/src/main/resources/org/meiplan/models/schema
check() { /usr/bin/python3 .ci/check-schemas.py "$schemas" "$@"; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/meiplan-ci-json.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Instances: bundled, golden, and one generated per scenario (a moving scenario writes several snapshots).
instances=$(ls datasets/instances/*.json datasets/src/main/resources/org/meiplan/datasets/golden/*.json | grep -v -e '\.plan\.json$' -e '/optima\.json$')
for scenario in mobile-health humanoid-robots autonomous-driving virtual-assistant; do
  ./meiplan generate --scenario "$scenario" --size tiny --seed 7 -o "$tmp/gen-$scenario.json" 2>/dev/null
done
# shellcheck disable=SC2086
check instance $instances "$tmp"/gen-*.json

# Plans written by solve -o, and what solve --json prints (a plan with report and evaluation).
plans=""
for instance in datasets/instances/edge-tiny.json "$tmp/gen-virtual-assistant.json" "$tmp/gen-mobile-health.json"; do
  name=$(basename "$instance" .json)
  ./meiplan solve "$instance" -q --time-limit 20s -o "$tmp/$name.plan.json" --json > "$tmp/$name.report.json" || [ $? -eq 3 ]
  ./meiplan evaluate --json "$instance" "$tmp/$name.plan.json" > "$tmp/$name.evaluation.json" || [ $? -eq 3 ]
  plans="$plans $tmp/$name.plan.json $tmp/$name.report.json"
done
# shellcheck disable=SC2086
check plan datasets/instances/*.plan.json $plans
check evaluation "$tmp"/*.evaluation.json
./meiplan solve datasets/instances/edge-tiny.json -q --stage caching -o "$tmp/caching-only.plan.json" >/dev/null
./meiplan diff --json --instance datasets/instances/edge-tiny.json "$tmp/edge-tiny.plan.json" "$tmp/caching-only.plan.json" > "$tmp/with-instance.diff.json" || [ $? -eq 1 ]
./meiplan diff --json "$tmp/edge-tiny.plan.json" "$tmp/caching-only.plan.json" > "$tmp/without-instance.diff.json" || [ $? -eq 1 ]
check diff "$tmp"/*.diff.json
check study-spec notebooks/specs/*.json
if grep -l '"NaN"\|Infinity' "$tmp"/*.json; then
  echo "ci: NaN or Infinity written as JSON text in the files above" >&2
  exit 1
fi
echo "ci: every instance, plan, evaluation, diff and study spec validates against the shipped schemas"
