import HTTPTypes
import Hummingbird

/// Keeps other web sites from driving the band through the user's browser: a request that
/// carries an Origin must come from this very host name (page, API and WebSocket alike; the
/// port is not compared, as WebSocket clients differ in sending it), and
/// every request that changes something must carry `X-Sideman: 1`, a header no cross-site
/// form can set and no script can send without a CORS preflight this server never approves.
/// The login form is the one exception to the header (a plain form post).
struct CrossSiteGuardMiddleware: RouterMiddleware {
    typealias Context = RemoteContext
    static let header = HTTPField.Name("X-Sideman")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let origin = request.headers[.origin] {
            let host = request.head.authority ?? ""
            guard Self.hostName(Self.originHost(origin)) == Self.hostName(host.lowercased()) else {
                return WebResponse.error(.forbidden, "cross-site request refused (Origin \(origin) is not \(host))")
            }
        }
        let changes = ![.get, .head, .options].contains(request.method)
        if changes && request.uri.path != "/login" && request.headers[Self.header] != "1" {
            return WebResponse.error(.forbidden, "a request that changes something needs the header X-Sideman: 1")
        }
        return try await next(request, context)
    }

    /// "box.local:8080" -> "box.local"; "[fe80::1]:8080" -> "[fe80::1]".
    static func hostName(_ hostPort: String) -> String {
        if hostPort.hasPrefix("["), let end = hostPort.firstIndex(of: "]") { return String(hostPort[...end]) }
        return String(hostPort.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// "http://box.local:8080" -> "box.local:8080".
    static func originHost(_ origin: String) -> String {
        var s = Substring(origin.lowercased())
        if let range = s.range(of: "://") { s = s[range.upperBound...] }
        if let slash = s.firstIndex(of: "/") { s = s[..<slash] }
        return String(s)
    }
}
