import Hummingbird
import HummingbirdAuth
import NIOPosix

/// Signing in and out (`Access.login`): a form, checked against the users file's bcrypt
/// hashes off the event loops, and a session cookie (HttpOnly, SameSite=Strict) for 12 hours.
enum SignIn {
    struct Form: Decodable {
        var nama: String
        var sandi: String
        var ke: String?
    }

    static func routes(_ router: Router<WebContext>, users: Users) {
        router.get("/masuk") { request, context -> Response in
            WebRouter.html(form(PageContext(request: request, context: context), failed: false))
        }
        router.post("/masuk") { request, context -> Response in
            let page = PageContext(request: request, context: context)
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let fields = try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
            let accepted = try await NIOThreadPool.singleton.runIfActive { users.verify(name: fields.nama, password: fields.sandi) }
            guard accepted else { return WebRouter.html(form(page, failed: true), status: .unauthorized) }
            context.sessions.createSession(fields.nama, expiresIn: .seconds(12 * 3600))
            return Response(status: .seeOther, headers: [.location: safeTarget(fields.ke, page)])
        }
        router.post("/keluar") { request, context -> Response in
            context.sessions.clearSession()
            return Response(status: .seeOther, headers: [.location: PageContext(request: request, context: context).link("/masuk")])
        }
    }

    /// Only a path of this site: never another host (`//evil`, `http:`).
    static func safeTarget(_ target: String?, _ page: PageContext) -> String {
        guard let target, target.hasPrefix("/"), !target.hasPrefix("//"), !target.contains("\\") else { return page.link("/") }
        return target
    }

    static func form(_ context: PageContext, failed: Bool) -> Markup {
        let w = context.words
        let error: Markup = failed ? "<p class=\"badge late\">\(w[.wrongPassword])</p>" : .empty
        let target = context.filter("ke") ?? "/"
        let body: Markup = """
            <h1>\(w[.signInTitle])</h1>\(error)
            <form method="post" action="\(context.link("/masuk"))" class="filters">
            <label>\(w[.userName])<input name="nama" autocomplete="username" required></label>
            <label>\(w[.password])<input name="sandi" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="ke" value="\(target)">
            <button type="submit">\(w[.signIn])</button>
            </form>
            """
        return Layout.page(context, title: w[.signInTitle], section: .none, asOf: nil, body: body)
    }
}
