import Hummingbird
import Logging

/// The page's files, for every path outside /api/: the API's own paths (a take's name may
/// hold anything) never reach the file server, whose answers are not the API's.
struct PageFilesMiddleware: RouterMiddleware {
    typealias Context = RemoteContext
    let files: FileMiddleware<RemoteContext, LocalFileSystem>

    init(assets: String, logger: Logger) {
        files = FileMiddleware(assets, searchForIndexHtml: true, logger: logger)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path.hasPrefix("/api/") { return try await next(request, context) }
        return try await files.handle(request, context: context, next: next)
    }
}
