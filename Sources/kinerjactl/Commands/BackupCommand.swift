import ArgumentParser
import FoundationEssentials
import KinerjaRPC

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: Language.t(
            "Buat salinan penyimpanan yang utuh selagi kinerjad berjalan.", "Make a consistent copy of the store while the daemon runs."),
        discussion: Language.t(
            """
            kinerjad menulis salinannya di direktori statusnya (backups/, dinamai menurut waktu) dan
            mencetak namanya. Dengan --output BERKAS (atau BERKAS), salinan juga dialirkan ke sini dan ditulis ke BERKAS.
            Cara memulihkan: hentikan kinerjad (dan kinerjad.socket), hapus kinerja.sqlite-wal dan kinerja.sqlite-shm, ganti kinerja.sqlite di direktori status dengan salinannya, jalankan kinerjad. Berkas -wal yang tertinggal di samping salinan akan diterapkan ke atasnya.
            """,
            """
            The daemon writes the copy under its state directory (backups/, named by time) and
            prints its name. With --output FILE (or FILE), the copy is also streamed here and written to FILE.
            Restore: stop kinerjad (and kinerjad.socket), delete kinerja.sqlite-wal and kinerja.sqlite-shm, replace kinerja.sqlite in the state directory with the copy, start kinerjad. A -wal file left beside the copy would be replayed onto it.
            """) + "\n\n" + HelpExamples.list("backup --output kinerja-copy.sqlite"))

    @OptionGroup var global: GlobalOptions
    @Argument(help: .text("Ke mana salinan ditulis (sama dengan --output).", "Where to write a copy (same as --output).", value: Placeholder.file))
    var path: String?
    @Option(help: .text("Ke mana salinan ditulis.", "Where to write a copy.", value: Placeholder.file)) var output: String?

    func validate() throws {
        if path != nil && output != nil {
            throw ValidationError(Language.t("berikan BERKAS atau --output BERKAS, jangan keduanya", "give FILE or --output FILE, not both"))
        }
        if let target = path ?? output, FileManager.default.fileExists(atPath: target) {
            throw ValidationError(Language.t(
                "\(target) sudah ada; pilih nama berkas baru (cadangan tidak pernah menimpa)",
                "\(target) exists; choose a new file name (a backup never overwrites)"))
        }
    }

    func run() throws {
        let info = try global.run { client -> BackupInfo in
            let info = try client.call(Kinerja.Backup.self).backup
            if let target = path ?? output {
                var data = Data()
                try client.stream(Kinerja.ReadBackup.self, .init(name: info.name)) { chunk in
                    guard let bytes = Data(base64Encoded: chunk.chunk) else { throw VarlinkClientError.protocolError("bad base64 chunk") }
                    data.append(bytes)
                    return true
                }
                do {
                    try data.write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
                } catch {
                    Printer.err(Language.t("kinerjactl: tidak dapat menulis \(target)", "kinerjactl: cannot write \(target)"))
                    throw Exit.usage
                }
            }
            return info
        }
        if global.json { return try Printer.json(info) }
        Printer.out("\(info.path) (\(info.bytes) \(Language.t("bita", "bytes")))")
        if let target = path ?? output { Printer.out("\(target)") }
    }
}
