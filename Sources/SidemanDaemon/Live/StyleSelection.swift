import StyleEngine

/// The styles the daemon may play (in the order `sideman styles` lists them), the one to start
/// with, and the files that could not be read (one line each, logged, never fatal).
public struct StyleSelection: Sendable {
    public var styles: [Style]
    public var index: Int
    public var problems: [String]

    public init(styles: [Style], index: Int, problems: [String] = []) {
        self.styles = styles
        self.index = index
        self.problems = problems
    }
}
