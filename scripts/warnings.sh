#!/bin/bash
# Compile the objects the series is about with W=1 and sparse (C=2) in
# the vanilla and the patched tree and fail on any warning that vanilla
# does not have.  Uses separate object dirs (obj-w1), so the regular
# builds stay incremental.  Prints one PASS/FAIL line per object.
set -eu
. "$(dirname "$0")/lib.sh"

# Objects the vanilla tree lacks count as having no warnings there.
objects=${WARN_OBJECTS:-mm/vmalloc.o lib/test_vmalloc.o lib/vmalloc_kunit.o}
set_kernel_cc

# Normalised warnings of one flavour and object: no paths, no line numbers.
warnings() {
	local flavour=$1 o=$2 src w1
	src=$(flavour_src "$flavour")
	w1=$build/$flavour/obj-w1
	mkdir -p "$w1"
	if ! cmp -s "$(flavour_obj "$flavour")/.config" "$w1/.config"; then
		cp "$(flavour_obj "$flavour")/.config" "$w1/.config"
		make -s -C "$src" O="$w1" ARCH=x86_64 CC="$cc" olddefconfig >/dev/null
	fi
	make -s -C "$src" O="$w1" ARCH=x86_64 CC="$cc" -j"$(nproc)" prepare >/dev/null 2>&1
	rm -f "$w1/$o"
	make -s -C "$src" O="$w1" ARCH=x86_64 CC="$cc" W=1 C=2 "$o" 2>&1 |
		tee "$build/$flavour/warnings-${o//\//_}.txt" |
		grep -E ': (warning|error):' |
		sed -E -e "s|^.*/src/||" -e 's|^([^:]*):[0-9]+(:[0-9]+)?:|\1:|' |
		sort || true
}

rc=0
for o in $objects; do
	warnings vanilla "$o" >"$build/warn-vanilla.txt"
	warnings patched "$o" >"$build/warn-patched.txt"
	new=$(comm -13 "$build/warn-vanilla.txt" "$build/warn-patched.txt")
	nv=$(wc -l <"$build/warn-vanilla.txt")
	np=$(wc -l <"$build/warn-patched.txt")
	if [ -n "$new" ]; then
		echo "FAIL warnings $o: vanilla $nv, patched $np, new:"
		printf '%s\n' "$new" | sed 's/^/    /'
		rc=1
	else
		echo "PASS warnings $o (W=1 + sparse: vanilla $nv, patched $np, none new)"
	fi
done
exit $rc
