import ChordRecognition
import MusicCore

/// Turns the player's MIDI into arranger commands and voice notes: the split point, the
/// fingering mode, the settle window, chord memory, sync start and stop, and transpose.
///
/// Pure and clock-free: feed `receive` the player's events with their sample times, call
/// `advance(to:)` as time passes so that a chord held back by the settle window comes out
/// (`deadline` says when one is due). Nothing here allocates after `init`, so it may run
/// on the audio thread.
///
/// Every note-on it passes to a voice gets its note-off: each physical key remembers the
/// note and channel it sounded, whatever the split or transpose do while it is held.
public struct KeyboardProcessor: Sendable {
    public private(set) var settings: KeyboardSettings
    public let sampleRate: Int
    /// The band starts on the next recognised chord.
    public private(set) var syncStartArmed = false

    var settler: ChordSettler
    /// Per physical key: the sounding (channel << 8 | note), or `silent`.
    var sounding: [UInt16]
    static let silent: UInt16 = 0xFFFF
    /// Physical keys now feeding chord recognition.
    var chordKeys = KeySet()
    /// The chord sent to the band (already transposed); nil before any chord or after a cancel.
    public private(set) var bandChord: Chord?

    public init(settings: KeyboardSettings = KeyboardSettings(), sampleRate: Int) {
        self.settings = settings
        self.sampleRate = sampleRate
        self.settler = ChordSettler(mode: settings.fingering, settleWindow: Self.samples(settings.settleMilliseconds, sampleRate))
        self.sounding = [UInt16](repeating: Self.silent, count: 128)
    }

    static func samples(_ milliseconds: Int, _ sampleRate: Int) -> Int64 {
        Int64(max(0, milliseconds)) * Int64(sampleRate) / 1000
    }

    /// When a held-back chord is due (call `advance(to:)` then), nil when none is.
    public var deadline: Int64? { settler.deadline }

    /// The chord the player's hand names (before transpose), for display.
    public var recognisedChord: Chord? { settler.current }

    // MARK: Settings

    /// Split, fingering, window, memory, sync stop and voices; takes effect for keys
    /// pressed from now on. Transpose has its own method because it re-sends the chord.
    public mutating func update(_ new: KeyboardSettings, at time: Int64, emit: (KeyboardOutput) -> Void) {
        let transposeChanged = new.transpose != settings.transpose
        settings = new
        settler.mode = new.fingering
        settler.settleWindow = Self.samples(new.settleMilliseconds, sampleRate)
        if transposeChanged, let chord = settler.current {
            sendChord(chord.transposed(by: new.transpose), at: time, emit: emit)
        }
    }

    public mutating func setTranspose(_ semitones: Int, at time: Int64, emit: (KeyboardOutput) -> Void) {
        var new = settings
        new.transpose = semitones
        update(new, at: time, emit: emit)
    }

    /// Arms (or disarms) sync start. Once armed, the next chord the hand plays starts the
    /// band, even the chord it already holds in memory. Call it whenever the engine is sent
    /// `.syncStart`, so that a chord held in memory is sent again when played again.
    public mutating func armSyncStart(_ armed: Bool) {
        syncStartArmed = armed
        if armed { settler.forgetCurrent() }
    }

    // MARK: Events

    public mutating func receive(_ event: MIDIEvent, at time: Int64, emit: (KeyboardOutput) -> Void) {
        // A chord that came due before this event goes out first.
        advance(to: time, emit: emit)
        switch event {
        case .noteOn(_, let key, let velocity) where velocity.rawValue > 0:
            keyDown(key, velocity: velocity, at: time, emit: emit)
        case .noteOn(_, let key, let velocity), .noteOff(_, let key, let velocity):
            keyUp(key, velocity: velocity, at: time, emit: emit)
        case .controlChange(_, let controller, let value):
            emit(.voice(.controlChange(channel: settings.leadChannel, controller: controller, value: value), time: time))
        case .pitchBend(_, let value):
            emit(.voice(.pitchBend(channel: settings.leadChannel, value: value), time: time))
        case .channelPressure(_, let pressure):
            emit(.voice(.channelPressure(channel: settings.leadChannel, pressure: pressure), time: time))
        default:
            break
        }
    }

    /// Sends a chord held back by the settle window once its time has come.
    public mutating func advance(to time: Int64, emit: (KeyboardOutput) -> Void) {
        if let change = settler.poll(at: time) { apply(change, emit: emit) }
    }

    /// Ends every voice note now (panic, shutdown, input lost); the chord stays. The pedals
    /// go up first on the player's channels: under a held sustain pedal a note-off does not
    /// end a note, and a pedal's release may be what was lost.
    public mutating func releaseAll(at time: Int64, emit: (KeyboardOutput) -> Void) {
        liftPedals(on: settings.leadChannel, at: time, emit: emit)
        if settings.leftChannel != settings.leadChannel { liftPedals(on: settings.leftChannel, at: time, emit: emit) }
        for key in 0..<128 where sounding[key] != Self.silent {
            emit(.voice(noteOff(sounding[key], velocity: 0), time: time))
            sounding[key] = Self.silent
        }
        chordKeys.removeAll()
        settler.releaseAll()
    }

    /// Pedals up and the pitch bend back at centre: after a loss, neither is known any more,
    /// and a lost return would leave the voice held or out of tune.
    func liftPedals(on channel: MIDIChannel, at time: Int64, emit: (KeyboardOutput) -> Void) {
        emit(.voice(.controlChange(channel: channel, controller: MIDIController.sustain, value: 0), time: time))
        emit(.voice(.controlChange(channel: channel, controller: MIDIController.sostenuto, value: 0), time: time))
        emit(.voice(.pitchBend(channel: channel, value: .center), time: time))
    }

    // MARK: Keys

    mutating func keyDown(_ key: UInt7, velocity: UInt7, at time: Int64, emit: (KeyboardOutput) -> Void) {
        let k = key.intValue
        // A repeated note-on without its note-off: end the old note first.
        if sounding[k] != Self.silent {
            emit(.voice(noteOff(sounding[k], velocity: 0), time: time))
            sounding[k] = Self.silent
        }
        let whole = settings.fingering.usesWholeKeyboard
        let inChordZone = whole || key < settings.splitPoint
        let channel: MIDIChannel? =
            whole || key >= settings.splitPoint ? settings.leadChannel : (settings.leftVoice ? settings.leftChannel : nil)
        if let channel, let note = UInt7(k + settings.transpose) {
            emit(.voice(.noteOn(channel: channel, note: note, velocity: velocity), time: time))
            sounding[k] = UInt16(channel.rawValue) << 8 | UInt16(note.rawValue)
        }
        if inChordZone {
            chordKeys.insert(key)
            if let change = settler.noteOn(key, at: time) { apply(change, emit: emit) }
        }
    }

    mutating func keyUp(_ key: UInt7, velocity: UInt7, at time: Int64, emit: (KeyboardOutput) -> Void) {
        let k = key.intValue
        if sounding[k] != Self.silent {
            emit(.voice(noteOff(sounding[k], velocity: velocity), time: time))
            sounding[k] = Self.silent
        }
        guard chordKeys.contains(key) else { return }
        chordKeys.remove(key)
        settler.noteOff(key, at: time)
        guard chordKeys.isEmpty else { return }
        // The chord hand has let go.
        let whole = settings.fingering.usesWholeKeyboard
        if !settings.chordMemory {
            settler.reset()
            if bandChord != nil {
                bandChord = nil
                emit(.command(.chord(nil), time: time))
            }
        }
        if settings.syncStop && !whole {
            // As on Yamaha arrangers, sync stop leaves sync start armed; the engine is
            // told too, so that its status shows it.
            emit(.command(.stop, time: time))
            emit(.command(.syncStart(true), time: time))
            armSyncStart(true)
        }
    }

    mutating func apply(_ change: ChordSettler.Change, emit: (KeyboardOutput) -> Void) {
        switch change.reading {
        case .chord(let chord):
            sendChord(chord.transposed(by: settings.transpose), at: change.time, emit: emit)
        case .cancel:
            bandChord = nil
            emit(.command(.chord(nil), time: change.time))
        case .unrecognised:
            break
        }
    }

    /// Sends a chord the band does not have yet. While sync start is armed the chord is
    /// sent even if unchanged (the engine starts on a chord command), followed by `.start`
    /// (ignored by an engine already running).
    mutating func sendChord(_ chord: Chord, at time: Int64, emit: (KeyboardOutput) -> Void) {
        if chord != bandChord || syncStartArmed {
            bandChord = chord
            emit(.command(.chord(chord), time: time))
        }
        if syncStartArmed {
            syncStartArmed = false
            emit(.command(.start, time: time))
        }
    }

    func noteOff(_ packed: UInt16, velocity: UInt7) -> MIDIEvent {
        .noteOff(
            channel: MIDIChannel(rawValue: UInt8(packed >> 8)) ?? 0,
            note: UInt7(clamping: Int(packed & 0x7F)), velocity: velocity)
    }
}
