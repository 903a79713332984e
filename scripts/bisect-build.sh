#!/bin/bash
# Build every prefix of the series on its own, in the worktree
# build/bisect/src: for patch k, the objects of the .c files it touches,
# or the whole kernel when it touches a header, Kconfig or Makefile.
# (The head of the series gets a full build in any case.)
# Prints one PASS/FAIL line per patch.
set -eu
. "$(dirname "$0")/lib.sh"

bsrc=$build/bisect/src
# Which .c files are built is read from the patched kernel's objects.
[ -f "$build/patched/obj/vmlinux" ] ||
	die "bisect: build the patched kernel first (make build-patched)"
commits=$(git -C "$series_src" rev-list --reverse base..series)
if [ -z "$commits" ]; then
	echo "bisect: the series is empty, nothing to build"
	exit 0
fi
if [ ! -e "$bsrc/.git" ]; then
	rm -rf "$bsrc"
	git -C "$series_src" worktree prune
	git -C "$series_src" worktree add -q --detach "$bsrc" base
fi

rc=0
k=0
for c in $commits; do
	k=$((k + 1))
	subject=$(git -C "$series_src" log -1 --format=%s "$c")
	git -C "$bsrc" checkout -q --detach "$c"
	files=$(git -C "$bsrc" diff --name-only "$c~1" "$c")
	targets=""
	full=0
	for f in $files; do
		case $f in
		*.c) [ -e "$build/patched/obj/${f%.c}.o" ] && targets="$targets ${f%.c}.o" ;;
		*.h | *Kconfig* | *Makefile* | *Kbuild*) full=1 ;;
		esac
	done
	[ $full -eq 1 ] && targets="bzImage modules"
	if [ -z "$targets" ]; then
		echo "PASS bisect $k/$subject: no built code touched"
		continue
	fi
	# shellcheck disable=SC2086 # targets is a list of make targets
	if "$top/scripts/build.sh" bisect $targets >"$build/bisect/build-$k.log" 2>&1; then
		echo "PASS bisect $k/$subject:$targets"
	else
		echo "FAIL bisect $k/$subject:$targets"
		tail -n 30 "$build/bisect/build-$k.log" | sed 's/^/    /'
		rc=1
	fi
done
exit $rc
