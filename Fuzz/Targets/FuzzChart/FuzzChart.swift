import MusicCore

/// libFuzzer entry: any bytes as a chord chart; a chart that parses lays out its changes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChart(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let chart = try ChordChart.parse(text, source: "fuzz.chart")
        let changes = chart.changes(choruses: 2)
        precondition(changes.count <= 2 * chart.bars.joined().count, "more changes than chords")
        _ = chart.ticksPerChorus()
    } catch {
        precondition(error.line >= 1, "an error without a line")
    }
    return 0
}
