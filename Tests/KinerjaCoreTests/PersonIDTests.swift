import KinerjaCore
import Testing

@Suite("PersonID")
struct PersonIDTests {
    @Test("a valid PNS NIP is accepted, inferred or declared", arguments: [nil, Kepegawaian.pns])
    func validNIP(kepegawaian: Kepegawaian?) throws {
        let id = try PersonID(validating: "198609262015051001", kepegawaian: kepegawaian)
        #expect(id.rawValue == "198609262015051001")
        #expect(id.description == "198609262015051001")
    }

    @Test("the spaces people type inside a NIP are dropped", arguments: [
        "19860926 201505 1 001", " 198609262015051001 ", "19860926\t201505\t1\t001",
        "19860926\u{A0}201505\u{A0}1\u{A0}001", "\u{3000}198609262015051001\r\n",
    ])
    func spaces(text: String) throws {
        #expect(try PersonID(validating: text).rawValue == "198609262015051001")
    }

    @Test("each wrong part of a NIP names that part", arguments: [
        ("198613322015051001", PersonIDError.birthDate(id: "198613322015051001", digits: "19861332")),
        ("198602302015051001", PersonIDError.birthDate(id: "198602302015051001", digits: "19860230")),
        ("180009262015051001", PersonIDError.birthDate(id: "180009262015051001", digits: "18000926")),
        ("198609262015131001", PersonIDError.appointmentMonth(id: "198609262015131001", digits: "201513")),
        ("198609262015001001", PersonIDError.appointmentMonth(id: "198609262015001001", digits: "201500")),
        ("198609261985011001", PersonIDError.appointmentBeforeBirth(id: "198609261985011001")),
        ("198609262015053001", PersonIDError.sexDigit(id: "198609262015053001", digit: "3")),
        ("198609262015050001", PersonIDError.sexDigit(id: "198609262015050001", digit: "0")),
    ])
    func wrongPart(text: String, expected: PersonIDError) {
        #expect(throws: expected) { try PersonID(validating: text) }
        #expect(throws: expected) { try PersonID(validating: text, kepegawaian: .pns) }
    }

    @Test("error messages name the digits that are wrong")
    func messages() {
        #expect(PersonIDError.birthDate(id: "198613322015051001", digits: "19861332").description.contains("digits 1–8 (19861332)"))
        #expect(PersonIDError.appointmentMonth(id: "x", digits: "201513").description.contains("digits 9–14 (201513)"))
        #expect(PersonIDError.sexDigit(id: "x", digit: "3").description.contains("digit 15 is '3'"))
        #expect(PersonIDError.wrongLength(id: "x", length: 17).description.contains("17 digits"))
    }

    @Test("a NIP of 17 or 19 digits declared PNS has the wrong length", arguments: ["19860926201505100", "1986092620150510011"])
    func wrongLengthPNS(text: String) {
        #expect(throws: PersonIDError.wrongLength(id: text, length: text.count)) {
            try PersonID(validating: text, kepegawaian: .pns)
        }
    }

    @Test("a NIP one digit short or long with no kepegawaian is refused, not taken as a non-ASN id", arguments: [
        "19860926201505100", "1986092620150510011",
    ])
    func mistypedNIPInferred(text: String) {
        // A NIP with one digit dropped or doubled is the typo the NIP check exists for.
        #expect(throws: PersonIDError.wrongLength(id: text, length: text.count)) { try PersonID(validating: text) }
    }

    @Test("a NIP written with dashes or dots is the same NIP", arguments: ["19860926-201505-1-001", "19860926.201505.1.001"])
    func punctuatedNIP(text: String) throws {
        #expect(try PersonID(validating: text).rawValue == "198609262015051001")
    }

    @Test("a PPPK number is accepted only as PPPK")
    func pppk() throws {
        let number = "199009132025242014"
        #expect(try PersonID(validating: number, kepegawaian: .pppk).rawValue == number)
        #expect(try PersonID(validating: "19900913 202524 2 014", kepegawaian: .pppk).rawValue == number)
        // As a PNS NIP, "202524" is month 24 of 2025.
        #expect(throws: PersonIDError.appointmentMonth(id: number, digits: "202524")) {
            try PersonID(validating: number, kepegawaian: .pns)
        }
        #expect(throws: PersonIDError.appointmentMonth(id: number, digits: "202524")) {
            try PersonID(validating: number)
        }
        // PPPK numbers are 18 digits all the same.
        #expect(throws: PersonIDError.wrongLength(id: "19900913202524201", length: 17)) {
            try PersonID(validating: "19900913202524201", kepegawaian: .pppk)
        }
        #expect(throws: PersonIDError.wrongLength(id: "P1990091320252420", length: 17)) {
            try PersonID(validating: "P1990091320252420", kepegawaian: .pppk)
        }
    }

    @Test("non-ASN ids are accepted as they are", arguments: [
        "NONASN-001", "guru.honorer_12", "3201234567890001", "198613322015051001", "a",
    ])
    func nonASN(text: String) throws {
        #expect(try PersonID(validating: text, kepegawaian: .nonAsn).rawValue == text)
    }

    @Test("inferred: an id that is not 18 digits is non-ASN", arguments: ["NONASN-001", "3201234567890001"])
    func inferredNonASN(text: String) throws {
        #expect(try PersonID(validating: text).rawValue == text)
    }

    @Test("empty and forbidden characters are refused")
    func emptyAndCharacters() {
        #expect(throws: PersonIDError.empty) { try PersonID(validating: "") }
        #expect(throws: PersonIDError.empty) { try PersonID(validating: "   ") }
        #expect(throws: PersonIDError.invalidCharacters("id/ps")) { try PersonID(validating: "id/ps") }
        #expect(throws: PersonIDError.invalidCharacters("a@b")) { try PersonID(validating: "a@b", kepegawaian: .nonAsn) }
        #expect(throws: PersonIDError.invalidCharacters("Adé")) { try PersonID(validating: "Adé") }
        #expect(throws: PersonIDError.invalidCharacters("١٩٨٦")) { try PersonID(validating: "١٩٨٦") }
    }
}

@Suite("NPSN, PositionKey and PlanID")
struct IdentifierTests {
    @Test("NPSN: eight digits, the first possibly a letter", arguments: [
        ("20100001", "20100001"), (" 20100001 ", "20100001"), ("p9912345", "P9912345"),
    ])
    func npsn(text: String, expected: String) {
        #expect(NPSN(text)?.rawValue == expected)
    }

    @Test("NPSN refuses other text", arguments: ["2010000", "201000011", "2010000A", "", "PP100001"])
    func badNPSN(text: String) {
        #expect(NPSN(text) == nil)
    }

    @Test("text forms of PositionKey and PlanID round trip")
    func textForms() throws {
        let ks = PositionKey(personID: Fixtures.person, role: .kepalaSekolah, npsn: Fixtures.schoolA)
        let ps = PositionKey(personID: Fixtures.supervisorID, role: .pengawasSekolah, npsn: Fixtures.schoolA)
        #expect(ks.description == "198609262015051001/ks@20100001")
        #expect(ps.description == "197501012000031002/ps")
        #expect(ps.npsn == nil)
        #expect(PositionKey(ks.description) == ks)
        #expect(PositionKey(ps.description) == ps)
        let plan = PlanID(cycle: CycleID("2025-1")!, position: ks)
        #expect(plan.description == "2025-1/198609262015051001/ks@20100001")
        #expect(PlanID(plan.description) == plan)
        #expect(PlanID("2025-2/197501012000031002/ps") == PlanID(cycle: CycleID("2025-2")!, position: ps))
    }

    @Test("bad text forms give nil", arguments: [
        "198609262015051001", "198609262015051001/ks@2010", "198609262015051001/ks", "198609262015051001/kepala",
    ])
    func badPositionKey(text: String) {
        #expect(PositionKey(text) == nil)
    }

    @Test("bad plan ids give nil", arguments: ["2025-3/x/ps", "2025-1", "x/ps", "2025-1/x/ks@1"])
    func badPlanID(text: String) {
        #expect(PlanID(text) == nil)
    }
}
