import Arranger
import ChordRecognition

extension KeyboardSettings {
    /// The configuration's keyboard keys, keeping the channels and timing this value has.
    mutating func apply(_ keyboard: SidemanConfig.Keyboard) {
        splitPoint = keyboard.splitPoint
        fingering = FingeringMode(rawValue: keyboard.fingering) ?? .fingered
        chordMemory = keyboard.chordMemory
        syncStop = keyboard.syncStop
        transpose = keyboard.transpose
        leftVoice = keyboard.leftProgram != nil
    }
}
