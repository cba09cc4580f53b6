import StyleEngine

/// A style made ready for the engine (swing applied, rules gathered, setup events built). Build it off the audio thread and hand it over with
/// `ArrangerEngine.changeStyle(to:)`, so a style change allocates nothing in real time.
public struct PreparedStyle: Sendable {
    var compiled: CompiledStyle

    public init(_ style: Style) {
        ChordTypeTables.warmUp()
        compiled = CompiledStyle(style)
    }

    public var style: Style { compiled.style }
}
