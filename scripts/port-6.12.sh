#!/bin/bash
# Regenerate patches-6.12/ from the series tree: 6.12's base with the
# series' test_vmalloc.c cases (scripts/port612.py) and test_vmalloc.sh,
# one commit with the message of patches-6.12/port-message.txt.  Run it
# after changing the test prefix, then 'make build-anchor'.
set -eu
. "$(dirname "$0")/lib.sh"

pdir=$top/patches-6.12
"$top/scripts/base.sh" "$(cfg ANCHOR_PKG)" "$(cfg ANCHOR_PKG_VER)" "$anchor_src"
tmp=$(mktemp -d)
trap 'git -C "$anchor_src" worktree remove --force "$tmp/wt" 2>/dev/null; rm -rf "$tmp"' EXIT
git -C "$anchor_src" worktree add -q --detach "$tmp/wt" base
git -C "$anchor_src" show base:lib/test_vmalloc.c >"$tmp/base.c"
"$top/scripts/port612.py" "$series_src/lib/test_vmalloc.c" "$tmp/base.c" \
	"$tmp/wt/lib/test_vmalloc.c"
cp "$series_src/tools/testing/selftests/vm/test_vmalloc.sh" \
	"$tmp/wt/tools/testing/selftests/mm/test_vmalloc.sh"
{ cat "$pdir/port-message.txt"; echo; echo "Signed-off-by: $(cfg WB_NAME) <$(cfg WB_EMAIL)>"; } >"$tmp/msg"
git -C "$tmp/wt" add -f lib/test_vmalloc.c tools/testing/selftests/mm/test_vmalloc.sh
# A fixed date, so that an unchanged port gives an unchanged patch.
GIT_AUTHOR_DATE="@$(git -C "$anchor_src" log -1 --format=%at base) +0000" \
	git -C "$tmp/wt" -c user.name="$(cfg WB_NAME)" -c user.email="$(cfg WB_EMAIL)" \
	commit -q -F "$tmp/msg"
rm -f "$pdir"/*.patch
git -C "$tmp/wt" format-patch -q --zero-commit --no-signature -o "$pdir" base..HEAD
echo "port-6.12: wrote $(cd "$pdir" && ls ./*.patch)"
