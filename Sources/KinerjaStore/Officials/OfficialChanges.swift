import KinerjaCore

/// How an officials file compares with the officials stored: what to write and the import's
/// summary, decided once for every adapter.
package struct OfficialChanges {
    package private(set) var summary = OfficialsSummary()
    /// The officials added or changed, each with what was stored before (nil: added).
    package private(set) var changes: [(new: Official, old: Official?)] = []

    package init(_ officials: [Official], stored list: [Official]) {
        var stored: [PersonID: Official] = [:]
        for official in list { stored[official.id] = official }
        for official in officials {
            switch stored[official.id] {
            case nil: summary.added += 1
            case official?: summary.unchanged += 1; continue
            default: summary.updated += 1
            }
            changes.append((official, stored[official.id]))
        }
        let named = Set(officials.map(\.id))
        summary.missing = stored.keys.filter { !named.contains($0) }.count
    }

    /// The counts the import's audit row keeps.
    package var counts: KeyValuePairs<String, Int> {
        ["added": summary.added, "updated": summary.updated, "unchanged": summary.unchanged, "missing": summary.missing]
    }

    /// The audit row of one change: its action and the fields that changed, naming the import.
    package static func audit(_ official: Official, old: Official?, importID: Int64) -> (action: String, fields: FieldChanges) {
        var fields = FieldChanges()
        if let old {
            fields.compare("nama", old.nama, official.nama)
            fields.compare("jabatan", old.jabatan, official.jabatan)
            fields.compare("email", old.email, official.email)
            fields.compare("telepon", old.telepon, official.telepon)
        }
        fields.note("import", "\(importID)")
        return (old == nil ? "official added" : "official updated", fields)
    }
}
