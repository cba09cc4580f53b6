import Hummingbird

/// Refuses, with 403 and a JSON line, any source outside the policy: before any other work.
struct AddressFilterMiddleware: RouterMiddleware {
    typealias Context = RemoteContext
    let policy: AddressPolicy

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let ip = context.remoteAddress.flatMap { $0.ipAddress }
        guard policy.allows(ip) else {
            context.logger.notice("web remote: refused \(ip ?? "?") (not a local network address; [web] allow_public)")
            return WebResponse.error(
                .forbidden, "\(ip ?? "this address") is not on a local network; the web remote answers only local addresses")
        }
        return try await next(request, context)
    }
}
