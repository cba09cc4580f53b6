/// The CASM chunk of a style: which rules each source channel follows in each section.
public struct YamahaCASM: Hashable, Sendable {
    /// One CSEG: the sections it applies to and one table per source channel.
    public struct Segment: Hashable, Sendable {
        /// Section names as written in Sdec ("Main A", "Fill In AA" ...).
        public var sectionNames: [String]
        /// In file order; a later table for the same source channel replaces an earlier one.
        public var tables: [YamahaChannelTable]

        public func table(forSourceChannel channel: Int) -> YamahaChannelTable? {
            tables.last { $0.sourceChannel == channel }
        }
    }

    public var segments: [Segment]
    /// Things that were odd but not fatal (unknown sub-chunks, Cntt for a missing channel).
    public var notes: [String]

    /// The segment that applies to a section name (first match, as the keyboards do).
    public func segment(forSection name: String) -> Segment? {
        segments.first { $0.sectionNames.contains(name) }
    }

    /// Decodes the CASM payload `range` of `bytes`. Offsets in errors are file offsets.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) throws(YamahaFormatProblem) -> YamahaCASM {
        var segments: [Segment] = []
        var notes: [String] = []
        for chunk in try YamahaChunk.split(bytes, range, in: "CASM") {
            guard chunk.id == "CSEG" else {
                notes.append("CASM: skipped unknown \(chunk.id) chunk at byte \(chunk.headerOffset)")
                continue
            }
            var segment = Segment(sectionNames: [], tables: [])
            for part in try YamahaChunk.split(bytes, chunk.payload, in: "CSEG") {
                let payload = bytes[part.payload]
                switch part.id {
                case "Sdec":
                    let text = String(decoding: payload.filter { $0 != 0 }, as: UTF8.self)
                    segment.sectionNames = text.split(separator: ",").map { String($0).trimmingCharacters(in: " ") }
                        .filter { !$0.isEmpty }
                case "Ctab", "Ctb2":
                    do {
                        let table = part.id == "Ctab"
                            ? try YamahaChannelTable(ctab: payload) : try YamahaChannelTable(ctb2: payload)
                        segment.tables.append(table)
                    } catch {
                        throw YamahaFormatProblem("\(error.message) (\(part.id) at byte \(part.headerOffset))")
                    }
                case "Cntt":
                    guard payload.count >= 2 else {
                        throw YamahaFormatProblem("Cntt at byte \(part.headerOffset) is \(payload.count) bytes, needs 2")
                    }
                    let channel = Int(payload[payload.startIndex])
                    let value = payload[payload.startIndex + 1]
                    if let i = segment.tables.lastIndex(where: { $0.sourceChannel == channel }) {
                        segment.tables[i].overrideNTT(value)
                    } else {
                        notes.append("Cntt at byte \(part.headerOffset) names channel \(channel + 1), which has no table; ignored")
                    }
                default:
                    notes.append("CSEG: skipped unknown \(part.id) chunk at byte \(part.headerOffset)")
                }
            }
            segments.append(segment)
        }
        guard !segments.isEmpty else { throw YamahaFormatProblem("CASM chunk has no CSEG") }
        return YamahaCASM(segments: segments, notes: notes)
    }
}
