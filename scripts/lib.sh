# Shared helpers for the workbench scripts; sourced, not run.
# shellcheck shell=bash

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$top/build
# The series tree (edit here), the vanilla worktree and their object dirs.
# Each object dir sits next to its source dir so that ccache (with
# CCACHE_BASEDIR=$build) sees the same relative paths in both trees.
series_src=$build/patched/src
vanilla_src=$build/vanilla/src

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

# git in the series tree, as the project identity.
sgit() {
	git -C "$series_src" -c user.name="$(cfg WB_NAME)" \
		-c user.email="$(cfg WB_EMAIL)" "$@"
}

# Source dir and object dir of a flavour.
flavour_src() {
	case $1 in
	vanilla) echo "$vanilla_src" ;;
	patched | debug) echo "$series_src" ;;
	bisect) echo "$build/bisect/src" ;;
	*) die "unknown flavour '$1' (vanilla, patched, debug, bisect)" ;;
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
	*) echo "$top/configs/guest.config" ;;
	esac
}
