import KinerjaRPC
import KinerjaCore

/// The domain's ids (roles, steps, flags, actors, reminder kinds and states, history
/// actions) as a page writes them.
extension Words {
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

    func jabatan(_ id: String) -> String {
        id == "plt" ? self[.plt] : self[.definitif]
    }

    func track(_ track: PlanTrack) -> String {
        switch track {
        case .onTrack: self[.onTrack]
        case .late: self[.late]
        case .blocked: self[.blocked]
        case .done: self[.done]
        case .unfinished: self[.unfinished]
        }
    }

    func flag(_ flag: PlanFlag) -> String {
        switch flag {
        case .blocked: self[.flagBlocked]
        case .overdue: self[.flagOverdue]
        case .notSubmitted: self[.flagNotSubmitted]
        case .lateSubmission: self[.flagLateSubmission]
        case .pendampinganOverran: self[.flagPendampinganOverran]
        case .pendampinganTooShort: self[.flagPendampinganTooShort]
        case .awaitingObservation: self[.flagAwaitingObservation]
        case .tidakSelesai: self[.flagTidakSelesai]
        }
    }

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

    func reminderKind(_ id: String) -> String {
        switch id {
        case "lead": self[.kindLead]
        case "due": self[.kindDue]
        case "overdue": self[.kindOverdue]
        case "escalation": self[.kindEscalation]
        case "blocked": self[.kindBlocked]
        default: id
        }
    }

    func reminderState(_ id: String) -> String {
        switch id {
        case "fired": self[.reminderFired]
        case "missed": self[.reminderMissed]
        case "silenced": self[.reminderSilenced]
        case "planned": self[.reminderPlanned]
        case "acknowledged": self[.reminderAcknowledged]
        default: id
        }
    }

    func recipientRole(_ id: String) -> String {
        id == "atasan" ? self[.actorAtasan] : actor(id)
    }

    func timelineState(_ id: String) -> String {
        switch id {
        case "done": self[.stepDone]
        case "current": self[.stepCurrent]
        default: self[.stepPending]
        }
    }

    /// An audit row's action as the daemon records it ("selesai praktik-kinerja (import
    /// line 12)", "person added", "terblokir rhk-atasan"), in words.
    func historyAction(_ action: String) -> String {
        if let open = action.range(of: " (import line "), action.hasSuffix(")") {
            let line = action[open.upperBound...].dropLast()
            return self(.fromImportLine, historyAction(String(action[..<open.lowerBound])), String(line))
        }
        let words = action.split(separator: " ", maxSplits: 1).map(String.init)
        let rest = words.count > 1 ? words[1] : ""
        switch (words.first ?? "", rest) {
        case ("person", "added"): return self[.actionPersonAdded]
        case ("person", "updated"): return self[.actionPersonUpdated]
        case ("person", "deactivated"): return self[.actionPersonDeactivated]
        case ("position", "added"): return self[.actionPositionAdded]
        case ("position", "updated"): return self[.actionPositionUpdated]
        case ("position", "deactivated"): return self[.actionPositionDeactivated]
        case ("plans", "created"): return self[.actionPlansCreated]
        case ("plans", "closed"): return self[.actionPlansClosed]
        case ("reminder", "acknowledged"): return self[.actionReminderAcknowledged]
        case ("silence", "added"): return self[.actionSilenceAdded]
        case ("silence", "removed"): return self[.actionSilenceRemoved]
        case ("mulai", let step): return self(.actionStart, self.step(step))
        case ("selesai", let step): return self(.actionComplete, self.step(step))
        case ("disetujui", let step): return self(.actionApprove, self.step(step))
        case ("dikembalikan", let step): return self(.actionReturn, self.step(step))
        case ("terblokir", let cause): return self(.actionBlock, blockCause(cause))
        case ("dibuka", _): return self[.actionUnblock]
        default: return action
        }
    }
}

extension PlanSummary {
    /// The plan's flags the core knows (unknown ones from a newer daemon are left out).
    var planFlags: [PlanFlag] { flags.compactMap(PlanFlag.init(rawValue:)) }

    var track: PlanTrack { PlanTrack(complete: step == nil, flags: planFlags) }
}
