import MusicCore

/// libFuzzer entry: any bytes as text holding iReal Pro links (an exported playlist page);
/// every song found is imported as a chart and laid out.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIRealLink(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for link in IRealLink.links(in: text) {
        guard let found = try? IRealLink.songs(of: link) else { continue }
        for song in found.songs {
            let imported = IRealImport(song)
            _ = imported.chart.changes(choruses: 1)
        }
    }
    return 0
}
