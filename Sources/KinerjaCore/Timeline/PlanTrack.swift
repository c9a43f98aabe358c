/// Where a plan stands against its schedule, in the four words an office head counts by
/// (sesuai jadwal, terlambat, terblokir, selesai) and the closed cycle's fifth (tidak
/// selesai). Derived from a plan's flags alone, so that the daemon's aggregates and a
/// client reading a listing's flags sort a plan the same way.
public enum PlanTrack: String, Sendable, CaseIterable, Hashable {
    /// Open, neither past its deadline nor blocked.
    case onTrack = "on-track"
    /// Past the current step's deadline (`PlanFlag.overdue`).
    case late
    /// Waiting for a precondition someone else owns: never counted as late (DOMAIN.md).
    case blocked
    /// Every step done.
    case done
    /// Its cycle closed before it was complete (`PlanFlag.tidakSelesai`).
    case unfinished

    /// The track of a plan whose current step is `nil` when `complete`, with `flags`:
    /// a closed cycle's verdict first, then complete, blocked (which the flags never also
    /// call overdue), late.
    public init(complete: Bool, flags: some Sequence<PlanFlag>) {
        var blocked = false, overdue = false
        for flag in flags {
            switch flag {
            case .tidakSelesai: self = .unfinished; return
            case .blocked: blocked = true
            case .overdue: overdue = true
            default: break
            }
        }
        if complete {
            self = .done
        } else if blocked {
            self = .blocked
        } else if overdue {
            self = .late
        } else {
            self = .onTrack
        }
    }
}
