import ArgumentParser
import KinerjaRPC

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's state: clock, cycle, store and counts.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = try global.run { try $0.call(Kinerja.GetStatus.self).status }
        if global.json { return try Printer.json(status) }
        let c = status.counts
        let lines = [
            "kinerjad \(status.version)",
            "\(Language.t("waktu", "now")):          \(status.now) (\(status.timezone))\(status.clockOverridden ? Language.t("  [jam diubah dengan --clock-start]", "  [clock moved with --clock-start]") : "")",
            "\(Language.t("berjalan sejak", "started")): \(status.startedAt)",
            "\(Language.t("siklus", "cycle")):         \(status.currentCycle)",
            "\(Language.t("penyimpanan", "store")):    \(status.storePath) (\(status.storeBytes) bytes)",
            "\(Language.t("aturan tahun", "rules years")):   \(status.rulesYears.map(String.init).joined(separator: ", "))",
            "\(Language.t("orang aktif", "active people")):   \(c.people) (\(Language.t("kepala sekolah", "principals")) \(c.kepalaSekolah), \(Language.t("pengawas", "supervisors")) \(c.pengawasSekolah))",
            "\(Language.t("rencana", "plans")):        \(c.plans): \(Language.t("selesai", "complete")) \(c.complete), \(Language.t("terlambat", "overdue")) \(c.overdue), \(Language.t("terblokir", "blocked")) \(c.blocked)",
        ]
        Printer.out(lines.joined(separator: "\n"))
    }
}
