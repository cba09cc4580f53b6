import MusicCore

/// The seven-degree scale the melody tables map into, per chord type. Every chord tone of
/// the type is in its scale. Degrees may repeat (sus4: the 3rd degree becomes the 4th) so
/// that a written line keeps its shape degree by degree.
public enum ChordScale {
    static let ionian = [0, 2, 4, 5, 7, 9, 11]
    static let lydian = [0, 2, 4, 6, 7, 9, 11]
    static let mixolydian = [0, 2, 4, 5, 7, 9, 10]
    static let lydianDominant = [0, 2, 4, 6, 7, 9, 10]
    static let aeolian = [0, 2, 3, 5, 7, 8, 10]
    static let dorian = [0, 2, 3, 5, 7, 9, 10]
    static let melodicMinor = [0, 2, 3, 5, 7, 9, 11]
    static let locrianNatural2 = [0, 2, 3, 5, 6, 8, 10]

    /// Indexed by `ChordType.rawValue`.
    static let degreeTable: [[Int]] = ChordType.allCases.map { degrees(for: $0) }

    /// The seven degrees (intervals above the root) of the scale the band uses for `type`.
    public static func degrees(of type: ChordType) -> [Int] { degreeTable[type.rawValue] }

    /// The scale as a set.
    public static func set(of type: ChordType) -> IntervalSet { IntervalSet(degreeTable[type.rawValue]) }

    static func degree(_ d: Int, of type: ChordType) -> Int { degreeTable[type.rawValue][d] }

    private static func degrees(for type: ChordType) -> [Int] {
        switch type {
        case .major, .sixth, .major7, .add9, .major9, .sixNine, .onePlusEight, .onePlusFive: ionian
        case .major7Sharp11: lydian
        case .augmented: [0, 2, 4, 5, 8, 9, 11]
        case .major7Sharp5: [0, 2, 4, 6, 8, 9, 11]
        case .minor, .minorAdd9: aeolian
        case .minor6, .minor7, .minor9, .minor11: dorian
        case .minorMajor7, .minorMajor9: melodicMinor
        case .minor7Flat5, .diminished: locrianNatural2
        case .diminished7: [0, 2, 3, 5, 6, 8, 9]
        case .dominant7, .nine, .thirteen: mixolydian
        case .sevenSus4: [0, 2, 5, 5, 7, 9, 10]
        case .sevenFlat5, .sevenSharp11: lydianDominant
        case .sevenFlat9: [0, 1, 4, 5, 7, 9, 10]
        case .sevenFlat13: [0, 2, 4, 5, 7, 8, 10]
        case .sevenSharp9: [0, 3, 4, 5, 7, 8, 10]
        case .sevenSharp5: [0, 2, 4, 5, 8, 9, 10]
        case .sus4: [0, 2, 5, 5, 7, 9, 11]
        case .sus2: [0, 2, 2, 5, 7, 9, 11]
        }
    }
}
