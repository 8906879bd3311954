#!/usr/bin/env bash
# `meiplan report` pages render in headless Chromium (Debian's chromium): the page's script ran
# (body data-rendered="ok"), reported no error, loaded nothing from the network, and its screenshot is not blank.
# Needs the built CLI (./meiplan). Leaves the screenshots in $MEIPLAN_REPORT_SHOTS when that is set.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/meiplan-ci-report.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
browser() {
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$(mktemp -d "$tmp/profile.XXXXXX")" "$@" 2>>"$tmp/chromium.log"
}
./meiplan generate --scenario virtual-assistant --size small --seed 3 -o "$tmp/va.json" 2>/dev/null
./meiplan solve "$tmp/va.json" -q --time-limit 20s -o "$tmp/va.plan.json" >/dev/null || [ $? -eq 3 ]
./meiplan solve datasets/instances/edge-tiny.json -q --time-limit 20s -o "$tmp/tiny.plan.json" >/dev/null
for name in tiny va; do
  instance=datasets/instances/edge-tiny.json
  [ "$name" = va ] && instance="$tmp/va.json"
  ./meiplan report "$instance" "$tmp/$name.plan.json" -o "$tmp/$name.html" 2>/dev/null || [ $? -eq 3 ]
  if grep -Eio '(src|href)="(https?:)?//[^"]*' "$tmp/$name.html"; then
    echo "ci: report $name refers to the network" >&2
    exit 1
  fi
  browser --dump-dom "file://$tmp/$name.html" > "$tmp/$name.dom.html"
  grep -q 'data-rendered="ok"' "$tmp/$name.dom.html" || { echo "ci: report $name: script did not finish" >&2; exit 1; }
  if grep -q 'data-errors=' "$tmp/$name.dom.html"; then
    echo "ci: report $name: script errors:" >&2
    sed -n 's/.*<div id="errors"[^>]*>\([^<]*\)<.*/\1/p' "$tmp/$name.dom.html" >&2
    exit 1
  fi
  browser --window-size=1280,2000 --screenshot="$tmp/$name.png" "file://$tmp/$name.html" >/dev/null
  /usr/bin/python3 .ci/png-not-blank.py "$tmp/$name.png"
  if [ -n "${MEIPLAN_REPORT_SHOTS:-}" ]; then cp "$tmp/$name.png" "$MEIPLAN_REPORT_SHOTS/report-$name.png"; fi
done
echo "ci: meiplan report pages render in headless Chromium without errors"
