import CAlsa

// The one place where ALSA's C structs become Swift values and back. Everything outside this
// file sees SequencerEvent and PortInfo only.

/// SysEx chunks larger than this are dropped rather than copied (the kernel sends a few
/// hundred bytes at a time; anything far bigger is corrupt or hostile).
let maximumSysExChunk = 65536

extension SequencerEvent {
    /// Copies the fields Sideman uses out of an event ALSA owns (its buffer is reused by the
    /// next read, so nothing may point into it afterwards).
    init(_ e: UnsafePointer<snd_seq_event_t>) {
        let ev = e.pointee
        let source = SequencerAddress(client: Int(ev.source.client), port: Int(ev.source.port))
        let type = UInt32(ev.type)
        func decodeKind() -> Kind {
            switch type {
            case SND_SEQ_EVENT_NOTEON.rawValue: .noteOn
            case SND_SEQ_EVENT_NOTEOFF.rawValue: .noteOff
            case SND_SEQ_EVENT_KEYPRESS.rawValue: .keyPressure
            case SND_SEQ_EVENT_CONTROLLER.rawValue: .controller
            case SND_SEQ_EVENT_PGMCHANGE.rawValue: .programChange
            case SND_SEQ_EVENT_CHANPRESS.rawValue: .channelPressure
            case SND_SEQ_EVENT_PITCHBEND.rawValue: .pitchBend
            case SND_SEQ_EVENT_SONGPOS.rawValue: .songPosition
            case SND_SEQ_EVENT_START.rawValue: .start
            case SND_SEQ_EVENT_CONTINUE.rawValue: .continue
            case SND_SEQ_EVENT_STOP.rawValue: .stop
            case SND_SEQ_EVENT_CLOCK.rawValue: .clock
            case SND_SEQ_EVENT_SENSING.rawValue: .sensing
            case SND_SEQ_EVENT_RESET.rawValue: .reset
            case SND_SEQ_EVENT_SYSEX.rawValue: .sysEx
            case SND_SEQ_EVENT_CLIENT_START.rawValue: .clientStart
            case SND_SEQ_EVENT_CLIENT_EXIT.rawValue: .clientExit
            case SND_SEQ_EVENT_PORT_START.rawValue: .portStart
            case SND_SEQ_EVENT_PORT_EXIT.rawValue: .portExit
            case SND_SEQ_EVENT_PORT_SUBSCRIBED.rawValue: .portSubscribed
            case SND_SEQ_EVENT_PORT_UNSUBSCRIBED.rawValue: .portUnsubscribed
            default: .other(Int(type))
            }
        }
        self.init(kind: decodeKind(), source: source)
        switch kind {
        case .noteOn, .noteOff, .keyPressure:
            channel = ev.data.note.channel
            note = ev.data.note.note
            velocity = ev.data.note.velocity
        case .controller, .programChange, .channelPressure, .pitchBend, .songPosition:
            channel = ev.data.control.channel
            param = ev.data.control.param
            value = ev.data.control.value
        case .sysEx:
            let variable = Int32(ev.flags) & SND_SEQ_EVENT_LENGTH_MASK == SND_SEQ_EVENT_LENGTH_VARIABLE
            let length = Int(ev.data.ext.len)
            if variable, length > 0, length <= maximumSysExChunk, let p = ev.data.ext.ptr {
                bytes = Array(UnsafeRawBufferPointer(start: p, count: length))
            }
        case .clientStart, .clientExit, .portStart, .portExit:
            subject = SequencerAddress(client: Int(ev.data.addr.client), port: Int(ev.data.addr.port))
        case .portSubscribed, .portUnsubscribed:
            let c = ev.data.connect
            subject = SequencerAddress(client: Int(c.sender.client), port: Int(c.sender.port))
            destination = SequencerAddress(client: Int(c.dest.client), port: Int(c.dest.port))
        default:
            break
        }
    }

    /// Runs `body` with this event as a C event from our port `sourcePort`, addressed to every
    /// subscriber, for direct (unscheduled) delivery. SysEx bytes are lent for the call only.
    func withCEvent<R>(sourcePort: Int, _ body: (UnsafeMutablePointer<snd_seq_event_t>) throws(ALSAError) -> R)
        throws(ALSAError) -> R
    {
        var ev = snd_seq_event_t()
        // snd_seq_ev_set_* are macros that Swift cannot call; the fields are set here instead.
        ev.queue = UInt8(SND_SEQ_QUEUE_DIRECT)
        ev.source.port = UInt8(truncatingIfNeeded: sourcePort)
        ev.dest.client = UInt8(SND_SEQ_ADDRESS_SUBSCRIBERS)
        ev.dest.port = UInt8(SND_SEQ_ADDRESS_UNKNOWN)
        func type(_ t: snd_seq_event_type) -> snd_seq_event_type_t { snd_seq_event_type_t(t.rawValue) }
        switch kind {
        case .noteOn, .noteOff, .keyPressure:
            ev.type = type(kind == .noteOn ? SND_SEQ_EVENT_NOTEON : kind == .noteOff ? SND_SEQ_EVENT_NOTEOFF : SND_SEQ_EVENT_KEYPRESS)
            ev.data.note.channel = channel
            ev.data.note.note = note
            ev.data.note.velocity = velocity
        case .controller, .programChange, .channelPressure, .pitchBend, .songPosition:
            let t: snd_seq_event_type =
                switch kind {
                case .controller: SND_SEQ_EVENT_CONTROLLER
                case .programChange: SND_SEQ_EVENT_PGMCHANGE
                case .channelPressure: SND_SEQ_EVENT_CHANPRESS
                case .pitchBend: SND_SEQ_EVENT_PITCHBEND
                default: SND_SEQ_EVENT_SONGPOS
                }
            ev.type = type(t)
            ev.data.control.channel = channel
            ev.data.control.param = param
            ev.data.control.value = value
        case .start: ev.type = type(SND_SEQ_EVENT_START)
        case .continue: ev.type = type(SND_SEQ_EVENT_CONTINUE)
        case .stop: ev.type = type(SND_SEQ_EVENT_STOP)
        case .clock: ev.type = type(SND_SEQ_EVENT_CLOCK)
        case .sensing: ev.type = type(SND_SEQ_EVENT_SENSING)
        case .reset: ev.type = type(SND_SEQ_EVENT_RESET)
        case .sysEx:
            ev.type = type(SND_SEQ_EVENT_SYSEX)
            var copy = bytes
            var result: Result<R, ALSAError>?
            copy.withUnsafeMutableBytes { buffer in
                ev.flags |= UInt8(SND_SEQ_EVENT_LENGTH_VARIABLE)
                ev.data.ext.len = UInt32(buffer.count)
                ev.data.ext.ptr = buffer.baseAddress
                do throws(ALSAError) { result = .success(try body(&ev)) } catch { result = .failure(error) }
            }
            return try result!.get()
        case .clientStart, .clientExit, .portStart, .portExit, .portSubscribed, .portUnsubscribed, .other:
            throw ALSAError(operation: "send an event of kind \(kind)", code: -22, reason: "not a MIDI message")
        }
        return try body(&ev)
    }
}

extension PortInfo {
    /// Reads an `snd_seq_port_info_t` (and its client's name) into a PortInfo.
    init(portInfo info: OpaquePointer, clientName: String) {
        let addr = snd_seq_port_info_get_addr(info)!.pointee
        let caps = snd_seq_port_info_get_capability(info)
        let type = snd_seq_port_info_get_type(info)
        func has(_ bits: UInt32, _ flag: Int32) -> Bool { bits & UInt32(flag) != 0 }
        let midiTypes = SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_MIDI_GM | SND_SEQ_PORT_TYPE_MIDI_GS
            | SND_SEQ_PORT_TYPE_MIDI_XG | SND_SEQ_PORT_TYPE_MIDI_MT32 | SND_SEQ_PORT_TYPE_MIDI_GM2
        self.init(
            address: SequencerAddress(client: Int(addr.client), port: Int(addr.port)),
            clientName: clientName,
            portName: String(cString: snd_seq_port_info_get_name(info)),
            isReadable: has(caps, SND_SEQ_PORT_CAP_READ),
            isSubscribableForReading: has(caps, SND_SEQ_PORT_CAP_SUBS_READ),
            isWritable: has(caps, SND_SEQ_PORT_CAP_WRITE),
            isSubscribableForWriting: has(caps, SND_SEQ_PORT_CAP_SUBS_WRITE),
            isPrivate: has(caps, SND_SEQ_PORT_CAP_NO_EXPORT),
            isHardware: has(type, SND_SEQ_PORT_TYPE_HARDWARE),
            isMIDI: has(type, midiTypes) || has(type, SND_SEQ_PORT_TYPE_SPECIFIC),
            isApplication: has(type, SND_SEQ_PORT_TYPE_APPLICATION))
    }
}
