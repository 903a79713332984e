#!/bin/bash
# Install the Debian packages the workbench needs (idempotent).
set -eu

pkgs="build-essential bc bison flex libelf-dev libssl-dev dwarves cpio
xz-utils kmod python3 ccache sparse shellcheck busybox-static bash-static
qemu-system-x86 git rsync python3-ply python3-git gnuplot-nox"

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "deps: installing$missing"
$sudo apt-get update -qq
# shellcheck disable=SC2086 # word splitting of the package list is wanted
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
	--no-install-recommends $missing >/dev/null
