#!/bin/sh
# Part 3: restart at 2026-12-04 06:59:30 WIB, nine days after part 1's checkpoint: occurrences of
# 2026-11-26 are older than catch_up_horizon_days (7) and recorded missed, later ones fire late,
# the silenced person's are silenced; at 07:00 the day's fire on time. Hooks: 10-append-to-file
# delivers, 20-gateway-down exits 75 (retrying), 30-broken exits 1 (failed). One reminder is
# acknowledged; the daemon is stopped cleanly once the hooks' first attempts are recorded.
set -eux
WT=/work/wt-13
FX=/tmp/fx13
BIN=$WT/.build/debug
$BIN/kinerjad --config $FX/kinerja.toml --state-dir $FX/state --socket $FX/state/kinerja.sock \
    --clock-start 2026-12-04T06:59:30+07:00 2>$FX/daemon-b.log &
echo $! > $FX/daemon.pid
for i in $(seq 50); do [ -S $FX/state/kinerja.sock ] && break; sleep 0.1; done
export KINERJA_SOCKET=$FX/state/kinerja.sock
C=$BIN/kinerjactl
sleep 45
$C reminders list --limit 5
