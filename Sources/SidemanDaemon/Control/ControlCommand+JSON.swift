import Foundation
import StyleEngine

extension ControlCommand: Codable {
    enum Key: String, CodingKey {
        case command, request, action, path, on, by, mode, slot, bars, part, mute, volume
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        let name = try c.decode(String.self, forKey: .command)
        switch name {
        case "play": self = .play(try c.decode(PracticeRequest.self, forKey: .request))
        case "stop": self = .stop
        case "control":
            let key = try c.decode(String.self, forKey: .action)
            guard let action = ControlAction(key: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .action, in: c, debugDescription: "unknown action '\(key)' (the keys of [control.map]: sideman config)")
            }
            self = .control(action)
        case "setlist_load": self = .setlistLoad(path: try c.decode(String.self, forKey: .path))
        case "setlist_next": self = .setlistNext
        case "setlist_previous": self = .setlistPrevious
        case "loop": self = .loop(try c.decodeIfPresent(Bool.self, forKey: .on))
        case "tempo":
            let by = try c.decode(Double.self, forKey: .by)
            guard (-100...100).contains(by) else {
                throw DecodingError.dataCorruptedError(forKey: .by, in: c, debugDescription: "tempo by \(by): from -100 to 100 BPM")
            }
            self = .nudgeTempo(by)
        case "mode": self = .mode(try c.decode(ControlMode.self, forKey: .mode))
        case "looper_record":
            self = .looperRecord(slot: try c.decode(Int.self, forKey: .slot), bars: try c.decode(Int.self, forKey: .bars))
        case "looper_play": self = .looperPlay(slot: try c.decode(Int.self, forKey: .slot))
        case "looper_save": self = .looperSave(slot: try c.decode(Int.self, forKey: .slot), path: try c.decode(String.self, forKey: .path))
        case "part":
            let key = try c.decode(String.self, forKey: .part)
            guard let part = PartID(key: key) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .part, in: c, debugDescription: "unknown part '\(key)' (known: \(PartID.allCases.map(\.key).joined(separator: ", ")))")
            }
            let mute = try c.decodeIfPresent(Bool.self, forKey: .mute)
            let volume = try c.decodeIfPresent(Int.self, forKey: .volume)
            if let volume, !(0...127).contains(volume) {
                throw DecodingError.dataCorruptedError(forKey: .volume, in: c, debugDescription: "volume \(volume): from 0 to 127")
            }
            guard mute != nil || volume != nil else {
                throw DecodingError.dataCorruptedError(forKey: .part, in: c, debugDescription: "give \"mute\" (true or false), \"volume\" (0 to 127) or both")
            }
            self = .part(part, mute: mute, volume: volume)
        case "status": self = .status
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .command, in: c, debugDescription: "unknown command '\(name)' (known: \(Self.names.joined(separator: ", ")))")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(name, forKey: .command)
        switch self {
        case .play(let request): try c.encode(request, forKey: .request)
        case .control(let action): try c.encode(action.key, forKey: .action)
        case .setlistLoad(let path): try c.encode(path, forKey: .path)
        case .loop(let on): try c.encodeIfPresent(on, forKey: .on)
        case .nudgeTempo(let by): try c.encode(by, forKey: .by)
        case .mode(let mode): try c.encode(mode, forKey: .mode)
        case .looperRecord(let slot, let bars):
            try c.encode(slot, forKey: .slot)
            try c.encode(bars, forKey: .bars)
        case .looperPlay(let slot): try c.encode(slot, forKey: .slot)
        case .looperSave(let slot, let path):
            try c.encode(slot, forKey: .slot)
            try c.encode(path, forKey: .path)
        case .part(let part, let mute, let volume):
            try c.encode(part.key, forKey: .part)
            try c.encodeIfPresent(mute, forKey: .mute)
            try c.encodeIfPresent(volume, forKey: .volume)
        case .stop, .setlistNext, .setlistPrevious, .status: break
        }
    }

    /// The command as one JSON line (what the control socket takes).
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Reads one JSON line; the error is one line a person can read.
    public static func parse(jsonLine: String) -> Result<ControlCommand, ControlCommandError> {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return .success(try decoder.decode(ControlCommand.self, from: Data(jsonLine.utf8)))
        } catch DecodingError.dataCorrupted(let context) {
            let notJSON = context.underlyingError != nil || context.codingPath.isEmpty
            return .failure(ControlCommandError(notJSON ? "not JSON" : context.debugDescription))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(ControlCommandError("missing field '\(key.stringValue)'"))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(ControlCommandError("field '\(field)' has the wrong type"))
        } catch {
            return .failure(ControlCommandError("\(error)"))
        }
    }
}

/// Why a command could not be read or done, as one line (also the JSON reply's `error`).
public struct ControlCommandError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
