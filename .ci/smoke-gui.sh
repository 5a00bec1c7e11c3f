#!/usr/bin/env bash
# Smoke test of the real app: start the binary under Xvfb, wait for its
# window, take a screenshot, check that it is not blank, close the app.
# Usage: .ci/smoke-gui.sh path/to/airedo [screenshot.png [ARGS...]]
# With ARGS (e.g. `preview questionnaires/robotics.ron`), the binary is
# started with them and any window whose title starts with AI-redo counts.
set -euo pipefail
binary=$1
shot=${2:-/tmp/airedo-smoke.png}
shift $(( $# < 2 ? $# : 2 ))
args=("$@")
title='^AI-redo$'
[ ${#args[@]} -eq 0 ] || title='^AI-redo'

display=:87
data=$(mktemp -d)

Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
    kill "${app:-}" 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT
sleep 1

if [ ! -x "$binary" ]; then
    echo "smoke: $binary is not an executable"; exit 1
fi
AIREDO_DATA_DIR=$data DISPLAY=$display "$binary" "${args[@]}" >"$data/app.log" 2>&1 &
app=$!
# Wait (at most 60 s) for a window titled AI-redo; fail at once if the app dies.
for _ in $(seq 1 120); do
    if ! kill -0 "$app" 2>/dev/null; then
        echo "smoke: the app exited before showing a window:"; cat "$data/app.log"; exit 1
    fi
    if DISPLAY=$display xdotool search --name "$title" >/dev/null 2>&1; then
        break
    fi
    sleep 0.5
done
if ! DISPLAY=$display xdotool search --name "$title" >/dev/null 2>&1; then
    echo "smoke: no AI-redo window appeared within 60 s"; cat "$data/app.log"; exit 1
fi
sleep 2
DISPLAY=$display import -window root "$shot"
# A blank screen has one or two colours; the start screen has hundreds.
colours=$(identify -format '%k' "$shot")
echo "smoke: window up, screenshot $shot has $colours colours"
if [ "$colours" -lt 50 ]; then
    echo "smoke: the screenshot looks blank"; exit 1
fi
kill -TERM "$app"
for _ in $(seq 1 50); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.1
done
if kill -0 "$app" 2>/dev/null; then
    echo "smoke: the app did not close"; exit 1
fi
echo "smoke: the app closed"
