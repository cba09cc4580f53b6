/// A `Range` request header against a file of `size` bytes (RFC 9110 §14): the whole file, one
/// part of it, or a range beyond its end. One range only: a list of ranges, another unit or a
/// malformed header is ignored and the whole file is sent, as the RFC allows.
enum ByteRange: Hashable, Sendable {
    case whole
    case part(ClosedRange<Int>)
    case unsatisfiable

    init(header: String?, size: Int) {
        guard let header else {
            self = .whole
            return
        }
        let text = header.trimmed(" \t")
        guard text.lowercased().hasPrefix("bytes="), !text.contains(",") else {
            self = .whole
            return
        }
        let spec = text.dropFirst(6).trimmed(" \t")
        let sides = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard sides.count == 2, sides.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            self = .whole
            return
        }
        let first = sides[0].isEmpty ? nil : Int(sides[0])
        let last = sides[1].isEmpty ? nil : Int(sides[1])
        switch (sides[0].isEmpty, sides[1].isEmpty) {
        case (true, true):
            self = .whole
        case (true, false):
            // The last N bytes.
            let n = last ?? Int.max  // more digits than an Int holds: the whole file
            guard n > 0, size > 0 else {
                self = .unsatisfiable
                return
            }
            self = .part(max(0, size - n)...(size - 1))
        case (false, _):
            // A first position too long to be a number is beyond any file.
            guard let from = first else {
                self = .unsatisfiable
                return
            }
            if !sides[1].isEmpty, let to = last, to < from {
                self = .whole  // malformed: ignored
                return
            }
            guard from < size else {
                self = .unsatisfiable
                return
            }
            let to = sides[1].isEmpty ? size - 1 : min(last ?? Int.max, size - 1)
            self = .part(from...to)
        }
    }
}

extension StringProtocol {
    /// Without the characters of `set` at either end.
    fileprivate func trimmed(_ set: String) -> String {
        String(String(drop { set.contains($0) }.reversed()).drop { set.contains($0) }.reversed())
    }
}
