import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdWebSocket
import Logging
import NIOCore
import SidemanDaemon

/// The web remote's HTTP and WebSocket server: the page's files, the JSON API under /api (a
/// client of the typed control API, described by web/openapi.yaml) and the /api/events stream.
/// Hummingbird runs it on NIO's event loops; nothing here ever waits on the audio thread, and
/// the audio thread never waits on it (state comes from the report, built from atomics and a
/// snapshot the non-real-time side keeps).
public struct WebRemoteServer: Sendable {
    public let backend: any RemoteBackend
    public let publisher: StatePublisher
    public let settings: SidemanConfig.Web
    /// The page's files (index.html, app.js, style.css, openapi.yaml); nil serves the API only.
    public let assets: String?
    /// The folders a request may name files in (setlists, charts); takes come from the
    /// backend's recordings folder.
    public let folders: WebFolders
    public let logger: Logger

    public init(
        backend: any RemoteBackend, settings: SidemanConfig.Web, assets: String?, folders: WebFolders = .standard, logger: Logger
    ) {
        self.backend = backend
        self.publisher = StatePublisher(backend: backend)
        self.settings = settings
        self.assets = assets
        self.folders = folders
        self.logger = logger
    }

    /// The router: address filter, JSON errors, the cross-site guard, login, files, API.
    public func router() -> Router<RemoteContext> {
        let router = Router(context: RemoteContext.self)
        router.add(middleware: AddressFilterMiddleware(policy: AddressPolicy(allowPublic: settings.allowPublic)))
        router.add(middleware: JSONErrorMiddleware())
        router.add(middleware: MethodGuardMiddleware())
        router.add(middleware: CrossSiteGuardMiddleware())
        if let password = settings.password {
            var cookie = SessionCookieParameters(name: "sideman_session")
            cookie.sameSite = .strict
            router.add(
                middleware: SessionMiddleware(
                    storage: MemoryPersistDriver(),
                    configuration: .init(sessionCookieParameters: cookie, defaultSessionExpiration: .seconds(Int64(WebLimits.sessionHours) * 3600))))
            router.add(middleware: LoginGateMiddleware())
            addLogin(to: router, password: password)
        }
        if let assets {
            router.add(middleware: PageFilesMiddleware(assets: assets, logger: logger))
        }
        addAPI(to: router)
        addEvents(to: router)
        return router
    }

    /// The application, listening on `host:port`.
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        let router = router()
        return Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(
                    http1: .init(idleTimeout: .seconds(WebLimits.idleSeconds)),
                    ws: .init(maxFrameSize: WebLimits.maxFrame, autoPing: .enabled(timePeriod: .seconds(15))))),
            configuration: .init(address: .hostname(host, port: port), serverName: "Sideman"),
            logger: logger)
    }

    /// Where the page's files are: $SIDEMAN_WEB_DIR, next to the executable's share/ (an
    /// install), the checkout's web/, or the system's.
    public static func findAssets(executablePath: String? = CommandLine.arguments.first) -> String? {
        var candidates: [String] = []
        if let env = ProcessInfo.processInfo.environment["SIDEMAN_WEB_DIR"] { candidates.append(env) }
        if let exe = executablePath.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath() }) {
            let bin = exe.deletingLastPathComponent()
            candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/sideman/web").path)
            // A checkout: .build/debug/sideman -> the repository's web/.
            candidates.append(bin.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("web").path)
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/web")
        candidates += ["/usr/local/share/sideman/web", "/usr/share/sideman/web"]
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/index.html") }
    }
}
