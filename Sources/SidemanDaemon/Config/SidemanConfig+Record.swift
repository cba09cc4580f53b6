extension SidemanConfig {
    /// `[record]`: takes of what you play with the band, MIDI and audio (README, "Record").
    public struct Record: Hashable, Sendable {
        public enum Mode: String, CaseIterable, Hashable, Sendable {
            /// Only `sideman record start` (or a `record` control) makes a take.
            case off
            /// The next first note, or the band's start, begins a take; armed again after it.
            case armed
            /// A take runs whenever something plays (armed again after each).
            case always
        }

        public var mode = Mode.off
        public var folder = "/var/lib/sideman/recordings"
        /// "flac" or "wav".
        public var format = "flac"
        /// A take ends after this many seconds of silence (1…3600).
        public var stopAfterSilence = 10.0
        /// Below this much free space (MiB) no take starts (0…1_000_000).
        public var minFreeMB = 200
        /// Takes older than this many days are deleted at start and at each new take; nil = never.
        public var keepDays: Int? = nil
        /// An ALSA capture device recorded beside the band ("hw:1,0"); nil = the band alone.
        public var input: String? = nil
        public init() {}
    }
}

extension SidemanConfig.Record {
    mutating func read(_ t: inout ConfigTableReader) throws(ConfigError) {
        if let m = try t.string("mode", oneOf: Mode.allCases.map(\.rawValue)) { mode = Mode(rawValue: m)! }
        if let f = try t.string("folder") {
            guard f.hasPrefix("/") else { throw t.error("folder", "must be an absolute path, not '\(f)'") }
            folder = f
        }
        format = try t.string("format", oneOf: ["flac", "wav"]) ?? format
        stopAfterSilence = try t.double("stop_after_silence", in: 1...3600) ?? stopAfterSilence
        minFreeMB = try t.int("min_free_mb", in: 0...1_000_000) ?? minFreeMB
        if let days = try t.int("keep_days", in: 0...36_500) { keepDays = days == 0 ? nil : days }
        if let i = try t.string("input") {
            guard !i.isEmpty else { throw t.error("input", "must name an ALSA capture device (\"hw:1,0\"), or be left out") }
            input = i
        }
    }
}
