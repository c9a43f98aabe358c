import KinerjaSampleData

/// A generated, deterministic country for the scale figures: `districts` offices, each with
/// `positionsPerDistrict` positions (8% supervisors, 2% Plt. principals held by definitif
/// principals of other schools, the rest definitif principals), and a progress file that
/// puts every plan of cycle 2026-2 somewhere between not started and its last step, as of
/// `Bench.clockStart` (2026-11-25): every plan has one open deadline, so N positions are N
/// deadlines for the peer comparison. The same seed gives the same files, byte for byte.
struct Workload {
    let districts: Int
    let positionsPerDistrict: Int
    /// Progress rows for every n-th district only (the others' plans stay at their first
    /// step): a country's full progress file (1.4 million rows) takes longer to import than
    /// the whole bench may run.
    var progressEvery = 1
    var seed: UInt64 = 2026

    var positions: Int { districts * positionsPerDistrict }

    /// One position of the roster, with what its progress rows need.
    struct Position {
        var district: Int
        var id: String
        var nama: String
        var isSupervisor: Bool
        var isPlt: Bool
        var npsn: String
        var school: String
        var atasan: String
        var tim: [String]
        var binaan: [String]
    }

    func generate() -> [Position] {
        var random = SplitMix64(seed: seed)
        var result: [Position] = []
        result.reserveCapacity(positions)
        let supervisors = positionsPerDistrict * 8 / 100
        let plt = positionsPerDistrict * 2 / 100
        let definitif = positionsPerDistrict - supervisors - plt
        let schools = definitif + plt
        var person = 0
        for d in 0..<districts {
            let kadis = Workload.nip(5_000_000 + 3 * d)
            let supervisorTim = [Workload.nip(5_000_001 + 3 * d), Workload.nip(5_000_002 + 3 * d)]
            let village = Workload.villages[d % Workload.villages.count]
            func npsn(_ school: Int) -> String { String(10_000_000 + d * 10_000 + school) }
            func schoolName(_ school: Int) -> String { "SD Negeri \(school + 1) \(village)" }
            var supervisorIDs: [String] = []
            for k in 0..<supervisors {
                let id = Workload.nip(person)
                person += 1
                supervisorIDs.append(id)
                result.append(Position(
                    district: d, id: id, nama: Workload.name(&random, supervisor: true), isSupervisor: true, isPlt: false, npsn: "", school: "",
                    atasan: kadis, tim: supervisorTim, binaan: stride(from: k, to: schools, by: supervisors).map(npsn)))
            }
            var principals: [Position] = []
            for s in 0..<definitif {
                let id = Workload.nip(person)
                person += 1
                principals.append(Position(
                    district: d, id: id, nama: Workload.name(&random, supervisor: false), isSupervisor: false, isPlt: false, npsn: npsn(s),
                    school: schoolName(s), atasan: kadis, tim: [supervisorIDs[s % supervisors]], binaan: []))
            }
            result += principals
            for i in 0..<plt {
                var acting = principals[i * (definitif / plt)]
                let s = definitif + i
                acting.isPlt = true
                acting.npsn = npsn(s)
                acting.school = schoolName(s)
                acting.tim = [supervisorIDs[s % supervisors]]
                result.append(acting)
            }
        }
        return result
    }

    /// The roster CSV (DESIGN.md "CSV formats").
    /// The positions with their roster and progress files, and the seconds it took.
    func files() -> (positions: [Position], roster: String, progress: String, seconds: Double) {
        var positions: [Position] = []
        var roster = "", progress = ""
        let seconds = Stopwatch.time {
            positions = generate()
            roster = rosterCSV(positions)
            progress = progressCSV(positions)
        }
        return (positions, roster, progress, seconds)
    }

    func rosterCSV(_ positions: [Position]) -> String {
        var out = "id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan\n"
        out.reserveCapacity(positions.count * 160)
        for p in positions {
            let role = p.isSupervisor ? "pengawas_sekolah," : "kepala_sekolah,\(p.isPlt ? "plt" : "definitif")"
            out += "\(p.id),pns,\(Workload.quoted(p.nama)),\(role),\(p.npsn),\(p.school),\(p.atasan),"
            out += "\(p.tim.joined(separator: "|")),\(p.atasan),\(p.binaan.joined(separator: "|"))\n"
        }
        return out
    }

    /// The progress CSV: for each position, the first k steps of its workflow, in order,
    /// dated before the bench's today; k drawn so that about a third of the plans are late
    /// and none is complete (the cycle's last deadline is 31 December).
    func progressCSV(_ positions: [Position]) -> String {
        var random = SplitMix64(seed: seed &+ 1)
        var out = "id,npsn,siklus,langkah,status,tanggal,catatan\n"
        out.reserveCapacity(positions.count * 7 * 60)
        for p in positions where p.district % progressEvery == 0 {
            let steps = p.isSupervisor ? Workload.supervisorSteps(&random, focus: p.binaan.first ?? "") : Workload.principalSteps
            let draw = random.next() % 100
            if p.isSupervisor && draw < 3 {
                out += "\(p.id),,2026-2,penyusunan,terblokir,2026-07-01,rhk-atasan\n"
                continue
            }
            // 20% at the last step, 45% on track, the rest behind.
            let done = draw < 20 ? steps.count - 1 : draw < 65 ? steps.count - 2 : Int(random.next() % UInt64(steps.count - 2))
            let jitter = Int(random.next() % 3)
            for (step, status, date, note) in steps.prefix(done) {
                out += "\(p.id),\(p.npsn),2026-2,\(step),\(status),\(Workload.date(date, plus: jitter)),\(note)\n"
            }
        }
        return out
    }

    typealias Row = (step: String, status: String, date: (month: Int, day: Int), note: String)

    static let principalSteps: [Row] = [
        ("praktik-kinerja", "selesai", (7, 6), ""), ("pengembangan-kompetensi", "selesai", (7, 13), ""),
        ("perilaku-kerja", "selesai", (7, 20), ""), ("rangkuman", "selesai", (7, 27), ""),
        ("dokumen-persiapan", "selesai", (8, 20), ""), ("observasi", "selesai", (9, 18), ""),
        ("dokumen-tindak-lanjut", "selesai", (9, 25), ""), ("tindak-lanjut-observasi", "selesai", (11, 13), ""),
        ("dokumen-refleksi-tindak-lanjut", "selesai", (11, 20), ""),
    ]

    /// A supervisor's steps; one in twenty has the plan returned once by the Tim Kinerja.
    static func supervisorSteps(_ random: inout SplitMix64, focus: String) -> [Row] {
        let returned: [Row] = random.next() % 20 == 0
            ? [("pemeriksaan", "dikembalikan", (7, 10), "target belum realistis"), ("penyusunan", "selesai", (7, 13), "")] : []
        return [("penyusunan", "selesai", (7, 6), "")] + returned + [
            ("pemeriksaan", "disetujui", (7, 16), ""), ("persetujuan", "disetujui", (7, 20), ""),
            ("diskusi-persiapan", "selesai", (8, 3), "Sekolah fokus: \(focus)"), ("pendampingan", "mulai", (8, 6), ""),
            ("pendampingan", "selesai", (10, 1), ""), ("diskusi-tindak-lanjut", "selesai", (10, 8), ""),
            ("upaya-tindak-lanjut", "mulai", (10, 12), ""), ("upaya-tindak-lanjut", "selesai", (11, 12), ""),
            ("refleksi-tindak-lanjut", "selesai", (11, 20), ""),
        ]
    }

    static func date(_ d: (month: Int, day: Int), plus days: Int) -> String {
        "2026-\(d.month < 10 ? "0" : "")\(d.month)-\(d.day + days < 10 ? "0" : "")\(d.day + days)"
    }

    /// A valid, unique PNS NIP for person number `n` (< 16 million): birth date, TMT CPNS
    /// 25 years later, sex digit and serial are the digits of `n` in mixed radix.
    static func nip(_ n: Int) -> String {
        let year = 1965 + n % 25, month = 1 + (n / 25) % 12, day = 1 + (n / 300) % 28
        let sex = 1 + (n / 8400) % 2, serial = 1 + n / 16800
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let serialText = String(repeating: "0", count: 3 - String(serial).count) + String(serial)
        return "\(year)\(two(month))\(two(day))\(year + 25)\(two(month))\(sex)\(serialText)"
    }

    static func name(_ random: inout SplitMix64, supervisor: Bool) -> String {
        let first = firstNames[Int(random.next() % UInt64(firstNames.count))]
        let last = lastNames[Int(random.next() % UInt64(lastNames.count))]
        let degree = supervisor ? ", M.Pd." : random.next() % 2 == 0 ? ", S.Pd." : ", S.Pd.SD"
        return "\(first) \(last)\(degree)"
    }

    static func quoted(_ field: String) -> String {
        field.contains(",") ? "\"\(field)\"" : field
    }

    static let firstNames = ["Siti", "Bambang", "Neneng", "Dadang", "Asep", "Sri", "Made", "Nurhasni", "Cecep", "Tri", "Lamtiur", "Andi", "Slamet", "Dewi", "Agus", "Yuliani", "Hendra", "Rina", "Wayan", "Fitri"]
    static let lastNames = ["Nurjanah", "Sutrisno", "Rohaeni", "Suherman", "Saepul", "Rahayu", "Suarjana", "Hidayat", "Handayani", "Hutagalung", "Nurfaidah", "Riyadi", "Lestari", "Setiawan", "Wahyuni", "Simanjuntak", "Pratama", "Kusuma", "Sembiring", "Chaniago"]
    static let villages = ["Sukamaju", "Cibeureum", "Sindangjaya", "Mekarwangi", "Tegalsari", "Cijambu", "Karangsari", "Citapen", "Sukajadi", "Margahayu"]
}
