import Foundation
import Hummingbird
import NIOCore
import SidemanDaemon

extension WebRemoteServer {
    /// The JSON API. Every command goes through the control API's own decoding
    /// (ControlCommand), so the web, the control socket and MIDI controls mean the same thing.
    func addAPI(to router: Router<RemoteContext>) {
        let api = router.group("api")
        api.get("state") { _, _ in WebResponse.json(publisher.refresh().json) }
        api.get("styles") { _, _ in WebResponse.json(WebJSON.encode(backend.remoteStyles())) }
        api.get("songs") { _, _ in WebResponse.json(WebJSON.encode(backend.remoteSongs())) }
        api.get("setlists") { _, _ in WebResponse.json(WebJSON.encode(folders.setlistListing())) }
        api.get("openapi.yaml") { _, _ in
            guard let text = openAPIDocument() else { throw HTTPError(.notFound, message: "the OpenAPI document is not installed") }
            return WebResponse.text(text, contentType: "application/yaml; charset=utf-8")
        }
        // A command as the control socket takes it: {"command":"play","request":{…}}.
        api.post("command") { request, _ in try await run(try await Self.body(request)) }
        // An arranger control by its [control.map] key: start_stop, sync_start, main_b, fill,
        // tap_tempo, tempo_up, mute_bass, fingering_mode, split_point, next_style …
        api.post("control/:action") { _, context in
            let action = context.parameters.get("action") ?? ""
            return try await run(["command": "control", "action": action])
        }
        api.post("play") { request, _ in try await run(["command": "play", "request": try await Self.body(request)]) }
        api.post("stop") { _, _ in try await run(["command": "stop"]) }
        api.post("tempo") { request, _ in try await run(Self.merging(try await Self.body(request), command: "tempo")) }
        api.post("tempo/tap") { _, _ in try await run(["command": "control", "action": "tap_tempo"]) }
        api.post("loop") { request, _ in try await run(Self.merging(try await Self.body(request, allowEmpty: true), command: "loop")) }
        api.post("mode") { request, _ in try await run(Self.merging(try await Self.body(request), command: "mode")) }
        api.post("setlist/load") { request, _ in try await run(Self.merging(try await Self.body(request), command: "setlist_load")) }
        api.post("setlist/next") { _, _ in try await run(["command": "setlist_next"]) }
        api.post("setlist/previous") { _, _ in try await run(["command": "setlist_previous"]) }
        api.post("styles/select") { request, _ in
            struct Select: Decodable {
                var index: Int?
                var name: String?
            }
            let body = try Self.decode(Select.self, from: try await Self.data(request))
            let styles = backend.remoteStyles()
            let index: Int?
            if let n = body.index {
                index = styles.indices.contains(n) ? n : nil
            } else if let name = body.name {
                index = styles.first { $0.name == name }?.index
            } else {
                throw HTTPError(.badRequest, message: "give the style's \"index\" or \"name\" (GET /api/styles lists them)")
            }
            guard let index else { throw HTTPError(.notFound, message: "no such style (GET /api/styles lists them)") }
            return perform(.control(.selectStyle(index)))
        }
        // A part muted or not and its volume: {"mute":true,"volume":90} (either or both).
        api.post("parts/:part") { request, context in
            let part = context.parameters.get("part") ?? ""
            var object = try await Self.body(request)
            object["command"] = "part"
            object["part"] = part
            return try await run(object)
        }
        // Mute on or off ({"on":true}), or toggled (no body, or {}). A toggle is the mute_PART
        // control, flipped by the band itself in the order commands reach it: two phones
        // toggling at once end where two presses would, never both on (the state a phone
        // read lags behind a toggle still on its way to the band).
        api.post("parts/:part/mute") { request, context in
            let key = context.parameters.get("part") ?? ""
            struct Mute: Decodable { var on: Bool? }
            let on = try Self.decode(Mute.self, from: try await Self.data(request, allowEmpty: true)).on
            if let on { return try await run(["command": "part", "part": key, "mute": on]) }
            return try await run(["command": "control", "action": "mute_" + key])
        }
        addRecording(to: api)
    }

    /// Does one command and answers the state after it, or 400 with the reason. A file is
    /// named, never given by path: a setlist or a loop's chart by `name` (`path`, as the control
    /// socket spells it, is read as a name too), a song by its name; each is confined to its
    /// folder (WebFolders) before the daemon sees it.
    func run(_ object: [String: Any]) async throws -> Response {
        var object = object
        if let command = object["command"] as? String, Self.namedFileCommands.contains(command) {
            if let name = object.removeValue(forKey: "name") {
                guard object["path"] == nil else { throw HTTPError(.badRequest, message: "give \"name\" or \"path\", not both") }
                guard name is String else { throw HTTPError(.badRequest, message: "field 'name' has the wrong type") }
                object["path"] = name
            } else if object["path"] == nil {
                throw HTTPError(.badRequest, message: "missing field 'name'")
            }
        }
        guard JSONSerialization.isValidJSONObject(object), let data = try? JSONSerialization.data(withJSONObject: object) else {
            throw HTTPError(.badRequest, message: "the body must be a JSON object")
        }
        switch ControlCommand.parse(jsonLine: String(decoding: data, as: UTF8.self)) {
        case .success(let command):
            do throws(FolderNameError) {
                return perform(try folders.confine(command))
            } catch {
                return WebResponse.error(error.status, error.description)
            }
        case .failure(let error): return WebResponse.error(.badRequest, error.message)
        }
    }

    /// Commands that name a file: `name` in the web's bodies.
    static let namedFileCommands: Set<String> = ["setlist_load", "looper_save"]

    /// One typed command, then the state after it. A well-formed command the daemon cannot do
    /// now (no such song, the band not running yet) is 409 with the reason; a malformed one
    /// never gets here (400).
    func perform(_ command: ControlCommand) -> Response {
        switch backend.perform(command) {
        case .success: return WebResponse.json(publisher.refresh().json)
        case .failure(let error): return WebResponse.error(.conflict, error.message)
        }
    }

    /// The request's body as a JSON object (an empty body is {} where allowed).
    static func body(_ request: Request, allowEmpty: Bool = false) async throws -> [String: Any] {
        let data = try await data(request, allowEmpty: allowEmpty)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw HTTPError(.badRequest, message: "the body is not a JSON object")
        }
        return object
    }

    /// The request's body, bytes (an empty body is {} where allowed).
    static func data(_ request: Request, allowEmpty: Bool = false) async throws -> Data {
        let buffer = try await request.body.collect(upTo: WebLimits.maxBody)
        if buffer.readableBytes == 0 {
            if allowEmpty { return Data("{}".utf8) }
            throw HTTPError(.badRequest, message: "this request needs a JSON body")
        }
        let data = Data(buffer: buffer)
        if let object = try? JSONSerialization.jsonObject(with: data), let path = nullField(in: object) {
            throw HTTPError(.badRequest, message: "field '\(path)' is null: leave it out or give it a value")
        }
        return data
    }

    /// The first field of the API holding null, by its path ("request.tempo"): none takes null
    /// (a decoder would read it as absent). Fields the API does not know are ignored, whatever
    /// they hold.
    static func nullField(in value: Any, path: String = "") -> String? {
        if value is NSNull { return path.isEmpty ? "(body)" : path }
        guard let object = value as? [String: Any] else { return nil }
        for key in object.keys.sorted() where fields.contains(key) {
            let inner = path.isEmpty ? key : path + "." + key
            if object[key] is NSNull { return inner }
            if key == "request", let found = nullField(in: object[key]!, path: inner) { return found }
        }
        return nil
    }

    /// Every field name a request body of the API has (web/openapi.yaml).
    static let fields: Set<String> = [
        "command", "request", "action", "path", "on", "by", "mode", "slot", "bars", "part", "mute", "volume", "index", "name",
        "song", "tempo", "key", "loop", "ramp", "keys", "count_in", "count_in_drums", "metronome", "breaks", "display", "intro",
        "ending", "choruses",
    ]

    /// A body of known fields; a wrong type or a body that is not a JSON object is 400.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard (try? JSONSerialization.jsonObject(with: data)) is [String: Any] else {
            throw HTTPError(.badRequest, message: "the body is not a JSON object")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(T.self, from: data) } catch {
            throw HTTPError(.badRequest, message: "a field of the body has the wrong type")
        }
    }

    static func merging(_ body: [String: Any], command: String) -> [String: Any] {
        var object = body
        object["command"] = command
        return object
    }

    func openAPIDocument() -> String? {
        guard let assets else { return nil }
        return try? String(contentsOfFile: assets + "/openapi.yaml", encoding: .utf8)
    }
}
