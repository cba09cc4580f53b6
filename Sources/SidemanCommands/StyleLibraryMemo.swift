import StyleEngine
import Synchronization

/// The style library the daemon loaded last: a reload reads every file again, but parses only
/// those whose bytes changed (`StyleLibrary.load(reusing:)`).
final class StyleLibraryMemo: Sendable {
    private let last = Mutex<StyleLibrary?>(nil)

    /// Loads through `load`, reusing the previous library, and keeps the new one.
    func load(_ load: (StyleLibrary?) -> StyleLibrary) -> StyleLibrary {
        let previous = last.withLock { $0 }
        let library = load(previous)
        last.withLock { $0 = library }
        return library
    }
}
