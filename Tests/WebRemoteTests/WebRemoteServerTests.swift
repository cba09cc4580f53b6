import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SidemanDaemon
import Testing
import WebRemote

/// The server in-process on a real loopback socket: routing, the cross-site guard, errors
/// as JSON, body limits, login, and the OpenAPI document.
@Suite struct WebRemoteServerTests {
    static let assets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("web").path
    static let sideman: HTTPFields = [HTTPField.Name("X-Sideman")!: "1", .contentType: "application/json"]

    static func app(_ backend: FakeBackend, password: String? = nil) -> some ApplicationProtocol {
        var settings = SidemanConfig.Web()
        settings.password = password
        let server = WebRemoteServer(backend: backend, settings: settings, assets: assets, logger: Logger(label: "test"))
        return Application(router: server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    static func json(_ buffer: ByteBuffer) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] ?? [:]
    }

    @Test func stateAndPageAreServed() async throws {
        try await Self.app(FakeBackend()).test(.live) { client in
            try await client.execute(uri: "/api/state", method: .get) { response in
                #expect(response.status == .ok)
                let state = Self.json(response.body)
                #expect(state["style"] as? String == "medium-swing")
                #expect(state["sequence"] as? Int == 1)
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<div id=\"chord\""))
            }
            try await client.execute(uri: "/api/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3"))
            }
            try await client.execute(uri: "/api/styles", method: .get) { response in
                #expect(String(buffer: response.body).contains("\"genre\":\"Latin\""))
            }
        }
    }

    @Test func commandsReachTheControlAPI() async throws {
        let backend = FakeBackend()
        try await Self.app(backend).test(.live) { client in
            try await client.execute(uri: "/api/control/main_b", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .ok)
            }
            #expect(backend.last == .control(.section(.main(.b))))
            try await client.execute(uri: "/api/tempo", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"by\":5}")) {
                #expect($0.status == .ok)
            }
            #expect(backend.last == .nudgeTempo(5))
            try await client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman) { #expect($0.status == .ok) }
            #expect(backend.last == .control(.toggleMute(.bass)))
            try await client.execute(uri: "/api/styles/select", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"name\":\"bossa\"}")) {
                #expect($0.status == .ok)
            }
            #expect(backend.last == .control(.selectStyle(1)))
            let play = "{\"song\":\"blues-major\",\"loop\":\"1-4\",\"count_in\":1,\"metronome\":true}"
            try await client.execute(uri: "/api/play", method: .post, headers: Self.sideman, body: ByteBuffer(string: play)) {
                #expect($0.status == .ok)
            }
            var request = PracticeRequest(song: "blues-major")
            request.loop = "1-4"
            request.countIn = 1
            request.metronome = true
            #expect(backend.last == .play(request))
            try await client.execute(uri: "/api/loop", method: .post, headers: Self.sideman) { #expect($0.status == .ok) }
            #expect(backend.last == .loop(nil))
        }
    }

    @Test func errorsAreJSONWithAMessage() async throws {
        let backend = FakeBackend()
        try await Self.app(backend).test(.live) { client in
            try await client.execute(uri: "/api/control/jump", method: .post, headers: Self.sideman) { response in
                #expect(response.status == .badRequest)
                #expect((Self.json(response.body)["error"] as? String)?.contains("unknown action 'jump'") == true)
            }
            try await client.execute(uri: "/api/play", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"song\":\"missing\"}")) { response in
                #expect(response.status == .badRequest)
                #expect(Self.json(response.body)["error"] as? String == "no song 'missing'")
            }
            try await client.execute(uri: "/api/tempo", method: .post, headers: Self.sideman, body: ByteBuffer(string: "not json")) { response in
                #expect(response.status == .badRequest)
                #expect(Self.json(response.body)["error"] != nil)
            }
            try await client.execute(uri: "/api/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect((Self.json(response.body)["error"] as? String)?.contains("/api/nothing") == true)
            }
            let big = "{\"by\":\"" + String(repeating: "x", count: 20_000) + "\"}"
            try await client.execute(uri: "/api/tempo", method: .post, headers: Self.sideman, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.json(response.body)["error"] != nil)
            }
        }
        #expect(backend.commands.withLock { $0.isEmpty })
    }

    @Test func crossSiteRequestsAreRefused() async throws {
        let backend = FakeBackend()
        try await Self.app(backend).test(.live) { client in
            // No X-Sideman header: what a cross-site form would send.
            try await client.execute(uri: "/api/control/start", method: .post, headers: [.contentType: "application/json"]) { response in
                #expect(response.status == .forbidden)
                #expect((Self.json(response.body)["error"] as? String)?.contains("X-Sideman") == true)
            }
            // Another site's Origin, even with the header.
            var headers = Self.sideman
            headers[.origin] = "http://evil.example"
            try await client.execute(uri: "/api/control/start", method: .post, headers: headers) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/state", method: .get, headers: [.origin: "http://evil.example"]) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(backend.commands.withLock { $0.isEmpty })
    }

    @Test func aPublicSourceIsRefused() async throws {
        let backend = FakeBackend()
        let server = WebRemoteServer(backend: backend, settings: .init(), assets: Self.assets, logger: Logger(label: "test"))
        let responder = server.router().buildResponder()
        func ask(from ip: String) async throws -> Response {
            let request = Request(
                head: HTTPRequest(method: .post, scheme: "http", authority: "box.local:8080", path: "/api/control/start",
                                  headerFields: [HTTPField.Name("X-Sideman")!: "1"]),
                body: .init(buffer: ByteBuffer()))
            let context = RemoteContext(remoteAddress: try SocketAddress(ipAddress: ip, port: 40000), logger: Logger(label: "test"))
            return try await responder.respond(to: request, context: context)
        }
        let refused = try await ask(from: "203.0.113.7")
        #expect(refused.status == .forbidden)
        #expect(backend.commands.withLock { $0.isEmpty })
        let answered = try await ask(from: "192.168.1.20")
        #expect(answered.status == .ok)
        #expect(backend.last == .control(.start))
    }

    @Test func aPasswordNeedsALogin() async throws {
        let backend = FakeBackend()
        try await Self.app(backend, password: "stage-door").test(.live) { client in
            try await client.execute(uri: "/api/state", method: .get) { #expect($0.status == .unauthorized) }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login")
            }
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "password=wrong")) {
                #expect($0.status == .unauthorized)
                #expect($0.headers[.setCookie] == nil)
            }
            let cookie = try await client.execute(uri: "/login", method: .post, headers: form, body: ByteBuffer(string: "password=stage-door")) {
                #expect($0.status == .seeOther)
                return $0.headers[.setCookie]
            }
            let session = try #require(cookie?.split(separator: ";").first.map(String.init))
            #expect(cookie?.contains("SameSite=Strict") == true)
            try await client.execute(uri: "/api/state", method: .get, headers: [.cookie: session]) { #expect($0.status == .ok) }
        }
    }

    /// Every route the server answers is in the OpenAPI document.
    @Test func theOpenAPIDocumentCoversEveryRoute() throws {
        let doc = try String(contentsOfFile: Self.assets + "/openapi.yaml", encoding: .utf8)
        let paths = [
            "/api/state", "/api/styles", "/api/styles/select", "/api/songs", "/api/control/{action}", "/api/parts/{part}/mute",
            "/api/tempo", "/api/tempo/tap", "/api/play", "/api/stop", "/api/loop", "/api/mode", "/api/setlist/load",
            "/api/setlist/next", "/api/setlist/previous", "/api/command", "/api/openapi.yaml",
        ]
        for path in paths { #expect(doc.contains("\n  \(path):"), "\(path) missing from web/openapi.yaml") }
        // The state's keys, as the server writes them, are in the State schema.
        let state = WebState(report: FakeBackend().report)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let keys = try #require(try JSONSerialization.jsonObject(with: encoder.encode(state)) as? [String: Any]).keys
        for key in keys { #expect(doc.contains("        \(key): "), "State.\(key) missing from web/openapi.yaml") }
    }
}
