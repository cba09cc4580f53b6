import MusicCore

/// Reads the one MTrk chunk of a style into timed events: just what the importer needs
/// (channel messages, markers, tempo, meter, track name, end of track).
enum YamahaTrackDecoder {
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(YamahaFormatProblem) -> [YamahaTrackEvent] {
        var events: [YamahaTrackEvent] = []
        var p = range.lowerBound
        let end = range.upperBound
        var tick = 0
        var runningStatus: UInt8 = 0

        func need(_ n: Int, _ what: String) throws(YamahaFormatProblem) {
            guard n <= end - p else { throw YamahaFormatProblem("MTrk truncated at byte \(end) (in \(what) starting at byte \(p))") }
        }
        func readVLQ(_ what: String) throws(YamahaFormatProblem) -> Int {
            var value = 0
            for _ in 0..<4 {
                try need(1, what)
                let byte = bytes[p]
                p += 1
                value = value << 7 | Int(byte & 0x7F)
                if byte < 0x80 { return value }
            }
            throw YamahaFormatProblem("bad variable-length number at byte \(p - 4) in MTrk")
        }
        func text(_ data: ArraySlice<UInt8>) -> String {
            String(decoding: data.map { $0 < 0x20 || $0 > 0x7E ? 0x20 : $0 }, as: UTF8.self).trimmingCharacters(in: " ")
        }

        while p < end {
            tick += try readVLQ("delta time")
            try need(1, "event")
            var status = bytes[p]
            if status >= 0x80 {
                p += 1
            } else {
                guard runningStatus != 0 else { throw YamahaFormatProblem("data byte without status at byte \(p) in MTrk") }
                status = runningStatus
            }
            switch status {
            case 0xFF:
                try need(1, "meta event")
                let type = bytes[p]
                p += 1
                let length = try readVLQ("meta event length")
                try need(length, "meta event")
                let data = bytes[p..<p + length]
                p += length
                switch type {
                case 0x06: events.append(.init(tick: tick, kind: .marker(text(data))))
                case 0x03: events.append(.init(tick: tick, kind: .trackName(text(data))))
                case 0x51 where length >= 3:
                    let us = data.prefix(3).reduce(0) { $0 << 8 | Int($1) }
                    events.append(.init(tick: tick, kind: .tempo(microsecondsPerQuarter: us)))
                case 0x58 where length >= 2:
                    let d = Array(data)
                    events.append(.init(tick: tick, kind: .timeSignature(numerator: Int(d[0]), denominator: 1 << min(Int(d[1]), 6))))
                case 0x2F:
                    events.append(.init(tick: tick, kind: .endOfTrack))
                    return events
                default: break
                }
            case 0xF0, 0xF7:
                let length = try readVLQ("SysEx length")
                try need(length, "SysEx")
                p += length
            case 0xF1...0xFE:
                throw YamahaFormatProblem("unexpected system message 0x\(String(status, radix: 16)) at byte \(p - 1) in MTrk")
            default:
                runningStatus = status
                let kind = status & 0xF0
                let count = kind == 0xC0 || kind == 0xD0 ? 1 : 2
                try need(count, "channel message")
                let d1 = bytes[p] & 0x7F
                let d2 = count == 2 ? bytes[p + 1] & 0x7F : 0
                p += count
                let channel = MIDIChannel(rawValue: status & 0x0F)!
                let a = UInt7(clamping: Int(d1)), b = UInt7(clamping: Int(d2))
                let event: MIDIEvent
                switch kind {
                case 0x80: event = .noteOff(channel: channel, note: a, velocity: b)
                case 0x90: event = .noteOn(channel: channel, note: a, velocity: b)
                case 0xA0: event = .polyPressure(channel: channel, note: a, pressure: b)
                case 0xB0: event = .controlChange(channel: channel, controller: a, value: b)
                case 0xC0: event = .programChange(channel: channel, program: a)
                case 0xD0: event = .channelPressure(channel: channel, pressure: a)
                default: event = .pitchBend(channel: channel, value: UInt14(lsb: d1, msb: d2))
                }
                events.append(.init(tick: tick, kind: .midi(event)))
            }
        }
        events.append(.init(tick: tick, kind: .endOfTrack))
        return events
    }
}
