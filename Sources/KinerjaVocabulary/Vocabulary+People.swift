/// The words of a person's position: role, how it is held, employment status.
extension Vocabulary {
    /// The two roles an office tracks (`peran`, `--role`, CycleDeadline `role`).
    public static let roles: Vocabulary = [
        "kepala_sekolah": Bilingual("kepala sekolah", "principal"),
        "pengawas_sekolah": Bilingual("pengawas sekolah", "supervisor"),
    ]

    /// How a principal holds the position (`jabatan`).
    public static let jabatan: Vocabulary = [
        "definitif": Bilingual("definitif", "definitive"),
        "plt": Bilingual("Plt.", "Plt., acting"),
    ]

    /// Employment status (`kepegawaian`): official acronyms, the same in both languages.
    public static let kepegawaian: Vocabulary = [
        "pns": Bilingual("PNS", "PNS"),
        "pppk": Bilingual("PPPK", "PPPK"),
        "non_asn": Bilingual("non-ASN", "non-ASN"),
    ]

    /// A position in a list: "kepala sekolah", "kepala sekolah (Plt.)", "pengawas sekolah".
    public static func position(role: String, jabatan: String) -> Bilingual {
        guard jabatan == "plt" else { return roles[role] }
        return roles[role] + Bilingual(" (", " (") + Vocabulary.jabatan[jabatan] + Bilingual(")", ")")
    }

    /// Someone named with what is known of them: "Drs. H. Ahmad Syarifuddin, M.Si. (Kepala
    /// Dinas Pendidikan)", a roster person's name, or the role and id when nobody is known
    /// by that id ("atasan 196808141994031005"); `pegawai` is the plan's own holder.
    public static func party(role: String, id: String?, nama: String?, jabatan: String?) -> Bilingual {
        if role == "pegawai" { return Bilingual("pegawai sendiri", "the employee") }
        if let nama {
            let words = jabatan.map { "\(nama) (\($0))" } ?? nama
            return Bilingual(words, words)
        }
        let named = recipientRoles[role]
        guard let id else { return named + Bilingual(" (belum ditetapkan)", " (not named)") }
        return named + Bilingual(" \(id)", " \(id)")
    }
}
