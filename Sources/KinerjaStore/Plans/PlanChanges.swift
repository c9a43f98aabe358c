import KinerjaCore

extension FieldChanges {
    /// The fields of a plan that differ from `old` (a new plan: from its initial state):
    /// `currentStep`, `firstSubmittedOn`, per step `STEP.startedOn`, `STEP.completedOn` and
    /// each detail (`STEP.praktikKinerja`, `STEP.rhk`, … `STEP.predikat`, `STEP.alasan`), `blocks.N` and `revisions.N`.
    /// What an audit row keeps of a plan change, instead of the whole plan twice.
    package init(plan new: Plan, from old: Plan?) {
        self.init()
        let old = old ?? Plan(id: new.id)
        compare("currentStep", old.isComplete ? "-" : old.currentStep?.rawValue, new.isComplete ? "-" : new.currentStep?.rawValue)
        compare("firstSubmittedOn", old.firstSubmittedOn?.description, new.firstSubmittedOn?.description)
        for index in new.records.indices where index >= old.records.count || old.records[index] != new.records[index] {
            let a = index < old.records.count ? old.records[index] : StepRecord(step: new.records[index].step)
            let b = new.records[index], step = b.step.rawValue
            compare("\(step).startedOn", a.startedOn, b.startedOn, \.description)
            compare("\(step).completedOn", a.completedOn, b.completedOn, \.description)
            let x = a.details ?? .none, y = b.details ?? .none
            guard x != y else { continue }
            compare("\(step).praktikKinerja", x.praktikKinerja, y.praktikKinerja)
            compare("\(step).rhk", x.rhk, y.rhk) { $0.map { "\($0.id)×\($0.jumlah)" }.joined(separator: ", ") }
            compare("\(step).kompetensi", x.kompetensi, y.kompetensi)
            compare("\(step).perilakuKerja", x.perilakuKerja, y.perilakuKerja) { $0.joined(separator: ", ") }
            compare("\(step).sekolah", x.sekolah, y.sekolah) { $0.map(\.rawValue).joined(separator: ", ") }
            compare("\(step).sekolahFokus", x.sekolahFokus, y.sekolahFokus, \.rawValue)
            compare("\(step).rating", x.rating, y.rating, \.rawValue)
            compare("\(step).ratings", x.ratings, y.ratings) {
                $0.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value.rawValue)" }.joined(separator: ", ")
            }
            compare("\(step).catatan", x.catatan, y.catatan)
            compare("\(step).ratingPraktik", x.ratingPraktik, y.ratingPraktik, \.rawValue)
            compare("\(step).ratingPerilaku", x.ratingPerilaku, y.ratingPerilaku, \.rawValue)
            compare("\(step).predikat", x.predikat, y.predikat, \.rawValue)
            compare("\(step).alasan", x.alasan, y.alasan)
        }
        func block(_ b: BlockPeriod?) -> String? {
            b.map { "\($0.cause.rawValue) \($0.since)–\($0.until?.description ?? "")\($0.note.map { ": \($0)" } ?? "")" }
        }
        for ord in 0..<max(old.blocks.count, new.blocks.count) {
            compare("blocks.\(ord)", block(ord < old.blocks.count ? old.blocks[ord] : nil), block(ord < new.blocks.count ? new.blocks[ord] : nil))
        }
        func revision(_ r: Revision?) -> String? { r.map { "\($0.by.rawValue) \($0.on): \($0.reason)" } }
        for ord in 0..<max(old.revisions.count, new.revisions.count) {
            compare("revisions.\(ord)", revision(ord < old.revisions.count ? old.revisions[ord] : nil),
                    revision(ord < new.revisions.count ? new.revisions[ord] : nil))
        }
    }
}
