/// What to do with one incoming message after the control mapping has seen it.
public enum ControlDecision: Hashable, Sendable {
    /// Music: hand it on to the keyboard processor.
    case pass
    /// A control message with nothing to do now (a key release, a button's release, anything
    /// else on the control channel): drop it.
    case consume
    /// A control: do this, and drop the message.
    case act(ControlAction)
}
