#!/bin/bash
# Exit non-zero, saying why, when the series tree and patches/ differ:
# uncommitted changes in the tree, or commits that export differently.
set -eu
. "$(dirname "$0")/lib.sh"

[ -d "$series_src/.git" ] || die "no series tree: run 'make tree'"
rc=0
changes=$(git -C "$series_src" status --porcelain --ignored)
if [ -n "$changes" ]; then
	echo "series-status: $series_src has uncommitted changes:"
	printf '%s\n' "$changes" | head -n 20
	rc=1
fi
branch=$(git -C "$series_src" symbolic-ref -q --short HEAD || echo detached)
if [ "$branch" != series ]; then
	echo "series-status: $series_src is on '$branch', not on branch 'series'"
	rc=1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$top/scripts/export.sh" "$tmp"
if ! diff -r -q -x 'cover-letter.txt' "$top/patches" "$tmp" >"$tmp.diff" 2>&1; then
	echo "series-status: the tree's commits differ from patches/ ('make export' writes them, 'make tree' reapplies patches/):"
	sed -e "s|$tmp|<tree>|g" -e "s|$top/||g" "$tmp.diff"
	rc=1
fi
rm -f "$tmp.diff"
[ $rc -ne 0 ] || echo "series-status: tree and patches/ agree ($(git -C "$series_src" rev-list --count base..series) patches)"
exit $rc
