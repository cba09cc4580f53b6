/// One song of an iReal Pro link, its fields as the link holds them and its chord chart
/// unscrambled into iReal's token language ("*A{T44C^7 |A-7 |...").
public struct IRealSong: Hashable, Sendable {
    public var title: String
    /// "Last First", as iReal writes it.
    public var composer: String
    public var style: String
    /// "C", "Bb", "G-" (minor).
    public var key: String
    public var transpose: Int
    public var music: String
    /// The playback style ("Jazz-Medium Swing"), often empty.
    public var compStyle: String
    /// 0: the app's default.
    public var bpm: Int
    public var repeats: Int

    public init(
        title: String, composer: String, style: String, key: String, transpose: Int, music: String, compStyle: String, bpm: Int,
        repeats: Int
    ) {
        self.title = title
        self.composer = composer
        self.style = style
        self.key = key
        self.transpose = transpose
        self.music = music
        self.compStyle = compStyle
        self.bpm = bpm
        self.repeats = repeats
    }

    /// What an `irealb://` music field starts with.
    public static let musicPrefix = "1r34LbKcu7"

    /// Undoes the scrambling of an `irealb://` music field: every 50-character block but the
    /// last (and but one followed by fewer than 2 more characters) has its first 5 and last
    /// 5 characters swapped end for end, and likewise characters 10-23 with 26-39; then
    /// three shorthand strings are expanded ("XyQ" three spaces, "LZ" " |", "Kcl" "| x").
    public static func unscramble(_ text: String) -> String {
        var chars = Array(text)
        var start = 0
        while chars.count - start > 51 {
            for i in 0..<5 { chars.swapAt(start + i, start + 49 - i) }
            for i in 10..<24 { chars.swapAt(start + i, start + 49 - i) }
            start += 50
        }
        return String(chars)
            .replacing("XyQ", with: "   ")
            .replacing("LZ", with: " |")
            .replacing("Kcl", with: "| x")
    }
}
