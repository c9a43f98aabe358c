#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time for measurements: monotonic, so a clock step during a run cannot bend a figure.
enum Stopwatch {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Seconds `body` took.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = now()
        try body()
        return now() - start
    }

    /// Seconds of each of `count` runs of `body`, sorted.
    static func samples(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
        var samples: [Double] = []
        samples.reserveCapacity(count)
        for _ in 0..<count { samples.append(try time(body)) }
        return samples.sorted()
    }
}

extension Array where Element == Double {
    /// The `p`-quantile of sorted samples (nearest rank).
    func quantile(_ p: Double) -> Double {
        self[Swift.min(count - 1, Int(Double(count) * p))]
    }

    var median: Double { quantile(0.5) }
}
