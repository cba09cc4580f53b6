import Hummingbird

/// With a password set, only a logged-in browser gets past: the API answers 401 (JSON), a
/// page request goes to /login. The login page and its stylesheet stay open.
struct LoginGateMiddleware: RouterMiddleware {
    typealias Context = RemoteContext
    static let open: Set<String> = ["/login", "/style.css", "/favicon.svg"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.sessions.session != nil || Self.open.contains(request.uri.path) {
            return try await next(request, context)
        }
        if request.uri.path.hasPrefix("/api/") {
            return WebResponse.error(.unauthorized, "log in first: open the page and enter the password")
        }
        return Response(status: .seeOther, headers: [.location: "/login"])
    }
}
