import Glibc
import Recorder

/// Where the band's playback is, from the kernel's record of this process's playback stream
/// (`/proc/asound/cardN/pcmMp/subK/status`: frames written, `appl_ptr`, and frames played,
/// `hw_ptr`). The stream belongs to FluidSynth's audio driver, so this is the one way to read
/// its position without touching its thread. Read by the capture thread a few times a second.
///
/// The band frame at the hardware pointer comes from what the audio callback had handed to
/// the card (`PlaybackReading`), or a later one: the estimate `ClockLine` takes the earliest of.
public final class PlaybackPosition {
    let periodSize: Int
    let written: @Sendable () -> Int64
    private var path: String?
    private var lastSearch: Int64?
    private var lastLead: Int64?
    private var buffer = [UInt8](repeating: 0, count: 1024)
    /// Why the position cannot be read (said once), or nil.
    public private(set) var problem: String?

    /// `written`: the audio callback's frame count before which everything is on the card.
    public init(periodSize: Int, written: @escaping @Sendable () -> Int64) {
        self.periodSize = periodSize
        self.written = written
    }

    /// One reading into `input`'s playback clock; false if the stream cannot be read.
    @discardableResult
    public func sample(into input: LiveInput) -> Bool {
        let frame = written()  // before the reading: never ahead of it
        guard let (text, now) = read() else { return false }
        guard let hw = Self.field("hw_ptr", in: text), let appl = Self.field("appl_ptr", in: text) else {
            path = nil
            return false
        }
        // A restarted or recovered stream counts from another zero: start the estimate again.
        let lead = frame - appl
        if let last = lastLead, abs(lead - last) > 2 * Int64(periodSize) { input.resetPlayback() }
        lastLead = lead
        input.playbackDelay.store(Int(appl - hw), ordering: .relaxed)
        // The card has run past what was written: an underrun, found by the kernel in this very
        // reading (whose state was taken before, so it still says RUNNING). The stream starts
        // again from another zero: no band frame to read here, and the clock starts again.
        if appl < hw {
            input.resetPlayback()
            problem = nil
            return true
        }
        input.observePlayback(nanoseconds: now, frame: PlaybackReading.bandFrame(written: frame, applPtr: appl, hwPtr: hw))
        problem = nil
        return true
    }

    /// The status text of this process's running playback stream, and the time just after the
    /// kernel wrote it (never before the position in it; the checks on the text come after, so
    /// that their time does not make every reading late).
    private func read() -> (String, Int64)? {
        if path == nil {
            let now = monotonicNanoseconds()
            if let last = lastSearch, now - last < 1_000_000_000 { return nil }
            lastSearch = now
            path = Self.find(owners: Self.ownThreads())
            if path == nil {
                problem = "no running ALSA playback stream of this process in /proc/asound"
                return nil
            }
        }
        guard let path else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            self.path = nil
            return nil
        }
        defer { close(fd) }
        let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        let now = monotonicNanoseconds()
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        guard text.contains("RUNNING"), let owner = Self.field("owner_pid", in: text), Self.ownThreads().contains(owner) else {
            self.path = nil
            return nil
        }
        return (text, now)
    }

    /// `name : value` from a status text.
    static func field(_ name: String, in text: String) -> Int64? {
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            if line[..<colon].trimmingBlanks() != name { continue }
            return Int64(line[line.index(after: colon)...].trimmingBlanks())
        }
        return nil
    }

    /// The kernel names as a stream's owner the thread that opened it (FluidSynth opens its
    /// device on whichever thread starts the driver): every thread of this process.
    static func ownThreads() -> Set<Int64> {
        Set(directory("/proc/self/task").compactMap { Int64($0) })
    }

    /// The status file of a running playback substream opened by one of `owners`.
    static func find(owners: Set<Int64>) -> String? {
        for card in directory("/proc/asound") where card.hasPrefix("card") {
            for device in directory("/proc/asound/\(card)") where device.hasPrefix("pcm") && device.hasSuffix("p") {
                for sub in directory("/proc/asound/\(card)/\(device)") where sub.hasPrefix("sub") {
                    let path = "/proc/asound/\(card)/\(device)/\(sub)/status"
                    guard let fd = Optional(open(path, O_RDONLY)), fd >= 0 else { continue }
                    var bytes = [UInt8](repeating: 0, count: 1024)
                    let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
                    close(fd)
                    guard n > 0 else { continue }
                    let text = String(decoding: bytes[0..<n], as: UTF8.self)
                    if text.contains("RUNNING"), let owner = field("owner_pid", in: text), owners.contains(owner) { return path }
                }
            }
        }
        return nil
    }

    static func directory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

extension Substring {
    func trimmingBlanks() -> Substring {
        let set = " \t"
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return s
    }
}
