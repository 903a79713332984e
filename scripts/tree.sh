#!/bin/bash
# Create or refresh the series tree: the base commit with every patch of
# patches/series applied by git am, on branch "series".  A tree that holds
# local commits or changes not exported to patches/ is left alone unless
# FORCE=1 (export them first with 'make export').
set -eu
. "$(dirname "$0")/lib.sh"

"$top/scripts/base.sh"

stamp=$build/patched/series.applied
patches_sum=$(cat "$top/patches/series" "$top/patches/"*.patch 2>/dev/null | sha256sum | cut -d' ' -f1)
head=$(git -C "$series_src" rev-parse HEAD)

if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$patches_sum" ] &&
	[ "$(sed -n 2p "$stamp")" = "$head" ] &&
	[ -z "$(git -C "$series_src" status --porcelain)" ]; then
	echo "tree: up to date ($(git -C "$series_src" rev-list --count base..HEAD) patches)"
	exit 0
fi

if [ "${FORCE:-0}" != 1 ]; then
	if [ -n "$(git -C "$series_src" status --porcelain)" ]; then
		die "tree: $series_src has uncommitted changes; commit and 'make export', or FORCE=1 to discard"
	fi
	if [ "$head" != "$(git -C "$series_src" rev-parse base)" ] &&
		{ [ ! -f "$stamp" ] || [ "$(sed -n 2p "$stamp")" != "$head" ]; }; then
		die "tree: $series_src has commits that were not applied from patches/; 'make export' them, or FORCE=1 to discard"
	fi
fi

git -C "$series_src" checkout -q -f series
git -C "$series_src" reset -q --hard base
git -C "$series_src" clean -q -fdx
n=0
while read -r p; do
	n=$((n + 1))
	if ! sgit am -q --whitespace=nowarn "$top/patches/$p" 2>"$build/am.err"; then
		sgit am --abort 2>/dev/null || true
		cat "$build/am.err" >&2
		die "tree: patch $n ($p) does not apply"
	fi
done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$top/patches/series")
printf '%s\n%s\n' "$patches_sum" "$(git -C "$series_src" rev-parse HEAD)" >"$stamp"
echo "tree: applied $n patches"
