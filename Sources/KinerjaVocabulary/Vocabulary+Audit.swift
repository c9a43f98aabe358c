/// The words of the audit history (AuditEntry `action`). An action is one of the store's
/// fixed phrases ("person added"), or a plan change as the progress file writes it: the
/// status word and its step or cause ("selesai praktik-kinerja", "terblokir rhk-atasan",
/// "dibuka"); either may end with where an import wrote it ("(import line 12)").
extension Vocabulary {
    /// The store's fixed phrases.
    public static let auditActions: Vocabulary = [
        "person added": Bilingual("orang ditambahkan", "person added"),
        "person updated": Bilingual("data orang diubah", "person updated"),
        "person deactivated": Bilingual("orang dinonaktifkan", "person deactivated"),
        "position added": Bilingual("posisi ditambahkan", "position added"),
        "position updated": Bilingual("posisi diubah", "position updated"),
        "position deactivated": Bilingual("posisi dinonaktifkan", "position deactivated"),
        "plans created": Bilingual("rencana siklus dibuat", "cycle's plans created"),
        "plans closed": Bilingual("siklus ditutup", "cycle closed"),
        "silence added": Bilingual("pengingat dibisukan", "silence added"),
        "silence removed": Bilingual("pembisuan diakhiri", "silence removed"),
        "reminder acknowledged": Bilingual("pengingat dikonfirmasi", "reminder acknowledged"),
        "official added": Bilingual("pejabat ditambahkan", "official added"),
        "official updated": Bilingual("data pejabat diubah", "official updated"),
        "roster import": Bilingual("impor daftar pegawai", "roster import"),
        "officials import": Bilingual("impor daftar pejabat", "officials import"),
        "progress import": Bilingual("impor kemajuan", "progress import"),
    ]

    /// A plan change, by the progress file's status word, said of its step: "Praktik Kinerja
    /// selesai", "Pemeriksaan dikembalikan".
    public static let auditPlanChanges: Vocabulary = [
        "selesai": Bilingual("selesai", "completed"),
        "disetujui": Bilingual("disetujui", "approved"),
        "dikembalikan": Bilingual("dikembalikan", "returned"),
        "mulai": Bilingual("dimulai", "started"),
        "terblokir": Bilingual("diblokir", "blocked"),
        "dibuka": Bilingual("blokir dibuka", "unblocked"),
    ]

    /// An audit row's action in words; an action of a newer daemon as itself.
    public static func auditAction(_ action: String) -> Bilingual {
        var head = Substring(action)
        var origin: Bilingual?
        if action.hasSuffix(")"), let open = action.lastIndex(of: "("), open > action.startIndex,
           action[action.index(before: open)] == " " {
            let inner = action[action.index(after: open)..<action.index(before: action.endIndex)]
            if let line = inner.strippingPrefix("import line ") {
                origin = Bilingual(" (impor baris \(line))", " (import line \(line))")
            } else if let lines = inner.strippingPrefix("lines ") {
                origin = Bilingual(" (baris \(lines))", " (lines \(lines))")
            }
            if origin != nil { head = action[..<action.index(before: open)] }
        }
        guard let words = auditHead(String(head)) else { return Bilingual(unknown: action) }
        return origin.map { words + $0 } ?? words
    }

    private static func auditHead(_ head: String) -> Bilingual? {
        if auditActions.knows(head) { return auditActions[head] }
        let parts = head.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = parts.first, auditPlanChanges.knows(verb) else { return nil }
        let change = auditPlanChanges[verb]
        guard parts.count == 2 else { return change }
        if verb == "terblokir", blockCauses.knows(parts[1]) { return change + Bilingual(": ", ": ") + blockCauses[parts[1]] }
        guard steps.knows(parts[1]) else { return nil }
        return steps[parts[1]] + Bilingual(" ", " ") + change
    }
}

extension Substring {
    /// The rest after `prefix`, or nil when it does not start with it.
    func strippingPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? dropFirst(prefix.count) : nil
    }
}
