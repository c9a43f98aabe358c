import ArgumentParser
import KinerjaRPC
import KinerjaVocabulary
import KinerjactlCore

/// Penilaian Kinerja (stage 5), as the office records it after Pelaksanaan: the Tim
/// Kinerja's ratings, the Pejabat Penilai's predikat, the hand-over to e-Kinerja. Each is
/// `selesai` of its step through `Transition`, as `plan complete` is, named for what it is.
extension PlanCommand {
    struct Rate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rate",
            abstract: Language.t(
                "Catat penilaian Tim Kinerja: Rating Praktik Kinerja / Hasil Kerja dan Rating Perilaku Kerja.",
                "Record the Tim Kinerja's Penilaian: Rating Praktik Kinerja / Hasil Kerja and Rating Perilaku Kerja."),
            discussion: Language.t(
                """
                Penilaian dimulai setelah semua langkah Pelaksanaan selesai. Rekomendasi Tim Kinerja mengikuti matriks predikat di berkas aturan tahunnya ([predikat_matrix], PermenPANRB 6/2022); plan show menampilkannya. Lalu Pejabat Penilai Kinerja menetapkan predikat (plan predikat; predikat yang berbeda dari matriks memerlukan --reason), dan kantor mencatat Sinkron ke e-Kinerja (plan sinkron).

                Contoh, seorang kepala sekolah dari data contoh yang Pelaksanaannya selesai:
                """,
                """
                Penilaian starts once every Pelaksanaan step is done. The Tim Kinerja's recommendation follows the predikat matrix of the year's rules file ([predikat_matrix], PermenPANRB 6/2022); plan show shows it. Then the Pejabat Penilai Kinerja sets the predikat (plan predikat; one other than the matrix's needs --reason), and the office records the Sinkron to e-Kinerja (plan sinkron).

                Example, a principal of the example district whose Pelaksanaan is done:
                """) + """

              kinerjactl plan rate 197002141993032002 --praktik di-atas-ekspektasi \\
                  --perilaku sesuai-ekspektasi
              kinerjactl plan predikat 197002141993032002 sangat-baik \\
                  --reason "praktik baiknya diadopsi tiga sekolah"
              kinerjactl plan sinkron 197002141993032002
            """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: .text(
            "Rating Praktik Kinerja / Hasil Kerja: di-bawah-ekspektasi, sesuai-ekspektasi atau di-atas-ekspektasi.",
            "Rating Praktik Kinerja / Hasil Kerja: di-bawah-ekspektasi, sesuai-ekspektasi or di-atas-ekspektasi.", value: Placeholder.rating))
        var praktik: String
        @Option(help: .text(
            "Rating Perilaku Kerja: di-bawah-ekspektasi, sesuai-ekspektasi atau di-atas-ekspektasi.",
            "Rating Perilaku Kerja: di-bawah-ekspektasi, sesuai-ekspektasi or di-atas-ekspektasi.", value: Placeholder.rating))
        var perilaku: String
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Catatan.", "A note (catatan).", value: Placeholder.text)) var note: String?

        func validate() throws {
            try checked {
                try ArgumentSyntax.known(praktik, in: Vocabulary.ratings, Placeholder.option("--praktik"))
                try ArgumentSyntax.known(perilaku, in: Vocabulary.ratings, Placeholder.option("--perilaku"))
                if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) }
            }
        }

        func run() throws {
            let details = StepDetailsInput(catatan: note, ratingPraktik: praktik, ratingPerilaku: perilaku)
            try PlanCommand.transition(global, target, action: "selesai", step: "penilaian", date: date, details: details)
        }
    }

    struct SetPredikat: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "predikat",
            abstract: Language.t(
                "Catat predikat yang ditetapkan Pejabat Penilai Kinerja (Kepala Dinas).",
                "Record the predikat the Pejabat Penilai Kinerja (Kepala Dinas) set."),
            discussion: Language.t(
                "Predikat yang berbeda dari matriks (menurut penilaian Tim Kinerja) hanya dicatat dengan --reason; tanpa itu ditolak, dengan menyebut predikat matriksnya. ",
                "A predikat other than the matrix's (for the Tim Kinerja's ratings) is recorded only with --reason; without it, it is refused, naming the matrix's. ")
                + HelpExamples.see("plan rate"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Argument(help: .text(
            "sangat-baik, baik, butuh-perbaikan, kurang (Kurang/Misconduct) atau sangat-kurang.",
            "sangat-baik, baik, butuh-perbaikan, kurang (Kurang/Misconduct) or sangat-kurang.", value: Bilingual("predikat", "predikat")))
        var predikat: String
        @Option(help: .text(
            "Mengapa predikatnya berbeda dari matriks.", "Why the predikat differs from the matrix.", value: Placeholder.text))
        var reason: String?
        @Option(help: .text("Tanggal kejadiannya (bawaan: hari ini).", "The day it happened (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Catatan.", "A note (catatan).", value: Placeholder.text)) var note: String?

        func validate() throws {
            try checked {
                try ArgumentSyntax.known(predikat, in: Vocabulary.predikat, Placeholder.argument(Bilingual("predikat", "predikat")))
                if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) }
            }
        }

        func run() throws {
            let details = StepDetailsInput(catatan: note, predikat: predikat, alasan: reason)
            try PlanCommand.transition(global, target, action: "selesai", step: "penetapan-predikat", date: date, details: details)
        }
    }

    struct Sinkron: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sinkron",
            abstract: Language.t(
                "Catat tanggal hasil penilaian diserahkan ke e-Kinerja (Sinkron).",
                "Record the day the result was handed over to e-Kinerja (Sinkron)."),
            discussion: HelpExamples.see("plan rate"))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: PlanTarget
        @Option(help: .text("Tanggal Sinkron (bawaan: hari ini).", "The day of the Sinkron (default: today).", value: Placeholder.date)) var date: String?
        @Option(help: .text("Catatan.", "A note (catatan).", value: Placeholder.text)) var note: String?

        func validate() throws { try checked { if let date { try ArgumentSyntax.date(date, Placeholder.option("--date")) } } }

        func run() throws {
            try PlanCommand.transition(global, target, action: "selesai", step: "sinkron", date: date, note: note)
        }
    }
}
