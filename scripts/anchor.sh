#!/bin/bash
# Create or refresh the anchor tree of 'make bench': Debian's ANCHOR_PKG at
# ANCHOR_PKG_VER in build/anchor/src (tag "base") with patches-6.12/series
# applied by git am on branch "series".  The tree is only built and
# measured, never edited: it is re-applied whenever patches-6.12/ changes.
set -eu
. "$(dirname "$0")/lib.sh"

pdir=$top/patches-6.12
"$top/scripts/base.sh" "$(cfg ANCHOR_PKG)" "$(cfg ANCHOR_PKG_VER)" "$anchor_src"

sum=$(cat "$pdir/series" "$pdir/"*.patch | sha256sum | cut -d' ' -f1)
applied=$build/anchor/series.applied
if [ -f "$applied" ] && [ "$(cat "$applied")" = "$sum" ] &&
	[ -z "$(git -C "$anchor_src" status --porcelain)" ]; then
	echo "anchor: up to date"
	exit 0
fi

git -C "$anchor_src" checkout -q -f -B series base
git -C "$anchor_src" clean -q -fd
am_series anchor "$anchor_src" "$pdir"
echo "$sum" >"$applied"
