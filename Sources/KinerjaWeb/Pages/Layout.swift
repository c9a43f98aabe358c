/// The frame of every page: navigation, the language switch, the date the data is from
/// (on screen and on paper), the read-only note, and one stylesheet for screens from a
/// phone (390 px) up and for A4 paper. No script: every page reads without JavaScript.
enum Layout {
    enum Section { case overview, schools, late, blocked, people, none }

    static func page(
        _ context: PageContext, title: String, section: Section, asOf: (date: String, cycle: String)?, body: Markup
    ) -> Markup {
        let w = context.words
        func nav(_ target: Section, _ path: String, _ phrase: Phrase) -> Markup {
            let current: Markup = target == section ? " aria-current=\"page\"" : ""
            return "<a href=\"\(context.link(path))\"\(current)>\(w[phrase])</a>"
        }
        let stamp: Markup = asOf.map { "<p class=\"asof\">\(w(.dataAsOf, w.date($0.date), $0.cycle))</p>" } ?? .empty
        let language: Markup = w.isEnglish
            ? "<a class=\"lang\" hreflang=\"id\" lang=\"id\" href=\"\(context.withQuery(english: false))\">ID</a>"
            : "<a class=\"lang\" hreflang=\"en\" lang=\"en\" href=\"\(context.withQuery(english: true))\">EN</a>"
        var account: Markup = .empty
        if let user = context.user {
            account = "<span class=\"user\">\(w(.signedInAs, user))</span>"
            if context.canSignOut {
                account += "<form method=\"post\" action=\"\(context.link("/keluar"))\" class=\"signout\"><button>\(w[.signOut])</button></form>"
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(w.isEnglish ? "en" : "id")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · Kinerja</title>
            <style>\(Markup(trusted: stylesheet))</style>
            </head>
            <body>
            <header>
            <p class="brand">\(w[.appName])</p>
            <nav>\(nav(.overview, "/", .navOverview))\(nav(.schools, "/sekolah", .navSchools))\(nav(.late, "/terlambat", .navLate))\(nav(.blocked, "/terblokir", .navBlocked))\(nav(.people, "/orang", .navPeople))\(language)</nav>
            \(account)
            </header>
            <main>
            \(stamp)
            \(body)
            </main>
            <footer><p>\(w[.readOnly])</p></footer>
            </body>
            </html>
            """
    }

    /// Screen first (a phone's 390 px without sideways scrolling: wide tables become one
    /// card per row), then A4 paper: no navigation, black on white, rows kept whole.
    static let stylesheet = """
        :root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--on-track:#2e7d32;--late:#c62828;--blocked:#b45309;--done:#1565c0;--unfinished:#616161}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:var(--ink);background:#fff}
        header{background:#0b3d62;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1rem}
        header a{color:#fff}
        .brand{margin:0;font-weight:600;flex:1 1 100%}
        nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem}
        nav a{text-decoration:none;padding:.15rem 0;border-bottom:2px solid transparent}
        nav a[aria-current]{border-bottom-color:#fff;font-weight:600}
        .lang{font-size:.85rem;border:1px solid #fff;border-radius:3px;padding:0 .3rem!important}
        .user{font-size:.85rem}
        .signout{display:inline;margin:0}.signout button{font:inherit;font-size:.85rem}
        main{max-width:75rem;margin:0 auto;padding:0 1rem 2rem}
        h1{font-size:1.55rem;margin:1rem 0 .3rem;overflow-wrap:anywhere}
        h2{font-size:1.2rem;margin:1.6rem 0 .5rem}
        h3{font-size:1.05rem;margin:1.1rem 0 .4rem}
        p,li{overflow-wrap:anywhere}
        .asof{color:var(--muted);margin:.8rem 0 0;font-size:.9rem}
        .muted{color:var(--muted)}
        .tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.6rem;margin:.6rem 0}
        .tile{border:1px solid var(--line);border-left-width:6px;border-radius:4px;padding:.45rem .7rem;background:#fff}
        .tile b{display:block;font-size:1.6rem;line-height:1.2}
        .tile.on-track{border-left-color:var(--on-track)}.tile.late{border-left-color:var(--late)}
        .tile.blocked{border-left-color:var(--blocked)}.tile.done{border-left-color:var(--done)}.tile.unfinished{border-left-color:var(--unfinished)}
        .badge{display:inline-block;padding:0 .4rem;border-radius:3px;color:#fff;font-size:.85rem;white-space:nowrap}
        .badge.on-track{background:var(--on-track)}.badge.late{background:var(--late)}.badge.blocked{background:var(--blocked)}
        .badge.done{background:var(--done)}.badge.unfinished{background:var(--unfinished)}
        table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem;font-size:.95rem}
        th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        th{background:var(--bg);font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        th a{color:inherit}
        .bar{display:inline-block;vertical-align:middle;width:7rem;max-width:60%}
        .bar svg{display:block;width:100%;height:.8rem}
        form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;background:var(--bg);padding:.6rem .8rem;border-radius:4px;margin:.6rem 0}
        form.filters label{display:flex;flex-direction:column;font-size:.85rem;min-width:9rem;flex:1 1 9rem}
        form.filters select,form.filters input,form.filters button{font:inherit;padding:.25rem}
        .downloads{display:flex;flex-wrap:wrap;gap:.3rem 1rem;margin:.3rem 0}
        .chart{margin:.4rem 0 1rem}
        .chart svg{width:100%;height:auto;display:block}
        .chart .narrow{display:none}
        .legend{display:flex;flex-wrap:wrap;gap:.2rem .9rem;list-style:none;padding:0;margin:.3rem 0;font-size:.85rem}
        .legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px;border:1px solid #0003}
        .feed code{overflow-wrap:anywhere;word-break:break-all;font-size:.85rem}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:0 1.5rem}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem .8rem;margin:.4rem 0}
        dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
        footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);max-width:75rem;margin:0 auto;padding:.5rem 1rem}
        @media (max-width:44rem){
          .chart .wide{display:none}.chart .narrow{display:block}
          table.list thead{position:absolute;left:-9999px}
          table.list,table.list tbody,table.list tr,table.list td{display:block;width:100%}
          table.list tr{border:1px solid var(--line);border-radius:4px;margin:0 0 .6rem;padding:.2rem .5rem}
          table.list td{border:0;padding:.15rem 0;display:grid;grid-template-columns:9.5rem 1fr;gap:.5rem;text-align:left}
          table.list td.num{text-align:left}
          table.list td::before{content:attr(data-label);color:var(--muted);font-size:.85rem}
          .bar{width:100%;max-width:100%}
        }
        @media print{
          @page{size:A4;margin:14mm 12mm}
          body{font-size:10.5pt}
          header nav,header .lang,header .user,.signout,form.filters,.downloads,.feed,footer{display:none}
          header{background:none;color:#000;padding:0}
          main{max-width:none;padding:0}
          .asof{color:#000;font-weight:600}
          .chart .narrow{display:none}.chart .wide{display:block}
          a{color:#000;text-decoration:none}
          tr,.tile,.chart{break-inside:avoid}
          h2{break-after:avoid}
          .badge{color:#000;border:1px solid #000;background:none!important}
        }
        """
}
