#!/bin/bash
# Build a flavour out of tree: bzImage, modules, and the modules installed
# into build/<flavour>/mods.  Incremental; ccache is used when installed.
# Usage: build.sh FLAVOUR [make targets...]   (default: a full build)
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
shift
src=$(flavour_src "$flavour")
obj=$(flavour_obj "$flavour")

"$top/scripts/kconfig.sh" "$flavour" 2> >(grep -v 'override: .* changes choice state' >&2)

set_kernel_cc
# Stable build metadata, so that identical trees give identical objects.
KBUILD_BUILD_TIMESTAMP=$(git -C "$src" log -1 --format=%cD base)
export KBUILD_BUILD_TIMESTAMP KBUILD_BUILD_USER=wb KBUILD_BUILD_HOST=wb

kmake() {
	make -s -C "$src" O="$obj" ARCH=x86_64 CC="$cc" -j"$(nproc)" "$@"
}

if [ $# -gt 0 ]; then
	kmake "$@"
	exit 0
fi
kmake bzImage modules
rm -rf "$build/$flavour/mods"
kmake INSTALL_MOD_PATH="$build/$flavour/mods" modules_install >/dev/null
# The harness's own modules, negative controls and measuring probes,
# built against this kernel in a copy (6.1 builds external modules inside
# their source directory).
for d in negative probes; do
	mkdir -p "$build/$flavour/$d"
	rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='*.mod*' \
		--exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order \
		"$top/$d/" "$build/$flavour/$d/"
	kmake M="$build/$flavour/$d" modules
done
