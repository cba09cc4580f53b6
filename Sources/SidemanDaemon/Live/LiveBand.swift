import ALSASequencer
import Arranger
import ChordRecognition
import MusicCore
import StyleEngine

/// The live band as one value: the player's MIDI goes through the control mapping, then the
/// keyboard processor (split, fingering, sync start, memory, transpose); chords and controls
/// become arranger commands, the player's own notes go straight to the sink, and `advance`
/// plays the band. No I/O and no clock of its own, so the audio callback drives it block by
/// block and tests drive it the same way.
///
/// Timing: input is placed at the start of the block being rendered (the block is 64 frames,
/// 1.3 ms at 48 kHz), which is as early as it can sound.
///
/// Real time: after `init`, receiving and advancing allocate and free nothing, rare events
/// included: a mute changes a set with room reserved for every part, tap tempo keeps a
/// fixed window, and a style change leaves the style it replaced in the engine for the
/// caller to free elsewhere (`ArrangerEngine.takeRetiredStyle`).
public struct LiveBand: Sendable {
    public internal(set) var engine: ArrangerEngine
    public internal(set) var keyboard: KeyboardProcessor
    var mapper: ControlMapper
    var tap = TapTempo()
    /// The keyboard's channel; nil = omni.
    var keyboardChannel: MIDIChannel?
    var styles: [LiveStyle]
    public internal(set) var styleIndex: Int
    let fingeringModes: [FingeringMode]
    var leadProgram: UInt7
    var leftProgram: UInt7?
    /// The next key pressed becomes the split point.
    public private(set) var learningSplit = false
    var currentMain: SectionID.MainVariation
    var mutedParts: Set<PartID>
    /// Samples rendered since start: the keyboard processor's clock.
    public private(set) var sampleTime: Int64 = 0
    /// A song leads (chart mode): the left hand's chords do not reach the engine, and
    /// start/stop and tempo controls go to the practice player.
    var chartActive = false
    /// Practice controls, for the daemon to act on off the audio thread.
    let practiceActions = SPSCRing<ControlAction>(capacity: 32)

    /// `styles` must not be empty; `styleIndex` is the one to start with.
    public init(styles: [LiveStyle], styleIndex: Int, config: SidemanConfig, sampleRate: Int) {
        precondition(!styles.isEmpty, "a live band needs a style")
        self.styles = styles
        self.styleIndex = min(max(0, styleIndex), styles.count - 1)
        let style = styles[self.styleIndex].style
        engine = ArrangerEngine(style: style, sampleRate: sampleRate)
        engine.feel = config.chords.feel
        var settings = KeyboardSettings()
        settings.apply(config.keyboard)
        keyboard = KeyboardProcessor(settings: settings, sampleRate: sampleRate)
        keyboardChannel = config.keyboard.channel
        mapper = ControlMapper(mapping: config.control, keyboardChannel: config.keyboard.channel)
        fingeringModes = FingeringMode.allCases
        leadProgram = UInt7(clamping: config.keyboard.leadProgram - 1)
        leftProgram = config.keyboard.leftProgram.map { UInt7(clamping: $0 - 1) }
        mutedParts = Set(minimumCapacity: PartID.allCases.count)
        currentMain = SectionID.MainVariation.allCases.first { style.sections[.main($0)] != nil } ?? .a

        engine.send(.autoFill(config.style.autoFill))
        if let bpm = config.style.tempo, let tempo = Tempo(bpm: bpm) { engine.send(.tempo(tempo)) }
        engine.send(.section(.main(currentMain)))
        if config.keyboard.syncStart {
            engine.send(.syncStart(true))
            keyboard.armSyncStart(true)
        }
    }

    public var style: Style { styles[styleIndex].style }

    /// The band's setup (programs, volumes ...) and the player's voices: send once before
    /// the first block.
    public func setupEvents() -> [MIDIEvent] {
        var events = engine.setupEvents()
        events.append(.programChange(channel: keyboard.settings.leadChannel, program: leadProgram))
        if let leftProgram { events.append(.programChange(channel: keyboard.settings.leftChannel, program: leftProgram)) }
        return events
    }

    // MARK: Input

    /// One message from the player (or an outside transport). `nanoseconds` is its monotonic
    /// arrival time (for tap tempo).
    public mutating func receive<S: BandSink>(_ event: MIDIEvent, atNanoseconds nanoseconds: UInt64, into sink: inout S) {
        switch mapper.decide(event) {
        case .consume: return
        case .act(let action): perform(action, atNanoseconds: nanoseconds, into: &sink)
        case .pass:
            guard let channel = event.channel else { return }  // clock, SysEx ...: not the keyboard's
            if let keyboardChannel, channel != keyboardChannel { return }
            if learningSplit, case .noteOn(_, let key, let velocity) = event, velocity.rawValue > 0 {
                var settings = keyboard.settings
                settings.splitPoint = key
                Self.feed(&keyboard, &engine, &sink) { $0.update(settings, at: sampleTime, emit: $1) }
                learningSplit = false
                return
            }
            Self.feed(&keyboard, &engine, &sink, keyboardLeads: !chartActive) { $0.receive(event, at: sampleTime, emit: $1) }
        }
    }

    /// The control's effect on the band, given where the band is now.
    mutating func perform<S: BandSink>(_ action: ControlAction, atNanoseconds nanoseconds: UInt64, into sink: inout S) {
        // The context shares `mutedParts`' storage; it ends inside the closure, before a mute
        // below changes the set, so that the change is made in place (no copy-on-write).
        let effect: ControlEffect? = {
            let status = engine.status
            var context = ControlContext(
                isRunning: status.isRunning, syncStartArmed: status.isSyncStartArmed, currentMain: currentMain,
                tempo: status.tempo, mutedParts: mutedParts)
            context.chartActive = chartActive
            return action.effect(in: context)
        }()
        guard let effect else { return }
        switch effect {
        case .arranger(let command): apply(command, into: &sink)
        case .toggleRecording: sink.toggleRecording()
        case .tap: if let tempo = tap.tap(atNanoseconds: nanoseconds) { engine.send(.tempo(tempo)) }
        case .selectStyle(let n): if styles.indices.contains(n) { selectStyle(n, into: &sink) }
        case .stepStyle(let step): selectStyle(((styleIndex + step) % styles.count + styles.count) % styles.count, into: &sink)
        case .nextFingeringMode:
            let i = fingeringModes.firstIndex(of: keyboard.settings.fingering) ?? 0
            var settings = keyboard.settings
            settings.fingering = fingeringModes[(i + 1) % fingeringModes.count]
            Self.feed(&keyboard, &engine, &sink) { $0.update(settings, at: sampleTime, emit: $1) }
        case .learnSplitPoint: learningSplit = true
        case .practice(let action): _ = practiceActions.push(action)
        }
    }

    /// An arranger command from a control, keeping the keyboard processor in step with it.
    mutating func apply<S: BandSink>(_ command: ArrangerCommand, into sink: inout S) {
        switch command {
        case .syncStart(let armed): keyboard.armSyncStart(armed)
        case .section(.main(let variation)): currentMain = variation
        case .mute(let part, let muted):
            if muted { mutedParts.insert(part) } else { mutedParts.remove(part) }
        case .panic:
            Self.feed(&keyboard, &engine, &sink) { $0.releaseAll(at: sampleTime, emit: $1) }
            // The channels the band does not drive (the player's voices and any other): the
            // engine sweeps its own. As band events, so that they go out on `out` as well.
            for c in 0..<16 where PartID(rawValue: c) == nil {  // an Int range: see SectionSequencer.resolved
                let channel = MIDIChannel(rawValue: UInt8(c))!
                sink.playBand(BandEvent(frame: 0, part: nil, event: .controlChange(channel: channel, controller: 64, value: 0)))
                sink.playBand(BandEvent(frame: 0, part: nil, event: .controlChange(channel: channel, controller: 120, value: 0)))
                sink.playBand(BandEvent(frame: 0, part: nil, event: .controlChange(channel: channel, controller: 123, value: 0)))
            }
        default: break
        }
        engine.send(command)
    }

    mutating func selectStyle<S: BandSink>(_ index: Int, into sink: inout S) {
        guard index != styleIndex else { return }
        styleIndex = index
        // Programs, banks and kits change with the style's setup, which the engine plays at
        // the swap (the next bar line) on the band's channels only.
        engine.changeStyle(to: styles[index].prepared)
        for raw in 0..<4 {  // the first main the style has (an Int range: see SectionSequencer.resolved)
            let main = SectionID.MainVariation(rawValue: raw)!
            if styles[index].style.sections[.main(main)] != nil {
                currentMain = main
                break
            }
        }
    }

    /// Runs the keyboard processor, routing its commands to the engine and its voice notes to
    /// the sink (distinct stored properties, so no copy of either is made).
    static func feed<S: BandSink>(
        _ keyboard: inout KeyboardProcessor, _ engine: inout ArrangerEngine, _ sink: inout S, keyboardLeads: Bool = true,
        _ body: (inout KeyboardProcessor, (KeyboardOutput) -> Void) -> Void
    ) {
        body(&keyboard) { output in
            switch output {
            case .command(let command, _): if keyboardLeads { engine.send(command) }
            case .voice(let event, _): sink.play(event)
            }
        }
    }

    // MARK: Time

    /// Plays the next `frames` samples: a chord held back by the settle window, then the band.
    public mutating func advance<S: BandSink>(frames: Int, into sink: inout S, notify: (ArrangerNotice) -> Void) {
        Self.feed(&keyboard, &engine, &sink, keyboardLeads: !chartActive) { $0.advance(to: sampleTime, emit: $1) }
        engine.advance(frames: frames, emit: { sink.playBand($0) }, notify: notify)
        sampleTime += Int64(frames)
    }

    /// Input was lost (an overrun): which keys are still held is unknown, so every voice note
    /// the player sounds is released and the held chord keys are forgotten (the band keeps
    /// its chord); the next keys pressed start afresh. Allocation-free.
    public mutating func releaseHands<S: BandSink>(into sink: inout S) {
        Self.feed(&keyboard, &engine, &sink) { $0.releaseAll(at: sampleTime, emit: $1) }
    }

    /// Stop everything now: the band stops (every note ended), the player's voices are
    /// released. Call `advance` once more to flush the band's note-offs to the sink.
    public mutating func stopAll<S: BandSink>(into sink: inout S) {
        Self.feed(&keyboard, &engine, &sink) { $0.releaseAll(at: sampleTime, emit: $1) }
        engine.send(.panic)
        engine.send(.stop)
    }
}
