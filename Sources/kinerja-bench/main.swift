import Foundation
import KinerjaRules

// kinerja-bench: measures release kinerjad from the outside, the way an office and its
// clients see it, beside a floor (an echo server) and a peer (Taskwarrior); prints a
// table and writes the same figures as JSON. Not a test: figures vary with the machine.
// Run by `make bench` (scripts/bench.sh), which builds the binaries and the echo floor.
//
//   kinerja-bench --bin DIR --floor PATH --config PATH --work DIR --json PATH [--only SECTIONS]
//
// SECTIONS, comma-separated (default all): office (one district: imports, queries, and the
// RPC floor comparison on that store), idle (a quiet minute on the office store; with office),
// peer, national (250,000 positions), planner (ReminderPlanner in memory on the national
// workload's 250,000 plans), web (kinerja-web on the office store, and on the national store
// when national runs).

func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: "--\(name)"), i + 1 < args.count else { return nil }
    return args[i + 1]
}

guard let bin = option("bin"), let floor = option("floor"), let config = option("config"), let work = option("work"),
      let json = option("json")
else {
    print("usage: kinerja-bench --bin DIR --floor PATH --config PATH --work DIR --json PATH [--thresholds PATH] [--only office,peer,national,idle,planner,web]")
    exit(2)
}
let sections = Set((option("only") ?? "office,peer,national,idle,planner,web").split(separator: ",").map(String.init))
let report = Report()

do {
    let bench = try Bench(bin: bin, work: work, projectConfig: config, floor: floor, report: report)
    if sections.contains("office") {
        let (office, officeChanges) = try StoreBench(
            bench: bench, name: "office", title: "Office: one district, 2,000 positions",
            workload: Workload(districts: 1, positionsPerDistrict: 2000), cliRepeats: 5, callRepeats: 20,
            isCountry: false
        ).run()
        try RPCBench(bench: bench, calls: 10_000, callsPerClient: 1_000).run(against: office)
        if sections.contains("idle") { IdleBench(bench: bench, seconds: 60).run(on: office, storeName: "office") }
        if sections.contains("web") {
            try WebBench(bench: bench, store: "district", repeats: 20, otherPages: ["/sekolah", "/terlambat", "/terblokir", "/orang"])
                .run(against: office, changes: officeChanges)
        }
        office.stop()
    }
    if sections.contains("peer") {
        try PeerBench(bench: bench, workload: Workload(districts: 5, positionsPerDistrict: 2000)).run()
    }
    if sections.contains("national") {
        let (national, nationalChanges) = try StoreBench(
            bench: bench, name: "national", title: "National: 250,000 positions in 500 districts, progress in 1 of 5",
            workload: Workload(districts: 500, positionsPerDistrict: 500, progressEvery: 5), cliRepeats: 1, callRepeats: 1,
            isCountry: true
        ).run()
        if sections.contains("web") {
            try WebBench(bench: bench, store: "country", repeats: 3, otherPages: []).run(against: national, changes: nationalChanges)
        }
        national.stop()
    }
    if sections.contains("planner") {
        let rules = try RulesLoader.load(directory: URL(fileURLWithPath: config).deletingLastPathComponent().path + "/rules")
        try PlannerBench(report: report, workload: Workload(districts: 500, positionsPerDistrict: 500), repeats: 3, rulesBook: rules).run()
    }
    let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, \(ProcessInfo.processInfo.operatingSystemVersionString)"
    try report.write(to: json, machine: machine)
    Report.emit("\nfigures written to \(json)")
    if let path = option("thresholds") {
        let over = try Thresholds.load(path).compare(report.figures)
        if over > 0 { exit(1) }
    }
} catch {
    print("kinerja-bench: \(error)")
    exit(1)
}
