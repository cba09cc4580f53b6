import MusicCore
import StyleEngine

/// The band: a pure step function driven by the audio sample clock. `send` queues commands;
/// `advance` applies them at frame 0 of the block, then plays every note, bar line and
/// note-off that falls in the block, in time order, at exact frames.
///
/// Real time: after `init` (or a style change, which compiles the new style in `send`),
/// `advance` does not allocate: sounding notes, delayed notes, note maps and cursors live in
/// storage sized up front, and a chord change refills the note maps in place. A style
/// prepared off the audio thread (`PreparedStyle`, `changeStyle(to:)`) swaps in without
/// allocating either.
///
/// Chord changes reach the very next note (pitches are looked up when a note starts, never
/// ahead). Sounding notes follow their track's retrigger rule:
/// - stop: the note ends.
/// - pitch shift: a note whose pitch changes ends and the new pitch starts at once with the
///   same velocity for the rest of its length (a note-level stand-in for pitch bend, which
///   would bend every note of a polyphonic channel); an unchanged pitch keeps sounding.
/// - pitch shift to root: likewise, to the nearest key of the new root.
/// - retrigger (and note generator): every sounding note restarts, on its new pitch.
/// - retrigger to root: every sounding note restarts on the nearest key of the new root.
/// A note with less than a 32nd note left ends rather than restarting (a chord played just
/// ahead of the beat would otherwise strike a blip). No chord (cancel): every note of a
/// non-rhythm part ends; only rhythm parts play on.
///
/// A chart knows what comes next and says so (`nextChord`): a walking bass's last note
/// before the change becomes an approach into the next chord, and its first note on the
/// change lands where the approach aimed. A live left hand never says, and the line plays as
/// written. A chart's push (`push`) changes the whole band at once, re-strikes the chord
/// parts and the bass on it, and accents it on the drums.
///
/// Every note-on has exactly one note-off, whatever arrives: stop, chord, section or style
/// change, tempo change, mute, panic. A note that would start on a key already sounding on
/// its channel ends the old one first. Humanized timing only ever delays a note (by up to
/// `Humanize.timing` ticks), so nothing is played ahead of the clock.
public struct ArrangerEngine: Sendable {
    public let sampleRate: Int
    let seed: UInt64

    var compiled: CompiledStyle
    var maps: [NoteMap]
    /// Sent, waiting for its command to be applied.
    var incomingStyle: PreparedStyle?
    /// Applied while playing, waiting for the next bar line.
    var pendingStyle: PreparedStyle?
    /// Styles replaced (or overtaken before they played), kept so that their memory is not
    /// freed on the audio thread: the caller takes them (`takeRetiredStyle`) and frees them
    /// elsewhere. Fixed slots, filled in place.
    var retiredStyles: [PreparedStyle?]
    /// Commands refused because `commandCapacity` were already waiting in one block.
    public private(set) var droppedCommands = 0

    var clock: SampleClock
    var tempo: Tempo
    var sequencer: SectionSequencer
    var running = false
    var syncArmed = false
    var armedIntro: SectionID?
    var chord: Chord?
    /// Where the current chord began, and which bass-following parts (bit = PartID.rawValue)
    /// have not yet sounded a note on it: the first bass note of a chord lands on its bass.
    var chordTick: Tick = 0
    var bassToLand: UInt16 = 0
    /// Late-chord window and anticipation (see `ChordFeel`); set before or while playing.
    /// Strict unless set: the live band and render set it from the configuration's [chords].
    public var feel = ChordFeel.strict
    /// A chord played just before a strong beat, waiting for it (`pendingChordTick` < 0: none).
    var pendingChord: Chord?
    var pendingChordTick: Tick = -1
    /// The chord a chart says comes next, and the tick it comes on (`upcomingTick` < 0: none
    /// known, as with a live left hand).
    var upcomingChord: Chord?
    var upcomingTick: Tick = -1
    /// Per channel, the key a walking line's approach aimed at (-1: none): the first note on
    /// the new chord lands there, so the line resolves by step, not by a leap.
    var approachTarget: [Int16]
    /// Parts (bit = channel) that took a pushed chord ahead of the beat (`earlyChord`): the
    /// change at the beat leaves their notes as they are.
    var earlyParts: UInt16 = 0
    var earlyChord: Chord?
    /// Bit n set = part with channel n muted.
    var mutedParts: UInt16 = 0

    var sounding = SoundingNotes()
    var scratch: [SoundingNotes.Note]
    var scratchCount = 0
    var delayed: [DelayedNote]
    var delayedCount = 0
    var cursors: [Int]
    var commands: [ArrangerCommand]

    var firstBar = false
    var barStart: Tick = 0
    var nextBarLine: Tick = 0
    var barNumber = -1
    var barOffset: Tick = 0
    var playingSection: SectionID?

    static let commandCapacity = 64
    static let retiredCapacity = 4
    static let delayedCapacity = 128
    /// Tracks per section the cursors are sized for up front (Yamaha styles use at most 8).
    static let trackCapacity = 64
    /// Distinct rule sets the note maps are sized for up front.
    static let rulesCapacity = 256

    /// Note maps with storage of their own each (so refilling one never copies another).
    static func makeMaps(count: Int) -> [NoteMap] {
        (0..<max(rulesCapacity, count)).map { _ in NoteMap() }
    }

    struct DelayedNote: Sendable {
        var note: SoundingNotes.Note
        var startTick: Tick
        var duration: Tick
    }

    public init(style: Style, sampleRate: Int, seed: UInt64 = 1) {
        ChordTypeTables.warmUp()
        self.sampleRate = max(1, sampleRate)
        self.seed = seed
        compiled = PreparedStyle(style).compiled
        maps = Self.makeMaps(count: compiled.rules.count)
        tempo = style.tempo
        clock = SampleClock(tempo: style.tempo, sampleRate: self.sampleRate)
        sequencer = SectionSequencer(bars: compiled.bars)
        let blank = SoundingNotes.Note(part: .rhythm1, channel: 0, key: 0, written: 0, velocity: 0, rulesIndex: 0, endTick: 0)
        scratch = [SoundingNotes.Note](repeating: blank, count: SoundingNotes.capacity)
        delayed = [DelayedNote](repeating: DelayedNote(note: blank, startTick: 0, duration: 0), count: Self.delayedCapacity)
        cursors = [Int](repeating: 0, count: max(Self.trackCapacity, compiled.maxTracks))
        approachTarget = [Int16](repeating: -1, count: 16)
        commands = []
        commands.reserveCapacity(Self.commandCapacity)
        retiredStyles = [PreparedStyle?](repeating: nil, count: Self.retiredCapacity)
        refreshMaps()
    }

    /// Queue a command; it takes effect at frame 0 of the next `advance`. A `.style`
    /// command prepares the style here, which allocates: in real time, prepare it on another
    /// thread and use `changeStyle(to:)`.
    ///
    /// Commands whose latest value is all that counts (a chord, a tempo, a part's mute or
    /// volume, auto fill, sync start) replace the one of their kind already waiting, so that
    /// keys recorded on one frame (F, then F7) or a burst of controls reach the band once, live
    /// as offline. At most `commandCapacity` wait; beyond that a command is dropped and
    /// counted, never stored by allocating.
    public mutating func send(_ command: ArrangerCommand) {
        if case .style(let style) = command {
            changeStyle(to: PreparedStyle(style))
            return
        }
        enqueue(command)
    }

    mutating func enqueue(_ command: ArrangerCommand) {
        for i in commands.indices where Self.replaces(command, commands[i]) {
            commands.remove(at: i)
            break
        }
        guard commands.count < Self.commandCapacity else {
            droppedCommands += 1
            return
        }
        commands.append(command)
    }

    /// Whether `new` makes a waiting `old` pointless.
    static func replaces(_ new: ArrangerCommand, _ old: ArrangerCommand) -> Bool {
        switch new {
        case .chord, .push:
            switch old {
            case .chord, .push: return true
            default: break
            }
        case .nextChord: if case .nextChord = old { return true }
        case .tempo: if case .tempo = old { return true }
        case .autoFill: if case .autoFill = old { return true }
        case .syncStart: if case .syncStart = old { return true }
        case .mute(let a, _): if case .mute(let b, _) = old { return a == b }
        case .volume(let a, _): if case .volume(let b, _) = old { return a == b }
        default: break
        }
        return false
    }

    /// Keeps a style that is no longer needed for the caller to free elsewhere; in place when
    /// every slot is taken (nobody takes them: offline, where freeing is harmless).
    mutating func retire(_ style: PreparedStyle?) {
        guard let style else { return }
        for i in retiredStyles.indices where retiredStyles[i] == nil {
            retiredStyles[i] = style
            return
        }
        retiredStyles[retiredStyles.count - 1] = style
    }

    /// Change style at the next bar line (at once when stopped), with a style prepared
    /// elsewhere. Allocates nothing unless the style has more than `trackCapacity` tracks
    /// in a section or `rulesCapacity` distinct rule sets.
    public mutating func changeStyle(to prepared: PreparedStyle) {
        if cursors.count < prepared.compiled.maxTracks {
            cursors += [Int](repeating: 0, count: prepared.compiled.maxTracks - cursors.count)
        }
        if maps.count < prepared.compiled.rules.count {
            maps += (maps.count..<prepared.compiled.rules.count).map { _ in NoteMap() }
        }
        retire(incomingStyle)
        incomingStyle = prepared
        enqueue(.style(prepared.style))
    }

    /// A style a change replaced, for the caller to release off the audio thread (call until
    /// nil; otherwise the slots fill and a later change frees one in place).
    public mutating func takeRetiredStyle() -> PreparedStyle? {
        for i in retiredStyles.indices where retiredStyles[i] != nil {
            let r = retiredStyles[i]
            retiredStyles[i] = nil
            return r
        }
        return nil
    }

    /// Bank, program, volume, pan, reverb and chorus for every part of the current style,
    /// then All Notes Off on every band channel. The caller sends these once before the
    /// first `advance`; after a style change the engine emits the new style's own set at
    /// the moment it takes over.
    public func setupEvents() -> [MIDIEvent] { compiled.setup.map(\.event) }

    /// Where the band is, for a display: bars since start and the beat within the bar (both
    /// from 0; bar -1 while stopped or before the first bar line). Cheap enough to read on
    /// every audio block: two integers, no copy of anything else.
    public var position: (bar: Int, beat: Int) {
        guard running, barNumber >= 0 else { return (-1, 0) }
        return (barNumber, max(0, (clock.position - barStart) / compiled.ticksPerBeat))
    }

    /// The parts muted now, bit n for the part on channel n (by a control, a song's minus-one
    /// parts or a chord break alike).
    public var mutedPartBits: UInt16 { mutedParts }

    public var status: ArrangerStatus {
        let beat = position.bar >= 0 ? position.beat : 0
        return ArrangerStatus(
            isRunning: running, section: running ? playingSection : nil, chord: chord, tempo: tempo,
            bar: max(0, barNumber), beat: beat, isSyncStartArmed: syncArmed, autoFill: sequencer.autoFill,
            styleName: compiled.style.name)
    }

    /// Advance the clock by `frames` samples; every event and notice falls in 0..<frames
    /// and is reported in time order.
    public mutating func advance(frames: Int, emit: (BandEvent) -> Void, notify: (ArrangerNotice) -> Void) {
        guard frames > 0 else { return }
        applyCommands(emit: emit, notify: notify)
        if running {
            play(frames: frames, emit: emit, notify: notify)
            clock.endBlock(frames: frames)
        }
    }
}
