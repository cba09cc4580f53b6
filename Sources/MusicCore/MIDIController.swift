/// Controller numbers Sideman sends or reacts to.
public enum MIDIController {
    public static let bankSelectMSB: UInt7 = 0
    public static let modulation: UInt7 = 1
    public static let volume: UInt7 = 7
    public static let pan: UInt7 = 10
    public static let expression: UInt7 = 11
    public static let bankSelectLSB: UInt7 = 32
    public static let sustain: UInt7 = 64
    public static let sostenuto: UInt7 = 66
    public static let reverbSend: UInt7 = 91
    public static let chorusSend: UInt7 = 93
    public static let allSoundOff: UInt7 = 120
    public static let resetAllControllers: UInt7 = 121
    public static let allNotesOff: UInt7 = 123
}
