/// A list's filter form: a GET form, so that applying it is following a link and the view's
/// URL can be bookmarked and shared; the sort order and the language are kept.
enum Filters {
    enum Field {
        case choice(name: String, label: String, options: [(value: String, label: String)])
        case text(name: String, label: String)
    }

    static func form(_ context: PageContext, action: String, fields: [Field]) -> Markup {
        let w = context.words
        var html: Markup = "<form class=\"filters\" method=\"get\" action=\"\(action)\">"
        for field in fields {
            switch field {
            case .choice(let name, let label, let options):
                let current = context.filter(name)
                html += "<label>\(label)<select name=\"\(name)\"><option value=\"\">\(w[.all])</option>"
                for option in options {
                    let selected: Markup = option.value == current ? " selected" : ""
                    html += "<option value=\"\(option.value)\"\(selected)>\(option.label)</option>"
                }
                html += "</select></label>"
            case .text(let name, let label):
                html += "<label>\(label)<input type=\"search\" name=\"\(name)\" value=\"\(context.filter(name) ?? "")\"></label>"
            }
        }
        for kept in ["urut", "arah", "siklus"] {
            if let value = context.filter(kept) { html += "<input type=\"hidden\" name=\"\(kept)\" value=\"\(value)\">" }
        }
        if context.words.isEnglish { html += "<input type=\"hidden\" name=\"lang\" value=\"en\">" }
        html += "<button type=\"submit\">\(w[.apply])</button> <a href=\"\(context.link(action))\">\(w[.reset])</a></form>"
        return html
    }
}
