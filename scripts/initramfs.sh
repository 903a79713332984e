#!/bin/bash
# Pack the guest initramfs of a flavour: static busybox, /init, the
# flavour's modules, the negative-control modules and the selftest scripts.
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
src=$(flavour_src "$flavour")
out=$build/$flavour/initramfs.cpio
root=$build/$flavour/initramfs

rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,negative,lib}
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done
# test_vmalloc.sh needs bash, and a shell that runs the modprobe below:
# busybox's ash runs its own applets before anything in $PATH.
cp /bin/bash-static "$root/bin/bash"
# modprobe loads a module once (see scripts/guest/modprobe).
rm -f "$root/bin/modprobe"
cp "$top/scripts/guest/modprobe" "$root/bin/modprobe"
cp "$top/scripts/guest/init" "$root/init"
gcc -static -O2 -Wall -Werror -o "$root/bin/loadmod" "$top/scripts/guest/loadmod.c"
cp -a "$build/$flavour/mods/lib/modules" "$root/lib/"
cp "$build/$flavour"/negative/*.ko "$root/negative/"
cp "$src/tools/testing/selftests/vm/test_vmalloc.sh" "$root/bin/"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) >"$out.tmp"
mv "$out.tmp" "$out"
