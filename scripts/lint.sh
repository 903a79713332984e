#!/bin/bash
# Lint: shellcheck on the workbench's shell scripts, and a byte-compile of its
# Python.  One PASS/FAIL line per file.
set -eu
. "$(dirname "$0")/lib.sh"

rc=0
for f in "$top"/scripts/*.sh "$top"/scripts/guest/init "$top"/scripts/guest/modprobe "$top"/tests/*.sh "$top"/.ci/run; do
	[ -e "$f" ] || continue
	name=${f#"$top"/}
	if out=$(shellcheck -x -P "$top/scripts" "$f" 2>&1); then
		echo "PASS shellcheck $name"
	else
		echo "FAIL shellcheck $name"
		printf '%s\n' "$out" | sed 's/^/    /'
		rc=1
	fi
done
for f in "$top"/scripts/*.py "$top"/tests/*.py; do
	[ -e "$f" ] || continue
	name=${f#"$top"/}
	if out=$(python3 -m py_compile "$f" 2>&1); then
		echo "PASS python-compile $name"
	else
		echo "FAIL python-compile $name"
		printf '%s\n' "$out" | sed 's/^/    /'
		rc=1
	fi
done
exit $rc
