#!/bin/bash
# Pack the guest initramfs of a flavour: static busybox, /init, the
# flavour's modules, the harness's negative controls and probes and the
# selftest scripts.
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
src=$(flavour_src "$flavour")
out=$build/$flavour/initramfs.cpio
root=$build/$flavour/initramfs

rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,negative,probes,lib}
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
for prog in loadmod kcore; do
	gcc -static -O2 -Wall -Werror -o "$root/bin/$prog" "$top/scripts/guest/$prog.c"
done
cp -a "$build/$flavour/mods/lib/modules" "$root/lib/"
cp "$build/$flavour"/negative/*.ko "$root/negative/"
cp "$build/$flavour"/probes/*.ko "$root/probes/"
# selftests/vm was renamed selftests/mm in 6.3.
for d in vm mm; do
	f=$src/tools/testing/selftests/$d/test_vmalloc.sh
	[ -f "$f" ] && cp "$f" "$root/bin/"
done
[ -f "$root/bin/test_vmalloc.sh" ] || die "$flavour: no test_vmalloc.sh in $src"
# The run_test_mask id of each test, as this kernel's test_vmalloc
# describes them ("id: 1024, name: vm_map_ram_rw_test"): jobs select tests
# by name, and the ids differ between kernels.
ko=$(find "$build/$flavour/mods" -name 'test_vmalloc.ko*' | head -n 1)
[ -n "$ko" ] || die "$flavour: test_vmalloc.ko not built"
mkdir -p "$root/etc"
modinfo -F parm "$ko" | sed -n 's/.*id: *\([0-9]*\), *name: *\([a-z0-9_]*\).*/\2 \1/p' \
	>"$root/etc/test_vmalloc.ids"
[ -s "$root/etc/test_vmalloc.ids" ] || die "$flavour: no test ids in $ko"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) >"$out.tmp"
mv "$out.tmp" "$out"
