import ControlSocket

/// libFuzzer entry: any bytes as what a client sends to the control socket.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzControlRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let line = ControlRequest.line(from: UnsafeBufferPointer(start: data, count: size))
    precondition(!line.contains("\n"), "a request line holds a newline")
    precondition(line.utf8.count <= 3 * ControlRequest.maximumBytes, "a request line longer than the limit")
    return 0
}
