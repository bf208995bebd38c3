#!/usr/bin/env bash
# Regenerates the expected output of every golden script with the reference interpreter.
#
# Layout: <group>/<name>.lua is a golden script (only files directly inside a group
# directory; deeper folders such as require/lib/ or load/data/ hold helper chunks).
# An optional <group>/<name>.in is fed to the script as stdin, otherwise /dev/null.
# Results: <group>/<name>.out always (stdout); when the exit status is non-zero also
# <group>/<name>.err (stderr), so an existing .err means "exit status 1"; a script ending
# with another status (os.exit(3)) also gets <group>/<name>.status holding that number.
# Stale .err/.status files are removed.
#
# Scripts run from this directory as `lua <group>/<name>.lua`, with lua5.4 started under
# the program name "lua" (Lua's own default) so that uncaught-error messages read
# "lua: ..." and the in-process CLI, which has no argv[0], can print the same bytes.
# LUA_INIT and LUA_PATH variables are cleared so the environment cannot change results.
#
# Usage: ./regenerate.sh            regenerate everything
#        ./regenerate.sh --check    regenerate into a temporary copy and diff against the
#                                   committed files (exit 1 on any difference)
set -euo pipefail

cd "$(dirname "$0")"
command -v lua5.4 >/dev/null || { echo "lua5.4 is not on PATH" >&2; exit 2; }
unset LUA_INIT LUA_INIT_5_4 LUA_PATH LUA_PATH_5_4 LUA_CPATH LUA_CPATH_5_4
export LC_ALL=C

# run_one SCRIPT OUTDIR: writes OUTDIR/<group>/<name>.out (and .err when it fails)
run_one() {
    local script=$1 outdir=$2
    local base=${script%.lua}
    local input=/dev/null
    [[ -f $base.in ]] && input=$base.in
    mkdir -p "$outdir/$(dirname "$script")"
    local status=0
    (exec -a lua lua5.4 "$script" <"$input" >"$outdir/$base.out" 2>"$outdir/$base.err") || status=$?
    rm -f "$outdir/$base.status"
    if [[ $status -eq 0 ]]; then
        rm -f "$outdir/$base.err"
    elif [[ $status -ne 1 ]]; then
        echo "$status" >"$outdir/$base.status"
    fi
}

scripts=$(ls -1 */*.lua | sort)

if [[ ${1:-} == --check ]]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    for s in $scripts; do run_one "$s" "$tmp"; done
    failed=0
    for s in $scripts; do
        base=${s%.lua}
        for ext in out err status; do
            if [[ -f $base.$ext || -f $tmp/$base.$ext ]]; then
                if ! cmp -s "$base.$ext" "$tmp/$base.$ext"; then
                    echo "differs: $base.$ext"
                    failed=1
                fi
            fi
        done
    done
    exit $failed
fi

count=0
for s in $scripts; do
    run_one "$s" .
    count=$((count + 1))
done
echo "regenerated $count golden scripts"
