import Hummingbird
import HummingbirdAuth

/// Lets a request through when its reader may read (see `Access`), recording who reads;
/// otherwise a sign-in page (login) or a refusal (proxy header missing). Calendar feeds
/// pass: their URL carries their own secret.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let access: Access

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/kalender/") { return try await next(request, context) }
        var context = context
        switch access {
        case .loopback:
            break
        case .proxyHeader(let name):
            let reader = request.headers.first { $0.name.canonicalName == name.lowercased() }?.value ?? ""
            guard !reader.isEmpty else {
                let page = PageContext(request: request, context: context)
                return WebRouter.html(ErrorPage.render(page, title: page.words[.signInTitle], text: page.words[.notAllowed]), status: .forbidden)
            }
            context.reader = reader
        case .login:
            if path == "/masuk" { return try await next(request, context) }
            guard let reader = context.sessions.session else {
                let page = PageContext(request: request, context: context)
                return Response(status: .seeOther, headers: [.location: page.link("/masuk", [("ke", request.uri.description)])])
            }
            context.reader = reader
        }
        return try await next(request, context)
    }
}

/// Failures as pages in the reader's language: a page or record that is not there (404),
/// kinerjad refusing what the address asked (400: a cycle without rules, a malformed NPSN),
/// kinerjad not answering (503).
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let socketPath: String

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch WebError.notFound {
            return notFound(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return notFound(request, context)
        } catch DaemonError.refused(let error) {
            let page = PageContext(request: request, context: context)
            let message = error.parameters["message"].flatMap { if case .string(let text) = $0 { text } else { nil } }
            return WebRouter.html(
                ErrorPage.render(page, title: page.words[.refused], text: message ?? error.name), status: .badRequest)
        } catch DaemonError.unreachable(let reason) {
            context.logger.error("kinerjad not reachable", metadata: ["KINERJA_SOCKET": "\(socketPath)", "error": "\(reason)"])
            let page = PageContext(request: request, context: context)
            return WebRouter.html(
                ErrorPage.render(page, title: page.words[.daemonDown], text: page.words(.daemonDownText, socketPath)),
                status: .serviceUnavailable)
        }
    }

    private func notFound(_ request: Request, _ context: WebContext) -> Response {
        let page = PageContext(request: request, context: context)
        return WebRouter.html(ErrorPage.render(page, title: page.words[.notFound], text: page.words[.notFoundText]), status: .notFound)
    }
}

/// A page that says what went wrong, with the way back.
enum ErrorPage {
    static func render(_ context: PageContext, title: String, text: String) -> Markup {
        Layout.page(
            context, title: title, section: .none, asOf: nil,
            body: "<h1>\(title)</h1><p>\(text)</p><p><a href=\"\(context.link("/"))\">\(context.words[.backToOverview])</a></p>")
    }
}
