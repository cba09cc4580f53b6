import Foundation
import Hummingbird

extension WebRemoteServer {
    /// GET /login shows the form; POST /login checks the password (a form or JSON
    /// `{"password":…}`) and starts a session; POST /logout ends it.
    func addLogin(to router: Router<RemoteContext>, password: String) {
        router.get("/login") { _, _ in WebResponse.text(Self.loginPage(failed: false), contentType: "text/html; charset=utf-8") }
        router.post("/login") { request, context -> Response in
            let body = try await request.body.collect(upTo: WebLimits.maxBody)
            let text = String(buffer: body)
            let given = Self.formValue("password", in: text) ?? Self.jsonPassword(text) ?? ""
            guard Self.constantTimeEqual(given, password) else {
                context.logger.notice("web remote: wrong password")
                try await Task.sleep(for: .milliseconds(500))  // slows guessing
                if request.headers[.contentType]?.hasPrefix("application/json") == true {
                    return WebResponse.error(.unauthorized, "wrong password")
                }
                return WebResponse.text(Self.loginPage(failed: true), contentType: "text/html; charset=utf-8", status: .unauthorized)
            }
            context.sessions.createSession(RemoteSession(since: Date().timeIntervalSince1970), expiresIn: .seconds(Int64(WebLimits.sessionHours) * 3600))
            return Response(status: .seeOther, headers: [.location: "/"])
        }
        router.post("/logout") { request, context -> Response in
            context.sessions.clearSession()
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
    }

    static func formValue(_ key: String, in body: String) -> String? {
        for pair in body.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2, kv[0] == key else { continue }
            return String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
        return nil
    }

    static func jsonPassword(_ body: String) -> String? {
        struct Login: Decodable { var password: String }
        return try? JSONDecoder().decode(Login.self, from: Data(body.utf8)).password
    }

    /// Compares every byte, whatever the first difference, so timing tells nothing.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var diff = UInt8(x.count == y.count ? 0 : 1)
        for i in 0..<max(x.count, y.count) { diff |= (i < x.count ? x[i] : 0) ^ (i < y.count ? y[i] : 0) }
        return diff == 0
    }

    static func loginPage(failed: Bool) -> String {
        """
        <!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sideman: log in</title><link rel="stylesheet" href="/style.css"></head>
        <body class="login"><main><h1>Sideman</h1>
        <form method="post" action="/login">
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" autofocus required>
        \(failed ? "<p class=\"error\">Wrong password.</p>" : "")
        <button type="submit" class="big">Log in</button>
        </form></main></body></html>
        """
    }
}
