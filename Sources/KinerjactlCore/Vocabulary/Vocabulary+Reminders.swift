/// The words of reminders and of their delivery to hooks.
extension Vocabulary {
    /// Why a reminder is sent (ReminderItem `kind`).
    public static let reminderKinds: Vocabulary = [
        "lead": Words("menjelang batas", "before deadline"),
        "due": Words("hari batas", "deadline day"),
        "overdue": Words("terlambat", "overdue"),
        "escalation": Words("eskalasi ke atasan", "escalation"),
        "blocked": Words("terblokir", "blocked"),
    ]

    /// What became of a reminder (ReminderItem `state`, `--state`): recorded as fired, missed
    /// or silenced; in a preview planned, silenced or acknowledged.
    public static let reminderStates: Vocabulary = [
        "fired": Words("terkirim", "fired"),
        "missed": Words("terlewat", "missed"),
        "silenced": Words("dibisukan", "silenced"),
        "planned": Words("terjadwal", "planned"),
        "acknowledged": Words("dikonfirmasi", "acknowledged"),
    ]

    /// In what capacity the recipient gets a reminder (ReminderItem `recipientRole`).
    public static let recipientRoles: Vocabulary = [
        "pegawai": Words("pegawai", "employee"),
        "tim_kinerja": Words("Tim Kinerja", "Tim Kinerja"),
        "pejabat_penilai": Words("Pejabat Penilai", "Pejabat Penilai"),
        "atasan": Words("atasan", "superior"),
    ]

    /// Where a (reminder, hook) delivery stands (DeliveryItem `state`, `--state`).
    public static let deliveryStates: Vocabulary = [
        "pending": Words("menunggu", "pending"),
        "retrying": Words("diulang", "retrying"),
        "delivered": Words("terkirim", "delivered"),
        "failed": Words("gagal", "failed"),
    ]

    /// How one run of a hook ended (HookTestResult `outcome`).
    public static let hookOutcomes: Vocabulary = [
        "delivered": Words("terkirim", "delivered"),
        "retry": Words("minta diulang", "retry"),
        "failed": Words("gagal", "failed"),
        "timeout": Words("waktu habis", "timed out"),
    ]
}
