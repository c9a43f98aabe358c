import Foundation
import KinerjaRPC

#if canImport(Glibc)
import Glibc
#endif

// kinerja-bench: measures a running kinerjad from the outside, the way a client sees it,
// and prints a table. Not a test: figures vary with the machine. Used by `make bench`.
//
//   kinerja-bench SOCKET rpc [CALLS]        round trips of small reads on one connection
//   kinerja-bench SOCKET import FILE        time of one roster import of FILE
//   kinerja-bench roster ROWS               writes a generated roster CSV to stdout

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

func row(_ name: String, _ value: String) { print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + value) }

func measure(_ calls: Int, _ body: () throws -> Void) rethrows -> [Double] {
    var samples: [Double] = []
    samples.reserveCapacity(calls)
    for _ in 0..<calls {
        let start = monotonicSeconds()
        try body()
        samples.append(monotonicSeconds() - start)
    }
    return samples.sorted()
}

/// A deterministic roster: principals with valid NIPs at distinct schools, every tenth a
/// supervisor, so an import exercises the same validation as a real district's file.
func roster(rows: Int) -> String {
    var out = "id,kepegawaian,nama,peran,jabatan,npsn,nama_sekolah,atasan_id,tim_kinerja,pejabat_penilai_id,sekolah_binaan\n"
    let kadis = "196808141994031005"
    for i in 0..<rows {
        let birthYear = 1965 + i % 25
        let month = 1 + i % 12, day = 1 + i % 28
        let serial = 1 + (i / 300) % 999
        let nip = String(format: "%04d%02d%02d%04d%02d%d%03d", birthYear, month, day, birthYear + 25, month, 1 + i % 2, serial)
        if i % 10 == 9 {
            out += "\(nip),pns,Pengawas \(i),pengawas_sekolah,,,,\(kadis),,\(kadis),\n"
        } else {
            let npsn = String(format: "2%07d", i)
            out += "\(nip),pns,Kepala Sekolah \(i),kepala_sekolah,definitif,\(npsn),Sekolah \(i),\(kadis),,\(kadis),\n"
        }
    }
    return out
}

let args = CommandLine.arguments
guard args.count >= 3 else {
    print("usage: kinerja-bench SOCKET rpc [CALLS] | SOCKET import FILE | roster ROWS")
    exit(2)
}
if args[1] == "roster" {
    print(roster(rows: Int(args[2]) ?? 10_000), terminator: "")
    exit(0)
}
let socket = args[1]
do {
    switch args[2] {
    case "rpc":
        let calls = args.count > 3 ? Int(args[3]) ?? 10_000 : 10_000
        let client = try VarlinkClient(path: socket, timeout: .seconds(30))
        let info = try measure(calls) { _ = try client.call(method: "org.varlink.service.GetInfo") }
        let cycle = try measure(calls) { _ = try client.call(Kinerja.ShowCycle.self, .init()) }
        let status = try measure(calls) { _ = try client.call(Kinerja.GetStatus.self) }
        row("call (\(calls) on one connection)", "median µs    p99 µs")
        for (name, s) in [("org.varlink.service.GetInfo", info), ("id.kinerja.Kinerja.ShowCycle", cycle), ("id.kinerja.Kinerja.GetStatus", status)] {
            row(name, String(format: "%9.1f %9.1f", percentile(s, 0.5) * 1e6, percentile(s, 0.99) * 1e6))
        }
    case "import":
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: args[3])), as: UTF8.self)
        let client = try VarlinkClient(path: socket, timeout: .seconds(600))
        let start = monotonicSeconds()
        let result = try client.call(Kinerja.ImportRoster.self, .init(content: text)).result
        let seconds = monotonicSeconds() - start
        row("roster import (\(result.rows) rows, \(result.added) added)", String(format: "%.2f s", seconds))
    default:
        print("unknown measurement \(args[2])")
        exit(2)
    }
} catch {
    print("kinerja-bench: \(error)")
    exit(1)
}
