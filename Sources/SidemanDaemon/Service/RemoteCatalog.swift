/// What a remote client lists to choose from: the styles (with genre, for the style browser)
/// and the songs of the chart library. Read off the audio thread, on request.
public struct RemoteCatalog: Codable, Hashable, Sendable {
    public struct StyleEntry: Codable, Hashable, Sendable {
        /// The number `style_N` selects (0 = the first style).
        public var index: Int
        public var name: String
        public var title: String
        public var genre: String
        public init(index: Int, name: String, title: String, genre: String) {
            self.index = index
            self.name = name
            self.title = title
            self.genre = genre
        }
    }

    public struct SongEntry: Codable, Hashable, Sendable {
        public var name: String
        public var title: String
        public var bars: Int
        /// The chart's own style and tempo, when it names them.
        public var style: String?
        public var tempo: String?
        public init(name: String, title: String, bars: Int, style: String?, tempo: String?) {
            self.name = name
            self.title = title
            self.bars = bars
            self.style = style
            self.tempo = tempo
        }
    }
}
