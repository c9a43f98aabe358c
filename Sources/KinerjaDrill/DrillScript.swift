import KinerjaCore

/// The scripted year of an office: what administrators record, on which day, through
/// kinerjactl. Each event runs at noon of its day (the day's reminders fired at 07:00); a
/// drill runs the events that fall inside its window.
struct DrillEvent {
    enum Action {
        /// kinerjactl with these arguments.
        case ctl([String])
        /// Acknowledge the first reminder `reminders preview` lists as planned for this
        /// person (of this kind, when given) in the next 40 days, by the id it prints.
        case acknowledgeFirst(person: String, kind: String?)
        /// Import the example roster without `drop` (marked inactive) and with `add`.
        case rosterChange(drop: String, add: String)
    }

    let day: LocalDate
    let what: String
    let actions: [Action]
}

enum DrillScript {
    // People of the example district (config/examples/README.md).
    static let bambang = "197107091996031003"   // principal, on time
    static let neneng = "197812012005012004"    // principal, late
    static let nurhasni = "197902272005032001"  // principal, silenced
    static let sriWahyuni = "197503172000122002" // principal, acknowledged
    static let heru = "198201192009031004"      // principal, leaves the roster
    static let cecepSchool = "20571301"         // a school silenced
    static let tri = "198105152006012005"       // principal, acknowledged (overdue)
    static let sriRahayu = "196811021993032004" // supervisor, blocked and unblocked
    static let asep = "197206171998121002"      // supervisor, returned and approved
    static let made = "197303291999021002"      // supervisor, finishes 2026-2 on time
    /// A principal who joins mid-cycle (a new school of the district).
    static let newcomer = """
        199001012015011005,pns,"Dewi Lestari, S.Pd.",kepala_sekolah,definitif,20571450,SD Negeri Margamulya,196808141994031005,196811021993032004,196808141994031005,
        """

    static func day(_ text: String) -> LocalDate { LocalDate(text)! }

    static func complete(_ person: String, _ step: String, cycle: String, on date: String) -> DrillEvent.Action {
        .ctl(["plan", "complete", person, step, "--cycle", cycle, "--date", date] + (choices[step] ?? []))
    }

    /// What each step records, as the shipped rules require (`[requirements]`); a supervisor's
    /// schools are Asep's sekolah binaan.
    static let choices: [String: [String]] = [
        "praktik-kinerja": ["--praktik-kinerja", "d3-visi-misi"],
        "pengembangan-kompetensi": ["--kompetensi", "kepribadian-1.1"],
        "perilaku-kerja": ["--perilaku-kerja", "berorientasi-pelayanan,kolaboratif"],
        "observasi": ["--rating", "sesuai-ekspektasi"],
        "penyusunan": [
            "--praktik-kinerja", "d1-kualitas-pembelajaran", "--kompetensi", "kepribadian-1.1", "--sekolah", "20571207,20571219,20571226",
            "--perilaku-kerja", "berorientasi-pelayanan,akuntabel,kompeten,harmonis,loyal,adaptif,kolaboratif",
        ],
        "refleksi-tindak-lanjut": [
            "--refleksi", "kesadaran-dalam-refleksi=sesuai-ekspektasi", "--refleksi", "upaya-belajar=sesuai-ekspektasi",
            "--refleksi", "peningkatan-kinerja=sesuai-ekspektasi",
        ],
    ]

    /// The year from December 2026 to January 2028.
    static let events: [DrillEvent] = [
        DrillEvent(day: day("2026-12-22"), what: "a supervisor finishes 2026-2 on time", actions: [
            complete(made, "refleksi-tindak-lanjut", cycle: "2026-2", on: "2026-12-22"),
        ]),
        DrillEvent(day: day("2026-12-29"), what: "a principal reports a step of 2026-2 late", actions: [
            complete("197610132002031006", "observasi", cycle: "2026-2", on: "2026-12-29"),
        ]),
        DrillEvent(day: day("2027-01-04"), what: "a principal is silenced until 20 January", actions: [
            .ctl(["silence", "add", "--person", nurhasni, "--until", "2027-01-20", "--reason", "cuti melahirkan (drill)"]),
        ]),
        DrillEvent(day: day("2027-01-05"), what: "a supervisor is blocked: the Kepala Dinas's RHK is missing", actions: [
            .ctl(["plan", "block", sriRahayu, "--cause", "rhk-atasan", "--date", "2027-01-05"]),
        ]),
        DrillEvent(day: day("2027-01-06"), what: "a reminder is acknowledged from the preview", actions: [
            .acknowledgeFirst(person: sriWahyuni, kind: "lead"),
        ]),
        DrillEvent(day: day("2027-01-11"), what: "a principal plans on time (1/2)", actions: [
            complete(bambang, "praktik-kinerja", cycle: "2027-1", on: "2027-01-11"),
            complete(bambang, "pengembangan-kompetensi", cycle: "2027-1", on: "2027-01-11"),
        ]),
        DrillEvent(day: day("2027-01-12"), what: "a principal plans on time (2/2); a supervisor submits", actions: [
            complete(bambang, "perilaku-kerja", cycle: "2027-1", on: "2027-01-12"),
            complete(bambang, "rangkuman", cycle: "2027-1", on: "2027-01-12"),
            complete(asep, "penyusunan", cycle: "2027-1", on: "2027-01-12"),
        ]),
        DrillEvent(day: day("2027-01-15"), what: "the Tim Kinerja returns the supervisor's plan", actions: [
            .ctl(["plan", "return", asep, "pemeriksaan", "--cycle", "2027-1", "--date", "2027-01-15", "--reason", "target belum realistis"]),
        ]),
        DrillEvent(day: day("2027-01-19"), what: "the supervisor submits again; approved twice", actions: [
            complete(asep, "penyusunan", cycle: "2027-1", on: "2027-01-19"),
            .ctl(["plan", "approve", asep, "pemeriksaan", "--cycle", "2027-1", "--date", "2027-01-19"]),
        ]),
        DrillEvent(day: day("2027-01-26"), what: "the Pejabat Penilai approves", actions: [
            .ctl(["plan", "approve", asep, "persetujuan", "--cycle", "2027-1", "--date", "2027-01-26"]),
        ]),
        DrillEvent(day: day("2027-02-08"), what: "a principal plans late", actions: [
            complete(neneng, "praktik-kinerja", cycle: "2027-1", on: "2027-02-08"),
        ]),
        DrillEvent(day: day("2027-02-15"), what: "the supervisor is unblocked", actions: [
            .ctl(["plan", "unblock", sriRahayu, "--date", "2027-02-15"]),
        ]),
        DrillEvent(day: day("2027-03-03"), what: "the on-time principal prepares the observation", actions: [
            complete(bambang, "dokumen-persiapan", cycle: "2027-1", on: "2027-03-03"),
        ]),
        DrillEvent(day: day("2027-04-07"), what: "roster change: a principal leaves, a new school's principal joins", actions: [
            .rosterChange(drop: heru, add: newcomer),
        ]),
        DrillEvent(day: day("2027-05-10"), what: "the supervisor observes", actions: [
            complete(bambang, "observasi", cycle: "2027-1", on: "2027-05-10"),
        ]),
        DrillEvent(day: day("2027-06-29"), what: "an overdue reminder is acknowledged", actions: [
            .acknowledgeFirst(person: tri, kind: "overdue"),
        ]),
        DrillEvent(day: day("2027-07-05"), what: "2027-2: a principal plans on time, a supervisor submits", actions: [
            complete(bambang, "praktik-kinerja", cycle: "2027-2", on: "2027-07-05"),
            complete(asep, "penyusunan", cycle: "2027-2", on: "2027-07-05"),
        ]),
        DrillEvent(day: day("2027-07-06"), what: "a school is silenced until 31 July", actions: [
            .ctl(["silence", "add", "--npsn", cecepSchool, "--until", "2027-07-31", "--reason", "sekolah direnovasi (drill)"]),
        ]),
        DrillEvent(day: day("2027-08-09"), what: "a principal plans late", actions: [
            complete(neneng, "praktik-kinerja", cycle: "2027-2", on: "2027-08-09"),
        ]),
        DrillEvent(day: day("2027-09-01"), what: "a supervisor is blocked: no Tim Kinerja appointed", actions: [
            .ctl(["plan", "block", made, "--cause", "plotting-tim-kinerja", "--date", "2027-09-01"]),
        ]),
        DrillEvent(day: day("2027-10-04"), what: "the supervisor is unblocked", actions: [
            .ctl(["plan", "unblock", made, "--date", "2027-10-04"]),
        ]),
        DrillEvent(day: day("2027-11-02"), what: "an overdue reminder is acknowledged", actions: [
            .acknowledgeFirst(person: tri, kind: "overdue"),
        ]),
        DrillEvent(day: day("2028-01-03"), what: "2028-1: a principal starts planning", actions: [
            complete(bambang, "praktik-kinerja", cycle: "2028-1", on: "2028-01-03"),
        ]),
    ]
}
