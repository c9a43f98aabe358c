import Testing
@testable import KinerjaCore

/// The CSV formats of DESIGN.md: delimiters, BOM, CRLF, quoting, and a named line for every bad row.
@Suite struct CSVImportTests {
    let header = "id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan"

    @Test func commaSemicolonAndTabAreDetected() throws {
        for delimiter in [",", ";", "\t"] {
            let text = ["id", "nama", "peran"].joined(separator: delimiter) + "\n"
                + ["198609262015051001", "Budi Santoso", "pengawas_sekolah"].joined(separator: delimiter) + "\n"
            let table = try CSVTable(parsing: text)
            #expect(table.delimiter == Character(delimiter))
            #expect(try table.rows.count == 1)
            #expect(try table.rows[0].fields == ["198609262015051001", "Budi Santoso", "pengawas_sekolah"])
        }
    }

    @Test func bomCRLFAndQuotedFieldsWithDelimitersAndNewlines() throws {
        let text = "\u{FEFF}ID;Nama;Catatan\r\n1;\"Siti; S.Pd.\";\"baris\r\nkedua \"\"kutip\"\"\"\r\n2;Ani;\r\n"
        let table = try CSVTable(parsing: text)
        #expect(table.header == ["id", "nama", "catatan"])
        #expect(try table.rows.count == 2)
        #expect(try table.rows[0].fields == ["1", "Siti; S.Pd.", "baris\nkedua \"kutip\""])
        #expect(try table.rows[1].line == 4)
    }

    @Test("non-ASCII text, CR-only line ends, blank rows, a quote after spaces, text after a closing quote")
    func bytesOfTheFile() throws {
        let text = "id,nama\r1,Désirée Ñandú 🇮🇩\r  \t \r2,  \u{A0}\"Ani, S.Pd.\" ignored\r\n\n3,\"a\rb\"\n4,x\"y"
        let table = try CSVTable(parsing: text)
        #expect(try table.rows.map(\.fields) == [["1", "Désirée Ñandú 🇮🇩"], ["2", "Ani, S.Pd."], ["3", "a\nb"], ["4", "x\"y"]])
        #expect(try table.rows.map(\.line) == [2, 4, 6, 8])
    }

    @Test func unclosedQuoteNamesItsLine() {
        let problem = ImportProblem(
            line: 2, id: "ada kolom bertanda kutip yang tidak ditutup (kurang \")", en: "a quoted field is never closed (missing \")")
        #expect(throws: problem) {
            try CSVTable(parsing: "a,b\n\"open,x\n").rows
        }
    }

    @Test func rosterRowsBecomePositionsAndBadRowsAreNamed() {
        let text = """
        \(header)
        198609262015051001,,Budi Santoso,kepala_sekolah,definitif,20100001,SD Negeri 1 Sukamaju,197001011995031001,197505052000121002,197001011995031001,
        198609262015051001,,Budi Santoso,kepala_sekolah,plt,20100002,SD Negeri 2 Sukamaju,197001011995031001,,,
        197505052000121002,pns,Rina Marlina,pengawas_sekolah,,,,197001011995031001,,197001011995031001,20100001|20100002
        198613322015051001,,Salah Tanggal,kepala_sekolah,,20100003,,,,,
        199009132025242014,pppk,Dewi PPPK,kepala_sekolah,,20100004,,,,,
        NONASN-01,non_asn,Yohanes,kepala_sekolah,,2010005,,,,,
        NONASN-02,,Agus,guru,,20100006,,,,,
        NONASN-03,,Tanpa Sekolah,kepala_sekolah,,,,,,,
        """
        let (lines, problems) = RosterParser.parse(text)
        #expect(lines.count == 4)
        #expect(lines.filter { $0.person.id.rawValue == "198609262015051001" }.count == 2)
        #expect(lines[1].position.jabatan == .plt)
        #expect(lines[2].position.sekolahBinaan.map(\.rawValue) == ["20100001", "20100002"])
        #expect(lines[3].person.kepegawaian == .pppk)
        #expect(problems.map(\.line) == [5, 7, 8, 9])
        #expect(problems[0].message(in: .english).contains("birth date"))
        #expect(problems[1].message(in: .english).contains("npsn '2010005'"))
        #expect(problems[2].message(in: .english).contains("peran 'guru'"))
        #expect(problems[3].message(in: .english).contains("needs the school's npsn"))
        #expect(problems.map { $0.message(in: .indonesian) } == [
            "NIP '198613322015051001': angka ke-1–8 (19861332) bukan tanggal lahir YYYYMMDD yang sah",
            "npsn '2010005' bukan NPSN (8 angka)",
            "peran 'guru' tidak dikenal; gunakan kepala_sekolah atau pengawas_sekolah",
            "kepala_sekolah memerlukan npsn sekolahnya",
        ])
    }

    @Test func rosterRefusesUnknownColumnsAndDuplicatePositions() {
        let unknown = RosterParser.parse("id,nama,peran,sekolahh\n")
        #expect(unknown.problems.first?.message(in: .english).contains("unknown column 'sekolahh'") == true)
        let missing = RosterParser.parse("id,nama\n")
        #expect(missing.problems.first?.message(in: .english).contains("'peran' is missing") == true)
        let dup = RosterParser.parse("id,nama,peran\n197505052000121002,A,pengawas_sekolah\n197505052000121002,A,pengawas_sekolah\n")
        #expect(dup.lines.count == 1)
        #expect(dup.problems == [ImportProblem(
            line: 3, id: "posisi 197505052000121002/ps sudah ada di baris 2", en: "the position 197505052000121002/ps is already on line 2")])
    }

    @Test func progressRowsBecomeActions() {
        let text = """
        id,npsn,siklus,langkah,status,tanggal,catatan
        198609262015051001,20100001,2026-2,praktik-kinerja,selesai,2026-07-10,
        197505052000121002,,2026-2,pemeriksaan,dikembalikan,2026-07-20,target belum jelas
        197505052000121002,,2026-2,penyusunan,terblokir,2026-07-02,rhk-atasan
        197505052000121002,,2026-2,,dibuka,2026-07-05,
        197505052000121002,,2026-2,pendampingan,mulai,2026-08-01,
        197505052000121002,,2026-3,pendampingan,mulai,2026-08-01,
        197505052000121002,,2026-2,pendampingan,sudah,2026-08-01,
        197505052000121002,,2026-2,pemeriksaan,dikembalikan,2026-07-20,
        197505052000121002,,2026-2,pendampingan,selesai,2026-02-30,
        197505052000121002,,2026-2,penyusunan,terblokir,2026-07-02,RHK atasan
        197505052000121002,,2026-2,,terblokir,2026-07-02,lainnya: menunggu SK Tim Kinerja
        """
        let (lines, problems) = ProgressParser.parse(text)
        #expect(lines.count == 6)
        #expect(lines[0].action == .complete(.praktikKinerja, StepDetails(catatan: nil)))
        #expect(lines[0].npsn?.rawValue == "20100001")
        #expect(lines[1].action == .returnForRevision(.pemeriksaan, reason: "target belum jelas"))
        #expect(lines[2].action == .block(.rhkAtasan, note: nil))
        #expect(lines[3].action == .unblock)
        #expect(lines[4].action == .start(.pendampingan))
        #expect(lines[5].action == .block(.lainnya, note: "menunggu SK Tim Kinerja"))
        #expect(problems.map(\.line) == [7, 8, 9, 10, 11])
        #expect(problems.map { $0.message(in: .indonesian) } == [
            "siklus '2026-3' bukan siklus; tulis YYYY-1 (Januari–Juni) atau YYYY-2 (Juli–Desember)",
            "'sudah' tidak dikenal; gunakan mulai, selesai, disetujui, dikembalikan, terblokir, dibuka",
            "dikembalikan memerlukan alasan (catatan)",
            "tanggal '2026-02-30' bukan tanggal YYYY-MM-DD",
            "penyebab blokir 'RHK atasan' tidak dikenal; gunakan rhk-atasan, pemutakhiran-data, plotting-tim-kinerja, lainnya",
        ])
        #expect(problems.map { $0.message(in: .english) } == [
            "siklus '2026-3' is not a cycle; use YYYY-1 (January–June) or YYYY-2 (July–December)",
            "'sudah' is unknown; use mulai, selesai, disetujui, dikembalikan, terblokir, dibuka",
            "dikembalikan needs the reason (a note)",
            "tanggal '2026-02-30' is not a date YYYY-MM-DD",
            "block cause 'RHK atasan' is unknown; use rhk-atasan, pemutakhiran-data, plotting-tim-kinerja, lainnya",
        ])
    }
}
