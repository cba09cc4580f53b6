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
            let body = try await Self.body(request)
            let styles = backend.remoteStyles()
            let index: Int?
            if let n = body["index"] as? Int {
                index = styles.indices.contains(n) ? n : nil
            } else if let name = body["name"] as? String {
                index = styles.first { $0.name == name }?.index
            } else {
                throw HTTPError(.badRequest, message: "give the style's \"index\" or \"name\" (GET /api/styles lists them)")
            }
            guard let index else { throw HTTPError(.badRequest, message: "no such style (GET /api/styles lists them)") }
            return perform(.control(.selectStyle(index)))
        }
        api.post("parts/:part/mute") { _, context in
            let part = context.parameters.get("part") ?? ""
            return try await run(["command": "control", "action": "mute_\(part)"])
        }
    }

    /// Does one command and answers the state after it, or 400 with the reason.
    func run(_ object: [String: Any]) async throws -> Response {
        guard JSONSerialization.isValidJSONObject(object), let data = try? JSONSerialization.data(withJSONObject: object) else {
            throw HTTPError(.badRequest, message: "the body must be a JSON object")
        }
        switch ControlCommand.parse(jsonLine: String(decoding: data, as: UTF8.self)) {
        case .success(let command): return perform(command)
        case .failure(let error): return WebResponse.error(.badRequest, error.message)
        }
    }

    /// One typed command, then the state after it (or 400 with the reason).
    func perform(_ command: ControlCommand) -> Response {
        switch backend.perform(command) {
        case .success: return WebResponse.json(publisher.refresh().json)
        case .failure(let error): return WebResponse.error(.badRequest, error.message)
        }
    }

    /// The request's body as a JSON object (an empty body is {} where allowed).
    static func body(_ request: Request, allowEmpty: Bool = false) async throws -> [String: Any] {
        let buffer = try await request.body.collect(upTo: WebLimits.maxBody)
        if buffer.readableBytes == 0 {
            if allowEmpty { return [:] }
            throw HTTPError(.badRequest, message: "this request needs a JSON body")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(buffer: buffer))) as? [String: Any] else {
            throw HTTPError(.badRequest, message: "the body is not a JSON object")
        }
        return object
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
