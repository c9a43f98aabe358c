import KinerjaCore

/// Every word the dashboard writes, in Bahasa Indonesia and English, side by side: one home,
/// so that a page is written in one language at a time and a test can check that no English
/// word reaches an Indonesian page. `%1`, `%2` are filled by ``Words/callAsFunction(_:_:)``.
/// Official terms (step names, Tim Kinerja, Pejabat Penilai Kinerja, NPSN, NIP) stay as
/// they are in both languages.
enum Phrase: CaseIterable {
    case appName, navOverview, navSchools, navLate, navBlocked, navPeople, dataAsOf, readOnly, signedInAs, signOut
    case downloadCSV, downloadXLSX, filter, all, apply, reset, sortBy, rows, noRows, cycleLabel, today, weekOf
    case rulesOfYear, deadlines, role, deadline, date, state, passedDaysAgo, dueToday, inDays, extendedTo
    case overviewTitle, countsByRole, plans, onTrack, late, blocked, done, unfinished, total
    case progressTitle, progressFor, progressAxisWeeks, progressAxisShare, pastStep, progressNote, noWeeksYet
    case schoolsBehind, schoolsBehindOf, school, progress, stepsDone, allSchools
    case officeCalendar, personCalendar, subscribeHint, calendarOff
    case schoolsTitle, npsn, schoolName, jenjang, kecamatan, principal, supervisor, status, schoolCount
    case schoolTitle, planOf, noPlan, noPrincipal, noSupervisor, step, due, started, completed, rating, note
    case lateTitle, lateIntro, name, daysLate, cause, awaiting, since, lateSince
    case blockedTitle, blockedIntro, daysBlocked, blockedSince
    case peopleTitle, personID, jabatan, kepegawaian, currentStep, searchName
    case personTitle, positions, choicesAndRatings, choicesPending, timeline, revisions, revisionBy, blockPeriods, until, stillBlocked
    case history, when, by, change, remindersSent, remindersPlanned, kind, recipient, noReminders, noHistory, lateFired
    case signInTitle, userName, password, signIn, wrongPassword, notAllowed
    case notFound, notFoundText, daemonDown, daemonDownText, refused, backToOverview
    case kepalaSekolah, pengawasSekolah, kepalaSekolahPlural, pengawasSekolahPlural, inactive
    case actorPegawai, actorTimKinerja, actorPejabatPenilai, actorAtasan
    case days, lateBy, monthlyReport, reportTitle
    case seeNote, choice, value, points, rhkTotal, advice, dueMovedFrom, blockedDaysAtStep, unblockedOn, newcomerSince

    var pair: (id: String, en: String) {
        switch self {
        case .appName: ("Kinerja: pantauan kepala dinas", "Kinerja: the office head's view")
        case .navOverview: ("Ringkasan", "Overview")
        case .navSchools: ("Sekolah", "Schools")
        case .navLate: ("Terlambat", "Late")
        case .navBlocked: ("Terblokir", "Blocked")
        case .navPeople: ("Orang", "People")
        case .dataAsOf: ("Data per %1, siklus %2", "Data as of %1, cycle %2")
        case .readOnly: ("Hanya untuk dibaca: tidak ada halaman yang mengubah data.", "Read-only: no page changes data.")
        case .signedInAs: ("Masuk sebagai %1", "Signed in as %1")
        case .signOut: ("Keluar", "Sign out")
        case .downloadCSV: ("Unduh CSV", "Download CSV")
        case .downloadXLSX: ("Unduh Excel (.xlsx)", "Download Excel (.xlsx)")
        case .filter: ("Saring", "Filter")
        case .all: ("Semua", "All")
        case .apply: ("Terapkan", "Apply")
        case .reset: ("Hapus saringan", "Clear filters")
        case .sortBy: ("Urutkan", "Sort by")
        case .rows: ("%1 baris", "%1 rows")
        case .noRows: ("Tidak ada yang cocok dengan saringan ini.", "Nothing matches these filters.")
        case .cycleLabel: ("Siklus %1: %2 sampai %3", "Cycle %1: %2 to %3")
        case .today: ("Hari ini", "Today")
        case .weekOf: ("minggu ke-%1 dari %2", "week %1 of %2")
        case .rulesOfYear: ("dinilai dengan aturan tahun %1", "judged by the rules of %1")
        case .deadlines: ("Batas waktu siklus", "The cycle's deadlines")
        case .role: ("Peran", "Role")
        case .deadline: ("Batas waktu", "Deadline")
        case .date: ("Tanggal", "Date")
        case .state: ("Keadaan", "State")
        case .passedDaysAgo: ("lewat %1 hari lalu", "passed %1 days ago")
        case .dueToday: ("hari ini", "today")
        case .inDays: ("%1 hari lagi", "in %1 days")
        case .extendedTo: ("diperpanjang sampai %1", "extended to %1")
        case .overviewTitle: ("Ringkasan siklus %1", "Overview of cycle %1")
        case .countsByRole: ("Rencana menurut peran", "Plans by role")
        case .plans: ("Rencana", "Plans")
        case .onTrack: ("Sesuai jadwal", "On track")
        case .late: ("Terlambat", "Late")
        case .blocked: ("Terblokir", "Blocked")
        case .done: ("Selesai", "Done")
        case .unfinished: ("Tidak selesai", "Unfinished")
        case .total: ("Jumlah", "Total")
        case .progressTitle: ("Kemajuan minggu demi minggu", "Progress week by week")
        case .progressFor: ("%1: bagian rencana yang sudah melewati tiap langkah", "%1: share of plans past each step")
        case .progressAxisWeeks: ("minggu siklus", "week of the cycle")
        case .progressAxisShare: ("% rencana", "% of plans")
        case .pastStep: ("melewati %1", "past %1")
        case .progressNote: ("Tiap pita: rencana yang sudah melewati langkah itu pada akhir minggu.", "Each band: plans past that step by the end of the week.")
        case .noWeeksYet: ("Siklus ini belum dimulai.", "This cycle has not started yet.")
        case .schoolsBehind: ("Sekolah paling tertinggal", "Schools furthest behind")
        case .schoolsBehindOf: ("%1 dari %2 sekolah, yang paling sedikit langkah selesainya lebih dulu.", "%1 of %2 schools, fewest steps done first.")
        case .school: ("Sekolah", "School")
        case .progress: ("Kemajuan", "Progress")
        case .stepsDone: ("Langkah selesai", "Steps done")
        case .allSchools: ("Semua sekolah", "All schools")
        case .officeCalendar: ("Kalender batas waktu kantor (.ics)", "The office's deadline calendar (.ics)")
        case .personCalendar: ("Kalender batas waktu orang ini (.ics)", "This person's deadline calendar (.ics)")
        case .subscribeHint: ("Berlangganan dengan alamat ini di aplikasi kalender; alamat ini rahasia.", "Subscribe with this address in a calendar program; the address is secret.")
        case .calendarOff: ("Kalender tidak aktif: kinerja-web dijalankan tanpa --feed-key.", "Calendars are off: kinerja-web runs without --feed-key.")
        case .schoolsTitle: ("Sekolah", "Schools")
        case .npsn: ("NPSN", "NPSN")
        case .schoolName: ("Nama sekolah", "School name")
        case .jenjang: ("Jenjang", "Level (jenjang)")
        case .kecamatan: ("Kecamatan", "District (kecamatan)")
        case .principal: ("Kepala sekolah", "Principal")
        case .supervisor: ("Pengawas", "Supervisor")
        case .status: ("Status", "Status")
        case .schoolCount: ("%1 sekolah", "%1 schools")
        case .schoolTitle: ("Sekolah %1", "School %1")
        case .planOf: ("Rencana %1", "Plan of %1")
        case .noPlan: ("Belum ada rencana pada siklus ini.", "No plan in this cycle yet.")
        case .noPrincipal: ("Roster tidak menyebut kepala sekolah untuk sekolah ini.", "The roster names no principal for this school.")
        case .noSupervisor: ("Tidak ada pengawas yang membina sekolah ini.", "No supervisor mentors this school.")
        case .step: ("Langkah", "Step")
        case .due: ("Batas", "Due")
        case .started: ("Dimulai", "Started")
        case .completed: ("Diselesaikan", "Completed")
        case .rating: ("Nilai", "Rating")
        case .note: ("Catatan", "Note")
        case .lateTitle: ("Terlambat", "Late")
        case .lateIntro: ("Rencana yang melewati batas waktu langkahnya, paling lama lebih dulu.", "Plans past their step's deadline, longest first.")
        case .name: ("Nama", "Name")
        case .daysLate: ("Hari terlambat", "Days late")
        case .cause: ("Sebab", "Cause")
        case .awaiting: ("Menunggu tindakan", "Awaiting action from")
        case .since: ("Sejak", "Since")
        case .lateSince: ("Terlambat sejak", "Late since")
        case .blockedTitle: ("Terblokir", "Blocked")
        case .blockedIntro: ("Rencana yang tidak dapat bergerak karena prasyarat milik orang lain; tidak dihitung terlambat.", "Plans that cannot move because of a precondition someone else owns; not counted as late.")
        case .daysBlocked: ("Hari terblokir", "Days blocked")
        case .blockedSince: ("Terblokir sejak", "Blocked since")
        case .peopleTitle: ("Orang", "People")
        case .personID: ("NIP / id", "NIP / id")
        case .jabatan: ("Jabatan", "Position")
        case .kepegawaian: ("Kepegawaian", "Employment")
        case .currentStep: ("Langkah sekarang", "Current step")
        case .searchName: ("Nama atau NIP", "Name or NIP")
        case .personTitle: ("%1", "%1")
        case .positions: ("Posisi", "Positions")
        case .choicesAndRatings: ("Pilihan dan penilaian", "Choices and ratings")
        case .choicesPending: ("Belum ada pilihan, penilaian atau catatan yang tercatat.", "No choice, rating or note recorded yet.")
        case .timeline: ("Linimasa", "Timeline")
        case .revisions: ("Dikembalikan untuk revisi", "Returned for revision")
        case .revisionBy: ("oleh %1", "by %1")
        case .blockPeriods: ("Masa terblokir", "Periods blocked")
        case .until: ("Sampai", "Until")
        case .stillBlocked: ("masih terblokir", "still blocked")
        case .history: ("Riwayat perubahan", "History of changes")
        case .when: ("Waktu", "When")
        case .by: ("Oleh", "By")
        case .change: ("Perubahan", "Change")
        case .remindersSent: ("Pengingat yang sudah dikirim", "Reminders sent")
        case .remindersPlanned: ("Pengingat yang dijadwalkan", "Reminders planned")
        case .kind: ("Jenis", "Kind")
        case .recipient: ("Penerima", "Recipient")
        case .noReminders: ("Tidak ada pengingat.", "No reminders.")
        case .noHistory: ("Belum ada perubahan tercatat.", "No change recorded yet.")
        case .lateFired: ("terlambat dikirim", "sent late")
        case .signInTitle: ("Masuk", "Sign in")
        case .userName: ("Nama pengguna", "User name")
        case .password: ("Kata sandi", "Password")
        case .signIn: ("Masuk", "Sign in")
        case .wrongPassword: ("Nama pengguna atau kata sandi salah.", "Wrong user name or password.")
        case .notAllowed: ("Akses ditolak: masuk melalui portal kantor.", "Access refused: sign in through the office's portal.")
        case .notFound: ("Halaman tidak ditemukan", "Page not found")
        case .notFoundText: ("Tidak ada halaman atau data di alamat ini.", "There is no page or data at this address.")
        case .daemonDown: ("kinerjad tidak dapat dihubungi", "kinerjad cannot be reached")
        case .daemonDownText: ("Layanan kinerjad tidak menjawab pada %1. Coba lagi sebentar lagi.", "The kinerjad service does not answer on %1. Try again in a moment.")
        case .refused: ("kinerjad menolak permintaan ini", "kinerjad refused this request")
        case .backToOverview: ("Kembali ke ringkasan", "Back to the overview")
        case .kepalaSekolah: ("Kepala Sekolah", "Principal")
        case .pengawasSekolah: ("Pengawas Sekolah", "School supervisor")
        case .kepalaSekolahPlural: ("Kepala Sekolah", "Principals")
        case .pengawasSekolahPlural: ("Pengawas Sekolah", "School supervisors")
        case .inactive: ("tidak aktif", "inactive")
        case .actorPegawai: ("yang bersangkutan", "the person themselves")
        case .actorTimKinerja: ("Tim Kinerja", "the Tim Kinerja")
        case .actorPejabatPenilai: ("Pejabat Penilai Kinerja", "the Pejabat Penilai Kinerja")
        case .actorAtasan: ("atasan", "the atasan (superior)")
        case .days: ("%1 hari", "%1 days")
        case .lateBy: ("terlambat %1 hari", "%1 days late")
        case .monthlyReport: ("Laporan bulanan", "Monthly report")
        case .reportTitle: ("Laporan bulanan siklus %1", "Monthly report of cycle %1")
        case .seeNote: ("lihat catatan", "see the note")
        case .choice: ("Pilihan", "Choice")
        case .value: ("Isi", "Value")
        case .points: ("%1 poin", "%1 points")
        case .rhkTotal: ("Jumlah poin RHK: %1", "RHK points in all: %1")
        case .advice: ("Saran", "Advice")
        case .dueMovedFrom: ("semula %1", "was %1")
        case .blockedDaysAtStep: ("terblokir %1 hari", "blocked %1 days")
        case .unblockedOn: ("dibuka %1", "unblocked %1")
        case .newcomerSince: ("posisi baru sejak %1", "new position since %1")
        }
    }
}

/// The phrases of one language.
struct Words: Sendable {
    let language: OfficeLanguage

    var isEnglish: Bool { language == .english }

    subscript(_ phrase: Phrase) -> String {
        let pair = phrase.pair
        return isEnglish ? pair.en : pair.id
    }

    /// `phrase` with `%1`, `%2`, ... replaced by `arguments`.
    func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        var text = self[phrase]
        for (index, argument) in arguments.enumerated().reversed() {
            text = text.replacing("%\(index + 1)", with: argument)
        }
        return text
    }

    /// A date in words: "25 November 2026".
    func date(_ text: String?) -> String {
        guard let text, let date = LocalDate(text) else { return text ?? "" }
        return ReminderText.date(date, language: language)
    }
}
