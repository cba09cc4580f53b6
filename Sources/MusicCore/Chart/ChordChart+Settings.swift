extension ChordChart {
    /// The style a song asks for (`Style = medium-swing`), if any.
    public var style: String? { header["Style"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The tempo a song asks for (`Tempo = 132`), if any.
    public var tempo: Tempo? { header["Tempo"].flatMap(Double.init).flatMap { Tempo(bpm: $0) } }

    /// The composer (`Composer`, or the corpus' `ComposedBy`).
    public var composer: String? { header["Composer"] ?? header["ComposedBy"] }

    /// The song's key: `Key = F`, `Key = Cm` (or C-, Cmin); without one, the root of the
    /// first chord. Key cycles and key lists transpose from it.
    public var key: ChartKey? {
        if let text = header["Key"], let key = ChartKey(text) { return key }
        guard let first = bars.lazy.flatMap({ $0 }).compactMap(\.chord).first else { return nil }
        return ChartKey(tonic: first.root, minor: first.type.isMinor)
    }

    /// Header fields a song gives meaning to must hold what they say.
    func validateSettings(lines: [String: Int], source: String?) throws(ChordChartError) {
        if let text = header["Tempo"], tempo == nil {
            throw ChordChartError(source: source, line: lines["Tempo"] ?? 0, reason: "Tempo \"\(text)\" is not 20...400 BPM")
        }
        if let text = header["Key"], ChartKey(text) == nil {
            throw ChordChartError(source: source, line: lines["Key"] ?? 0, reason: "Key \"\(text)\" is not a key (e.g. F, Bb, C#m, Ebm)")
        }
    }
}
