import HTTPTypes

/// Every path of the JSON API, as web/openapi.yaml writes it, and the methods it answers: so
/// that another method gets 405 with an `Allow` header (RFC 9110) rather than a bare 404,
/// and so that a test can hold the server, this table and the OpenAPI document together.
public enum WebRoutes {
    public static let api: [String: [HTTPRequest.Method]] = [
        "/api/state": [.get],
        "/api/styles": [.get],
        "/api/styles/select": [.post],
        "/api/songs": [.get],
        "/api/setlists": [.get],
        "/api/control/{action}": [.post],
        "/api/parts/{part}": [.post],
        "/api/parts/{part}/mute": [.post],
        "/api/tempo": [.post],
        "/api/tempo/tap": [.post],
        "/api/play": [.post],
        "/api/stop": [.post],
        "/api/loop": [.post],
        "/api/mode": [.post],
        "/api/setlist/load": [.post],
        "/api/setlist/next": [.post],
        "/api/setlist/previous": [.post],
        "/api/command": [.post],
        "/api/record/start": [.post],
        "/api/record/stop": [.post],
        "/api/record/arm": [.post],
        "/api/recordings": [.get],
        "/api/recordings/{name}": [.delete],
        "/api/recordings/{name}/audio": [.get],
        "/api/recordings/{name}/midi": [.get],
        "/api/openapi.yaml": [.get],
    ]

    /// The methods the path answers (HEAD wherever GET is), nil for a path not in the API.
    public static func methods(for path: String) -> [HTTPRequest.Method]? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        var best: [HTTPRequest.Method]?
        for (template, methods) in api {
            let parts = template.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == segments.count else { continue }
            var literal = true
            let matches = zip(parts, segments).allSatisfy { part, segment in
                if part.hasPrefix("{") {
                    literal = false
                    return !segment.isEmpty
                }
                return part == segment
            }
            guard matches else { continue }
            // A literal path ("/api/record/start") wins over a template that also matches.
            if literal || best == nil { best = methods.contains(.get) ? methods + [.head] : methods }
            if literal { break }
        }
        return best
    }
}
