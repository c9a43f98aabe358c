import Foundation
import Hummingbird
import HummingbirdAuth
import KinerjaRPC
import NIOCore

/// The dashboard's routes. Every route reads; none changes data (the only POSTs sign a
/// reader in and out). Pages are HTML rendered here; each list has `.csv` and `.xlsx`
/// beside it with the same filters; the calendar feeds are `.ics` behind their tokens.
public enum WebRouter {
    public static func router(_ web: WebEnvironment, access: Access) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let sessions = MemoryPersistDriver()
        if case .login = access {
            router.add(middleware: SessionMiddleware(storage: sessions, configuration: .init(
                sessionCookieParameters: .init(name: "kinerja_web", sameSite: .strict))))
        }
        router.add(middleware: AccessMiddleware(access: access))
        router.add(middleware: ErrorPageMiddleware(socketPath: web.reads.connections.socketPath))

        page(router, web, "/") { context, snapshot in
            try await OverviewPage.render(context, snapshot, web, origin: origin(context, web))
        }
        page(router, web, "/sekolah") { context, snapshot in try await SchoolsPage.render(context, snapshot, web) }
        page(router, web, "/sekolah/{npsn}") { context, snapshot in
            try await SchoolPage.render(context, snapshot, web, npsn: try context.parameter("npsn"))
        }
        page(router, web, "/terlambat") { context, snapshot in try await LatePage.render(context, snapshot) }
        page(router, web, "/terblokir") { context, snapshot in try await BlockedPage.render(context, snapshot) }
        page(router, web, "/orang") { context, snapshot in try await PeoplePage.render(context, snapshot) }
        page(router, web, "/orang/{id}") { context, snapshot in
            try await PersonPage.render(context, snapshot, web, id: try context.parameter("id"), origin: origin(context, web))
        }
        list(router, web, "/sekolah") { context, snapshot in
            let (cycle, rows) = try await SchoolsPage.rows(context, snapshot, web)
            return SchoolsPage.table(context, cycle: cycle, rows: rows)
        }
        list(router, web, "/terlambat") { context, snapshot in try await LatePage.table(context, snapshot).table }
        list(router, web, "/terblokir") { context, snapshot in try await BlockedPage.table(context, snapshot).table }
        list(router, web, "/orang") { context, snapshot in try await PeoplePage.table(context, snapshot).table }

        router.get("/kalender/kantor/{token}") { request, context -> Response in
            let page = PageContext(request: request, context: context)
            guard let feeds = web.feeds, let token = icsToken(page.routeParameters["token"]), feeds.accepts(token, for: "kantor") else {
                throw WebError.notFound
            }
            let snapshot = try await web.reads.snapshot(language: page.words.isEnglish ? "en" : "id")
            return calendar(try await Feeds.office(snapshot, words: page.words, office: web.office, stamp: Feeds.stamp(Date())))
        }
        router.get("/kalender/orang/{id}/{token}") { request, context -> Response in
            let page = PageContext(request: request, context: context)
            let id = page.routeParameters["id"] ?? ""
            guard let feeds = web.feeds, let token = icsToken(page.routeParameters["token"]), feeds.accepts(token, for: "orang/\(id)") else {
                throw WebError.notFound
            }
            let snapshot = try await web.reads.snapshot(language: page.words.isEnglish ? "en" : "id")
            do {
                return calendar(try await Feeds.person(snapshot, id: id, words: page.words, office: web.office, stamp: Feeds.stamp(Date())))
            } catch DaemonError.refused {
                throw WebError.notFound
            }
        }
        if case .login(let users) = access { SignIn.routes(router, users: users) }
        return router
    }

    /// An HTML page: the request's context, one data snapshot, the rendered markup.
    static func page(
        _ router: Router<WebContext>, _ web: WebEnvironment, _ path: RouterPath,
        _ render: @escaping @Sendable (PageContext, DataSnapshot) async throws -> Markup
    ) {
        router.get(path) { request, context -> Response in
            let page = PageContext(request: request, context: context)
            return html(try await render(page, try await web.reads.snapshot(language: page.words.isEnglish ? "en" : "id")))
        }
    }

    /// A list's downloads, `PATH.csv` and `PATH.xlsx`, of the view the same query shows.
    static func list(
        _ router: Router<WebContext>, _ web: WebEnvironment, _ path: String,
        _ table: @escaping @Sendable (PageContext, DataSnapshot) async throws -> ListTable
    ) {
        router.get(RouterPath(stringLiteral: path + ".csv")) { request, context -> Response in
            let page = PageContext(request: request, context: context)
            let list = try await table(page, try await web.reads.snapshot(language: page.words.isEnglish ? "en" : "id"))
            return download(ByteBuffer(string: CSVWriter.csv(list)), type: "text/csv; charset=utf-8", file: list.fileName + ".csv")
        }
        router.get(RouterPath(stringLiteral: path + ".xlsx")) { request, context -> Response in
            let page = PageContext(request: request, context: context)
            let list = try await table(page, try await web.reads.snapshot(language: page.words.isEnglish ? "en" : "id"))
            let data = try XLSXWriter.workbook(list, sheetName: list.fileName, modified: Date())
            return download(
                ByteBuffer(bytes: data), type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file: list.fileName + ".xlsx")
        }
    }

    static func html(_ markup: Markup, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .contentSecurityPolicy: contentSecurityPolicy],
            body: .init(byteBuffer: ByteBuffer(string: markup.html)))
    }

    /// No script at all, styles only inline, nothing loaded from elsewhere, not framed.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func download(_ body: ByteBuffer, type: String, file: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: body))
    }

    static func calendar(_ text: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `TOKEN.ics` → `TOKEN`.
    static func icsToken(_ segment: String?) -> String? {
        guard let segment, segment.hasSuffix(".ics") else { return nil }
        return String(segment.dropLast(4))
    }

    /// Where readers reach the dashboard, for absolute feed URLs: `--public-url`, else the
    /// request's own Host.
    static func origin(_ page: PageContext, _ web: WebEnvironment) -> String {
        web.publicURL ?? "http://\(page.host ?? "localhost")"
    }
}

extension PageContext {
    /// The context of `request`: its path, its query decoded (`+` as a space, as forms send
    /// it), its route's parameters, its reader.
    init(request: Request, context: WebContext) {
        func decode(_ text: some StringProtocol) -> String {
            let spaced = String(text).replacing("+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var query: [String: String] = [:]
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first.map(decode), !name.isEmpty else { continue }
            query[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        var routeParameters: [String: String] = [:]
        for (key, value) in context.parameters { routeParameters[String(key)] = String(value).removingPercentEncoding ?? String(value) }
        self.init(
            path: request.uri.path, query: query, user: context.reader, canSignOut: context.sessions.session != nil,
            routeParameters: routeParameters, host: request.head.authority)
    }

    /// A route's parameter, or not found.
    func parameter(_ name: String) throws -> String {
        guard let value = routeParameters[name], !value.isEmpty else { throw WebError.notFound }
        return value
    }
}
