import ArgumentParser
import KinerjaRPC
import KinerjactlCore

/// Options every command takes: where the daemon is and how to print.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: .text(
        "Soket Varlink kinerjad (bawaan: $KINERJA_SOCKET, jika tidak ada /run/kinerja/kinerja.sock).",
        "The daemon's Varlink socket (default: $KINERJA_SOCKET, else /run/kinerja/kinerja.sock).", value: Placeholder.path))
    var socket: String?

    @Flag(name: .long, help: .text(
        "Cetak jawaban kinerjad sebagai JSON (nama kolom dan id tetap, untuk skrip).",
        "Print the daemon's reply as JSON (stable field names and ids, for scripts)."))
    var json = false

    @Flag(name: .long, help: .text("Cetak tabel tanpa baris judulnya.", "Print tables without their header line."))
    var noLegend = false

    @Option(name: .long, help: .text("Berapa detik menunggu kinerjad.", "Seconds to wait for the daemon.", value: Placeholder.seconds))
    var timeout: Int = 30

    func validate() throws {
        try checked { try ArgumentSyntax.atLeast(timeout, 1, Placeholder.option("--timeout")) }
    }

    var socketPath: String {
        if let socket { return socket }
        if let env = getenv("KINERJA_SOCKET"), env.pointee != 0 { return String(cString: env) }
        return "/run/kinerja/kinerja.sock"
    }

    var legend: Bool { !noLegend }

    /// `arguments` with the global options written before the subcommand moved to the end,
    /// where each subcommand reads them: `kinerjactl --socket PATH status` is how people type
    /// it, and ArgumentParser would refuse the option in front.
    static func movedBehindSubcommand(_ arguments: [String]) -> [String] {
        let takesValue: Set<String> = ["--socket", "--timeout"]
        let flags: Set<String> = ["--json", "--no-legend"]
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            if flags.contains(argument) || (takesValue.contains(name) && argument.contains("=")) {
                leading.append(argument)
                index += 1
            } else if takesValue.contains(argument), index + 1 < arguments.count {
                leading += arguments[index...(index + 1)]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        return Array(arguments[index...]) + leading
    }

    /// Connects, runs `body`, and turns every failure into one line on stderr and the
    /// documented exit code (no stack trace, no Swift error dump).
    func run<T>(_ body: (VarlinkClient) throws -> T) throws -> T {
        do {
            // Calls stay small, but a province's `people list` reply exceeds the 1 MiB the
            // daemon accepts from clients: the CLI trusts its daemon's replies further.
            let client = try VarlinkClient(path: socketPath, timeout: .seconds(timeout), maxFrameSize: 512 * 1024 * 1024)
            defer { client.close() }
            // The daemon's refusals and texts come in kinerjactl's language.
            client.language = Language.english ? "en" : "id"
            return try body(client)
        } catch let error as VarlinkClientError {
            throw Failure.from(error, socket: socketPath)
        } catch let error as VarlinkError {
            throw Failure.from(.remote(error), socket: socketPath)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
