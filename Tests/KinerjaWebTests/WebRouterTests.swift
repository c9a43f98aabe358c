import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdTesting
import KinerjaRPC
import KinerjaVocabulary
import Testing
import ZIPFoundation
@testable import KinerjaWeb
@testable import kinerjad

/// Every page, list download and calendar feed of kinerja-web through its router
/// (HummingbirdTesting's `.router`), reading a real kinerjad office over a real socket with
/// the example district on 25 November 2026.
@Suite("kinerja-web's routes", .serialized, .timeLimit(.minutes(2)))
struct WebRouterTests {
    /// Each page, the heading it must have, and how many table rows (data rows) at least.
    static let pages: [(path: String, heading: String, english: String, rows: Int)] = [
        ("/", "Ringkasan siklus 2026-2", "Overview of cycle 2026-2", 10),
        ("/sekolah", "Sekolah", "Schools", 30),
        ("/sekolah/20571112", "SD Negeri 1 Cibeureum", "SD Negeri 1 Cibeureum", 9),
        ("/terlambat", "Terlambat", "Late", 13),
        ("/terblokir", "Terblokir", "Blocked", 1),
        ("/orang", "Orang", "People", 35),
        ("/orang/197410051999031002", "Dadang Suherman, S.Pd.", "Dadang Suherman, S.Pd.", 18),
    ]

    @Test("every page answers in Bahasa Indonesia and in English, with its heading, the data's date and its rows")
    func everyPage() async throws {
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            for page in Self.pages {
                for english in [false, true] {
                    let uri = page.path + (english ? "?lang=en" : "")
                    try await client.execute(uri: uri, method: .get) { response in
                        #expect(response.status == .ok, "\(uri)")
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        let html = String(buffer: response.body)
                        let heading = Markup.escape(english ? page.english : page.heading)
                        #expect(html.contains("<h1>\(heading)</h1>"), "\(uri) has its heading")
                        #expect(html.contains(english ? "Data as of 25 November 2026, cycle 2026-2" : "Data per 25 November 2026, siklus 2026-2"), "\(uri)")
                        #expect(html.contains(english ? "<html lang=\"en\">" : "<html lang=\"id\">"))
                        #expect(Self.rows(html) >= page.rows, "\(uri): \(Self.rows(html)) rows")
                        #expect(!html.contains("<script"), "no script")
                    }
                }
            }
        }
        await fixture.stop()
    }

    @Test("a person's choices and ratings; a blocked plan's days and whom it awaits, by name; schools by the roster's kecamatan")
    func whatTheOfficeSees() async throws {
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/orang/197002141993032002", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<h3>Pilihan dan penilaian</h3>"), "\(html)")
                #expect(html.contains("Aktivasi Kegiatan Komunitas Belajar (d3-komunitas-belajar)"), "the D3 sub-indicator by name")
                #expect(html.contains("Perilaku Kerja") && html.contains("di atas ekspektasi"), "Perilaku Kerja and the observation's rating")
            }
            try await client.execute(uri: "/terblokir.csv", method: .get) { response in
                let csv = String(buffer: response.body)
                #expect(csv.contains("2026-07-02") && csv.contains(",146,"), "since and days: \(csv)")
                #expect(csv.contains("Drs. H. Ahmad Syarifuddin, M.Si. (Kepala Dinas Pendidikan)"), "whom it awaits: \(csv)")
            }
            try await client.execute(uri: "/orang/196811021993032004?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("Blocked since") && html.contains("146 days"), "\(html)")
            }
            try await client.execute(uri: "/sekolah.csv?kecamatan=Cibeureum", method: .get) { response in
                let rows = String(buffer: response.body).split(whereSeparator: \.isNewline).dropFirst()
                #expect(rows.count == 5, "the roster's kecamatan: \(rows)")
            }
        }
        await fixture.stop()
    }

    @Test("no English word of the dashboard's phrases on an Indonesian page")
    func indonesianPagesHaveNoEnglish() async throws {
        // Words of the English phrases that no Indonesian phrase uses.
        @Sendable func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count > 2 })
        }
        // The dashboard's own phrases, and the words it shares with kinerjactl.
        let tables: [Vocabulary] = [.flags, .timelineStates, .reminderKinds, .reminderStates, .recipientRoles, .jabatan, .auditActions, .auditPlanChanges]
        let pairs = Phrase.allCases.map { Bilingual($0.pair.id, $0.pair.en) } + tables.flatMap { table in table.ids.map { table[$0] } }
        let indonesian = pairs.reduce(into: Set<String>()) { $0.formUnion(words($1.indonesian)) }
        let english = pairs.reduce(into: Set<String>()) { $0.formUnion(words($1.english)) }.subtracting(indonesian)
        #expect(english.contains("schools") && english.contains("late"))
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            for page in Self.pages {
                try await client.execute(uri: page.path, method: .get) { response in
                    let visible = Self.visibleText(String(buffer: response.body))
                    let found = words(visible).intersection(english)
                    #expect(found.isEmpty, "\(page.path): English words \(found.sorted())")
                }
            }
        }
        await fixture.stop()
    }

    @Test("each list downloads as CSV and as .xlsx with the page's rows, filters applied")
    func downloads() async throws {
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            for (path, rows) in [("/sekolah", 30), ("/terlambat", 13), ("/terblokir", 1), ("/orang", 35), ("/sekolah?kecamatan=Cibeureum", 5)] {
                let (base, query) = path.contains("?") ? (String(path.split(separator: "?")[0]), "?" + path.split(separator: "?")[1]) : (path, "")
                try await client.execute(uri: base + ".csv" + query, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                    #expect(response.headers[.contentDisposition]?.hasPrefix("attachment; filename=") == true)
                    let text = String(buffer: response.body)
                    #expect(text.hasPrefix("\u{FEFF}"))
                    let lines = text.split(separator: "\r\n")
                    #expect(lines.count == rows + 1, "\(path).csv: \(lines.count - 1) rows")
                }
                try await client.execute(uri: base + ".xlsx" + query, method: .get) { response in
                    #expect(response.status == .ok)
                    let archive = try Archive(data: Data(buffer: response.body), accessMode: .read)
                    var sheet = Data()
                    _ = try archive.extract(archive["xl/worksheets/sheet1.xml"]!) { sheet.append($0) }
                    let xml = String(decoding: sheet, as: UTF8.self)
                    #expect(xml.components(separatedBy: "<row ").count - 1 == rows + 1, "\(path).xlsx rows")
                    #expect(archive["[Content_Types].xml"] != nil && archive["xl/workbook.xml"] != nil)
                }
            }
            // Filters in the URL: one kecamatan, and a sort.
            try await client.execute(uri: "/sekolah?kecamatan=Cibeureum&urut=kemajuan&arah=turun", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(Self.rows(html) == 5)
                #expect(!html.contains("Sukamaju</td>"))
                #expect(html.contains("aria-sort=\"descending\""))
            }
            try await client.execute(uri: "/terlambat?peran=pengawas_sekolah", method: .get) { response in
                #expect(Self.rows(String(buffer: response.body)) == 1)
            }
        }
        await fixture.stop()
    }

    @Test("kinerjad's listings are read in pieces (more): where a single reply is refused, as a country's is, every page, list and feed still has its rows")
    func listingsReadInPieces() async throws {
        // A district's listings here are over 2 KB, so without more kinerjad refuses them.
        let fixture = try await DashboardFixture(maxReplyBytes: 2_000)
        let socket = fixture.directory + "/kinerja.sock"
        let refused = try await Task.detached { () -> [VarlinkClientError] in
            let client = try VarlinkClient(path: socket)
            var refused: [VarlinkClientError] = []
            for call in [
                { _ = try client.call(Kinerja.ListPeople.self, .init()) },
                { _ = try client.call(Kinerja.ListSchools.self, .init()) },
            ] as [() throws -> Void] {
                do { try call() } catch let error as VarlinkClientError { refused.append(error) }
            }
            return refused
        }.value
        #expect(refused == [.remote(.expectedMore), .remote(.expectedMore)], "the single replies are refused")
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            for page in Self.pages {
                try await client.execute(uri: page.path, method: .get) { response in
                    #expect(response.status == .ok, "\(page.path)")
                    #expect(Self.rows(String(buffer: response.body)) >= page.rows, "\(page.path)")
                }
            }
            for (path, rows) in [("/sekolah", 30), ("/orang", 35)] {
                try await client.execute(uri: path + ".csv", method: .get) { response in
                    #expect(String(buffer: response.body).split(separator: "\r\n").count == rows + 1, "\(path).csv")
                }
            }
            let tokens = try FeedTokens(keyFile: fixture.directory + "/feed.key")
            let person = "197107091996031003"
            try await client.execute(uri: "/kalender/orang/\(person)/\(tokens.token(for: "orang/\(person)")).ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("BEGIN:VEVENT"))
            }
        }
        await fixture.stop()
    }

    @Test("calendar feeds: RFC 5545 all-day events with stable UIDs behind a per-feed token; SEQUENCE rises when the plan changes")
    func calendarFeeds() async throws {
        let fixture = try await DashboardFixture()
        let tokens = try FeedTokens(keyFile: fixture.directory + "/feed.key")
        let person = "197107091996031003"
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/kalender/kantor/\(tokens.token(for: "kantor")).ics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                let folded = String(buffer: response.body)
                #expect(folded.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 }, "folded at 75 octets")
                let text = folded.replacing("\r\n ", with: "")
                #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
                #expect(text.contains("UID:2026-2.kepala_sekolah.perencanaan@kinerja.dinas-pendidikan-kabupaten-sukamaju\r\n"))
                #expect(text.contains("DTSTART;VALUE=DATE:20260731\r\nDTEND;VALUE=DATE:20260801\r\n"))
            }
            try await client.execute(uri: "/kalender/kantor/\(tokens.token(for: "orang/\(person)")).ics", method: .get) { response in
                #expect(response.status == .notFound, "another feed's token opens nothing")
            }
            let personFeed = "/kalender/orang/\(person)/\(tokens.token(for: "orang/\(person)")).ics"
            let before = try await client.execute(uri: personFeed, method: .get) { String(buffer: $0.body).replacing("\r\n ", with: "") }
            #expect(before.contains("UID:2026-2.\(person).ks@20571035.praktik-kinerja@"))
            _ = try await fixture.office.transition(
                .init(person: person, action: "terblokir", cause: "pemutakhiran-data"), actor: .init(uid: 0, user: "test"))
            let after = try await client.execute(uri: personFeed, method: .get) { String(buffer: $0.body).replacing("\r\n ", with: "") }
            #expect(Self.sequences(after).count == Self.sequences(before).count)
            #expect(zip(Self.sequences(before), Self.sequences(after)).allSatisfy { $0 < $1 }, "every event of the changed plan raised")
        }
        await fixture.stop()
    }

    @Test("no page changes data; a change in kinerjad shows on the next page at once")
    func readOnlyAndNeverStale() async throws {
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            let writes = fixture.office.commits.value
            for page in Self.pages {
                _ = try await client.execute(uri: page.path, method: .get) { $0.status }
            }
            #expect(fixture.office.commits.value == writes, "pages only read")
            let blockedBefore = try await client.execute(uri: "/terblokir", method: .get) { Self.rows(String(buffer: $0.body)) }
            _ = try await fixture.office.transition(
                .init(person: "197610132002031006", action: "terblokir", cause: "plotting-tim-kinerja"), actor: .init(uid: 0, user: "test"))
            try await client.execute(uri: "/terblokir", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(Self.rows(html) == blockedBefore + 1)
                #expect(html.contains("Muh. Arsyad"))
            }
        }
        await fixture.stop()
    }

    @Test("unknown pages and people are 404, a cycle without rules 400, kinerjad down 503: each a page in the reader's language")
    func failures() async throws {
        let fixture = try await DashboardFixture()
        let app = Application(router: fixture.router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/orang/000", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/tidak-ada?lang=en", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("Page not found"))
            }
            try await client.execute(uri: "/?siklus=1990-1", method: .get) { #expect($0.status == .badRequest) }
            await fixture.server.shutdown()
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("kinerjad tidak dapat dihubungi"))
            }
        }
        await fixture.stop()
    }

    @Test("on the network, readers sign in (bcrypt); behind a proxy, its user header is required; feeds need neither")
    func access() async throws {
        let users = Users(hashes: ["kadis": Bcrypt.hash("rahasia-kantor", cost: 4)])
        let fixture = try await DashboardFixture(access: .login(users))
        try await Application(router: fixture.router).test(.router) { client in
            try await client.execute(uri: "/sekolah", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location]?.hasPrefix("/masuk?ke=") == true)
            }
            try await client.execute(
                uri: "/masuk", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "nama=kadis&sandi=salah")
            ) { #expect($0.status == .unauthorized) }
            let cookie = try await client.execute(
                uri: "/masuk", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "nama=kadis&sandi=rahasia-kantor&ke=%2Fsekolah")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sekolah")
                return response.headers[.setCookie]?.split(separator: ";").first.map(String.init)
            }
            try await client.execute(uri: "/sekolah", method: .get, headers: [.cookie: cookie ?? ""]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Masuk sebagai kadis"))
            }
            let tokens = try FeedTokens(keyFile: fixture.directory + "/feed.key")
            try await client.execute(uri: "/kalender/kantor/\(tokens.token(for: "kantor")).ics", method: .get) { #expect($0.status == .ok) }
        }
        await fixture.stop()

        let proxied = try await DashboardFixture(access: .proxyHeader("X-Remote-User"))
        try await Application(router: proxied.router).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/", method: .get, headers: [.init("X-Remote-User")!: "kabid"]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("Masuk sebagai kabid"))
            }
        }
        await proxied.stop()
    }

    /// Data rows of a page's tables.
    static func rows(_ html: String) -> Int {
        html.components(separatedBy: "<tr><td").count - 1
    }

    static func sequences(_ ics: String) -> [Int] {
        ics.split(separator: "\r\n").compactMap { $0.hasPrefix("SEQUENCE:") ? Int($0.dropFirst(9)) : nil }
    }

    /// A page's text without its tags, styles and attribute values.
    static func visibleText(_ html: String) -> String {
        var text = html
        if let start = text.range(of: "<style>"), let end = text.range(of: "</style>") { text.removeSubrange(start.lowerBound..<end.upperBound) }
        return text.replacing(/<[^>]*>/, with: " ")
    }
}
