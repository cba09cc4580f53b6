import ALSASequencer
import Arranger
import Dispatch
import MusicCore
import StyleEngine

/// The audio thread's side of the `out` port: the band's notes (when `[out] band` is on) and
/// MIDI clock (when `[clock] send` is on) go into a lock-free ring that the output thread
/// (OutputSender) empties into ALSA. The audio thread never calls ALSA; it only pushes and,
/// once per block that pushed something, signals a semaphore (an atomic increment, and a
/// futex wake only when the output thread sleeps: no lock, no allocation, no wait).
public struct LiveOutput: @unchecked Sendable {
    // Safety: the ring is single-producer (the audio thread) / single-consumer (the output
    // thread); the semaphore is thread-safe.
    public let ring: SPSCRing<OutgoingMIDI>
    public let wake: DispatchSemaphore
    public private(set) var sendsBand: Bool
    public private(set) var sendsClock: Bool
    /// The audio's sample rate: frames to time, for the output thread's pacing.
    public let sampleRate: Int
    var clock = MIDIClockGenerator()
    var pushed = false

    public init(band: Bool, clock: Bool, sampleRate: Int = 48_000, capacity: Int = 4096) {
        self.sampleRate = sampleRate
        ring = SPSCRing(capacity: capacity)
        wake = DispatchSemaphore(value: 0)
        sendsBand = band
        sendsClock = clock
    }

    /// New settings (a reloaded configuration). Whatever stops going out is ended out there:
    /// All Notes Off on the band's channels, Stop for a running clock.
    mutating func configure(band: Bool, clock: Bool, frame: Int64) {
        if sendsBand && !band {
            for part in PartID.allCases {
                ring.push(OutgoingMIDI(event: .controlChange(channel: part.channel, controller: MIDIController.allNotesOff, value: 0), frame: frame))
            }
            pushed = true
        }
        if sendsClock && !clock && self.clock.wasRunning {
            ring.push(OutgoingMIDI(event: .stop, frame: frame))
            pushed = true
        }
        if sendsClock != clock { self.clock = MIDIClockGenerator() }
        sendsBand = band
        sendsClock = clock
    }

    /// A band event, played at the start of the block beginning at `frame`.
    mutating func band(_ event: MIDIEvent, frame: Int64) {
        guard sendsBand else { return }
        ring.push(OutgoingMIDI(event: event, frame: frame))
        pushed = true
    }

    /// After the engine played the block of `frames` frames that began at `frame`.
    mutating func endBlock(frames: Int, frame: Int64, engine: ArrangerEngine) {
        if sendsClock {
            let ring = self.ring
            var any = false
            clock.block(frames: frames, engine: engine) { event, offset in
                ring.push(OutgoingMIDI(event: event, frame: frame + Int64(offset)))
                any = true
            }
            if any { pushed = true }
        }
        if pushed {
            wake.signal()
            pushed = false
        }
    }
}
