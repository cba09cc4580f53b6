import CAlsa
import MusicCore
import Synchronization

/// Sideman's client on the ALSA sequencer: one input port (`in`: others write to it, and it
/// can be subscribed to) and one output port (`out`: others read from it). Input is read by a
/// SequencerReader; output is sent directly, unscheduled, to every subscriber of `out`.
public final class SequencerClient: @unchecked Sendable {
    // Safety: ALSA's handle is used for input only by the reader thread; sending is serialised
    // by `sendLock`; port queries and subscriptions are plain ioctls on the handle.
    let handle: OpaquePointer
    public let clientID: Int
    public let name: String
    public let inputPort: Int
    public let outputPort: Int
    private let sendLock = Mutex(())

    /// Opens the sequencer (non-blocking) and creates the `in` and `out` ports.
    public init(name: String = "Sideman") throws(ALSAError) {
        var h: OpaquePointer?
        try alsa("open the sequencer") { snd_seq_open(&h, "default", SND_SEQ_OPEN_DUPLEX, SND_SEQ_NONBLOCK) }
        guard let h else { throw ALSAError(operation: "open the sequencer", code: -12, reason: "no handle") }
        do {
            try alsa("name the client \(name)") { snd_seq_set_client_name(h, name) }
            let id = try alsa("read our client number") { snd_seq_client_id(h) }
            let midiApp = UInt32(SND_SEQ_PORT_TYPE_MIDI_GENERIC | SND_SEQ_PORT_TYPE_APPLICATION)
            let input = try alsa("create the port 'in'") {
                snd_seq_create_simple_port(h, "in", UInt32(SND_SEQ_PORT_CAP_WRITE | SND_SEQ_PORT_CAP_SUBS_WRITE), midiApp)
            }
            let output = try alsa("create the port 'out'") {
                snd_seq_create_simple_port(h, "out", UInt32(SND_SEQ_PORT_CAP_READ | SND_SEQ_PORT_CAP_SUBS_READ), midiApp)
            }
            self.handle = h
            self.clientID = Int(id)
            self.name = name
            self.inputPort = Int(input)
            self.outputPort = Int(output)
        } catch {
            snd_seq_close(h)
            throw error
        }
    }

    deinit { snd_seq_close(handle) }

    public var inputAddress: SequencerAddress { SequencerAddress(client: clientID, port: inputPort) }
    public var outputAddress: SequencerAddress { SequencerAddress(client: clientID, port: outputPort) }

    /// Sends `event` on `out` now, to every subscriber.
    public func send(_ event: MIDIEvent) throws(ALSAError) {
        _ = try sendLock.withLock { (_) throws(ALSAError) in
            try SequencerEvent(event).withCEvent(sourcePort: outputPort) { (ev) throws(ALSAError) in
                try alsa("send \(event) on 'out'") { snd_seq_event_output_direct(handle, ev) }
            }
        }
    }

    /// Room for `events` (up to 2000) in the kernel's buffer of our input, which holds about
    /// 200 by default: what arrives while the buffer is full is lost (an overrun).
    public func setInputBuffer(events: Int) throws(ALSAError) {
        try alsa("set the input buffer to \(events) events") { snd_seq_set_client_pool_input(handle, numericCast(events)) }
    }

    /// Subscribes our `in` port to `source` (the same as `aconnect source Sideman:0`).
    public func connectInput(from source: SequencerAddress) throws(ALSAError) {
        try alsa("connect \(source) to our input") {
            snd_seq_connect_from(handle, Int32(inputPort), Int32(source.client), Int32(source.port))
        }
    }

    /// Ends the subscription of `in` to `source`.
    public func disconnectInput(from source: SequencerAddress) throws(ALSAError) {
        try alsa("disconnect \(source) from our input") {
            snd_seq_disconnect_from(handle, Int32(inputPort), Int32(source.client), Int32(source.port))
        }
    }

    /// Subscribes `destination` to our `out` port (the same as `aconnect Sideman:1 destination`).
    public func connectOutput(to destination: SequencerAddress) throws(ALSAError) {
        try alsa("connect our output to \(destination)") {
            snd_seq_connect_to(handle, Int32(outputPort), Int32(destination.client), Int32(destination.port))
        }
    }

    /// Every port of every other client, as the sequencer lists them now.
    public func otherPorts() throws(ALSAError) -> [PortInfo] {
        var clientInfo: OpaquePointer?, portInfo: OpaquePointer?
        try alsa("allocate client info") { snd_seq_client_info_malloc(&clientInfo) }
        defer { snd_seq_client_info_free(clientInfo) }
        try alsa("allocate port info") { snd_seq_port_info_malloc(&portInfo) }
        defer { snd_seq_port_info_free(portInfo) }
        var result: [PortInfo] = []
        snd_seq_client_info_set_client(clientInfo, -1)
        while snd_seq_query_next_client(handle, clientInfo) >= 0 {
            let client = snd_seq_client_info_get_client(clientInfo)
            if Int(client) == clientID { continue }
            let clientName = String(cString: snd_seq_client_info_get_name(clientInfo))
            snd_seq_port_info_set_client(portInfo, client)
            snd_seq_port_info_set_port(portInfo, -1)
            while snd_seq_query_next_port(handle, portInfo) >= 0 {
                result.append(PortInfo(portInfo: portInfo!, clientName: clientName))
            }
        }
        return result
    }

    /// One port, looked up by address (used when the System client announces a new one).
    public func port(at address: SequencerAddress) throws(ALSAError) -> PortInfo {
        var clientInfo: OpaquePointer?, portInfo: OpaquePointer?
        try alsa("allocate client info") { snd_seq_client_info_malloc(&clientInfo) }
        defer { snd_seq_client_info_free(clientInfo) }
        try alsa("allocate port info") { snd_seq_port_info_malloc(&portInfo) }
        defer { snd_seq_port_info_free(portInfo) }
        try alsa("read client \(address.client)") { snd_seq_get_any_client_info(handle, Int32(address.client), clientInfo) }
        try alsa("read port \(address)") {
            snd_seq_get_any_port_info(handle, Int32(address.client), Int32(address.port), portInfo)
        }
        return PortInfo(portInfo: portInfo!, clientName: String(cString: snd_seq_client_info_get_name(clientInfo)))
    }

    /// How many ports are subscribed to our `out` port now.
    public func outputSubscriberCount() throws(ALSAError) -> Int { try outputSubscribers().count }

    /// Every port subscribed to our `out` port now: those `[out] connect` made and those made
    /// by hand (`aconnect Sideman:1 …`, `aseqdump -p Sideman:1`) alike.
    public func outputSubscribers() throws(ALSAError) -> [SequencerAddress] {
        var query: OpaquePointer?
        try alsa("allocate a subscription query") { snd_seq_query_subscribe_malloc(&query) }
        defer { snd_seq_query_subscribe_free(query) }
        var root = snd_seq_addr_t(client: UInt8(clientID), port: UInt8(outputPort))
        snd_seq_query_subscribe_set_root(query, &root)
        snd_seq_query_subscribe_set_type(query, SND_SEQ_QUERY_SUBS_READ)
        var result: [SequencerAddress] = []
        var index: Int32 = 0
        while true {
            snd_seq_query_subscribe_set_index(query, index)
            // -ENOENT means no subscriber at this index: the end of the list (or none at all).
            guard snd_seq_query_port_subscribers(handle, query) >= 0, let address = snd_seq_query_subscribe_get_addr(query)?.pointee
            else { break }
            result.append(SequencerAddress(client: Int(address.client), port: Int(address.port)))
            index += 1
            if index >= snd_seq_query_subscribe_get_num_subs(query) { break }
        }
        return result
    }

    /// Listens to the System announce port (0:1) so that ports plugged in later are seen.
    func subscribeToAnnouncements() throws(ALSAError) {
        try connectInput(from: .systemAnnounce)
    }
}
