import CAlsa
import Foundation
import Recorder
import Synchronization

/// Captures `[record] input` (a guitar or a voice on the audio interface) on a thread of its
/// own: 16-bit frames from the ALSA device into the input's ring, and after every read the
/// card's own timestamped position into the input's capture clock; a few times a second the
/// band's playback position too (`PlaybackPosition`). Never the audio thread: nothing here
/// can delay the band. A missing or busy device is one log line; it is tried again every few
/// seconds, quietly, and takes meanwhile hold the band alone.
public final class InputCapture: Sendable {
    private final class Flags: Sendable {
        let running = Atomic<Bool>(true)
        let finished = Atomic<Bool>(false)
    }

    public let input: LiveInput
    let periodSize: Int
    let periods: Int
    let bandPeriodSize: Int
    let written: @Sendable () -> Int64
    let log: @Sendable (String) -> Void
    private let flags = Flags()

    /// `bandPeriodSize`: the band's audio period; `written`: the callback's frame count up to
    /// which everything is on the card; `log`: one line per event worth it.
    /// The buffer is deep (32 periods, about 170 ms at 48 kHz): the input's frames are placed by
    /// the card's timestamps, not by how soon they are read, so a deep buffer costs nothing and
    /// spares the take the silence an overrun leaves when the reader is late.
    public init(
        input: LiveInput, periodSize: Int = 256, periods: Int = 32, bandPeriodSize: Int, written: @escaping @Sendable () -> Int64,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.input = input
        self.periodSize = periodSize
        self.periods = periods
        self.bandPeriodSize = bandPeriodSize
        self.written = written
        self.log = log
    }

    public func start() {
        let thread = Thread { [self] in
            run()
            flags.finished.store(true, ordering: .releasing)
        }
        thread.name = "sideman-input"
        thread.start()
    }

    /// Stops capturing and waits for the thread (at most one period and a retry's nap).
    public func stop() {
        flags.running.store(false, ordering: .releasing)
        while !flags.finished.load(ordering: .acquiring) { usleep(2_000) }
    }

    private var running: Bool { flags.running.load(ordering: .acquiring) }

    private func run() {
        var reported = false
        let playback = PlaybackPosition(periodSize: bandPeriodSize, written: written)
        // Input frames so far, the ring's count: kept when the device is opened again, so that
        // the time it was away becomes silence and what follows keeps its place.
        var frames: Int64 = 0
        input.resetCapture()
        input.resetPlayback()
        while running {
            let handle: OpaquePointer
            do {
                handle = try open()
            } catch {
                if !reported { log("\(error); takes record the band alone until it can be opened") }
                reported = true
                nap(seconds: 3)
                continue
            }
            reported = false
            capture(handle, playback, frames: &frames)
            snd_pcm_close(handle)
        }
    }

    private func nap(seconds: Int) {
        for _ in 0..<(seconds * 20) where running { usleep(50_000) }
    }

    /// Opens the device for capture: 16-bit at the band's rate, two channels (or one), with
    /// CLOCK_MONOTONIC timestamps of its position.
    private func open() throws(InputError) -> OpaquePointer {
        let device = input.device
        var handle: OpaquePointer?
        try pcm(device, "open it for capture") { snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0) }
        guard let handle else { throw InputError(device: device, operation: "open it for capture", reason: "no handle") }
        do {
            try configure(handle)
            return handle
        } catch {
            snd_pcm_close(handle)
            throw error
        }
    }

    private func configure(_ handle: OpaquePointer) throws(InputError) {
        let device = input.device
        var hw: OpaquePointer?
        try pcm(device, "allocate its settings") { snd_pcm_hw_params_malloc(&hw) }
        defer { snd_pcm_hw_params_free(hw) }
        try pcm(device, "read its settings") { snd_pcm_hw_params_any(handle, hw) }
        try pcm(device, "use interleaved access") { snd_pcm_hw_params_set_access(handle, hw, SND_PCM_ACCESS_RW_INTERLEAVED) }
        try pcm(device, "capture 16-bit samples") { snd_pcm_hw_params_set_format(handle, hw, SND_PCM_FORMAT_S16_LE) }
        try pcm(device, "capture \(input.sampleRate) Hz (the band's rate; plughw:… converts)") {
            snd_pcm_hw_params_set_rate(handle, hw, UInt32(input.sampleRate), 0)
        }
        if snd_pcm_hw_params_set_channels(handle, hw, 2) < 0 {
            try pcm(device, "capture one or two channels") { snd_pcm_hw_params_set_channels(handle, hw, 1) }
        }
        var period = snd_pcm_uframes_t(periodSize)
        try pcm(device, "set its period") { snd_pcm_hw_params_set_period_size_near(handle, hw, &period, nil) }
        var size = snd_pcm_uframes_t(periodSize * periods)
        try pcm(device, "set its buffer") { snd_pcm_hw_params_set_buffer_size_near(handle, hw, &size) }
        try pcm(device, "apply its settings") { snd_pcm_hw_params(handle, hw) }

        var sw: OpaquePointer?
        try pcm(device, "allocate its timing settings") { snd_pcm_sw_params_malloc(&sw) }
        defer { snd_pcm_sw_params_free(sw) }
        try pcm(device, "read its timing settings") { snd_pcm_sw_params_current(handle, sw) }
        try pcm(device, "timestamp its position") { snd_pcm_sw_params_set_tstamp_mode(handle, sw, SND_PCM_TSTAMP_ENABLE) }
        try pcm(device, "timestamp on CLOCK_MONOTONIC") { snd_pcm_sw_params_set_tstamp_type(handle, sw, SND_PCM_TSTAMP_TYPE_MONOTONIC) }
        try pcm(device, "apply its timing settings") { snd_pcm_sw_params(handle, sw) }
        try pcm(device, "prepare it") { snd_pcm_prepare(handle) }
        try pcm(device, "start it") { snd_pcm_start(handle) }
    }

    /// Reads until stopped or the device fails: frames into the ring, positions into the clock.
    /// `frames` counts the ring's frames, across openings of the device.
    private func capture(_ handle: OpaquePointer, _ playback: PlaybackPosition, frames: inout Int64) {
        let device = input.device
        var hw: OpaquePointer?
        _ = snd_pcm_hw_params_malloc(&hw)
        defer { snd_pcm_hw_params_free(hw) }
        _ = snd_pcm_hw_params_current(handle, hw)
        var channelCount: UInt32 = 2
        _ = snd_pcm_hw_params_get_channels(hw, &channelCount)
        let channels = Int(max(1, channelCount))
        var bufferSize = snd_pcm_uframes_t(periodSize * periods)
        _ = snd_pcm_hw_params_get_buffer_size(hw, &bufferSize)
        // A stall longer than the buffer makes the kernel miss a turn of the card's ring (it
        // reads the pointer modulo the buffer): a buffer's frames are lost without an overrun,
        // and every reading after says frame 0 is that much later.
        let turn = Int64(bufferSize)
        let turnNanoseconds = ClockLine.nanoseconds(frames: turn, rate: input.sampleRate)
        var status: OpaquePointer?
        guard (try? pcm(device, "allocate its status") { snd_pcm_status_malloc(&status) }) != nil else { return }
        defer { snd_pcm_status_free(status) }

        let block = UnsafeMutablePointer<Int16>.allocate(capacity: periodSize * channels)
        let stereo = UnsafeMutablePointer<Int16>.allocate(capacity: periodSize * 2)
        // After an overrun or a new opening, the first reads are held back until their readings
        // say where the new stream's frame 0 is: the earliest of several, as one alone is late
        // by a timer tick or a scheduling delay, and the silence put in for the gap would carry
        // that error into the rest of the take.
        let settleReads = 8
        let held = UnsafeMutablePointer<Int16>.allocate(capacity: settleReads * periodSize * 2)
        var heldFrames = 0
        var heldReadings = [(nanoseconds: Int64, position: Int64)]()
        heldReadings.reserveCapacity(settleReads)
        var settling: (earliest: Int64, since: Int64, turnsOnly: Bool)?
        defer {
            block.deallocate()
            stereo.deallocate()
            held.deallocate()
        }
        input.capturing.store(true, ordering: .releasing)
        defer { input.capturing.store(false, ordering: .releasing) }
        log("input \(device) captured: \(channels == 1 ? "one channel" : "two channels"), \(input.sampleRate) Hz, positions timestamped")
        // Opened again after a failure: placed like a stream after an overrun, against the clock
        // kept from before.
        if frames > 0 { settling = (.max, monotonicNanoseconds(), false) }
        var lastPlayback: Int64 = 0
        var readings = 0
        while running {
            let n = snd_pcm_readi(handle, block, snd_pcm_uframes_t(periodSize))
            if n < 0 {
                let code = Int32(n)
                if snd_pcm_recover(handle, code, 1) >= 0 {
                    if settling == nil { settling = (.max, monotonicNanoseconds(), false) }
                    continue
                }
                log("input \(device) stopped: \(String(cString: snd_strerror(code))); takes record the band alone until it is back")
                return
            }
            let count = Int(n)
            if channels == 1 {
                for i in 0..<count { stereo[2 * i] = block[i]; stereo[2 * i + 1] = block[i] }
            } else {
                stereo.update(from: block, count: 2 * count)
            }
            // The card's position when this read was taken: the frames read so far plus those
            // still waiting in its buffer had entered it at the timestamp.
            guard snd_pcm_status(handle, status) >= 0 else { continue }
            var stamp = snd_htimestamp_t()
            snd_pcm_status_get_htstamp(status, &stamp)
            var now = Int64(stamp.tv_sec) * 1_000_000_000 + Int64(stamp.tv_nsec)
            if now == 0 { now = monotonicNanoseconds() }
            let delay = Int64(snd_pcm_status_get_delay(status))
            input.captureDelay.store(Int(delay), ordering: .relaxed)
            if settling == nil, let zero = input.captureFrameZero(now: now),
                now - ClockLine.nanoseconds(frames: frames + Int64(count) + delay, rate: input.sampleRate) - zero > turnNanoseconds / 2
            {
                // A turn of the ring lost, or one late reading: the next readings tell.
                settling = (.max, now, true)
            }
            if var s = settling {
                // Frames the card dropped keep their time: silence in their place. Where the
                // new stream's frame 0 would be in the ring without a gap: from each reading, and
                // from the instant the stream was started again (the kernel's stamp), if it was.
                (held + 2 * heldFrames).update(from: stereo, count: 2 * count)
                heldFrames += count
                let position = Int64(heldFrames) + delay
                heldReadings.append((now, position))
                s.earliest = min(s.earliest, now - ClockLine.nanoseconds(frames: frames + position, rate: input.sampleRate))
                var trigger = snd_htimestamp_t()
                snd_pcm_status_get_trigger_htstamp(status, &trigger)
                let started = Int64(trigger.tv_sec) * 1_000_000_000 + Int64(trigger.tv_nsec)
                if started >= s.since && started <= now {
                    s.earliest = min(s.earliest, started - ClockLine.nanoseconds(frames: frames, rate: input.sampleRate))
                }
                settling = s
                guard heldReadings.count == settleReads || heldFrames + periodSize > settleReads * periodSize else { continue }
                if let zero = input.captureFrameZero(now: now) {
                    var gap = ClockLine.frames(nanoseconds: s.earliest - zero, rate: input.sampleRate)
                    if s.turnsOnly {
                        // Whole turns of the ring, or nothing (the late reading was alone).
                        let turns = (gap + turn / 2) / turn
                        gap = turns >= 1 && abs(gap - turns * turn) < Int64(input.sampleRate / 500) ? turns * turn : 0
                    }
                    if gap > 0 && gap < Int64(input.sampleRate) {
                        input.ring.pushSilence(frames: Int(gap))
                        frames += gap
                    } else if gap != 0 {
                        input.resetCapture()
                    }
                }
                input.ring.push(held, frames: heldFrames)
                for r in heldReadings { input.observeCapture(nanoseconds: r.nanoseconds, frame: frames + r.position) }
                frames += Int64(heldFrames)
                heldFrames = 0
                heldReadings.removeAll(keepingCapacity: true)
                settling = nil
                continue
            }
            input.ring.push(stereo, frames: count)
            frames += Int64(count)
            input.observeCapture(nanoseconds: now, frame: frames + delay)
            // The band's position a few times a second, at staggered moments: readings taken
            // always just after the same timer tick would all be late by the same amount.
            if now - lastPlayback > 20_000_000 {
                lastPlayback = now
                readings += 1
                usleep(UInt32(readings * 1_373 % 4_500))
                playback.sample(into: input)
            }
        }
    }
}
