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

    static func app(_ backend: FakeBackend, password: String? = nil, folders: WebFolders = .standard) -> some ApplicationProtocol {
        var settings = SidemanConfig.Web()
        settings.password = password
        let server = WebRemoteServer(backend: backend, settings: settings, assets: assets, folders: folders, logger: Logger(label: "test"))
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
            try await client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman) { response in
                #expect(response.status == .ok)
                // The state after it shows the bass muted.
                let parts = Self.json(response.body)["parts"] as? [[String: Any]] ?? []
                #expect(parts.first { $0["part"] as? String == "bass" }?["muted"] as? Bool == true)
            }
            #expect(backend.last == .control(.toggleMute(.bass)))
            // Toggled again ({} as no body): unmuted; or set outright.
            try await client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{}")) {
                #expect($0.status == .ok)
            }
            #expect(backend.last == .control(.toggleMute(.bass)))
            #expect(backend.muted("bass") == false)
            try await client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"on\":false}")) {
                #expect($0.status == .ok)
            }
            #expect(backend.last == .part(.bass, mute: false, volume: nil))
            try await client.execute(uri: "/api/parts/pad", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"mute\":true,\"volume\":64}")) { response in
                #expect(response.status == .ok)
                let parts = Self.json(response.body)["parts"] as? [[String: Any]] ?? []
                let pad = parts.first { $0["part"] as? String == "pad" }
                #expect(pad?["muted"] as? Bool == true && pad?["volume"] as? Int == 64)
            }
            #expect(backend.last == .part(.pad, mute: true, volume: 64))
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

    /// Two phones toggle the bass at once while the band has not yet applied either (the
    /// state they read is the one before): the bass ends where two presses leave it, unmuted;
    /// a third toggle mutes it.
    @Test func twoTogglesAtOnceEndWhereTheyStarted() async throws {
        let backend = FakeBackend()
        backend.lagging.withLock { $0 = true }
        try await Self.app(backend).test(.live) { client in
            async let first = client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman) { $0.status }
            async let second = client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman) { $0.status }
            let statuses = try await [first, second]
            #expect(statuses == [.ok, .ok])
            backend.settle()
            #expect(backend.muted("bass") == false)
            try await client.execute(uri: "/api/parts/bass/mute", method: .post, headers: Self.sideman) { #expect($0.status == .ok) }
            backend.settle()
            #expect(backend.muted("bass") == true)
        }
    }

    @Test func errorsAreJSONWithAMessage() async throws {
        let backend = FakeBackend()
        try await Self.app(backend).test(.live) { client in
            try await client.execute(uri: "/api/control/jump", method: .post, headers: Self.sideman) { response in
                #expect(response.status == .badRequest)
                #expect((Self.json(response.body)["error"] as? String)?.contains("unknown action 'jump'") == true)
            }
            // Well formed, but the daemon cannot: 409 with its reason.
            try await client.execute(uri: "/api/play", method: .post, headers: Self.sideman, body: ByteBuffer(string: "{\"song\":\"missing\"}")) { response in
                #expect(response.status == .conflict)
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
            // Bad input of every kind is 4xx with a message, never a server error.
            let bad: [(String, String, HTTPResponse.Status)] = [
                ("/api/parts/bass", "{}", .badRequest),
                ("/api/parts/bass", "{\"volume\":128}", .badRequest),
                ("/api/parts/bass", "{\"volume\":\"loud\"}", .badRequest),
                ("/api/parts/bass", "{\"mute\":null}", .badRequest),
                ("/api/parts/tuba", "{\"mute\":true}", .badRequest),
                ("/api/parts/bass/mute", "{\"on\":1}", .badRequest),
                ("/api/parts/bass/mute", "[1,2]", .badRequest),
                ("/api/parts/tuba/mute", "{}", .badRequest),
                ("/api/tempo", "{\"by\":1e300}", .badRequest),
                ("/api/tempo", "{\"by\":99999999999999999999999}", .badRequest),
                ("/api/styles/select", "{\"index\":99}", .notFound),
                ("/api/styles/select", "{\"index\":true}", .badRequest),
                ("/api/styles/select", "{\"name\":null,\"index\":0}", .badRequest),
                ("/api/play", "{\"song\":\"x\",\"count_in\":99999999999999999999999}", .badRequest),
                ("/api/command", "{\"command\":\"looper_play\",\"slot\":\"one\"}", .badRequest),
                ("/api/command", "\"just a string\"", .badRequest),
            ]
            for (path, body, status) in bad {
                try await client.execute(uri: path, method: .post, headers: Self.sideman, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == status, "\(path) \(body)")
                    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                    #expect((Self.json(response.body)["error"] as? String)?.isEmpty == false, "\(path) \(body)")
                }
            }
            // A method the path does not answer: 405, with the methods it does.
            try await client.execute(uri: "/api/state", method: .put, headers: Self.sideman) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(Self.json(response.body)["error"] != nil)
            }
            try await client.execute(uri: "/api/recordings/some%20take/audio", method: .delete, headers: Self.sideman) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
            }
            let big = "{\"by\":\"" + String(repeating: "x", count: 20_000) + "\"}"
            try await client.execute(uri: "/api/tempo", method: .post, headers: Self.sideman, body: ByteBuffer(string: big)) { response in
                #expect(response.status == .contentTooLarge)
                #expect(Self.json(response.body)["error"] != nil)
            }
        }
        #expect(backend.commands.withLock { $0.filter { if case .play = $0 { false } else { true } }.isEmpty })
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

    /// Every route the server answers is in the OpenAPI document with the same methods, and
    /// answered by the router (not 404 or 405).
    @Test func theOpenAPIDocumentCoversEveryRoute() async throws {
        let doc = try String(contentsOfFile: Self.assets + "/openapi.yaml", encoding: .utf8)
        let documented = Self.documentedOperations(doc)
        let served = Set(WebRoutes.api.flatMap { path, methods in methods.map { "\($0.rawValue.lowercased()) \(path)" } })
        #expect(documented == served, "in the document only: \(documented.subtracting(served)); served only: \(served.subtracting(documented))")
        try await Self.app(FakeBackend()).test(.live) { client in
            for (path, methods) in WebRoutes.api {
                let uri = path.replacingOccurrences(of: "{action}", with: "main_b").replacingOccurrences(of: "{part}", with: "bass")
                    .replacingOccurrences(of: "{name}", with: "nothing")
                for method in methods {
                    try await client.execute(uri: uri, method: method, headers: Self.sideman) { response in
                        #expect(response.status != .methodNotAllowed, "\(method) \(uri)")
                        if !path.contains("{name}") { #expect(response.status != .notFound, "\(method) \(uri)") }
                    }
                }
            }
        }
        // The state's keys, as the server writes them, are in the State schema.
        var report = FakeBackend().report
        report.bar = 1
        report.beat = 1
        let state = WebState(report: report)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let keys = try #require(try JSONSerialization.jsonObject(with: encoder.encode(state)) as? [String: Any]).keys
        for key in keys { #expect(doc.contains("        \(key): "), "State.\(key) missing from web/openapi.yaml") }
        // Every control action is in the Action enum.
        for action in ControlAction.mappable { #expect(doc.contains(" \(action.key),") || doc.contains("[\(action.key),") || doc.contains(" \(action.key)]"), "action \(action.key)") }
    }

    /// "post /api/state"-style lines for every operation of the document.
    static func documentedOperations(_ doc: String) -> Set<String> {
        var operations = Set<String>()
        var path: String?
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /api/"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()) } else if !line.hasPrefix("   ") {
                if !line.hasPrefix("  /") { path = line.hasPrefix("  ") ? path : nil }
            }
            for method in ["get", "post", "delete", "put", "patch"] where line == "    \(method):" {
                if let path { operations.insert("\(method) \(path)") }
            }
        }
        return operations
    }
}
