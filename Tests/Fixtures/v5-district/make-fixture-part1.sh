#!/bin/sh
# Part 1: start kinerjad at 2026-11-25 10:00 WIB, import the example district, record transitions, silences.
set -eu
WT=/work/wt-13
FX=/tmp/fx13
BIN=$WT/.build/debug
rm -rf $FX/state $FX/hooks.d; mkdir -p $FX/state $FX/hooks.d
sed -e "s|^rules_directory.*|rules_directory = \"$WT/config/rules\"|" -e "s|^hooks_directory.*|hooks_directory = \"$FX/hooks.d\"|" \
    $WT/config/kinerja.toml > $FX/kinerja.toml
cp $WT/config/hooks.d/50-append-to-file $FX/hooks.d/10-append-to-file
printf '#!/bin/sh\ncat >/dev/null\necho "gateway down" >&2\nexit 75\n' > $FX/hooks.d/20-gateway-down
printf '#!/bin/sh\ncat >/dev/null\necho "no such recipient" >&2\nexit 1\n' > $FX/hooks.d/30-broken
chmod 755 $FX/hooks.d/*
$BIN/kinerjad --config $FX/kinerja.toml --state-dir $FX/state --socket $FX/state/kinerja.sock \
    --clock-start 2026-11-25T10:00:00+07:00 2>$FX/daemon-a.log &
echo $! > $FX/daemon.pid
for i in $(seq 50); do [ -S $FX/state/kinerja.sock ] && break; sleep 0.1; done
export KINERJA_SOCKET=$FX/state/kinerja.sock
C=$BIN/kinerjactl
$C import roster $WT/config/examples/roster.csv
$C import progress $WT/config/examples/progress.csv
