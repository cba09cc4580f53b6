/// What happens to a sounding note when the chord changes under it.
public enum RetriggerRule: String, CaseIterable, Hashable, Sendable {
    case stop
    case pitchShift
    case pitchShiftToRoot
    case retrigger
    case retriggerToRoot
    /// Yamaha's "note generator": treated as retrigger.
    case noteGenerator
}
