#!/bin/bash
# Generate the .config of a flavour: tinyconfig + the flavour's fragments
# + the series' own options the tree has, olddefconfig, then check that
# every requested option took.
set -eu
. "$(dirname "$0")/lib.sh"

flavour=$1
src=$(flavour_src "$flavour")
obj=$(flavour_obj "$flavour")
read -r -a frags <<<"$(flavour_frags "$flavour")"
mkdir -p "$obj"

# configs/series.config, cut to the symbols this tree's Kconfig defines.
series=$obj/series.config
: >"$series"
while read -r line; do
	sym=${line%%=*}
	sym=${sym#CONFIG_}
	if grep -rqx --include='Kconfig*' "config $sym" "$src"; then
		echo "$line" >>"$series"
	fi
done < <(grep '^CONFIG_' "$top/configs/series.config")
frags+=("$series")

kmake() {
	make -s -C "$src" O="$obj" ARCH=x86_64 "$@"
}

kmake tinyconfig >/dev/null
(cd "$obj" && "$src/scripts/kconfig/merge_config.sh" -m -O "$obj" \
	"$obj/.config" "${frags[@]}" >/dev/null)
kmake olddefconfig >/dev/null

bad=0
while read -r line; do
	grep -qxF "$line" "$obj/.config" && continue
	echo "kconfig: $flavour: requested $line, got: $(grep -E "^(# )?${line%%=*}[= ]" "$obj/.config" || echo 'not present')" >&2
	bad=1
done < <(sed -n 's/^\(CONFIG_[A-Za-z0-9_]*=.*\)$/\1/p' "${frags[@]}")
while read -r sym; do
	grep -q "^$sym=" "$obj/.config" || continue
	echo "kconfig: $flavour: requested $sym off, got: $(grep "^$sym=" "$obj/.config")" >&2
	bad=1
done < <(sed -n 's/^# \(CONFIG_[A-Za-z0-9_]*\) is not set$/\1/p' "${frags[@]}")
[ $bad -eq 0 ] || die "$flavour: some requested options did not take"
