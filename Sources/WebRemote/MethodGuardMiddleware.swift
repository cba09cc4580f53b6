import HTTPTypes
import Hummingbird

/// A method an API path does not answer gets 405 and the methods it does (`Allow`), before
/// any other check: a client learns what the path is for rather than a misleading 404 or 403.
struct MethodGuardMiddleware: RouterMiddleware {
    typealias Context = RemoteContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let methods = WebRoutes.methods(for: request.uri.path), !methods.contains(request.method) else {
            return try await next(request, context)
        }
        var response = WebResponse.error(
            .methodNotAllowed, "\(request.method) is not allowed on \(request.uri.path) (allowed: \(methods.map(\.rawValue).joined(separator: ", ")))")
        response.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
        return response
    }
}
