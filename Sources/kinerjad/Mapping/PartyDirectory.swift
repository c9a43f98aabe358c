import KinerjaCore
import KinerjaRPC

/// Who the ids a reply names are: people of the roster by name, officials by name and
/// jabatan (the officials file), so that "menunggu tindakan" says "Drs. H. Ahmad
/// Syarifuddin, M.Si. (Kepala Dinas Pendidikan)" instead of a NIP. An id the office does not
/// know keeps only its role and id.
struct PartyDirectory: Sendable {
    var persons: [PersonID: String] = [:]
    var officials: [PersonID: Official] = [:]
    /// The office's operator (kinerja.toml's `[office]`), who has no id in the roster.
    var officeOperator: (nama: String, jabatan: String)?

    /// `id` in `role`: an official is named with their jabatan; a person of the roster by
    /// name; the office's operator as kinerja.toml names them.
    func party(_ role: RecipientRole, _ id: PersonID?) -> Party {
        guard let id else {
            let named = role == .officeOperator ? officeOperator : nil
            return Party(role: role.rawValue, id: nil, nama: named?.nama, jabatan: named?.jabatan)
        }
        if let official = officials[id] {
            return Party(role: role.rawValue, id: id.rawValue, nama: official.nama, jabatan: official.jabatan)
        }
        return Party(role: role.rawValue, id: id.rawValue, nama: persons[id], jabatan: nil)
    }

    /// A name for `id`, when known.
    func name(_ id: PersonID) -> String? { officials[id]?.nama ?? persons[id] }

    /// The atasan, each Tim Kinerja member and the Pejabat Penilai of `position`.
    func parties(of position: Position) -> [Party] {
        [party(.atasan, position.atasanID)] + position.timKinerja.map { party(.timKinerja, $0) }
            + [party(.pejabatPenilai, position.pejabatPenilaiID)]
    }
}

extension Office {
    /// The directory of `ids`, read in two queries.
    func directory(of ids: Set<PersonID>) async throws -> PartyDirectory {
        let officeOperator = settings.config.office.named
        guard !ids.isEmpty else { return PartyDirectory(officeOperator: officeOperator) }
        async let persons = store.names(of: ids)
        async let officials = store.officials(ids)
        return PartyDirectory(persons: try await persons, officials: try await officials, officeOperator: officeOperator)
    }
}
