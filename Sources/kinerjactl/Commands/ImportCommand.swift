import ArgumentParser
import FoundationEssentials
import KinerjaRPC

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Language.t(
            "Impor berkas daftar pegawai, pejabat atau kemajuan, CSV atau buku kerja .xlsx (berkas dibaca di sini lalu dikirim ke kinerjad).",
            "Import a roster, officials or progress file, a CSV or an .xlsx workbook (the file is read here and sent to the daemon)."),
        discussion: Language.t(
            """
            CSV: UTF-8 (dengan atau tanpa BOM), pemisah koma, titik koma atau tab, dengan baris judul. Buku kerja .xlsx
            (Excel, LibreOffice, ekspor Dapodik) dibaca dari lembar pertamanya, atau lembar yang disebut --sheet,
            dengan kolom dan pemeriksaan yang sama; baris adalah nomor baris lembarnya. Tidak ada yang disimpan
            kecuali semua baris baik, atau --skip-invalid menyimpan baris yang baik dan melaporkan sisanya.
            """,
            """
            CSV: UTF-8 (with or without BOM), comma, semicolon or tab, a header row. An .xlsx workbook
            (Excel, LibreOffice, Dapodik's export) is read from its first sheet, or the one --sheet
            names, with the same columns and checks; lines are the sheet's row numbers. Nothing is
            written unless every row is good, or --skip-invalid writes the good rows and reports the rest.
            """) + "\n\n" + HelpExamples.list("import roster config/examples/roster.csv --dry-run", "import progress config/examples/progress.csv"),
        subcommands: [Roster.self, Officials.self, Progress.self, Preconditions.self])

    struct Options: ParsableArguments {
        @Argument(help: .text("Berkas CSV atau .xlsx.", "The CSV or .xlsx file.", value: Placeholder.file)) var file: String
        @Option(help: .text(
            "Lembar buku kerja .xlsx yang dibaca (bawaan: lembar pertama yang tidak tersembunyi).",
            "The sheet of an .xlsx workbook to read (default: the first one not hidden).", value: Placeholder.name))
        var sheet: String?
        @Flag(help: .text("Periksa setiap baris dan laporkan, tanpa menyimpan apa pun.", "Check every row and report, writing nothing.")) var dryRun = false
        @Flag(help: .text("Simpan baris yang baik dan laporkan yang buruk.", "Write the good rows and report the bad ones.")) var skipInvalid = false

        /// An .xlsx is a zip: `PK\u{3}\u{4}`.
        static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        /// An OLE2 compound file: an .xls (Excel 97–2003), or an .xlsx saved with a password.
        static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

        /// What goes to the daemon: a CSV's text as it is, or a workbook's bytes in base64,
        /// for the daemon to read (kinerjactl links no zip or XML library, to start in a few ms).
        func content() throws -> (text: String, base64: Bool) {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                Printer.err(Language.t("kinerjactl: tidak dapat membaca \(file)", "kinerjactl: cannot read \(file)"))
                throw Exit.usage
            }
            if data.starts(with: Options.zipSignature) { return (data.base64EncodedString(), true) }
            if data.starts(with: Options.oleSignature) {
                Printer.err(Language.t(
                    "kinerjactl: \(file) adalah buku kerja .xls (Excel 97–2003) atau .xlsx berkata sandi; simpan sebagai .xlsx tanpa kata sandi atau \"CSV UTF-8\"",
                    "kinerjactl: \(file) is an .xls workbook (Excel 97–2003) or an .xlsx with a password; save it as an .xlsx without a password or as \"CSV UTF-8\""))
                throw Exit.usage
            }
            if sheet != nil {
                Printer.err(Language.t(
                    "kinerjactl: --sheet hanya untuk buku kerja .xlsx; \(file) bukan .xlsx", "kinerjactl: --sheet is for an .xlsx workbook; \(file) is not one"))
                throw Exit.usage
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                Printer.err(Language.t(
                    "kinerjactl: \(file) bukan UTF-8; simpan ulang sebagai \"CSV UTF-8\" atau .xlsx",
                    "kinerjactl: \(file) is not UTF-8; save it again as \"CSV UTF-8\" or .xlsx"))
                throw Exit.usage
            }
            return (text, false)
        }
    }

    struct Roster: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roster",
            abstract: Language.t(
                "Impor daftar pegawai: satu baris per posisi (id, kepegawaian, nama, peran, jabatan, npsn, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id, sekolah_binaan; boleh juga kecamatan, jenjang, email, telepon).",
                "Import the roster: one row per position (id, kepegawaian, nama, peran, jabatan, npsn, nama_sekolah, atasan_id, tim_kinerja, pejabat_penilai_id, sekolah_binaan; optionally kecamatan, jenjang, email, telepon)."),
            discussion: Language.t(
                "Orang yang tidak ada di berkas tetap seperti adanya (berkas satu kecamatan tidak mengosongkan kabupaten); ringkasannya menyebut berapa orang itu. Dengan --deactivate-missing (daftar lengkap satu kabupaten) mereka ditandai tidak aktif, tidak pernah dihapus. Peringatan (seseorang definitif di dua sekolah, dua kepala sekolah definitif di satu sekolah, sekolah tanpa pengawas, id atasan atau Tim Kinerja yang tidak dikenal) disebut dengan nomor barisnya; barisnya tetap diimpor.\n\n",
                "People the file does not name stay as they are (one kecamatan's file does not empty the district); the summary says how many. With --deactivate-missing (a whole district's roster) they are marked inactive, never deleted. Warnings (a person definitif at two schools, two definitif principals at one school, a school no supervisor covers, an atasan or Tim Kinerja id nobody has) name their line; the rows are imported all the same.\n\n")
                + HelpExamples.list("import roster config/examples/roster.csv", "import roster config/examples/roster.csv --deactivate-missing --dry-run"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options
        @Flag(help: .text(
            "Tandai tidak aktif orang dan posisi yang tidak ada di berkas (daftar lengkap satu kabupaten).",
            "Mark inactive the people and positions the file does not name (a whole district's roster)."))
        var deactivateMissing = false

        func run() throws { try ImportCommand.run(Kinerja.ImportRoster.self, global, options, deactivateMissing: deactivateMissing) }
    }

    struct Officials: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "officials",
            abstract: Language.t(
                "Impor daftar pejabat yang disebut daftar pegawai dengan id-nya (id, nama, jabatan; boleh juga email, telepon): Kepala Dinas, Sekretaris, Kepala Bidang.",
                "Import the officials the roster names by id (id, nama, jabatan; optionally email, telepon): the Kepala Dinas, the Sekretaris, the Kepala Bidang."),
            discussion: Language.t(
                "Nama dan jabatan mereka lalu tampil di daftar, pengingat dan hook. Pejabat ditambah atau diubah, tidak pernah dihapus.\n\n",
                "Their names and posts then show in lists, reminders and hooks. Officials are added or updated, never removed.\n\n")
                + HelpExamples.list("import officials config/examples/pejabat.csv"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func run() throws { try ImportCommand.run(Kinerja.ImportOfficials.self, global, options) }
    }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: Language.t(
                "Impor baris kemajuan (id, npsn, siklus, langkah, status, tanggal, catatan), diterapkan menurut urutan berkas.",
                "Import progress rows (id, npsn, siklus, langkah, status, tanggal, catatan), applied in file order."),
            discussion: Language.t(
                "status: selesai, disetujui, dikembalikan (catatan = alasan), mulai, terblokir (catatan = sebab), dibuka.\n\nApa yang dipilih atau dinilai pada baris selesai/disetujui, dalam kolom opsional: praktik_kinerja, rhk (id:jumlah|…), kompetensi, perilaku_kerja (id|…), sekolah (npsn|npsn|npsn), sekolah_fokus, nilai, nilai_refleksi (aspek=nilai|…); untuk Penilaian nilai_praktik_kinerja, nilai_perilaku_kerja, predikat, alasan.\n\n",
                "status: selesai, disetujui, dikembalikan (catatan = reason), mulai, terblokir (catatan = cause), dibuka.\n\nWhat was chosen or rated on a selesai/disetujui row, in optional columns: praktik_kinerja, rhk (id:count|…), kompetensi, perilaku_kerja (id|…), sekolah (npsn|npsn|npsn), sekolah_fokus, nilai, nilai_refleksi (aspect=rating|…); for Penilaian nilai_praktik_kinerja, nilai_perilaku_kerja, predikat, alasan.\n\n")
                + HelpExamples.list("import progress config/examples/progress.csv"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func run() throws { try ImportCommand.run(Kinerja.ImportProgress.self, global, options) }
    }

    struct Preconditions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "preconditions",
            abstract: Language.t(
                "Impor tahap 1–2 yang selesai (id, tahap; boleh juga tanggal, nomor_sk, tanggal_sk, siklus): Pemutakhiran Data, Plotting Tim Kinerja.",
                "Import stages 1–2 done (id, tahap; optionally tanggal, nomor_sk, tanggal_sk, siklus): Pemutakhiran Data, Plotting Tim Kinerja."),
            discussion: Language.t(
                "tahap: pemutakhiran-data (1) atau plotting-tim-kinerja (2); tanggal bawaan hari ini, siklus bawaan siklus berjalan. Di kantor yang menyebut operatornya di [office] kinerja.toml, seseorang yang tahap 1 atau 2-nya belum tercatat tampil terblokir.\n\n",
                "tahap: pemutakhiran-data (1) or plotting-tim-kinerja (2); tanggal defaults to today, siklus to the current cycle. In an office that names its operator in kinerja.toml's [office], a person whose stage 1 or 2 is not recorded shows blocked.\n\n")
                + HelpExamples.list("import preconditions config/examples/prasyarat.csv --dry-run"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: Options

        func run() throws { try ImportCommand.run(Kinerja.ImportPreconditions.self, global, options) }
    }

    /// Files up to this size go in the import call itself (JSON escaping can grow text).
    static let inlineLimit = 256 * 1024

    /// The text in pieces of at most `inlineLimit` bytes, cut between characters.
    static func pieces(of text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var size = 0
        for character in text {
            let length = character.utf8.count
            if size + length > inlineLimit {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.append(character)
            size += length
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static func run<M: VarlinkMethod>(_ method: M.Type, _ global: GlobalOptions, _ options: Options, deactivateMissing: Bool = false) throws
    where M.Parameters == Kinerja.ImportParameters, M.Result == Kinerja.ImportResultReply {
        let (text, base64) = try options.content()
        let result = try global.run { client in
            var params = Kinerja.ImportParameters(
                dryRun: options.dryRun ? true : nil, skipInvalid: options.skipInvalid ? true : nil, base64: base64 ? true : nil,
                sheet: options.sheet, deactivateMissing: deactivateMissing ? true : nil)
            if text.utf8.count <= inlineLimit {
                params.content = text
            } else {
                // Messages are at most 1 MiB: a large file goes up in pieces first.
                let upload = try client.call(Kinerja.UploadBegin.self).upload
                for piece in pieces(of: text) {
                    _ = try client.call(Kinerja.UploadChunk.self, .init(upload: upload, chunk: piece))
                }
                params.upload = upload
            }
            return try client.call(M.self, params).result
        }
        if global.json {
            try Printer.json(result)
        } else {
            report(result, options: options, kind: M.self == Kinerja.ImportRoster.self ? .roster : M.self == Kinerja.ImportOfficials.self ? .officials
                : M.self == Kinerja.ImportPreconditions.self ? .preconditions : .progress, deactivateMissing: deactivateMissing)
        }
        if !result.problems.isEmpty && !result.applied { throw Exit.refused }
    }

    /// A refused row, as both a rejected import and a dry run or --skip-invalid report it.
    static func problemLine(line: Int, message: String) -> TerminalText { "  \(Language.t("baris", "line")) \(line): \(message)" }

    enum Kind { case roster, officials, progress, preconditions }

    static func report(_ result: ImportResult, options: Options, kind: Kind, deactivateMissing: Bool) {
        if !result.problems.isEmpty {
            Printer.err(Language.t("kinerjactl: baris yang ditolak di \(options.file):", "kinerjactl: rows refused in \(options.file):"))
        }
        for p in result.problems { Printer.err(problemLine(line: p.line, message: p.message)) }
        if !result.warnings.isEmpty {
            Printer.err(Language.t("kinerjactl: peringatan untuk \(options.file) (barisnya tetap diimpor):", "kinerjactl: warnings about \(options.file) (the rows are imported all the same):"))
        }
        for w in result.warnings { Printer.err(problemLine(line: w.line, message: w.message)) }
        let verb = result.applied ? Language.t("disimpan", "written") : Language.t("tidak disimpan (uji coba)", "not written (dry run)")
        switch kind {
        case .roster:
            Printer.out(Language.t(
                "\(result.goodRows) dari \(result.rows) baris baik, \(verb): \(result.added) baru, \(result.updated) diubah, \(result.unchanged) tetap, \(result.deactivated) dinonaktifkan",
                "\(result.goodRows) of \(result.rows) rows good, \(verb): \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged, \(result.deactivated) deactivated"))
            // Always said, also when none: an office sees at once what the file left out.
            Printer.out(deactivateMissing
                ? Language.t(
                    "\(result.missing) orang aktif tidak ada di berkas: \(result.applied ? "dinonaktifkan" : "akan dinonaktifkan") (--deactivate-missing)",
                    "\(result.missing) active people are not in the file: \(result.applied ? "deactivated" : "would be deactivated") (--deactivate-missing)")
                : Language.t(
                    "\(result.missing) orang aktif tidak ada di berkas dan tetap aktif; dengan --deactivate-missing mereka dinonaktifkan",
                    "\(result.missing) active people are not in the file and stay active; --deactivate-missing would deactivate them"))
        case .officials:
            Printer.out(Language.t(
                "\(result.goodRows) dari \(result.rows) baris baik, \(verb): \(result.added) baru, \(result.updated) diubah, \(result.unchanged) tetap; \(result.missing) pejabat tercatat tidak ada di berkas (tetap tercatat)",
                "\(result.goodRows) of \(result.rows) rows good, \(verb): \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged; \(result.missing) recorded officials are not in the file (they stay)"))
        case .preconditions:
            Printer.out(Language.t(
                "\(result.goodRows) dari \(result.rows) baris baik, \(verb): \(result.added) baru, \(result.updated) diubah, \(result.unchanged) tetap",
                "\(result.goodRows) of \(result.rows) rows good, \(verb): \(result.added) added, \(result.updated) updated, \(result.unchanged) unchanged"))
        case .progress:
            Printer.out(Language.t(
                "\(result.transitions) dari \(result.rows) baris diterapkan, \(verb)",
                "\(result.transitions) of \(result.rows) rows applied, \(verb)"))
        }
    }
}
