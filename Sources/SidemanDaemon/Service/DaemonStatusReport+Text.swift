import Foundation

extension DaemonStatusReport {
    /// The one line systemd shows (STATUS=): the style, the tempo and what the daemon does or
    /// waits for.
    public var summary: String {
        let head = "\(style), \(Self.bpm(tempo)) bpm"
        if let waitingFor { return "\(head): waiting for \(waitingFor)" }
        switch state {
        case "running":
            if playing { return "\(head): playing \(section ?? "")\(chord.map { ", \($0)" } ?? "")" }
            return head
        default: return "\(head): \(state)"
        }
    }

    /// Lines for a person: `sideman status`.
    public var text: String {
        var lines = ["\(summary)"]
        func add(_ key: String, _ value: String) { lines.append("  \(key.padding(15)) \(value)") }
        add("state:", state + (waitingFor.map { " (waiting for \($0))" } ?? ""))
        add("style:", style)
        add("section:", section ?? "-")
        add("chord:", chord ?? "-")
        add("tempo:", "\(Self.bpm(tempo)) bpm")
        if let bar, let beat { add("bar, beat:", "\(bar), \(beat)") }
        let muted = parts.filter(\.muted).map(\.part)
        if !parts.isEmpty { add("muted:", muted.isEmpty ? "none" : muted.joined(separator: ", ")) }
        let volumes = parts.compactMap { p in p.volume.map { "\(p.part) \($0)" } }
        if !volumes.isEmpty { add("volumes:", volumes.joined(separator: ", ")) }
        for (key, value) in practice?.lines ?? [] { add(key, value) }
        add("inputs:", inputs.isEmpty ? "none" : inputs.joined(separator: ", "))
        let out = outputs + (outputsByHand ?? []).map { "\($0) (by hand)" }
        add("out to:", out.isEmpty ? "none" : out.joined(separator: ", "))
        add("audio device:", "\(audioDevice) (\(sampleRate) Hz, \(periodSize) x \(periods) frames)")
        add("late callbacks:", "\(lateCallbacks) (of \(blocks) blocks)")
        add("audio restarts:", "\(audioRestarts)")
        if let record { add("recording:", record.summary) }
        add("uptime:", Self.duration(uptimeSeconds))
        if let memory {
            add("memory:", "\(Self.megabytes(memory.residentKilobytes)) resident; heap \(Self.megabytes(memory.heapInUseKilobytes)) in use, \(Self.megabytes(memory.heapFreeKilobytes)) free")
        }
        add("config:", configFile ?? "defaults")
        add("reloads:", "\(reloads)" + (lastReloadError.map { ", last refused: \($0)" } ?? ""))
        add("pid:", "\(pid)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func bpm(_ tempo: Double) -> String {
        tempo == tempo.rounded() ? "\(Int(tempo))" : "\((tempo * 10).rounded() / 10)"
    }

    static func megabytes(_ kilobytes: Int) -> String {
        String(format: "%.1f MB", Double(kilobytes) / 1024)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s >= 3600 ? "\(s / 3600) h \(s % 3600 / 60) min" : s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
