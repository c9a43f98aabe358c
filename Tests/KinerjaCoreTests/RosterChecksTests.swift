import Testing
@testable import KinerjaCore

/// Issue 15, point 3: the roster's consistency warnings with their lines, the officials
/// file, contacts and the optional school columns.
@Suite("Roster checks, officials and contacts")
struct RosterChecksTests {
    static let header = "id,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan"
    static let kadis = PersonID(trusted: "196808141994031005")

    static func lines(_ rows: [String]) throws -> [RosterLine] {
        let (lines, problems) = RosterParser.parse(([header] + rows).joined(separator: "\n"))
        #expect(problems.isEmpty, "\(problems)")
        return lines
    }

    @Test("the four checks, each at its line, in both languages")
    func fourChecks() throws {
        let lines = try Self.lines([
            // 2: definitif at 20100001 and (line 3) at 20100002.
            "198609262015051001,Budi,kepala_sekolah,definitif,20100001,SD 1,196808141994031005,197501012000031002,196808141994031005,",
            "198609262015051001,Budi,kepala_sekolah,definitif,20100002,SD 2,196808141994031005,197501012000031002,196808141994031005,",
            // 4: a second definitif principal at 20100002.
            "198702022015052002,Sari,kepala_sekolah,definitif,20100002,SD 2,196808141994031005,197501012000031002,196808141994031005,",
            // 5: the supervisor covers 20100001 and 20100002; 20100003 (line 6) is nobody's.
            "197501012000031002,Pengawas,pengawas_sekolah,,,,196808141994031005,197105232000032002,196808141994031005,20100001|20100002",
            "198803032015052003,Tini,kepala_sekolah,plt,20100003,SD 3,196808141994031005,197501012000031002,196808141994031099,",
        ])
        let warnings = RosterChecks.warnings(lines, others: [], known: [Self.kadis, PersonID(trusted: "197105232000032002")])
        let texts = warnings.map { "\($0.line): \($0.message(in: .indonesian))" }
        #expect(texts == [
            "2: 198609262015051001 kepala sekolah definitif di 20100001 dan juga di 20100002 (baris 3); bila salah satunya Plt., tulis jabatan plt",
            "3: 198609262015051001 kepala sekolah definitif di 20100002 dan juga di 20100001 (baris 2); bila salah satunya Plt., tulis jabatan plt",
            "3: sekolah 20100002 mempunyai lebih dari satu kepala sekolah definitif: juga 198702022015052002 (baris 4); periksa jabatan (definitif atau plt) atau npsn",
            "4: sekolah 20100002 mempunyai lebih dari satu kepala sekolah definitif: juga 198609262015051001 (baris 3); periksa jabatan (definitif atau plt) atau npsn",
            "6: pejabat_penilai_id 196808141994031099 tidak dikenal: bukan orang dalam daftar pegawai dan bukan pejabat (kinerjactl import officials)",
            "6: sekolah 20100003 tidak ada dalam sekolah_binaan pengawas mana pun: tidak ada yang mendampingi dan mengobservasi kepala sekolahnya",
        ])
        #expect(warnings[4].message(in: .english)
            == "pejabat_penilai_id 196808141994031099 is nobody known: not a person of the roster and not an official (kinerjactl import officials)")
        // The Tim Kinerja member 197105232000032002 is an official: no warning. Unknown, it is named.
        let unknownTim = RosterChecks.warnings(lines, others: [], known: [Self.kadis])
        #expect(unknownTim.contains { $0.line == 5 && $0.message(in: .english).hasPrefix("tim_kinerja 197105232000032002 is nobody known") })
    }

    @Test("one kecamatan's file is judged with the rest of the district as recorded")
    func partialFile() throws {
        // The file names one principal only; the supervisor and another principal are recorded.
        let lines = try Self.lines([
            "198609262015051001,Budi,kepala_sekolah,definitif,20100001,SD 1,196808141994031005,197501012000031002,196808141994031005,",
        ])
        let supervisor = Position(
            key: PositionKey(personID: PersonID(trusted: "197501012000031002"), role: .pengawasSekolah, npsn: nil),
            sekolahBinaan: [NPSN("20100001")!])
        let other = Position(key: PositionKey(personID: PersonID(trusted: "198702022015052002"), role: .kepalaSekolah, npsn: NPSN("20100001")!))
        let known: Set<PersonID> = [Self.kadis, PersonID(trusted: "197501012000031002"), PersonID(trusted: "198702022015052002")]
        let warnings = RosterChecks.warnings(lines, others: [supervisor, other], known: known)
        #expect(warnings.map { "\($0.line): \($0.message(in: .english))" } == [
            "2: school 20100001 has more than one definitif principal: also 198702022015052002 (already recorded); check jabatan (definitif or plt) or npsn",
        ])
        // Without the supervisor recorded, the school is nobody's; an inactive position is not counted.
        var inactive = other
        inactive.active = false
        let alone = RosterChecks.warnings(lines, others: [inactive], known: known)
        #expect(alone.map(\.line) == [2])
        #expect(alone[0].message(in: .english).hasPrefix("school 20100001 is in no supervisor's sekolah_binaan"))
        // An unknown id is named once, at its first line, however many lines name it.
        let both = try Self.lines([
            "198609262015051001,Budi,kepala_sekolah,definitif,20100001,SD 1,196808141994031005,,,",
            "198702022015052002,Sari,kepala_sekolah,definitif,20100002,SD 2,196808141994031005,,,",
            "197501012000031002,Pengawas,pengawas_sekolah,,,,,,,20100001|20100002",
        ])
        #expect(RosterChecks.warnings(both, others: [], known: []).map { "\($0.line): \($0.message(in: .english))" } == [
            "2: atasan_id 196808141994031005 is nobody known: not a person of the roster and not an official (kinerjactl import officials); also on 1 other lines",
        ])
        // The example district is consistent.
        #expect(RosterChecks.warnings(try Self.exampleRoster(), others: [], known: known).filter {
            !$0.message(in: .english).contains("is nobody known")
        }.isEmpty)
    }

    static func exampleRoster() throws -> [RosterLine] {
        let text = try String(contentsOfFile: #filePath.replacingOccurrences(of: "Tests/KinerjaCoreTests/RosterChecksTests.swift", with: "config/examples/roster.csv"), encoding: .utf8)
        let (lines, problems) = RosterParser.parse(text)
        #expect(problems.isEmpty)
        return lines
    }

    @Test("contacts and the school's kecamatan and jenjang, optional columns of the roster")
    func optionalColumns() throws {
        let text = """
            id,nama,peran,jabatan,npsn,nama_sekolah,kecamatan,jenjang,email,telepon
            198609262015051001,Budi,kepala_sekolah,definitif,20100001,SD 1,Sukamaju,SD,budi@sdn1.sch.id,0812-3456-7890
            198609262015051001,Budi,kepala_sekolah,plt,20100002,SD 2,Cibeureum,SD,,
            197501012000031002,Pengawas,pengawas_sekolah,,,,Sukamaju,SD,,+62 813 1111 2222
            """
        let (lines, problems) = RosterParser.parse(text)
        #expect(problems.isEmpty)
        #expect(lines[0].person.email == "budi@sdn1.sch.id")
        #expect(lines[0].person.telepon == "081234567890")
        // The Plt. row carries the person's contacts too.
        #expect(lines[1].person == lines[0].person)
        #expect(lines[0].position.kecamatan == "Sukamaju" && lines[0].position.jenjang == "SD")
        #expect(lines[1].position.kecamatan == "Cibeureum")
        // A supervisor has no school of their own: kecamatan and jenjang are a principal's row's.
        #expect(lines[2].position.kecamatan == nil && lines[2].position.jenjang == nil)
        #expect(lines[2].person.telepon == "+6281311112222")

        let bad = """
            id,nama,peran,npsn,email,telepon
            198609262015051001,Budi,kepala_sekolah,20100001,budi.sdn1.sch.id,
            198702022015052002,Sari,kepala_sekolah,20100002,,0812-ABC
            198803032015052003,Tini,kepala_sekolah,20100003,tini@x.id,
            198803032015052003,Tini,kepala_sekolah,20100004,tini@y.id,
            """
        let refused = RosterParser.parse(bad).problems
        #expect(refused.map(\.line) == [2, 3, 5])
        #expect(refused[0].message(in: .indonesian) == "email 'budi.sdn1.sch.id' bukan alamat e-mail (nama@domain)")
        #expect(refused[1].message(in: .english) == "telepon '0812-ABC' is not a phone number (8 to 15 digits, a leading + allowed, e.g. 0812-3456-7890)")
        #expect(refused[2].message(in: .english) == "the email of 198803032015052003 is 'tini@x.id' on line 4 and 'tini@y.id' here")
        #expect(Contact.email("a@b") == nil && Contact.email("a b@c.d") == nil && Contact.email("@c.d") == nil && Contact.email("a@c.d") == "a@c.d")
        #expect(Contact.telepon("1234567") == nil && Contact.telepon("(022) 123-4567") == "0221234567" && Contact.telepon("62+8123456789") == nil)
    }

    @Test("a file without an optional column keeps what is recorded; an empty cell of a column it has clears it")
    func keptColumns() throws {
        #expect(RosterParser.absentKeptColumns(["id", "nama", "peran", "email"]) == ["kecamatan", "jenjang", "telepon"])
        let lines = try Self.lines(["198609262015051001,Budi,kepala_sekolah,definitif,20100001,SD 1,,,,"])
        let stored = Person(id: PersonID(trusted: "198609262015051001"), nama: "Budi", kepegawaian: .pns, email: "b@x.id", telepon: "081234567890")
        let held = Position(key: lines[0].position.key, kecamatan: "Sukamaju", jenjang: "SD")
        let kept = lines[0].keeping(["email", "kecamatan"], person: stored, position: held)
        #expect(kept.person.email == "b@x.id" && kept.person.telepon == nil && kept.position.kecamatan == "Sukamaju" && kept.position.jenjang == nil)
        #expect(lines[0].keeping(["email"], person: nil, position: nil).person.email == nil)
    }

    @Test("the officials file: id, nama, jabatan, contacts; each id once")
    func officials() throws {
        let text = """
            id;nama;jabatan;email
            196808141994031005;Drs. H. Ahmad Syarifuddin, M.Si.;Kepala Dinas Pendidikan;kadis@disdik.sukamaju.go.id
            197105232000032002;Hj. Ratna Dewi Kusumawati, S.Sos., M.M.;Sekretaris Dinas;
            196808141994031005;Ahmad;Kepala Dinas;
            197002111997031004;Drs. Teguh Widodo, M.Pd.;;
            """
        let (lines, problems) = OfficialsParser.parse(text)
        #expect(lines.map(\.official) == [
            Official(id: Self.kadis, nama: "Drs. H. Ahmad Syarifuddin, M.Si.", jabatan: "Kepala Dinas Pendidikan", email: "kadis@disdik.sukamaju.go.id"),
            Official(id: PersonID(trusted: "197105232000032002"), nama: "Hj. Ratna Dewi Kusumawati, S.Sos., M.M.", jabatan: "Sekretaris Dinas"),
        ])
        #expect(problems.map { "\($0.line): \($0.message(in: .indonesian))" } == [
            "4: id 196808141994031005 sudah ada di baris 2",
            "5: jabatan kosong, mis. Kepala Dinas Pendidikan",
        ])
        #expect(OfficialsParser.parse("id,nama\n1,x").problems.first?.message(in: .english) == "the column 'jabatan' is missing; required: id, nama, jabatan")
    }

    @Test("a progress row carries what was chosen or rated, in the columns of plan complete")
    func progressChoices() throws {
        let text = """
            id,npsn,siklus,langkah,status,tanggal,catatan,praktik_kinerja,rhk,kompetensi,perilaku_kerja,sekolah,sekolah_fokus,nilai,nilai_refleksi
            198609262015051001,20100001,2024-1,praktik-kinerja,selesai,2024-01-05,,d3-visi-misi,,,,,,,
            198609262015051001,20100001,2024-1,pengembangan-kompetensi,selesai,2024-01-06,,,rhk-a:2|rhk-b,,,,,,
            197501012000031002,,2025-1,penyusunan,selesai,2025-01-10,,pr-d3,,kom-1,akuntabel|loyal,20100001|20100002|20100003,,,
            197501012000031002,,2025-1,diskusi-tindak-lanjut,selesai,2025-03-10,baik,,,,,,,Sesuai-Ekspektasi,
            197501012000031002,,2025-1,refleksi-tindak-lanjut,selesai,2025-05-10,,,,,,,,,upaya-belajar=sesuai-ekspektasi|peningkatan-kinerja=di-atas-ekspektasi
            197501012000031002,,2025-1,diskusi-persiapan,selesai,2025-01-20,,,,,,,20100002,,
            197501012000031002,,2025-1,pendampingan,mulai,2025-01-21,,,,,,,,sesuai-ekspektasi,
            197501012000031002,,2025-1,observasi,selesai,2025-03-10,,,,,,,,luar-biasa,
            197501012000031002,,2025-1,refleksi-tindak-lanjut,selesai,2025-05-10,,,,,,,,,upaya=baik
            """
        let (lines, problems) = ProgressParser.parse(text)
        func details(_ index: Int) -> StepDetails? {
            if case .complete(_, let details) = lines[index].action { return details }
            return nil
        }
        #expect(details(0) == StepDetails(praktikKinerja: "d3-visi-misi"))
        #expect(details(1) == StepDetails(rhk: [RHKChoice(id: "rhk-a", jumlah: 2), RHKChoice(id: "rhk-b")]))
        #expect(details(2) == StepDetails(
            praktikKinerja: "pr-d3", kompetensi: "kom-1", perilakuKerja: ["akuntabel", "loyal"],
            sekolah: [NPSN("20100001")!, NPSN("20100002")!, NPSN("20100003")!]))
        #expect(details(3) == StepDetails(rating: .sesuaiEkspektasi, catatan: "baik"))
        #expect(details(4) == StepDetails(ratings: [.upayaBelajar: .sesuaiEkspektasi, .peningkatanKinerja: .diAtasEkspektasi]))
        #expect(details(5) == StepDetails(sekolahFokus: NPSN("20100002")!))
        #expect(problems.map { "\($0.line): \($0.message(in: .english))" } == [
            "8: column nilai goes with status selesai or disetujui only, not mulai",
            "9: nilai 'luar-biasa' is unknown; use di-bawah-ekspektasi, sesuai-ekspektasi, di-atas-ekspektasi",
            "10: nilai_refleksi 'upaya=baik': write aspect=rating, the aspects being kesadaran-dalam-refleksi, upaya-belajar, peningkatan-kinerja",
        ])
    }
}
