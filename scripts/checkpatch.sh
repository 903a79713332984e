#!/bin/bash
# scripts/checkpatch.pl --strict on every patch of the series and on the
# harness's own kernel modules.  Findings listed in checkpatch.allow
# ("<patch file or *> <TYPE>  # reason") are tolerated; anything else fails.
# Prints one "PASS name" / "FAIL name" line per checked file.
set -eu
. "$(dirname "$0")/lib.sh"

allow=$top/checkpatch.allow
cp_pl=$vanilla_src/scripts/checkpatch.pl
[ -x "$cp_pl" ] || die "no base tree: run 'make tree'"

check() {
	local name=$1
	shift
	local out types bad=""
	# Debian's python3 first: checkpatch runs scripts/spdxcheck.py, which
	# needs python3-ply, and a python3 from elsewhere on PATH (pyenv) may
	# lack it and skip the SPDX check with a traceback.
	out=$(cd "$vanilla_src" && PATH=/usr/bin:$PATH perl "$cp_pl" --strict \
		--show-types --no-summary --terse "$@" 2>&1) || true
	types=$(printf '%s\n' "$out" | sed -n 's/.*: \(ERROR\|WARNING\|CHECK\):\([A-Z_0-9]*\):.*/\2/p' | sort -u)
	for t in $types; do
		if [ -f "$allow" ] && grep -Eq "^($name|\*)[[:space:]]+$t([[:space:]]|$)" "$allow"; then
			continue
		fi
		bad="$bad $t"
	done
	if [ -n "$bad" ]; then
		echo "FAIL checkpatch $name:$bad"
		printf '%s\n' "$out" | sed 's/^/    /'
		return 1
	fi
	echo "PASS checkpatch $name"
}

rc=0
while read -r p; do
	check "$p" "$top/patches/$p" || rc=1
done < <(grep -v -e '^#' -e '^[[:space:]]*$' "$top/patches/series")
for f in "$top"/negative/*.c "$top"/probes/*.c; do
	d=${f%/*}
	check "${d##*/}/${f##*/}" -f "$f" || rc=1
done
exit $rc
