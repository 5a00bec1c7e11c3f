#!/usr/bin/env bash
# The offline guarantee, checked on the real binary (docs/safety.md):
#
# 1. The whole command-line flow (check, list, new-sector, score, compare,
#    report) runs inside a network namespace with no network at all
#    (`unshare -n`), and under strace, which must see it open no socket.
# 2. The desktop app runs under Xvfb and `strace -f -e trace=connect`; it
#    resumes an assessment on its results page, is clicked and typed at, and
#    closed. Every connect() it makes must be to a socket on the list below.
#
# The sockets the app may connect to, and why:
#   - the X display: /tmp/.X11-unix/X<N>, as a path or in the abstract
#     namespace (@/tmp/.X11-unix/X<N>); the window is drawn there;
#   - the session bus: $XDG_RUNTIME_DIR/bus (the script clears
#     $DBUS_SESSION_BUS_ADDRESS, so that is where it is looked for);
#     AccessKit asks it for the screen reader's bus;
#   - the C library's name-service cache, /var/run/nscd/socket: not AI-redo's
#     code but Mesa's OpenGL driver, which looks up the user's home folder
#     (getpwuid_r) for its shader cache (seen with `strace -k`). It answers
#     on this machine only.
# Nothing else: no TCP or UDP of any kind, no other local service.
#
# Usage: offline.sh PATH-TO-AIREDO
set -euo pipefail
airedo=$(realpath "$1")
work=$(mktemp -d)
display_number=88
display=:$display_number
cleanup() {
    kill "${app:-}" 2>/dev/null || true
    kill "${xvfb:-}" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "offline: $*" >&2; exit 1; }

# --- 1. The command line with no network --------------------------------
export AIREDO_DATA_DIR=$work/data
mkdir -p "$AIREDO_DATA_DIR"
cat >"$work/flow.sh" <<'EOF'
set -eu
airedo=$1; work=$2
# No interface is up: not even loopback. Prove it before relying on it.
if [ "$(tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | grep -vc '^lo$')" -ne 0 ]; then
    echo "offline: the namespace has a network interface" >&2; exit 1
fi
"$airedo" check --shipped questionnaires >/dev/null
"$airedo" list >/dev/null
"$airedo" new-sector turism >/dev/null
"$airedo" check "$AIREDO_DATA_DIR/questionnaires" >/dev/null
"$airedo" check --coverage questionnaires/robotics.ron >/dev/null
"$airedo" strings export questionnaires/robotics.ron --lang en -o "$work/robotics-en.csv" 2>/dev/null
cp questionnaires/robotics.ron "$work/robotics.ron"
"$airedo" strings import "$work/robotics-en.csv" "$work/robotics.ron" 2>/dev/null
cmp -s questionnaires/robotics.ron "$work/robotics.ron"
"$airedo" score examples/municipality.ron >/dev/null
"$airedo" score --json examples/region-health-transport.ron >/dev/null
cp examples/municipality.ron "$work/before.ron"
"$airedo" compare "$work/before.ron" examples/municipality.ron >/dev/null
"$airedo" report examples/manufacturing-firm.ron -o "$work/report-sv.pdf" >/dev/null
"$airedo" report examples/municipality.ron --lang en --compare "$work/before.ron" -o "$work/report-en.pdf" >/dev/null
test -s "$work/report-sv.pdf" && test -s "$work/report-en.pdf"
EOF
unshare -n -- strace -f -qq -e trace=socket,connect -e signal=none -o "$work/cli.strace" \
    sh "$work/flow.sh" "$airedo" "$work" || fail "the command-line flow failed with no network"
if [ -s "$work/cli.strace" ]; then
    fail "the command line opened sockets:
$(cat "$work/cli.strace")"
fi
echo "offline: the command-line flow ran with no network and opened no socket"

# --- 2. The desktop app under strace --------------------------------------
runtime=$work/runtime
mkdir -m 700 "$runtime"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
# Resume an assessment on its results page, so the app scores it at start.
mkdir -p "$AIREDO_DATA_DIR/assessments"
cp examples/region-health-transport.ron "$AIREDO_DATA_DIR/assessments/region.ron"
cat >"$AIREDO_DATA_DIR/settings.ron" <<EOF
(language: sv, dark: false, zoom: 1.0, last_open: Some("$AIREDO_DATA_DIR/assessments/region.ron"), last_page: Some("results"))
EOF
env -u WAYLAND_DISPLAY -u DBUS_SESSION_BUS_ADDRESS \
    DISPLAY=$display XDG_RUNTIME_DIR=$runtime \
    strace -f -qq -e trace=connect -e signal=none -o "$work/gui.strace" "$airedo" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 120); do
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; fail "the app exited before showing a window"; }
    DISPLAY=$display xdotool search --name '^AI-redo$' >/dev/null 2>&1 && break
    sleep 0.5
done
window=$(DISPLAY=$display xdotool search --name '^AI-redo$' | head -n 1)
[ -n "$window" ] || fail "no window appeared"
sleep 2
# Use it a little: clicks in the page, keyboard navigation, scrolling.
DISPLAY=$display xdotool mousemove --window "$window" 640 400 click 1 \
    key Tab Tab Tab Return click 4 click 5 >/dev/null 2>&1 || true
sleep 2
kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; fail "the app died while used"; }
# Close the app itself (strace's child); strace ends with it.
pkill -TERM -P "$app" || true
wait "$app" 2>/dev/null || true

allowed="sun_path=@?\"(/tmp/\\.X11-unix/X$display_number|$runtime/bus|/var/run/nscd/socket)\""
connects=$(grep -E 'connect\(' "$work/gui.strace" || true)
count=$(printf '%s' "$connects" | grep -c . || true)
[ "$count" -gt 0 ] || fail "strace saw no connect() at all; is the app really traced?"
others=$(printf '%s\n' "$connects" | grep -vE "sa_family=AF_UNIX, $allowed" || true)
if [ -n "$others" ]; then
    fail "the app connected outside the allowed sockets:
$others"
fi
echo "offline: the app made $count connect() calls, all to allowed sockets:"
printf '%s\n' "$connects" | sed -E 's/^[0-9]+ +//; s/connect\([0-9]+, \{sa_family=([A-Z_0-9]+), sun_path=([^}]*)\}.*= (.*)$/  \1 \2 -> \3/' | sort | uniq -c
