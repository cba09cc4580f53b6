extension String {
    /// The text without leading and trailing copies of `character` (and NULs, which pad
    /// names in style files).
    func trimmingCharacters(in character: Character) -> String {
        var s = self[...]
        while let f = s.first, f == character || f == "\0" { s = s.dropFirst() }
        while let l = s.last, l == character || l == "\0" { s = s.dropLast() }
        return String(s)
    }
}
