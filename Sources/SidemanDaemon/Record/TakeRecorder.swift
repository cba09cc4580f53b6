import ALSASequencer
import Arranger
import AudioInput
import Foundation
import Logging
import MusicCore
import Recorder
import Synchronization

/// Records takes: the audio the synth rendered (from the `AudioTap` the audio callback fills)
/// and the MIDI of the same moments (from the `cues` ring), into a pair of files named by date,
/// time and style, on a writer thread of its own. The audio thread only pushes into the two
/// rings and calls `trigger`, `requestToggle`; everything else runs on the writer thread or on
/// the thread asking (`start`, `stop`, `status`).
///
/// With `[record] input`, the input is captured on a thread of its own (`InputCapture`) and
/// written beside the band: `NAME.flac` is then the mix, `NAME.band.flac` and
/// `NAME.input.flac` the two alone (`Take.stems`).
///
/// Files by concern: +Writing runs the writer thread's poll (take start, drain, end, files).
public final class TakeRecorder: Sendable {
    /// The band's name and tempo for a take's name and MIDI file, asked when a take starts.
    public struct Context: Sendable {
        public var label: String
        public var tempo: Tempo
        public var meter: Meter
        public init(label: String, tempo: Tempo, meter: Meter) {
            self.label = label
            self.tempo = tempo
            self.meter = meter
        }
    }

    /// A take being written (writer thread only, inside `state`).
    struct Running {
        var name: String
        var audioPath: String
        /// Every audio file of the take (the mix first when an input is recorded).
        var audioPaths: [String]
        var writer: TakeAudioWriter
        /// When the band's last block was in and the take waited for the input to catch up.
        var endWait: ContinuousClock.Instant?
        var midi = BandRecorder()
        var time: FrameTime
        var meter: Meter
        var bandStopped = false
        var problem: String?
    }

    struct State {
        var running: Running?
        /// Armed again after each take (mode armed/always), unless the user stopped it (armed).
        var rearm: Bool
        var lastTake: String?
        var problem: String?
        var refused = false
        var lastSpaceCheck = ContinuousClock.now - .seconds(60)
        var freeMB: Int?
        /// Toggles the audio thread asked for that the writer has handled.
        var togglesSeen = 0
        /// An offline render's own MIDI, used for its take instead of the cues.
        var offlineMIDI: (BandRecorder, FrameTime)?
        /// The channels' sounds as last set, for the start of the next take's MIDI.
        var sounds = ChannelSounds()
        /// The input could not be placed in a take (said once until it can).
        var inputUnaligned = false
    }

    public let settings: SidemanConfig.Record
    public let format: TakeFormat
    public let sampleRate: Int
    public let tap: AudioTap
    public let cues = SPSCRing<TakeCue>(capacity: 8192)
    public let library: TakeLibrary
    /// `[record] input`, captured beside the band (nil: the band alone).
    public let input: LiveInput?
    /// The band's audio period: the callback renders that far ahead of what the card has.
    let bandPeriodSize: Int
    let capture = Mutex<InputCapture?>(nil)
    let logger: Logger
    let context: @Sendable () -> Context
    let state: Mutex<State>
    /// Footswitch presses from the audio thread (a `record` control): counted, handled by the writer.
    let toggles = Atomic<Int>(0)
    /// Set while the writer thread runs.
    let thread = Mutex<PeriodicThread?>(nil)

    public init(
        settings: SidemanConfig.Record, sampleRate: Int, periodSize: Int = 256, logger: Logger, context: @escaping @Sendable () -> Context
    ) {
        self.settings = settings
        input = settings.input.map { LiveInput(device: $0, sampleRate: sampleRate) }
        bandPeriodSize = periodSize
        format = TakeFormat(rawValue: settings.format) ?? .flac
        self.sampleRate = sampleRate
        tap = AudioTap(sampleRate: sampleRate)
        library = TakeLibrary(folder: settings.folder)
        self.logger = logger
        self.context = context
        state = Mutex(State(rearm: settings.mode != .off))
    }

    /// Starts the writer thread (and arms, in mode armed or always), and the input's capture
    /// (`captureInput` false: tests feed the input themselves).
    public func run(captureInput: Bool = true) {
        prune()
        if let input, captureInput {
            let logger = self.logger, tap = self.tap
            let reader = InputCapture(
                input: input, bandPeriodSize: bandPeriodSize, written: { tap.handedOverFrames },
                log: { line in line.contains(" captured: ") ? logger.info("\(line)") : logger.warning("\(line)") })
            reader.start()
            capture.withLock { $0 = reader }
        }
        if settings.mode != .off { _ = arm() }
        thread.withLock { $0 = PeriodicThread(name: "sideman-recorder") { [self] in poll() } }
    }

    /// Ends the take running (its files are closed) and the writer thread.
    public func shutdown() {
        capture.withLock { c in
            c?.stop()
            c = nil
        }
        tap.stopWithoutProducer()
        let t = thread.withLock { t -> PeriodicThread? in
            defer { t = nil }
            return t
        }
        t?.stop()
        poll()
    }

    // MARK: Requests (any thread but the audio thread)

    /// `sideman record start`: a take begins with the next block. One line for the reply.
    public func start() -> String {
        if let reason = spaceRefusal() { return "error: \(reason)" }
        if tap.isTaking { return "ok: already recording" }
        _ = tap.requestStop()  // an armed take gives way to this one
        state.withLock { $0.rearm = settings.mode != .off }
        guard tap.begin(.starting) else { return "error: the last take is still being written; try again" }
        return "ok: recording"
    }

    /// `sideman record stop`: the take ends at the next block (an armed one is disarmed).
    public func stop() -> String {
        state.withLock { $0.rearm = settings.mode == .always }
        let wasTaking = tap.isTaking
        _ = tap.requestStop()
        return wasTaking ? "ok: take ends" : "ok: not recording"
    }

    /// `keep_days`: takes older than that are deleted (never otherwise).
    func prune() {
        guard let days = settings.keepDays else { return }
        for name in library.prune(olderThanDays: days) { logger.info("take deleted (keep_days)", metadata: ["take": "\(name)"]) }
    }

    /// Arms: the next first note or band start begins a take.
    public func arm() -> String {
        if let reason = spaceRefusal() { return "error: \(reason)" }
        state.withLock { $0.rearm = settings.mode != .off || $0.rearm }
        return tap.begin(.armed) ? "ok: armed" : "ok: already recording"
    }

    /// The footswitch: idle → armed, armed → idle, recording → stop.
    func toggle() {
        switch tap.currentState {
        case .idle:
            let reply = arm()
            logger.info("record control", metadata: ["result": "\(reply)"])
        case .armed:
            state.withLock { $0.rearm = false }
            _ = tap.requestStop()
            logger.info("record control", metadata: ["result": "disarmed"])
        default:
            _ = stop()
        }
    }

    /// Called on the audio thread: a `record` control was pressed.
    @inline(__always)
    public func requestToggle() { toggles.add(1, ordering: .relaxed) }

    /// Why a take cannot start now (free space below `min_free_mb`), or nil.
    func spaceRefusal() -> String? {
        Self.makeFolder(settings.folder)
        let free = library.freeMegabytes()
        let refusal: String?
        if let free {
            refusal = free < settings.minFreeMB
                ? "only \(free) MB free in \(settings.folder) (min_free_mb = \(settings.minFreeMB)): no new take" : nil
        } else {
            refusal = "\(settings.folder): cannot be read or created: no new take"
        }
        let changed = state.withLock { s -> Bool in
            s.freeMB = free
            s.lastSpaceCheck = .now
            defer { s.refused = refusal != nil }
            if let refusal { s.problem = refusal }
            return s.refused != (refusal != nil)
        }
        if changed, let refusal { logger.warning("recording refused: \(refusal)") }
        return refusal
    }

    /// The recordings folder, made if missing: group-writable (setgid), so that members of the
    /// daemon's group can delete takes with `sideman recordings delete`.
    static func makeFolder(_ folder: String) {
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        try? FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o2775])
    }

    public var status: RecorderStatus {
        let tapState = tap.currentState
        return state.withLock { s in
            var status = RecorderStatus(mode: settings.mode.rawValue, state: "idle", folder: settings.folder)
            if let running = s.running {
                status.state = "recording"
                status.take = running.name
                status.seconds = Double(running.writer.framesWritten) / Double(sampleRate)
            } else if s.refused {
                status.state = "refused"
            } else if tapState == .armed {
                status.state = "armed"
            } else if tapState == .starting || tapState == .capturing {
                status.state = "recording"
            }
            status.lastTake = s.lastTake
            status.problem = s.problem
            status.freeMB = s.freeMB
            return status
        }
    }
}
