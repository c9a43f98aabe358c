import KinerjaRPC

extension SchoolProgress {
    /// The school's jenjang: the roster's (its optional `jenjang` column), else the form its
    /// name begins with.
    var level: String? { jenjang ?? name.flatMap(Self.jenjang(fromName:)) }

    /// Indonesian schools are named by their form first ("SD Negeri 1 Sukamaju", "SMP
    /// Negeri 2 ...", "SD Islam Terpadu ..."): the first word when it is one of the forms.
    static func jenjang(fromName name: String) -> String? {
        guard let first = name.split(separator: " ").first.map({ $0.uppercased() }) else { return nil }
        let forms = ["TK", "PAUD", "SD", "MI", "SMP", "MTS", "SMA", "MA", "SMK", "SLB", "SDLB", "SMPLB", "SMALB"]
        guard forms.contains(first) else { return nil }
        return first == "MTS" ? "MTs" : first
    }
}
