#!/bin/bash
# Create the base tree: Debian's linux-source package at the pinned version,
# extracted into build/patched/src as a git repository with one base commit
# (tagged "base"), plus the vanilla worktree at that commit.
set -eu
. "$(dirname "$0")/lib.sh"

pkg=$(cfg LINUX_PKG)
want=$(cfg LINUX_PKG_VER)

installed() {
	dpkg-query -W -f='${Status} ${Version}\n' "$pkg" 2>/dev/null |
		sed -n 's/^install ok installed //p'
}

if [ -d "$series_src/.git" ] && git -C "$series_src" rev-parse -q --verify base >/dev/null; then
	have=$(git -C "$series_src" log -1 --format=%s base | sed -n 's/.* \([^ ]*\)$/\1/p')
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
	rm -rf "$build/patched" "$build/vanilla"
	mkdir -p "$series_src"
	tar -xJf "$tarball" -C "$series_src" --strip-components=1
	git -C "$series_src" init -q -b series
	git -C "$series_src" config gc.auto 0
	git -C "$series_src" config user.name "$(cfg WB_NAME)"
	git -C "$series_src" config user.email "$(cfg WB_EMAIL)"
	# -f: the base commit holds every file of the package, ignored or not.
	git -C "$series_src" add -A -f .
	# Dates from the package's own files: the base commit (and so every
	# exported patch and cover letter) is the same on every machine.
	GIT_AUTHOR_DATE="@$(stat -c %Y "$series_src/Makefile") +0000"
	GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
	sgit commit -q -m "Linux base: Debian $pkg $ver" \
		-m "Unmodified source of the Debian package $pkg, version $ver."
	git -C "$series_src" tag base
fi

if [ ! -e "$vanilla_src/.git" ]; then
	rm -rf "$vanilla_src"
	git -C "$series_src" worktree prune
	git -C "$series_src" worktree add -q --detach "$vanilla_src" base
fi
