import Foundation

extension AudioOutput {
    /// Whether the thread calling back runs SCHED_FIFO (FluidSynth asks for it with
    /// `audio.realtime-prio`, and gets it where the process may: `LimitRTPRIO` in the unit):
    /// nil until it first called back or once it has ended. A reopened card gets a new thread,
    /// which must ask again; this tells whether it did. Off the audio thread only (reads /proc).
    public var driverThreadIsRealTime: Bool? {
        let id = context.thread.load(ordering: .relaxed)
        guard id > 0, let policy = Self.schedulingPolicy(ofThread: id) else { return nil }
        return policy == Int(SCHED_FIFO) || policy == Int(SCHED_RR)
    }

    /// The policy field of /proc/self/task/ID/stat (the 41st; the name before it, in
    /// parentheses, may hold spaces, so fields are counted after its closing one).
    static func schedulingPolicy(ofThread id: Int32) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/self/task/\(id)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // fields[0] is the 3rd field (state): the 41st is fields[38].
        return fields.count > 38 ? Int(fields[38]) : nil
    }
}
