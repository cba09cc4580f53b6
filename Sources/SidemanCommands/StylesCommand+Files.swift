import Foundation
import StyleEngine

/// The real file system, for the style library.
extension StyleLibrary.FileAccess {
    public static let local = StyleLibrary.FileAccess(
        listDirectory: { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            return try? FileManager.default.contentsOfDirectory(atPath: path)
        },
        readFile: { path in [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) },
        exists: { path in FileManager.default.fileExists(atPath: path) })
}
