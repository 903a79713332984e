#!/bin/bash
# Write the series tree's commits (base..series) as git format-patch files
# plus patches/series and 0000-cover-letter.patch.  Output is stable: no
# commit hashes, numbers or signatures; unchanged files are not rewritten.
# Usage: export.sh [DIR]   (default: patches/)
set -eu
. "$(dirname "$0")/lib.sh"

dest=${1:-$top/patches}
[ -d "$series_src/.git" ] || die "no series tree: run 'make tree'"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

git -C "$series_src" format-patch -q --zero-commit --no-signature -N \
	--subject-prefix=PATCH -o "$tmp" base..series
{
	echo "# The series, applied in this order onto the base commit by 'make tree'."
	echo "# Written by 'make export'; edit the tree, not this file."
	(cd "$tmp" && ls -- *.patch 2>/dev/null) || true
} >"$tmp/series"

n=$(git -C "$series_src" rev-list --count base..series)
cover=$top/cover-letter.txt
if [ -f "$cover" ]; then
	{
		echo "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001"
		echo "From: $(cfg WB_NAME) <$(cfg WB_EMAIL)>"
		echo "Date: $(git -C "$series_src" log -1 --format=%aD series)"
		echo "Subject: [PATCH 0/$n] $(sed -n 1p "$cover")"
		echo
		sed 1d "$cover" | sed '1{/^$/d}'
		echo
		git -C "$series_src" shortlog base..series
		git -C "$series_src" diff --stat=72 base series
	} >"$tmp/0000-cover-letter.patch"
fi

mkdir -p "$dest"
for f in "$tmp"/*; do
	name=${f##*/}
	cmp -s "$f" "$dest/$name" || cp "$f" "$dest/$name"
done
for f in "$dest"/*.patch; do
	[ -e "$f" ] || continue
	[ -e "$tmp/${f##*/}" ] || rm -f "$f"
done
# patches/ now holds exactly the tree's commits.
if [ "$dest" = "$top/patches" ] &&
	[ "$(git -C "$series_src" rev-parse HEAD)" = "$(git -C "$series_src" rev-parse series)" ]; then
	write_stamp
fi
