import Foundation
import Hummingbird
import NIOCore
import Recorder
import SidemanDaemon

extension WebRemoteServer {
    /// Takes: start, stop and arm recording; list the takes; stream a take's audio into the
    /// browser's player (with byte ranges, so that it can seek) and its MIDI file; delete one.
    /// Files are only ever looked up by a take's exact name among those the folder lists, and
    /// served only if they really lie inside the folder (a link pointing out is refused: 400).
    func addRecording(to api: RouterGroup<RemoteContext>) {
        for action in RecordAction.allCases {
            api.post("record/\(action.rawValue)") { _, _ in
                switch backend.record(action) {
                case .success: return WebResponse.json(publisher.refresh().json)
                case .failure(let error): return WebResponse.error(.conflict, error.message)
                }
            }
        }
        api.get("recordings") { _, _ in WebResponse.json(WebJSON.encode(takes())) }
        api.delete("recordings/:name") { _, context in
            let name = try takeName(context)
            do {
                _ = try backend.deleteTake(named: name)
            } catch let error as RecorderError {
                if case .noSuchTake = error { throw HTTPError(.notFound, message: error.description) }
                throw HTTPError(.conflict, message: error.description)
            }
            return WebResponse.json(WebJSON.encode(takes()))
        }
        api.get("recordings/:name/audio") { request, context in
            let take = try take(named: try takeName(context))
            guard let file = take.audioFile else { throw HTTPError(.notFound, message: "the take '\(take.name)' has no audio file") }
            return try await serve(file, of: take, request: request, context: context, attachment: false)
        }
        api.get("recordings/:name/midi") { request, context in
            let take = try take(named: try takeName(context))
            guard let file = take.midiFile else { throw HTTPError(.notFound, message: "the take '\(take.name)' has no MIDI file") }
            return try await serve(file, of: take, request: request, context: context, attachment: true)
        }
    }

    /// The takes, oldest first, with the one being recorded marked.
    func takes() -> [WebTake] {
        let status = backend.report.record
        let recording = status?.state == "recording" ? status?.take : nil
        return backend.takeLibrary.list().map { WebTake($0, recording: $0.name == recording) }
    }

    /// The `{name}` path segment, %-decoded and checked as a name (400 for a path, `..`, a NUL
    /// byte, an over-long name).
    func takeName(_ context: RemoteContext) throws -> String {
        let raw = context.parameters.get("name") ?? ""
        guard let decoded = raw.removingPercentEncoding else {
            throw HTTPError(.badRequest, message: "take name '\(raw)' is not valid %-encoding")
        }
        do throws(FolderNameError) {
            return try FolderName(decoded, what: "take", hint: "give a take's name (GET /api/recordings lists them)").text
        } catch {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    /// The take of exactly this name.
    func take(named name: String) throws -> Take {
        guard let take = backend.takeLibrary.take(named: name) else {
            throw HTTPError(.notFound, message: RecorderError.noSuchTake(name).description)
        }
        return take
    }

    /// One file of a take, whole or the byte range asked for.
    func serve(_ file: String, of take: Take, request: Request, context: RemoteContext, attachment: Bool) async throws -> Response {
        let path: String
        do throws(FolderNameError) {
            let name = try FolderName(file, what: "take file", hint: "the recordings folder holds it")
            path = try UserFolder(backend.takeLibrary.folder, what: "recordings").existingFile(name)
        } catch {
            throw HTTPError(error.status == .badRequest ? .badRequest : .notFound, message: error.description)
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), let size = attributes[.size] as? Int else {
            throw HTTPError(.notFound, message: "the take '\(take.name)': \(file) cannot be read")
        }
        var headers: HTTPFields = [
            .contentType: WebTake.contentType(file), .acceptRanges: "bytes", .cacheControl: "no-cache",
            .contentDisposition: "\(attachment ? "attachment" : "inline"); filename=\"\(Self.quoted(file))\"; filename*=UTF-8''\(WebTake.pathComponent(file))",
        ]
        let io = FileIO()
        switch ByteRange(header: request.headers[.range], size: size) {
        case .whole:
            headers[.contentLength] = "\(size)"
            // The bytes counted above, not the file's length when read: a take still being
            // recorded grows in between, and the body must match its Content-Length.
            let body = size == 0 ? ResponseBody() : try await io.loadFile(path: path, range: 0...(size - 1), context: context)
            return Response(status: .ok, headers: headers, body: body)
        case .part(let range):
            headers[.contentLength] = "\(range.count)"
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(status: .partialContent, headers: headers, body: try await io.loadFile(path: path, range: range, context: context))
        case .unsatisfiable:
            var response = WebResponse.error(.rangeNotSatisfiable, "\(file) has \(size) bytes: the range asked for is beyond its end")
            response.headers[.contentRange] = "bytes */\(size)"
            return response
        }
    }

    /// A file name inside a quoted header parameter.
    static func quoted(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
    }
}

extension WebRemoteServer {
    /// How a `Range` header reads against a file of `size` bytes: nil the whole file, .some(nil)
    /// beyond its end, else the bytes to send (for tests and tools).
    public static func byteRange(header: String?, size: Int) -> ClosedRange<Int>?? {
        switch ByteRange(header: header, size: size) {
        case .whole: return nil
        case .unsatisfiable: return .some(nil)
        case .part(let range): return .some(range)
        }
    }
}
