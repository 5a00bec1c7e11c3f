#!/usr/bin/env bash
# Makes the PDF report of every example assessment, in Swedish and English,
# and checks each one the way outside tools read it:
# - qpdf --check: the file structure is sound;
# - pdffonts: every font is embedded and subset, with a Unicode map;
# - pdftotext: the text a reader copies (or a screen reader speaks) has the
#   organisation's name, å, ä and ö intact, and the footer's page count.
# Usage: check-reports.sh PATH-TO-AIREDO
set -euo pipefail
airedo=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export AIREDO_DATA_DIR="$out/data"

fail() { echo "check-reports: $*" >&2; exit 1; }

for example in examples/*.ron; do
    for lang in sv en; do
        pdf="$out/$(basename "$example" .ron)-$lang.pdf"
        "$airedo" report "$example" --lang "$lang" -o "$pdf"
        qpdf --check "$pdf" >/dev/null || fail "$pdf: qpdf --check failed"
        # Every font row (after the two header lines) says emb=yes sub=yes uni=yes.
        fonts=$(pdffonts "$pdf" | tail -n +3)
        [ -n "$fonts" ] || fail "$pdf: no fonts"
        if echo "$fonts" | awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit !bad }'; then
            fail "$pdf: a font is not embedded, subset and mapped to Unicode:
$fonts"
        fi
        text=$(pdftotext -enc UTF-8 "$pdf" -)
        name=$(sed -n 's/^ *name: "\(.*\)",$/\1/p' "$example" | head -n 1)
        [ -n "$name" ] || fail "$example: no organisation name found"
        grep -qF "$name" <<<"$text" || fail "$pdf: the text lacks the name '$name'"
        pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
        if [ "$lang" = sv ]; then footer="Sida $pages av $pages"; else footer="Page $pages of $pages"; fi
        grep -qF "$footer" <<<"$text" || fail "$pdf: no footer '$footer'"
        grep -q '[åäöÅÄÖ]' <<<"$text" || fail "$pdf: no å, ä or ö in the text"
        echo "ok: $pdf ($pages pages, $(stat -c %s "$pdf") bytes)"
    done
done
