#!/bin/bash
# make bench-repeatability: run make bench's icount set twice on each
# kernel (REPEAT_KERNELS, default all three) and print the largest
# difference between the two boots of a kernel.  Exits non-zero when a
# timing differs by more than REPEAT_TOLERANCE percent (default 1).
# Usage: bench-repeatability.sh [KEY=VALUE...]   (guest job arguments)
set -eu
. "$(dirname "$0")/lib.sh"

kernels=${REPEAT_KERNELS:-vanilla patched anchor}
rm -f "$build"/results/repeat-*.json
for i in 1 2; do
	for k in $kernels; do
		"$top/scripts/icount-run.sh" "$k" "repeat-$k-$i" "$@" ||
			echo "bench-repeatability: $k run $i had failures (see above)"
	done
done
"$top/scripts/repeatability.py" --tolerance "${REPEAT_TOLERANCE:-1}" \
	"$build"/results/repeat-*.json
