import ALSASequencer
import Arranger
import MusicCore
import StyleEngine

/// The daemon's state as the threads off the audio path see it, kept under a lock: updated
/// from the notices the audio thread leaves in its ring, the sequencer's connection notices,
/// boot and reload; read by the control socket and for systemd's STATUS line.
struct DaemonSnapshot: Sendable {
    var state = "starting"
    /// A device the daemon waits for at boot.
    var waitingForDevice: String?
    var config: SidemanConfig
    var styleNames: [String]
    var section: SectionID?
    var chord: Chord?
    var tempo: Double
    var playing = false
    var inputs: [SequencerAddress: String] = [:]
    /// Synths and DAWs `out` was connected to by `[out] connect`, while they are there.
    var outputs: [SequencerAddress: String] = [:]
    /// Every port subscribed to `out`, as the sequencer last listed it (once a second), with
    /// its name; nil before the first look (no sequencer yet).
    var subscribers: [SequencerAddress: String]?
    var reloads = 0
    var lastReloadError: String?
    /// The sound card's driver stopped and was reopened (Daemon+AudioRecovery).
    var audioRestarts = 0

    init(config: SidemanConfig, styleNames: [String], tempo: Double) {
        self.config = config
        self.styleNames = styleNames
        self.tempo = tempo
    }

    /// A notice from the audio thread.
    mutating func note(_ notice: ArrangerNotice) {
        switch notice {
        case .started: playing = true
        case .stopped:
            playing = false
            section = nil
        case .sectionStarted(let s, _): section = s
        case .chordChanged(let c, _): chord = c
        case .bar: break
        case .tempoChanged(let t, _): tempo = t.bpm
        }
    }

    /// A notice from the sequencer reader.
    mutating func note(_ notice: SequencerNotice) {
        switch notice {
        case .connected(let port): inputs[port.address] = "\(port.address) \(port.clientName):\(port.portName)"
        case .connectedOutput(let port): outputs[port.address] = "\(port.address) \(port.clientName):\(port.portName)"
        case .portGone(let address):
            inputs[address] = nil
            outputs[address] = nil
        default: break
        }
    }

    /// The ports subscribed to `out` now; `name` looks up a port not seen before ("130:2
    /// Ardour:MIDI in"), nil if it is gone already.
    mutating func note(subscribers addresses: [SequencerAddress], name: (SequencerAddress) -> String?) {
        var now: [SequencerAddress: String] = [:]
        for address in addresses {
            if let known = subscribers?[address] ?? outputs[address] ?? name(address) { now[address] = known }
        }
        subscribers = now
    }

    /// `[out] connect`'s connections still in place, and the others (made by hand).
    var outputLists: (config: [String], byHand: [String]) {
        guard let subscribers else { return (outputs.values.sorted(), []) }
        let config = outputs.filter { subscribers[$0.key] != nil }.values.sorted()
        let byHand = subscribers.filter { outputs[$0.key] == nil }.values.sorted()
        return (config, byHand)
    }

    func report(pulse: AudioPulse, uptime: Double, configFile: String?, pid: Int32) -> DaemonStatusReport {
        let index = pulse.styleIndex.load(ordering: .relaxed)
        var waitingFor = waitingForDevice
        if waitingFor == nil && state == "running" {
            if inputs.isEmpty { waitingFor = "a keyboard" } else if !playing { waitingFor = "a chord" }
        }
        var report = DaemonStatusReport(
            state: state, waitingFor: waitingFor,
            style: styleNames.indices.contains(index) ? styleNames[index] : "-",
            section: playing ? section?.name : nil, chord: chord?.symbol, tempo: (tempo * 100).rounded() / 100, playing: playing,
            inputs: inputs.values.sorted(), audioDevice: config.audio.device, sampleRate: config.audio.sampleRate,
            periodSize: config.audio.periodSize, periods: config.audio.periods,
            blocks: pulse.blocks.load(ordering: .relaxed), lateCallbacks: pulse.lateCallbacks.load(ordering: .relaxed),
            uptimeSeconds: uptime, configFile: configFile, reloads: reloads, lastReloadError: lastReloadError, pid: pid)
        report.audioRestarts = audioRestarts
        let lists = outputLists
        report.outputs = lists.config
        report.outputsByHand = lists.byHand.isEmpty ? nil : lists.byHand
        report.parts = PartStatus.all(from: pulse)
        let bar = pulse.bar.load(ordering: .relaxed)
        if playing, bar >= 0 {
            report.bar = bar + 1
            report.beat = pulse.beat.load(ordering: .relaxed) + 1
        }
        return report
    }
}
