/// A port-name pattern from the configuration: case-insensitive; `*` matches any run of
/// characters and `?` any one character. A pattern without wildcards matches when it occurs
/// anywhere in the name ("Keystation" matches "Keystation 49 MK3:Keystation 49 MK3 MIDI 1").
public struct NamePattern: Hashable, Sendable, CustomStringConvertible {
    public let text: String
    private let characters: [Character]
    private let hasWildcards: Bool

    public init(_ text: String) {
        self.text = text
        self.characters = Array(text.lowercased())
        self.hasWildcards = text.contains("*") || text.contains("?")
    }

    public var description: String { text }

    public func matches(_ name: String) -> Bool {
        let subject = Array(name.lowercased())
        if !hasWildcards {
            if characters.isEmpty { return true }
            guard subject.count >= characters.count else { return false }
            for start in 0...(subject.count - characters.count)
            where subject[start..<(start + characters.count)].elementsEqual(characters) {
                return true
            }
            return false
        }
        return Self.glob(characters[...], subject[...])
    }

    /// Iterative glob with single-star backtracking: linear in practice, never exponential.
    private static func glob(_ pattern: ArraySlice<Character>, _ subject: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, s = subject.startIndex
        var starP: Int? = nil, starS = subject.startIndex
        while s < subject.endIndex {
            if p < pattern.endIndex, pattern[p] == "?" || pattern[p] == subject[s] {
                p += 1; s += 1
            } else if p < pattern.endIndex, pattern[p] == "*" {
                starP = p; starS = s; p += 1
            } else if let sp = starP {
                p = sp + 1; starS += 1; s = starS
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }
}
