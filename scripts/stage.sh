# Stage timing for the top-level scripts; sourced, not run.
# shellcheck shell=bash

# stage NAME CMD...: run CMD, print its duration, return its status.
stage() {
	local name=$1 t0 rc=0
	shift
	t0=$(date +%s)
	echo "==== $name"
	"$@" || rc=$?
	echo "==== $name: $(($(date +%s) - t0))s$([ $rc -eq 0 ] || echo ", exit $rc")"
	return $rc
}
