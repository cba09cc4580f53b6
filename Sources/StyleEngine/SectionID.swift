/// A section of a style: intro 1–3, main A–D, a fill for each main, break, ending 1–3.
/// Yamaha's "Fill In AA" is `.fill(.a)`, "Fill In BA" is `.breakFill`, "Intro A" is `.intro(1)`.
public enum SectionID: Hashable, Comparable, Sendable, CustomStringConvertible {
    case intro(Int)
    case main(MainVariation)
    case fill(MainVariation)
    case breakFill
    case ending(Int)

    public enum MainVariation: Int, CaseIterable, Hashable, Comparable, Sendable {
        case a = 0, b, c, d
        public var letter: String { ["A", "B", "C", "D"][rawValue] }
        public init?(letter: some StringProtocol) {
            guard let i = ["A", "B", "C", "D"].firstIndex(of: letter.uppercased()) else { return nil }
            self.init(rawValue: i)
        }
        public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    /// Every section a complete style has, in display order.
    public static let all: [SectionID] =
        [.intro(1), .intro(2), .intro(3)] + MainVariation.allCases.map { .main($0) }
        + MainVariation.allCases.map { .fill($0) } + [.breakFill, .ending(1), .ending(2), .ending(3)]

    /// "Intro 1", "Main A", "Fill A", "Break", "Ending 1" (the names `sideman styles --json` prints).
    public var name: String {
        switch self {
        case .intro(let n): "Intro \(n)"
        case .main(let v): "Main \(v.letter)"
        case .fill(let v): "Fill \(v.letter)"
        case .breakFill: "Break"
        case .ending(let n): "Ending \(n)"
        }
    }

    /// Parses the display name or the compact key used in style files and the CLI:
    /// "Intro 1"/"intro1", "Main A"/"mainA"/"a", "Fill B"/"fillB", "Break", "Ending 2"/"ending2".
    public init?(name: some StringProtocol) {
        let k = name.lowercased().filter { $0 != " " && $0 != "-" && $0 != "_" }
        func number(_ s: Substring) -> Int? { Int(s).flatMap { (1...3).contains($0) ? $0 : nil } }
        if k == "break" {
            self = .breakFill
        } else if k.hasPrefix("intro"), let n = number(k.dropFirst(5)) {
            self = .intro(n)
        } else if k.hasPrefix("ending"), let n = number(k.dropFirst(6)) {
            self = .ending(n)
        } else if k.hasPrefix("main"), let v = MainVariation(letter: k.dropFirst(4)) {
            self = .main(v)
        } else if k.hasPrefix("fill"), let v = MainVariation(letter: k.dropFirst(4)) {
            self = .fill(v)
        } else if k.count == 1, let v = MainVariation(letter: k) {
            self = .main(v)
        } else {
            return nil
        }
    }

    public var description: String { name }

    public var isMain: Bool { if case .main = self { return true } else { return false } }
    public var isIntro: Bool { if case .intro = self { return true } else { return false } }
    public var isEnding: Bool { if case .ending = self { return true } else { return false } }
    public var isFill: Bool {
        switch self {
        case .fill, .breakFill: return true
        default: return false
        }
    }

    private var order: Int {
        switch self {
        case .intro(let n): n
        case .main(let v): 10 + v.rawValue
        case .fill(let v): 20 + v.rawValue
        case .breakFill: 30
        case .ending(let n): 40 + n
        }
    }

    public static func < (a: SectionID, b: SectionID) -> Bool { a.order < b.order }
}
