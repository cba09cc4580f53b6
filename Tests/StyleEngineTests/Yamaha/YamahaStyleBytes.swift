import MusicCore

/// Builds small Yamaha style files byte by byte for tests.
enum YamahaStyleBytes {
    static func chunk(_ id: String, _ payload: [UInt8]) -> [UInt8] {
        Array(id.utf8) + u32(payload.count) + payload
    }

    static func u32(_ v: Int) -> [UInt8] { [UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }

    static func vlq(_ value: Int) -> [UInt8] {
        var v = value
        var bytes = [UInt8(v & 0x7F)]
        v >>= 7
        while v > 0 {
            bytes.insert(UInt8(v & 0x7F) | 0x80, at: 0)
            v >>= 7
        }
        return bytes
    }

    /// A 27-byte Ctab: source channel, destination, masks, source chord, NTR/NTT and limits.
    static func ctab(
        source: UInt8, name: String = "Test", destination: UInt8, roots: UInt16 = 0x0FFF, types: UInt64 = 0x03_FFFF_FFFF,
        sourceRoot: UInt8 = 0, sourceType: UInt8 = 2, ntr: UInt8 = 0, ntt: UInt8 = 2, highKey: UInt8 = 6,
        low: UInt8 = 0, high: UInt8 = 127, retrigger: UInt8 = 1
    ) -> [UInt8] {
        var b: [UInt8] = [source]
        b += Array(name.utf8.prefix(8)) + Array(repeating: 0x20, count: max(0, 8 - name.utf8.count))
        b += [destination, 1, UInt8(roots >> 8), UInt8(roots & 0xFF)]
        b += (0..<5).map { UInt8(types >> (8 * (4 - $0)) & 0xFF) }
        b += [sourceRoot, sourceType, ntr, ntt, highKey, low, high, retrigger, 0]
        return chunk("Ctab", b)
    }

    /// A 47-byte Ctb2 with distinct low, main and high blocks (6 bytes each).
    static func ctb2(
        source: UInt8, destination: UInt8, roots: UInt16 = 0x0FFF, types: UInt64 = 0x03_FFFF_FFFF,
        sourceRoot: UInt8 = 0, sourceType: UInt8 = 2, middle: (UInt8, UInt8) = (0, 127),
        low: [UInt8] = [0, 1, 5, 0, 127, 0], main: [UInt8], high: [UInt8] = [1, 0, 7, 0, 127, 3]
    ) -> [UInt8] {
        var b: [UInt8] = [source] + Array("Ctb2Test".utf8)
        b += [destination, 1, UInt8(roots >> 8), UInt8(roots & 0xFF)]
        b += (0..<5).map { UInt8(types >> (8 * (4 - $0)) & 0xFF) }
        b += [sourceRoot, sourceType, middle.0, middle.1] + low + main + high + Array(repeating: 0, count: 7)
        return chunk("Ctb2", b)
    }

    static func cseg(_ sections: [String], _ tables: [[UInt8]]) -> [UInt8] {
        chunk("CSEG", chunk("Sdec", Array(sections.joined(separator: ",").utf8)) + tables.flatMap { $0 })
    }

    static func casm(_ segments: [[UInt8]]) -> [UInt8] { chunk("CASM", segments.flatMap { $0 }) }

    /// Timed track events, absolute ticks; encoded with delta times in order.
    enum Event {
        case marker(String)
        case tempo(Int)
        case meter(UInt8, UInt8)
        case on(channel: UInt8, note: UInt8, velocity: UInt8)
        case off(channel: UInt8, note: UInt8)
        case program(channel: UInt8, program: UInt8)
        case cc(channel: UInt8, controller: UInt8, value: UInt8)
    }

    static func track(_ events: [(Int, Event)]) -> [UInt8] {
        var out: [UInt8] = []
        var last = 0
        for (tick, event) in events.sorted(by: { $0.0 < $1.0 }) {
            out += vlq(tick - last)
            last = tick
            switch event {
            case .marker(let s): out += [0xFF, 0x06] + vlq(s.utf8.count) + Array(s.utf8)
            case .tempo(let us): out += [0xFF, 0x51, 3, UInt8(us >> 16 & 0xFF), UInt8(us >> 8 & 0xFF), UInt8(us & 0xFF)]
            case .meter(let n, let d): out += [0xFF, 0x58, 4, n, d, 24, 8]
            case .on(let c, let n, let v): out += [0x90 | c, n, v]
            case .off(let c, let n): out += [0x80 | c, n, 64]
            case .program(let c, let p): out += [0xC0 | c, p]
            case .cc(let c, let n, let v): out += [0xB0 | c, n, v]
            }
        }
        out += [0, 0xFF, 0x2F, 0]
        return chunk("MTrk", out)
    }

    static func file(ppq: Int, track: [UInt8], casm: [UInt8]?, extra: [UInt8] = []) -> [UInt8] {
        chunk("MThd", [0, 0, 0, 1, UInt8(ppq >> 8), UInt8(ppq & 0xFF)]) + track + (casm ?? []) + extra
    }
}
