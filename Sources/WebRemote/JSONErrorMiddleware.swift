import Hummingbird
import NIOCore

/// Turns every error a handler or the router throws (404, 405, a body too large) into the
/// same JSON object: `{"error":"…"}`.
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = RemoteContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            let status = error.status
            let message: String
            switch status {
            // A handler's own 404 carries its reason ("no such take"); the router's has none.
            case .notFound: message = (error as? HTTPError)?.body ?? "no such page or endpoint: \(request.method) \(request.uri.path)"
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path)"
            case .contentTooLarge: message = "the request body is larger than \(WebLimits.maxBody) bytes"
            default: message = (error as? HTTPError)?.body ?? "\(status.code) \(status.reasonPhrase)"
            }
            return WebResponse.error(status, message)
        } catch {
            context.logger.error("web remote: \(request.method) \(request.uri.path): \(error)")
            return WebResponse.error(.internalServerError, "internal error: \(error)")
        }
    }
}
