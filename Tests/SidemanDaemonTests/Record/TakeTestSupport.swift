import Foundation

/// Waits up to 10 s for the take's writer thread to reach what `what` looks for.
func waitFor(_ what: () -> Bool) {
    let deadline = Date().addingTimeInterval(10)
    while !what() && Date() < deadline { usleep(5_000) }
}

/// A fresh recordings folder of the test's own (the caller removes it).
func temporaryFolder() -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sideman-takes-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
