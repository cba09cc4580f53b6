import Arranger
import StyleEngine

/// libFuzzer entry: any bytes as one of our text style files, parsed and then prepared for the
/// engine as the daemon would after loading it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextStyle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let style = try StyleTextFormat.parse(text, fileName: "fuzz.style")
        _ = PreparedStyle(style)
    } catch {
        precondition(error.description.contains("fuzz.style"), "an error that does not name the file")
    }
    return 0
}
