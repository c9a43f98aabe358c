#!/bin/sh
# Part 2 (daemon of part 1 still running, clock 2026-11-25): transitions with choices and ratings,
# blocks, a returned plan, a 2024-2 plan with RHK items, a roster change, silences.
set -eux
WT=/work/wt-13
FX=/tmp/fx13
export KINERJA_SOCKET=$FX/state/kinerja.sock
C=$WT/.build/debug/kinerjactl
# A principal's four planning steps with their choices (2026 is judged by the 2025 rules: one competency indicator).
$C plan complete 197812012005012004 praktik-kinerja --date 2026-11-20 --praktik-kinerja d3-visi-misi
$C plan complete 197812012005012004 pengembangan-kompetensi --date 2026-11-21 --kompetensi kepribadian-1.1
$C plan complete 197812012005012004 perilaku-kerja --date 2026-11-22 --perilaku-kerja berorientasi-pelayanan,kolaboratif
$C plan complete 197812012005012004 rangkuman --date 2026-11-23 --note "dikirim terlambat"
# A blocked supervisor unblocked, composing with three schools, approved, returned, approved again, focus school, pendampingan started.
$C plan unblock 196811021993032004 --date 2026-11-02
ALL=berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif
$C plan complete 196811021993032004 penyusunan --date 2026-11-05 --praktik-kinerja pk-pendampingan-pembelajaran --kompetensi ps-kompetensi-supervisi --perilaku-kerja $ALL --sekolah 20571034,20571035,20571036
$C plan approve 196811021993032004 pemeriksaan --date 2026-11-06
$C plan return 196811021993032004 persetujuan --date 2026-11-09 --reason "target belum realistis"
$C plan complete 196811021993032004 penyusunan --date 2026-11-10 --praktik-kinerja pk-pendampingan-pembelajaran --kompetensi ps-kompetensi-supervisi --perilaku-kerja $ALL --sekolah 20571034,20571035,20571036 --note "target diperbaiki"
$C plan approve 196811021993032004 pemeriksaan --date 2026-11-11
$C plan approve 196811021993032004 persetujuan --date 2026-11-12
$C plan complete 196811021993032004 diskusi-persiapan --date 2026-11-16 --sekolah-fokus 20571035
$C plan start 196811021993032004 pendampingan --date 2026-11-17
# Ratings: an observation, and a supervisor's Refleksi on its three aspects (plan complete).
$C plan complete 197610132002031006 observasi --date 2026-11-24 --rating sesuai-ekspektasi
$C plan complete 197303291999021002 refleksi-tindak-lanjut --date 2026-11-24 --refleksi kesadaran-dalam-refleksi=sesuai-ekspektasi --refleksi upaya-belajar=di-atas-ekspektasi --refleksi peningkatan-kinerja=sesuai-ekspektasi
# Blocks: one that stays, one lifted.
$C plan block 197911222008011005 --cause plotting-tim-kinerja --note "SK Tim Kinerja belum terbit" --date 2026-11-24
$C plan block 198506052010121003 --cause pemutakhiran-data --note "NIK beda di Dapodik" --date 2026-11-10
$C plan unblock 198506052010121003 --date 2026-11-18
# A plan of cycle 2024-2, judged by the 2024 rules: RHK items with points.
$C plan complete 197107091996031003 praktik-kinerja --cycle 2024-2 --date 2024-07-10 --praktik-kinerja d3-perencanaan
$C plan complete 197107091996031003 pengembangan-kompetensi --cycle 2024-2 --date 2024-07-15 --rhk rhk-penggerak-komunitas-belajar:1 --rhk rhk-pelatihan-mandiri:2
# A roster change: one name corrected.
sed 's/"Yusrizal, S.Pd."/"Yusrizal, S.Pd., M.Pd."/; s/^198506052010121003,pns,Yusrizal, S.Pd.,/198506052010121003,pns,"Yusrizal, S.Pd., M.Pd.",/' $WT/config/examples/roster.csv > $FX/roster-changed.csv
$C import roster $FX/roster-changed.csv
# Silences: one standing, one removed.
$C silence add --person 198008122006021001 --until 2026-12-31 --reason "cuti sakit"
$C silence add --npsn 20572031 --until 2026-12-15 --reason "sekolah direnovasi"
$C silence remove 2
$C silence list --all
