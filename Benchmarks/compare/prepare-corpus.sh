#!/usr/bin/env bash
# prepare-corpus.sh [DEST] -- builds the development corpus: Debian's libreoffice-help-pt-br
# (2,560 Brazilian Portuguese help pages) under DEST/articles (default /tmp/kbcorpus).
# Same steps as the evaluation set's script: apt-get download, dpkg -x, copy text/**/*.html,
# strip <meta itemprop="keywords"> so index-term queries cannot be answered from the tags.
# Does nothing when DEST/articles already exists.
set -euo pipefail
DEST=${1:-/tmp/kbcorpus}
PKG=${PKG:-libreoffice-help-pt-br}
LANGDIR=${LANGDIR:-pt-BR}
if [ -d "$DEST/articles" ]; then echo "$DEST already prepared"; exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
( cd "$work" && apt-get download "$PKG" >/dev/null 2>&1 ) \
  || { apt-get update >/dev/null; ( cd "$work" && apt-get download "$PKG" >/dev/null ); }
dpkg -x "$work"/*.deb "$work/x"
src="$work/x/usr/share/libreoffice/help/$LANGDIR"
mkdir -p "$DEST/articles.partial"
cp "$src/bookmarks.js" "$src/contents.js" "$DEST/" 2>/dev/null || true
( cd "$src" && find text -name '*.html' ) | while read -r f; do
  mkdir -p "$DEST/articles.partial/$(dirname "$f")"
  sed -E 's#<meta itemprop="keywords" content="[^"]*">##g' "$src/$f" > "$DEST/articles.partial/$f"
done
mv "$DEST/articles.partial" "$DEST/articles"
echo "$(find "$DEST/articles" -name '*.html' | wc -l) articles in $DEST/articles"
