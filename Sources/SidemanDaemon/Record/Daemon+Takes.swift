import Recorder

extension Daemon {
    /// `start`, `stop` or `arm` from a remote: what happened in a few words, or why not (too
    /// little free space, the band not running yet), as `sideman record` answers.
    public func record(_ action: RecordAction) -> Result<String, ControlCommandError> {
        guard let recorder = takeRecorder else { return .failure(ControlCommandError("the band is not playing yet: try again")) }
        let reply: String
        switch action {
        case .start: reply = recorder.start()
        case .stop: reply = recorder.stop()
        case .arm: reply = recorder.arm()
        }
        if reply.hasPrefix("error: ") { return .failure(ControlCommandError(String(reply.dropFirst(7)))) }
        return .success(reply.hasPrefix("ok: ") ? String(reply.dropFirst(4)) : reply)
    }

    /// The recordings folder the takes are written to (`[record] folder`).
    public var takeLibrary: TakeLibrary {
        takeRecorder?.library ?? TakeLibrary(folder: snapshot.withLock { $0.config.record.folder })
    }

    /// Deletes a take, unless it is being recorded: the take of exactly this name (a remote
    /// never deletes by a prefix), or the one a unique prefix names (`sideman recordings
    /// delete` on the control socket). Logged, as every deletion is.
    public func deleteTake(named name: String) throws(RecorderError) -> Take { try deleteTake(named: name, exactly: true) }

    func deleteTake(named name: String, exactly: Bool) throws(RecorderError) -> Take {
        let library = takeLibrary
        let take: Take
        if exactly {
            guard let found = library.take(named: name) else { throw .noSuchTake(name) }
            take = found
        } else {
            take = try library.find(name)
        }
        if let recording = takeRecorder?.status, recording.state == "recording", recording.take == take.name {
            throw .file(take.name, "is being recorded; stop the take first")
        }
        let deleted = try library.delete(take.name)
        logger.info("take deleted", metadata: ["take": "\(deleted.name)"])
        return deleted
    }
}
