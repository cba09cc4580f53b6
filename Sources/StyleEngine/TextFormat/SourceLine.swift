/// One meaningful line of a style file: its number and its text without the comment.
struct SourceLine: Sendable {
    let number: Int
    let text: Substring

    /// `#` starts a comment at the start of a line or after a space, so sharps (F#2) survive.
    static func split(_ text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            var end = raw.endIndex
            var previous: Character = " "
            var i = raw.startIndex
            while i < raw.endIndex {
                let c = raw[i]
                if c == "#" && (previous == " " || previous == "\t") {
                    end = i
                    break
                }
                previous = c
                i = raw.index(after: i)
            }
            let body = raw[raw.startIndex..<end].trimmed
            if !body.isEmpty { result.append(SourceLine(number: number, text: body)) }
        }
        return result
    }

    /// The first word and the rest of the line, trimmed.
    var keywordAndRest: (keyword: Substring, rest: Substring) {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (text, "") }
        return (text[..<space], text[space...].trimmed)
    }
}

extension Substring {
    var trimmed: Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    var words: [Substring] { split(whereSeparator: { $0 == " " || $0 == "\t" }) }
}
