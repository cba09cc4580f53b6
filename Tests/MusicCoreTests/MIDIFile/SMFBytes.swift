/// Small helpers for writing MIDI files by hand in tests.
enum SMFBytes {
    static func be32(_ n: Int) -> [UInt8] { [UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] }

    static func header(format: Int = 0, tracks: Int = 1, division: Int = 480) -> [UInt8] {
        Array("MThd".utf8) + be32(6) + [0, UInt8(format), 0, UInt8(tracks), UInt8(division >> 8), UInt8(division & 0xFF)]
    }

    static func track(_ body: [UInt8]) -> [UInt8] { Array("MTrk".utf8) + be32(body.count) + body }

    static func chunk(_ id: String, _ body: [UInt8]) -> [UInt8] { Array(id.utf8) + be32(body.count) + body }

    static func file(format: Int = 0, division: Int = 480, tracks: [[UInt8]]) -> [UInt8] {
        header(format: format, tracks: tracks.count, division: division) + tracks.flatMap(track)
    }
}
