import MusicCore

/// libFuzzer entry: any bytes as a chord chart; a chart that parses lays out its changes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChart(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let chart = try ChordChart.parse(text, source: "fuzz.chart")
        let changes = chart.changes(choruses: 2)
        // Repeats, endings and a form play bars more than once: count the chords as played.
        precondition(changes.count <= 2 * chart.playedBars().reduce(0) { $0 + $1.chords.count }, "more changes than chords played")
        _ = chart.ticksPerChorus()
    } catch {
        precondition(error.line >= 1, "an error without a line")
    }
    return 0
}
