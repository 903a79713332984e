#!/bin/bash
# Create a base tree: a Debian linux-source package at a pinned version,
# extracted as a git repository with one base commit (tagged "base").
# Usage: base.sh                 the series tree (LINUX_PKG at LINUX_PKG_VER
#                                in build/patched/src) plus the vanilla
#                                worktree at the base commit
#        base.sh PKG VER DIR     PKG at VER in DIR (the 6.12 anchor)
set -eu
. "$(dirname "$0")/lib.sh"

pkg=${1:-$(cfg LINUX_PKG)}
want=${2:-$(cfg LINUX_PKG_VER)}
src=${3:-$series_src}

installed() {
	dpkg-query -W -f='${Status} ${Version}\n' "$pkg" 2>/dev/null |
		sed -n 's/^install ok installed //p'
}

if [ -d "$src/.git" ] && git -C "$src" rev-parse -q --verify base >/dev/null; then
	have=$(git -C "$src" log -1 --format=%s base | sed -n 's/.* \([^ ]*\)$/\1/p')
	if [ "$have" != "$want" ] && [ "$(cfg ALLOW_OTHER_VERSION)" != 1 ]; then
		die "build/ holds a base tree of $pkg $have, config.mk pins $want: run 'make distclean' first"
	fi
else
	ver=$(installed)
	if [ "$ver" != "$want" ]; then
		sudo=""
		[ "$(id -u)" -eq 0 ] || sudo=sudo
		offered=$(apt-cache madison "$pkg" 2>/dev/null | awk -F'|' '{gsub(/ /,"",$2); print $2}')
		if [ -z "$offered" ]; then
			$sudo apt-get update -qq
			offered=$(apt-cache madison "$pkg" | awk -F'|' '{gsub(/ /,"",$2); print $2}')
		fi
		if printf '%s\n' "$offered" | grep -qxF "$want"; then
			DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
				--no-install-recommends --allow-downgrades "$pkg=$want" >/dev/null
		elif [ "$(cfg ALLOW_OTHER_VERSION)" = 1 ] && [ -n "$offered" ]; then
			echo "WARNING: $pkg $want is no longer offered; ALLOW_OTHER_VERSION=1, using the newest offered version" >&2
			DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
				--no-install-recommends "$pkg" >/dev/null
		else
			die "$pkg $want is not offered by apt. Offered: $(echo "$offered" | tr '\n' ' ')
Pin one of them in config.mk (LINUX_PKG_VER), or run with ALLOW_OTHER_VERSION=1."
		fi
		ver=$(installed)
	fi
	tarball=$(dpkg -L "$pkg" | grep -E '/usr/src/linux-source-[^/]*\.tar\.xz$' | head -n 1)
	[ -f "$tarball" ] || die "$pkg $ver has no source tarball under /usr/src"

	echo "base: extracting $tarball ($pkg $ver)"
	if [ "$src" = "$series_src" ]; then
		rm -rf "$build/patched" "$build/vanilla"
	else
		rm -rf "$src"
	fi
	mkdir -p "$src"
	tar -xJf "$tarball" -C "$src" --strip-components=1
	git -C "$src" init -q -b series
	git -C "$src" config gc.auto 0
	git -C "$src" config user.name "$(cfg WB_NAME)"
	git -C "$src" config user.email "$(cfg WB_EMAIL)"
	# -f: the base commit holds every file of the package, ignored or not.
	git -C "$src" add -A -f .
	# Dates from the package's own files: the base commit (and so every
	# exported patch and cover letter) is the same on every machine.
	GIT_AUTHOR_DATE="@$(stat -c %Y "$src/Makefile") +0000"
	GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
	git -C "$src" commit -q -m "Linux base: Debian $pkg $ver" \
		-m "Unmodified source of the Debian package $pkg, version $ver."
	git -C "$src" tag base
fi

[ "$src" = "$series_src" ] || exit 0
if [ ! -e "$vanilla_src/.git" ]; then
	rm -rf "$vanilla_src"
	git -C "$src" worktree prune
	git -C "$src" worktree add -q --detach "$vanilla_src" base
fi
