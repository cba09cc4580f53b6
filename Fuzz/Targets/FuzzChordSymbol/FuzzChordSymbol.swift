import MusicCore

/// libFuzzer entry: any bytes as a chord symbol. What reads prints as a symbol that reads back
/// to the same chord.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChordSymbol(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let symbol = try ChordSymbol.parse(text)
        if let chord = symbol.chord {
            let again = try? ChordSymbol.parse(chord.symbol)
            precondition(again?.chord == chord, "\(chord.symbol) does not read back")
        }
    } catch {
        precondition(!error.reason.isEmpty, "an error without a reason")
    }
    return 0
}
