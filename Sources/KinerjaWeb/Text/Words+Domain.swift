import KinerjaCore
import KinerjaRPC
import KinerjaVocabulary

/// The domain's ids (roles, steps, flags, actors, reminder kinds and states, history
/// actions) as a page writes them. The ids kinerjactl prints too take their words from the
/// shared tables (``Vocabulary``), so that the office reads the same words in both.
extension Words {
    /// The shared words in this page's language.
    subscript(_ words: Bilingual) -> String { words.text(english: isEnglish) }

    func role(_ id: String, plural: Bool = false) -> String {
        switch Role(rawValue: id) {
        case .kepalaSekolah?: self[plural ? .kepalaSekolahPlural : .kepalaSekolah]
        case .pengawasSekolah?: self[plural ? .pengawasSekolahPlural : .pengawasSekolah]
        case nil: id
        }
    }

    /// The official name of a step (the same in both languages).
    func step(_ id: String?) -> String {
        guard let id else { return "" }
        return Step(rawValue: id).map(ReminderText.stepName) ?? id
    }

    func jabatan(_ id: String) -> String { self[Vocabulary.jabatan[id]] }

    func track(_ track: PlanTrack) -> String {
        switch track {
        case .onTrack: self[.onTrack]
        case .late: self[.late]
        case .blocked: self[.blocked]
        case .done: self[.done]
        case .unfinished: self[.unfinished]
        }
    }

    func flag(_ flag: PlanFlag) -> String { self[Vocabulary.flags[flag.rawValue]] }

    /// Who must act: `pegawai`, `tim_kinerja`, `pejabat_penilai` (the wire's actor ids).
    func actor(_ id: String?) -> String {
        switch id.flatMap(Actor.init(rawValue:)) {
        case .pegawai?: self[.actorPegawai]
        case .timKinerja?: self[.actorTimKinerja]
        case .pejabatPenilai?: self[.actorPejabatPenilai]
        case nil: id ?? ""
        }
    }

    /// What blocks a plan, naming who owns the cause (the reminders' own words).
    func blockCause(_ id: String?, note: String? = nil) -> String {
        guard let id else { return "" }
        guard let cause = BlockCause(rawValue: id) else { return id }
        return ReminderText.causeText(cause, note: note, en: isEnglish)
    }

    func reminderKind(_ id: String) -> String { self[Vocabulary.reminderKinds[id]] }

    func reminderState(_ id: String) -> String { self[Vocabulary.reminderStates[id]] }

    func recipientRole(_ id: String) -> String { self[Vocabulary.recipientRoles[id]] }

    func timelineState(_ id: String) -> String { self[Vocabulary.timelineStates[id]] }

    /// Someone a plan waits for, by name and jabatan when known.
    func party(_ party: Party?) -> String {
        guard let party else { return self[.seeNote] }
        return self[Vocabulary.party(role: party.role, id: party.id, nama: party.nama, jabatan: party.jabatan)]
    }

    /// A recorded choice: "Praktik Kinerja", "nilai Refleksi: Upaya Belajar".
    func choice(_ item: PlanChoiceItem) -> String {
        let label = self[Vocabulary.choices[item.choice]]
        return item.aspect.map { "\(label): \(self[Vocabulary.refleksiAspects[$0]])" } ?? label
    }

    /// Its value: the rating in words; the id with the catalog's name, quantity and points.
    func choiceValue(_ item: PlanChoiceItem) -> String {
        if item.choice == "nilai" || item.choice == "nilai-refleksi" { return self[Vocabulary.ratings[item.id]] }
        var text = item.nama.map { "\($0) (\(item.id))" } ?? item.id
        if let jumlah = item.jumlah, jumlah != 1 { text += " × \(jumlah)" }
        if let poin = item.poin { text += ", " + self(.points, String(poin * (item.jumlah ?? 1))) }
        return text
    }

    /// An audit row's action as the daemon records it ("selesai praktik-kinerja (import
    /// line 12)", "person added", "terblokir rhk-atasan"), in words.
    func historyAction(_ action: String) -> String { self[Vocabulary.auditAction(action)] }
}

extension PlanSummary {
    /// The plan's flags the core knows (unknown ones from a newer daemon are left out).
    var planFlags: [PlanFlag] { flags.compactMap(PlanFlag.init(rawValue:)) }

    var track: PlanTrack { PlanTrack(complete: step == nil, flags: planFlags) }
}
