/// The words of reminders and of their delivery to hooks.
extension Vocabulary {
    /// Why a reminder is sent (ReminderItem `kind`).
    public static let reminderKinds: Vocabulary = [
        "lead": Bilingual("menjelang batas", "before deadline"),
        "due": Bilingual("hari batas", "deadline day"),
        "overdue": Bilingual("terlambat", "overdue"),
        "escalation": Bilingual("eskalasi ke atasan", "escalation"),
        "blocked": Bilingual("terblokir", "blocked"),
    ]

    /// What became of a reminder (ReminderItem `state`, `--state`): recorded as fired, missed,
    /// silenced or uncertain; in a preview planned, silenced or acknowledged.
    public static let reminderStates: Vocabulary = [
        "fired": Bilingual("terkirim", "fired"),
        "missed": Bilingual("terlewat", "missed"),
        "silenced": Bilingual("dibisukan", "silenced"),
        // Its daemon died between claiming and recording it: perhaps sent, never sent again.
        "uncertain": Bilingual("tidak pasti", "uncertain"),
        "planned": Bilingual("terjadwal", "planned"),
        // Claimed by a daemon that is sending it this moment (a claim in the database).
        "firing": Bilingual("sedang dikirim", "firing"),
        "acknowledged": Bilingual("dikonfirmasi", "acknowledged"),
    ]

    /// In what capacity the recipient gets a reminder (ReminderItem `recipientRole`).
    public static let recipientRoles: Vocabulary = [
        "pegawai": Bilingual("pegawai", "employee"),
        "tim_kinerja": Bilingual("Tim Kinerja", "Tim Kinerja"),
        "pejabat_penilai": Bilingual("Pejabat Penilai", "Pejabat Penilai"),
        "atasan": Bilingual("atasan", "superior"),
        // The office's operator (kinerja.toml's [office]): stage 1, Pemutakhiran Data.
        "operator": Bilingual("operator Dinas", "the office's operator"),
    ]

    /// Where a (reminder, hook) delivery stands (DeliveryItem `state`, `--state`).
    public static let deliveryStates: Vocabulary = [
        "pending": Bilingual("menunggu", "pending"),
        "retrying": Bilingual("diulang", "retrying"),
        "delivered": Bilingual("terkirim", "delivered"),
        "failed": Bilingual("gagal", "failed"),
    ]

    /// How one run of a hook ended (HookTestResult `outcome`).
    public static let hookOutcomes: Vocabulary = [
        "delivered": Bilingual("terkirim", "delivered"),
        "retry": Bilingual("minta diulang", "retry"),
        "failed": Bilingual("gagal", "failed"),
        "timeout": Bilingual("waktu habis", "timed out"),
    ]
}
