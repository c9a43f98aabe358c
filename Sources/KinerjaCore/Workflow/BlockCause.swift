/// Why a plan cannot move at all: a precondition owned by someone else, shown as
/// "blocked" with its cause rather than as "late".
public enum BlockCause: String, Sendable, Codable, CaseIterable, Hashable {
    /// The atasan (Kepala Dinas / Kepala Cabang Dinas) has not written RHK and IKI in
    /// e-Kinerja, so a supervisor's RHK has nothing to cascade from.
    case rhkAtasan = "rhk-atasan"
    /// Pemutakhiran Data: NIK/NIP/Unor disagree between systems.
    case pemutakhiranData = "pemutakhiran-data"
    /// Plotting Tim Kinerja: the Kepala Dinas has not appointed the Tim Kinerja yet.
    case plottingTimKinerja = "plotting-tim-kinerja"
    /// Any other cause, described in the note.
    case lainnya
}
