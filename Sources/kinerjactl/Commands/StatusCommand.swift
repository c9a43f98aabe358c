import ArgumentParser
import KinerjaRPC

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: Language.t(
            "Tampilkan keadaan kinerjad: jam, siklus, penyimpanan dan jumlah.", "Show the daemon's state: clock, cycle, store and counts."))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = try global.run { try $0.call(Kinerja.GetStatus.self).status }
        if global.json { return try Printer.json(status) }
        let c = status.counts
        var clockNote = status.clockOverridden ? Language.t("  [jam diubah dengan --clock-start]", "  [clock moved with --clock-start]") : ""
        if let rate = status.clockRate {
            clockNote = Language.t("  [jam berjalan \(rate)× lebih cepat (--clock-rate)]", "  [clock runs \(rate)× faster (--clock-rate)]")
        }
        // `people` counts persons, the role counts positions: a Plt. principal is one person
        // in two principal positions (the IDL's Counts).
        let positions = c.kepalaSekolah + c.pengawasSekolah
        let rows: [(String, String)] = [
            (Language.t("versi", "version"), "kinerjad \(status.version)"),
            (Language.t("waktu", "now"), "\(status.now) (\(status.timezone))\(clockNote)"),
            (Language.t("berjalan sejak", "started"), status.startedAt),
            (Language.t("siklus", "cycle"), "\(status.currentCycle) (\(Language.t("hari ini", "today")) \(status.today))"),
            (Language.t("penyimpanan", "store"), "\(status.storePath) (\(status.storeBytes) \(Language.t("bita", "bytes")))"),
            (Language.t("aturan tahun", "rules years"), status.rulesYears.map(String.init).joined(separator: ", ")),
            (Language.t("orang aktif", "active people"),
             Language.t(
                "\(c.people), memegang \(positions) posisi (kepala sekolah \(c.kepalaSekolah), pengawas sekolah \(c.pengawasSekolah))",
                "\(c.people), holding \(positions) positions (principal \(c.kepalaSekolah), supervisor \(c.pengawasSekolah))")),
            (Language.t("rencana", "plans"),
             "\(c.plans): \(Language.t("selesai", "complete")) \(c.complete), \(Language.t("terlambat", "overdue")) \(c.overdue), \(Language.t("terblokir", "blocked")) \(c.blocked)"),
            (Language.t("pengingat", "reminders"),
             "\(status.remindersFired) \(Language.t("terkirim", "fired")), \(status.remindersMissed) \(Language.t("terlewat (daemon mati)", "missed (daemon was down)")), \(status.remindersSilenced) \(Language.t("dibisukan", "silenced")), \(status.remindersUncertain) \(Language.t("tidak pasti (periksa manual)", "uncertain (check by hand)")), \(status.deliveriesFailed) \(Language.t("hook gagal", "hook deliveries failed"))"),
        ] + (status.preconditions.map { [(Language.t("tahap 1–2", "stages 1–2"), PreconditionsCommand.line($0))] } ?? [])
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            Printer.out("\(label):\(TerminalText(safe: String(repeating: " ", count: width - label.count + 1)))\(value)")
        }
    }
}
