#!/bin/bash
# Create or refresh the series tree: the base commit with every patch of
# patches/series applied by git am, on branch "series".  A tree that holds
# local commits or changes not exported to patches/ is left alone unless
# FORCE=1 (export them first with 'make export').
#
# Tag "baseline" marks the end of the test prefix: the leading patches that
# touch nothing but tests and documentation (see baseline_paths in lib.sh).
# The vanilla worktree is checked out there, so that the vanilla and the
# patched kernel run the same tests.
set -eu
. "$(dirname "$0")/lib.sh"

"$top/scripts/base.sh"

patches_sum=$(patches_sum)
head=$(git -C "$series_src" rev-parse HEAD)

# Tag the end of the test prefix and move the vanilla worktree there.
sync_baseline() {
	local c last
	last=$(git -C "$series_src" rev-parse base)
	for c in $(git -C "$series_src" rev-list --reverse base..series); do
		test_only_commit "$c" || break
		last=$c
	done
	git -C "$series_src" tag -f baseline "$last" >/dev/null
	if [ "$(git -C "$vanilla_src" rev-parse HEAD)" != "$last" ]; then
		git -C "$vanilla_src" checkout -q --detach baseline
	fi
	echo "tree: baseline (vanilla) = base + $(git -C "$series_src" rev-list --count base..baseline) test patches"
}

if [ -f "$stamp" ] && [ "$(sed -n 1p "$stamp")" = "$patches_sum" ] &&
	[ "$(sed -n 2p "$stamp")" = "$head" ] &&
	[ -z "$(git -C "$series_src" status --porcelain --ignored)" ]; then
	echo "tree: up to date ($(git -C "$series_src" rev-list --count base..HEAD) patches)"
	sync_baseline
	exit 0
fi

if [ "${FORCE:-0}" != 1 ]; then
	if [ -n "$(git -C "$series_src" status --porcelain --ignored)" ]; then
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
am_series tree "$series_src" "$top/patches"
write_stamp
sync_baseline
