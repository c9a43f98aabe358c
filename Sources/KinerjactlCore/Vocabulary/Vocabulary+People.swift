/// The words of a person's position: role, how it is held, employment status.
extension Vocabulary {
    /// The two roles an office tracks (`peran`, `--role`, CycleDeadline `role`).
    public static let roles: Vocabulary = [
        "kepala_sekolah": Words("kepala sekolah", "principal"),
        "pengawas_sekolah": Words("pengawas sekolah", "supervisor"),
    ]

    /// How a principal holds the position (`jabatan`).
    public static let jabatan: Vocabulary = [
        "definitif": Words("definitif", "definitive"),
        "plt": Words("Plt.", "Plt., acting"),
    ]

    /// Employment status (`kepegawaian`): official acronyms, the same in both languages.
    public static let kepegawaian: Vocabulary = [
        "pns": Words("PNS", "PNS"),
        "pppk": Words("PPPK", "PPPK"),
        "non_asn": Words("non-ASN", "non-ASN"),
    ]

    /// A position in a list: "kepala sekolah", "kepala sekolah (Plt.)", "pengawas sekolah".
    public static func position(role: String, jabatan: String) -> Words {
        guard jabatan == "plt" else { return roles[role] }
        return roles[role] + Words(" (", " (") + Vocabulary.jabatan[jabatan] + Words(")", ")")
    }
}
