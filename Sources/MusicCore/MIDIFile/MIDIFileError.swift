/// Why a Standard MIDI File (or a chunk in one) could not be read: the problem, the byte
/// offset in the file, and the track (numbered from 1, as people count) when inside one.
/// The description is one line meant for a person: "track 2 at byte 1043: running status
/// with no previous status byte".
public struct MIDIFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Problem: Error, Hashable, Sendable {
        case notAMIDIFile
        case badHeaderLength(Int)
        case unsupportedFormat(Int)
        case smpteDivision
        case zeroDivision
        case truncatedChunk(id: String, declared: Int, available: Int)
        case truncatedHeader
        case missingTracks(declared: Int, found: Int)
        case truncatedEvent
        /// A repairing read noting a track that stops without its end: probably cut short.
        case missingEndOfTrack
        case variableLengthQuantityTooLong
        case runningStatusWithoutStatus
        case unexpectedStatus(UInt8)
        case dataByteExpected(UInt8)
        case badMetaLength(type: UInt8, length: Int, expected: Int)
        case badTempo
    }

    public let problem: Problem
    /// Offset of the offending byte from the start of the file.
    public let offset: Int
    /// 0-based index of the track, when the problem is inside one.
    public let trackIndex: Int?

    public init(_ problem: Problem, offset: Int, trackIndex: Int? = nil) {
        self.problem = problem
        self.offset = offset
        self.trackIndex = trackIndex
    }

    func inTrack(_ index: Int) -> MIDIFileError { MIDIFileError(problem, offset: offset, trackIndex: index) }

    public var description: String {
        let place = trackIndex.map { "track \($0 + 1) at byte \(offset)" } ?? "at byte \(offset)"
        return "\(place): \(problemText)"
    }

    private var problemText: String {
        switch problem {
        case .notAMIDIFile: return "not a MIDI file (no MThd)"
        case .badHeaderLength(let n): return "MThd header is \(n) bytes long, at least 6 expected"
        case .unsupportedFormat(let f): return "unsupported MIDI file format \(f) (0, 1 or 2 expected)"
        case .smpteDivision: return "SMPTE time division is not supported (ticks per quarter note expected)"
        case .zeroDivision: return "division of 0 ticks per quarter note"
        case .truncatedChunk(let id, let declared, let available):
            return "truncated chunk \(id): \(declared) bytes declared, \(available) present"
        case .truncatedHeader: return "truncated chunk header (fewer than 8 bytes left)"
        case .missingTracks(let declared, let found):
            return "header declares \(declared) tracks but the file holds \(found)"
        case .truncatedEvent: return "truncated event at the end of the track"
        case .missingEndOfTrack: return "the track ends without an end-of-track event (cut short?)"
        case .variableLengthQuantityTooLong: return "variable-length quantity longer than 4 bytes"
        case .runningStatusWithoutStatus: return "running status with no previous status byte"
        case .unexpectedStatus(let s): return "unexpected status byte \(hex(s)) in a track"
        case .dataByteExpected(let b): return "data byte (0-127) expected, found \(hex(b))"
        case .badMetaLength(let type, let length, let expected):
            return "meta event \(hex(type)) is \(length) bytes long, \(expected) expected"
        case .badTempo: return "tempo of 0 microseconds per quarter note"
        }
    }
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}
