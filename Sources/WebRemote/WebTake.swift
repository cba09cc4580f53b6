import Foundation
import Recorder

/// A take as the page lists it: what `sideman recordings list` shows, plus where to fetch its
/// audio (for the browser's player and download) and its MIDI file.
public struct WebTake: Codable, Hashable, Sendable {
    public var name: String
    public var files: [String]
    public var seconds: Double?
    public var bytes: Int
    public var incomplete: Bool
    /// Being written now: its audio is not complete yet.
    public var recording: Bool
    public var audioURL: String?
    public var audioType: String?
    public var midiURL: String?

    public init(_ take: Take, recording: Bool) {
        name = take.name
        files = take.files
        seconds = take.seconds
        bytes = take.bytes
        incomplete = take.incomplete
        self.recording = recording
        let base = "/api/recordings/" + Self.pathComponent(take.name)
        audioURL = take.audioFile.map { _ in base + "/audio" }
        audioType = take.audioFile.map(Self.contentType)
        midiURL = take.midiFile.map { _ in base + "/midi" }
    }

    enum CodingKeys: String, CodingKey {
        case name, files, seconds, bytes, incomplete, recording
        case audioURL = "audioUrl"
        case audioType, midiURL = "midiUrl"
    }

    /// A name as one path segment: letters, digits and `-._~` stay, the rest is %-encoded.
    static func pathComponent(_ name: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }

    /// What a browser needs to play or save the file.
    static func contentType(_ file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "flac": "audio/flac"
        case "wav": "audio/wav"
        case "mid": "audio/midi"
        default: "application/octet-stream"
        }
    }
}
