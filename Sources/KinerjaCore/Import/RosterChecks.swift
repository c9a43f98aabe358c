/// What is odd about a roster as a whole, reported as warnings with the file's line numbers:
/// the import goes ahead (an office mid-reorganisation may have a school between two
/// definitif principals for a week), and the office sees what to look at. Judged on the
/// roster as it will be: the file's rows and the positions already recorded that the file
/// leaves as they are (`others`), so that one kecamatan's update is checked against the rest
/// of the district.
public enum RosterChecks {
    /// The warnings about `lines`: a person definitif principal at two schools, two definitif
    /// principals at one school, a principal's school that no supervisor's `sekolah_binaan`
    /// names, and an `atasan_id`, `tim_kinerja` or `pejabat_penilai_id` that is nobody
    /// `known` (a person of the roster or an official) nor a person of the file.
    public static func warnings(_ lines: [RosterLine], others: [Position], known: Set<PersonID>) -> [ImportProblem] {
        var warnings: [ImportProblem] = []
        let named = Set(lines.map(\.position.key))
        let kept = others.filter { $0.active && !named.contains($0.key) }
        let principals = lines.map { (line: Optional($0.line), position: $0.position) }.filter { $0.position.key.role == .kepalaSekolah }
            + kept.filter { $0.key.role == .kepalaSekolah }.map { (line: nil, position: $0) }
        func at(_ line: Int?, _ language: OfficeLanguage) -> String {
            line.map { language.text(id: "baris \($0)", en: "line \($0)") } ?? language.text(id: "sudah tercatat", en: "already recorded")
        }

        let definitif = principals.filter { $0.position.jabatan == .definitif && $0.position.key.npsn != nil }
        for (person, entries) in Dictionary(grouping: definitif, by: \.position.key.personID) where entries.count > 1 {
            for entry in entries {
                guard let line = entry.line, let npsn = entry.position.key.npsn else { continue }
                let others = entries.filter { $0.position.key != entry.position.key }
                func list(_ language: OfficeLanguage) -> String {
                    others.map { "\($0.position.key.npsn?.rawValue ?? "-") (\(at($0.line, language)))" }.joined(separator: ", ")
                }
                warnings.append(ImportProblem(
                    line: line,
                    id: "\(person) kepala sekolah definitif di \(npsn) dan juga di \(list(.indonesian)); bila salah satunya Plt., tulis jabatan plt",
                    en: "\(person) is definitif principal at \(npsn) and also at \(list(.english)); if one of them is acting, write jabatan plt"))
            }
        }
        for (npsn, entries) in Dictionary(grouping: definitif, by: { $0.position.key.npsn! }) where Set(entries.map(\.position.key.personID)).count > 1 {
            for entry in entries {
                guard let line = entry.line else { continue }
                let others = entries.filter { $0.position.key.personID != entry.position.key.personID }
                func list(_ language: OfficeLanguage) -> String {
                    others.map { "\($0.position.key.personID) (\(at($0.line, language)))" }.joined(separator: ", ")
                }
                warnings.append(ImportProblem(
                    line: line,
                    id: "sekolah \(npsn) mempunyai lebih dari satu kepala sekolah definitif: juga \(list(.indonesian)); periksa jabatan (definitif atau plt) atau npsn",
                    en: "school \(npsn) has more than one definitif principal: also \(list(.english)); check jabatan (definitif or plt) or npsn"))
            }
        }

        var covered = Set<NPSN>()
        for position in lines.map(\.position) + kept where position.key.role == .pengawasSekolah {
            covered.formUnion(position.sekolahBinaan)
        }
        var uncovered = Set<NPSN>()
        for line in lines where line.position.key.role == .kepalaSekolah {
            guard let npsn = line.position.key.npsn, !covered.contains(npsn), uncovered.insert(npsn).inserted else { continue }
            warnings.append(ImportProblem(
                line: line.line,
                id: "sekolah \(npsn) tidak ada dalam sekolah_binaan pengawas mana pun: tidak ada yang mendampingi dan mengobservasi kepala sekolahnya",
                en: "school \(npsn) is in no supervisor's sekolah_binaan: nobody mentors it or observes its principal"))
        }

        // One warning per unknown id, at its first line: an officials file not imported yet
        // leaves the Kepala Dinas unknown on every row.
        let everyone = known.union(lines.map(\.person.id))
        var unknown: [(column: String, id: PersonID, lines: [Int])] = []
        for line in lines {
            let p = line.position
            let named: [(String, PersonID)] = [p.atasanID.map { ("atasan_id", $0) }, p.pejabatPenilaiID.map { ("pejabat_penilai_id", $0) }]
                .compactMap { $0 } + p.timKinerja.map { ("tim_kinerja", $0) }
            for (column, id) in named where !everyone.contains(id) {
                if let i = unknown.firstIndex(where: { $0.column == column && $0.id == id }) {
                    unknown[i].lines.append(line.line)
                } else {
                    unknown.append((column, id, [line.line]))
                }
            }
        }
        for (column, id, at) in unknown {
            let more = at.count - 1
            warnings.append(ImportProblem(
                line: at[0],
                id: "\(column) \(id) tidak dikenal: bukan orang dalam daftar pegawai dan bukan pejabat (kinerjactl import officials)"
                    + (more > 0 ? "; juga di \(more) baris lain" : ""),
                en: "\(column) \(id) is nobody known: not a person of the roster and not an official (kinerjactl import officials)"
                    + (more > 0 ? "; also on \(more) other lines" : "")))
        }
        return warnings.sorted {
            $0.line != $1.line ? $0.line < $1.line : $0.message(in: .english) < $1.message(in: .english)
        }
    }
}
