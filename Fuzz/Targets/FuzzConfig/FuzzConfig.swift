import SidemanDaemon

/// libFuzzer entry: any bytes as the TOML configuration file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try SidemanConfig.parse(text, file: "fuzz.toml")
    } catch {
        precondition(error.description.hasPrefix("fuzz.toml"), "an error that does not name the file")
    }
    return 0
}
