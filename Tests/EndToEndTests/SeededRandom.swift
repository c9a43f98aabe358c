import Foundation
import KinerjaSampleData

/// ``SplitMix64`` for the fault tests: each run draws a fresh seed, prints it, and takes
/// `KINERJA_FAULT_SEED` instead when it is set, so a failing run's kill moments can be replayed
/// (as far as the timing of processes allows).
struct SeededRandom: RandomNumberGenerator {
    let seed: UInt64
    private var generator: SplitMix64

    init(seed: UInt64) {
        self.seed = seed
        generator = SplitMix64(seed: seed)
    }

    /// The seed from `KINERJA_FAULT_SEED` (decimal), else a random one; printed with `label`.
    static func forRun(_ label: String) -> SeededRandom {
        let given = ProcessInfo.processInfo.environment["KINERJA_FAULT_SEED"].flatMap { UInt64($0) }
        let random = SeededRandom(seed: given ?? UInt64.random(in: 0...UInt64.max))
        print("\(label): seed \(random.seed) (KINERJA_FAULT_SEED=\(random.seed) replays it)")
        return random
    }

    mutating func next() -> UInt64 { generator.next() }

    /// A uniform draw from [0, 1).
    mutating func unit() -> Double { Double.random(in: 0..<1, using: &self) }
}
