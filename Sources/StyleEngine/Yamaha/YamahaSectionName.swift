/// Yamaha's section marker names and the sections they become.
enum YamahaSectionName {
    /// Markers that are not sections: the format tag and the setup bar.
    static let formatMarkers: Set<String> = ["SFF1", "SFF2"]
    static let setupMarker = "SInt"

    /// "Intro A"–"C" → intro 1–3, "Main A"–"D", "Fill In AA"/"BB"/"CC"/"DD" → fill A–D,
    /// "Fill In BA" → break, "Ending A"–"C" → ending 1–3. Anything else (a user's
    /// "Fill In AB", "Ending D", "Intro D") has no place in the model: nil.
    static func sectionID(forMarker marker: String) -> SectionID? {
        let words = marker.split(separator: " ").map { $0.uppercased() }
        switch words.count {
        case 2:
            let letter = words[1]
            let index = ["A", "B", "C"].firstIndex(of: letter)
            switch words[0] {
            case "MAIN": return SectionID.MainVariation(letter: letter).map { .main($0) }
            case "INTRO": return index.map { .intro($0 + 1) }
            case "ENDING": return index.map { .ending($0 + 1) }
            default: return nil
            }
        case 3 where words[0] == "FILL" && words[1] == "IN":
            let pair = Array(words[2])
            guard pair.count == 2 else { return nil }
            if pair == ["B", "A"] { return .breakFill }
            guard pair[0] == pair[1], let v = SectionID.MainVariation(letter: String(pair[0])) else { return nil }
            return .fill(v)
        default:
            return nil
        }
    }
}
