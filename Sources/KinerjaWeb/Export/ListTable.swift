import KinerjaCore

/// One list of the dashboard (schools, late, blocked, people) as columns and typed cells:
/// the page shows it as a table, the downloads write the same rows as CSV and .xlsx, so a
/// list and its downloads cannot disagree.
struct ListTable: Sendable {
    /// The downloads' file name, without extension (e.g. `terlambat-2026-2`).
    var fileName: String
    var columns: [Column]
    var rows: [[Cell]]

    struct Column: Sendable {
        var title: String
        /// The query value that sorts by this column (`?urut=`), if it sorts.
        var sortKey: String?
        var numeric: Bool

        init(_ title: String, sortKey: String? = nil, numeric: Bool = false) {
            self.title = title
            self.sortKey = sortKey
            self.numeric = numeric
        }
    }

    enum Cell: Sendable {
        case text(String)
        /// Shown as a link on the page; its text in the downloads.
        case link(String, href: String)
        case number(Int?)
        /// `YYYY-MM-DD`: in words on the page, a date cell in the workbook.
        case date(String?)
        case track(PlanTrack, label: String)
        /// Steps done of steps: a bar on the page, a percentage in the downloads.
        case share(done: Int, of: Int)

        /// The cell in a CSV: the plain value.
        var plain: String {
            switch self {
            case .text(let text), .link(let text, _): text
            case .number(let n): n.map(String.init) ?? ""
            case .date(let d): d ?? ""
            case .track(_, let label): label
            case .share(let done, let of): String(Self.percent(done, of))
            }
        }

        static func percent(_ done: Int, _ of: Int) -> Int { of == 0 ? 0 : (done * 100 + of / 2) / of }
    }
}
