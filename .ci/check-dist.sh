#!/usr/bin/env bash
# The distribution tarball (cli/target/meiplan-VERSION.tar.gz, built by mvn package) runs from an unrelated folder:
# unpacked into a fresh folder, its bin/meiplan solves, evaluates and reports on the bundled instance from another
# folder, directly and through a symlink; every file it writes there has the umask's mode.
set -euo pipefail
cd "$(dirname "$0")/.."
tarball=$(ls cli/target/meiplan-*.tar.gz | head -1)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/meiplan-ci-dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/opt" "$tmp/work" "$tmp/bin"
tar -xzf "$tarball" -C "$tmp/opt"
home=$(ls -d "$tmp"/opt/meiplan-*)
test -x "$home/bin/meiplan"
ls "$home/lib" | grep -q '^meiplan-cli-.*\.jar$'
ls "$home/lib" | grep -q '^ortools-linux-x86-64-.*\.jar$'
test -f "$home/docs/schemas/plan.schema.json"
ln -s "$home/bin/meiplan" "$tmp/bin/meiplan"
cd "$tmp/work"
umask 022
"$home/bin/meiplan" --version
"$tmp/bin/meiplan" solve "$home/instances/edge-tiny.json" -q --time-limit 20s -o plan.json > solve.txt
grep -q "Plan is FEASIBLE" solve.txt
"$tmp/bin/meiplan" evaluate "$home/instances/edge-tiny.json" plan.json > /dev/null
"$tmp/bin/meiplan" report "$home/instances/edge-tiny.json" plan.json -o plan.html 2>/dev/null
test "$(stat -c %a plan.json)" = 644
test "$(stat -c %a plan.html)" = 644
echo "ci: $(basename "$tarball") runs solve, evaluate and report from an unrelated folder and through a symlink"
