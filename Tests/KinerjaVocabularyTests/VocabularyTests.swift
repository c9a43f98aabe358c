import KinerjaCore
import KinerjaRPC
import KinerjaStore
import KinerjaVocabulary
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Every id the daemon may send has words in both languages: each table is checked against
/// the enum that defines its ids (KinerjaCore, KinerjaStore, KinerjaRPC's wire values), so a
/// new id added there without words fails here.
@Suite("Words for the wire's ids, in both languages")
struct VocabularyTests {
    /// Each table beside the ids it must know, and the ids' source.
    static let kinds: [(name: String, table: Vocabulary, ids: [String])] = [
        ("steps (Step)", Vocabulary.steps, Step.allCases.map(\.rawValue)),
        ("timeline states (TimelineState)", Vocabulary.timelineStates, TimelineState.allCases.map(\.rawValue)),
        ("flags (PlanFlag)", Vocabulary.flags, PlanFlag.allCases.map(\.rawValue)),
        ("block causes (BlockCause)", Vocabulary.blockCauses, BlockCause.allCases.map(\.rawValue)),
        ("plan actions (PlanAction.verb)", Vocabulary.planActions, verbs),
        ("audit plan changes (PlanAction.verb)", Vocabulary.auditPlanChanges, verbs),
        ("ratings (Rating)", Vocabulary.ratings, Rating.allCases.map(\.rawValue)),
        ("choices (Choice)", Vocabulary.choices, Choice.allCases.map(\.rawValue)),
        ("Refleksi aspects (RefleksiAspect)", Vocabulary.refleksiAspects, RefleksiAspect.allCases.map(\.rawValue)),
        ("roles (Role)", Vocabulary.roles, Role.allCases.map(\.rawValue)),
        ("jabatan (Jabatan)", Vocabulary.jabatan, Jabatan.allCases.map(\.rawValue)),
        ("kepegawaian (Kepegawaian)", Vocabulary.kepegawaian, Kepegawaian.allCases.map(\.rawValue)),
        ("reminder kinds (ReminderKind)", Vocabulary.reminderKinds, ReminderKind.allCases.map(\.rawValue)),
        ("reminder states (ReminderState, ReminderSuppression, planned)", Vocabulary.reminderStates,
         ReminderState.allCases.map(\.rawValue) + ReminderSuppression.allCases.map(\.rawValue) + [ReminderItem.plannedState]),
        ("recipient roles (RecipientRole)", Vocabulary.recipientRoles, RecipientRole.allCases.map(\.rawValue)),
        ("delivery states (DeliveryState)", Vocabulary.deliveryStates, DeliveryState.allCases.map(\.rawValue)),
        ("hook test outcomes (HookTestOutcome)", Vocabulary.hookOutcomes, HookTestOutcome.allCases.map(\.rawValue)),
    ]

    /// The progress file's status words, one per kind of plan change.
    static let verbs: [String] = [
        PlanAction.start(.pendampingan), .complete(.praktikKinerja, StepDetails()), .complete(.pemeriksaan, StepDetails()),
        .returnForRevision(.pemeriksaan, reason: "-"), .block(.lainnya, note: nil), .unblock,
    ].map(\.verb)

    @Test("every id of every kind has words, in both languages, and each table knows no id that does not exist")
    func everyIDHasWords() {
        for kind in Self.kinds {
            let missing = kind.ids.filter { !kind.table.knows($0) }
            #expect(missing.isEmpty, "\(kind.name): no words for \(missing)")
            #expect(Set(kind.table.ids) == Set(kind.ids), "\(kind.name): the table lists \(kind.table.ids)")
            for id in kind.ids {
                let words = kind.table[id]
                #expect(!words.indonesian.isEmpty && !words.english.isEmpty, "\(kind.name): \(id)")
            }
        }
    }

    @Test("words are for people: no kebab- or snake-case id is shown as itself")
    func wordsAreNotIDs() {
        for kind in Self.kinds {
            for id in kind.ids where id.contains("-") || id.contains("_") {
                let words = kind.table[id]
                #expect(words.indonesian != id && words.english != id, "\(kind.name): \(id) shown as its id")
            }
        }
    }

    @Test("a step is named as the reminders name it (its official name, in either language)")
    func stepsAsTheRemindersNameThem() {
        for step in Step.allCases {
            #expect(Vocabulary.steps[step.rawValue] == Bilingual(ReminderText.stepName(step), ReminderText.stepName(step)), "\(step)")
        }
    }

    @Test("why a connect failed: the C library's messages as a Swift program gets them, in words")
    func connectReasons() {
        for code in [ENOENT, ECONNREFUSED, ENOTSOCK, ENOTDIR] {
            let message = String(cString: strerror(code))
            #expect(Vocabulary.connectReasons.knows(message), "\(message)")
            #expect(Vocabulary.connectReasons[message].english == message)
        }
    }

    @Test("an id no table knows (a newer daemon's) is shown as itself")
    func unknownID() {
        #expect(Vocabulary.flags["menunggu-sk"] == Bilingual("menunggu-sk", "menunggu-sk"))
        #expect(Vocabulary.steps["langkah-baru"].text(english: false) == "langkah-baru")
        #expect(Vocabulary.auditAction("plans archived") == Bilingual("plans archived", "plans archived"))
        #expect(Vocabulary.auditAction("selesai langkah-baru") == Bilingual("selesai langkah-baru", "selesai langkah-baru"))
        #expect(Vocabulary.allowedAction("arsipkan") == Bilingual("arsipkan", "arsipkan"))
    }

    @Test("a plan's flags are listed in words, in the daemon's order")
    func flagList() {
        #expect(Vocabulary.flagList(["overdue", "not-submitted"]) == Bilingual("terlambat, belum diajukan", "overdue, not submitted"))
        #expect(Vocabulary.flagList([]) == Bilingual("", ""))
    }

    @Test("what may be recorded next: the action, then the step by name")
    func allowedActions() {
        #expect(Vocabulary.allowedAction("selesai praktik-kinerja") == Bilingual("selesaikan Praktik Kinerja", "complete Praktik Kinerja"))
        #expect(Vocabulary.allowedAction("dikembalikan pemeriksaan") == Bilingual("kembalikan untuk revisi Pemeriksaan", "return for revision Pemeriksaan"))
        #expect(Vocabulary.allowedAction("terblokir") == Bilingual("blokir", "block"))
    }

    @Test("audit actions: the store's phrases, plan changes by step or cause, and where an import wrote them")
    func auditActions() {
        let cases: [(String, Bilingual)] = [
            ("person added", Bilingual("orang ditambahkan", "person added")),
            ("position deactivated", Bilingual("posisi dinonaktifkan", "position deactivated")),
            ("reminder acknowledged", Bilingual("pengingat dikonfirmasi", "reminder acknowledged")),
            ("selesai praktik-kinerja", Bilingual("Praktik Kinerja selesai", "Praktik Kinerja completed")),
            ("dikembalikan pemeriksaan (import line 24)", Bilingual("Pemeriksaan dikembalikan (impor baris 24)", "Pemeriksaan returned (import line 24)")),
            ("mulai pendampingan", Bilingual("Pendampingan Satuan Pendidikan dimulai", "Pendampingan Satuan Pendidikan started")),
            ("terblokir rhk-atasan (import line 2)", Bilingual("diblokir: RHK atasan belum ada (impor baris 2)", "blocked: atasan's RHK missing (import line 2)")),
            ("dibuka", Bilingual("blokir dibuka", "unblocked")),
            ("progress import (lines 3–9)", Bilingual("impor kemajuan (baris 3–9)", "progress import (lines 3–9)")),
            ("official updated", Bilingual("data pejabat diubah", "official updated")),
            ("officials import", Bilingual("impor daftar pejabat", "officials import")),
        ]
        for (action, words) in cases { #expect(Vocabulary.auditAction(action) == words, "\(action)") }
    }

    @Test("an official deadline extension: role, deadline and day in words")
    func deadlineExtensions() {
        #expect(Vocabulary.deadlineExtension("kepala_sekolah perencanaan 2024-03-31")
            == Bilingual("kepala sekolah: Perencanaan Kinerja sampai 2024-03-31", "principal: Perencanaan Kinerja until 2024-03-31"))
        #expect(Vocabulary.deadlineExtension("semua observasi 2024-10-31").english == "both roles: Observasi until 2024-10-31")
    }

    @Test("a position: the role, and Plt. when it is held acting")
    func positions() {
        #expect(Vocabulary.position(role: "kepala_sekolah", jabatan: "definitif") == Bilingual("kepala sekolah", "principal"))
        #expect(Vocabulary.position(role: "kepala_sekolah", jabatan: "plt") == Bilingual("kepala sekolah (Plt.)", "principal (Plt., acting)"))
    }
}
