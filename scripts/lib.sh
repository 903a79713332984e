# Shared helpers for the workbench scripts; sourced, not run.
# shellcheck shell=bash

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$top/build
# The series tree (edit here), the vanilla worktree and their object dirs.
# Each object dir sits next to its source dir so that ccache (with
# CCACHE_BASEDIR=$build) sees the same relative paths in both trees.
series_src=$build/patched/src
vanilla_src=$build/vanilla/src
# The 6.12 anchor of 'make bench': its own base commit plus patches-6.12/.
anchor_src=$build/anchor/src

die() {
	echo "error: $*" >&2
	exit 1
}

# Read a variable from config.mk unless the environment already has it.
cfg() {
	local v
	v=$(printenv "$1" || true)
	if [ -z "$v" ]; then
		v=$(sed -n "s/^$1[[:space:]]*?=[[:space:]]*//p" "$top/config.mk")
	fi
	printf '%s\n' "$v"
}

# Source dir and object dir of a flavour.  lockstat-K is kernel K with
# configs/lockstat.config (make bench's lock_stat section).
flavour_src() {
	case $1 in
	lockstat-vanilla | lockstat-patched | lockstat-anchor)
		flavour_src "${1#lockstat-}"
		;;
	vanilla) echo "$vanilla_src" ;;
	patched | debug) echo "$series_src" ;;
	bisect) echo "$build/bisect/src" ;;
	anchor) echo "$anchor_src" ;;
	*) die "unknown flavour '$1' (vanilla, patched, debug, bisect, anchor, lockstat-*)" ;;
	esac
}

flavour_obj() {
	flavour_src "$1" >/dev/null
	echo "$build/$1/obj"
}

# Config fragments of a flavour, in merge order.
flavour_frags() {
	case $1 in
	debug) echo "$top/configs/guest.config $top/configs/debug.config" ;;
	lockstat-*) echo "$top/configs/guest.config $top/configs/lockstat.config" ;;
	*) echo "$top/configs/guest.config" ;;
	esac
}

# Set $cc, the C compiler for kernel builds: ccache gcc when ccache is
# installed.  CCACHE_BASEDIR makes paths relative, so that vanilla and
# patched share cache hits.  Call it directly, not in $(...).
# shellcheck disable=SC2034 # $cc is read by the scripts that source this
set_kernel_cc() {
	cc=gcc
	if command -v ccache >/dev/null; then
		export CCACHE_BASEDIR=$build CCACHE_NOHASHDIR=1 CCACHE_MAXSIZE=8G
		cc="ccache gcc"
	fi
}

# am_series NAME SRC PATCHDIR: apply PATCHDIR/series onto SRC with git am
# as the project identity; a patch that does not apply fails with its name.
am_series() {
	local name=$1 src=$2 pdir=$3 n=0 p
	while read -r p; do
		n=$((n + 1))
		if ! git -C "$src" -c user.name="$(cfg WB_NAME)" \
			-c user.email="$(cfg WB_EMAIL)" \
			am -q --whitespace=nowarn "$pdir/$p" 2>"$build/am.err"; then
			git -C "$src" am --abort 2>/dev/null || true
			cat "$build/am.err" >&2
			die "$name: patch $n ($p) does not apply"
		fi
	done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$pdir/series")
	echo "$name: applied $n patches"
}

# The paths a patch of the test prefix may touch: tests and documentation.
# The baseline kernel (vanilla) is base plus that prefix.
baseline_paths='^(lib/test_vmalloc\.c|tools/testing/|Documentation/)'

# Does commit $1 of the series tree touch only baseline_paths?
test_only_commit() {
	! git -C "$series_src" diff --name-only "$1~1" "$1" |
		grep -qvE "$baseline_paths"
}

# The stamp that says which patches/ the series tree was made from:
# a checksum of patches/ and the tree's HEAD.  Written by tree.sh after
# applying the series and by export.sh after writing it.
stamp=$build/patched/series.applied
patches_sum() {
	cat "$top/patches/series" "$top/patches/"*.patch 2>/dev/null |
		sha256sum | cut -d' ' -f1
}
write_stamp() {
	printf '%s\n%s\n' "$(patches_sum)" \
		"$(git -C "$series_src" rev-parse HEAD)" >"$stamp"
}
