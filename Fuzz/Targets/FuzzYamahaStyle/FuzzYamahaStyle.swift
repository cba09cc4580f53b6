import Arranger
import StyleEngine

/// libFuzzer entry: any bytes as a Yamaha style file, read and then prepared for the engine as
/// the daemon would after loading it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYamahaStyle(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = YamahaStyleReader.isYamahaStyle(bytes)
    do {
        let style = try YamahaStyleReader.read(bytes, fileName: "fuzz.sty")
        _ = PreparedStyle(style)
    } catch {
        precondition(error.description.hasPrefix("fuzz.sty: "), "an error that does not name the file")
    }
    return 0
}
