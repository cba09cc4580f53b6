import Foundation

/// The recordings folder: takes listed, found by name, exported and deleted. Nothing here
/// deletes a take unless asked (`delete`, or `prune` when `keep_days` is set).
public struct TakeLibrary: Sendable {
    public static let extensions = ["mid", "flac", "wav"]
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// Every take, oldest first (names start with the date and time).
    public func list() -> [Take] {
        let files = filesByTake()
        return files.keys.sorted().map { take($0, files: files[$0]!) }
    }

    /// The take of exactly this name, or nil. Only its own files are read (its audio file's
    /// header gives its length): a player seeking in one take of hundreds asks this often.
    public func take(named name: String) -> Take? {
        filesByTake()[name].map { take(name, files: $0) }
    }

    /// The take named `name`, or the only one whose name starts with it.
    public func find(_ name: String) throws(RecorderError) -> Take {
        let files = filesByTake()
        if let exact = files[name] { return take(name, files: exact) }
        let matches = files.keys.filter { $0.hasPrefix(name) }
        guard matches.count == 1 else {
            if matches.count > 1 { throw .file(name, "matches \(matches.count) takes; give more of the name") }
            throw .noSuchTake(name)
        }
        return take(matches[0], files: files[matches[0]]!)
    }

    /// The folder's take files by take name, from the listing alone (no file opened).
    func filesByTake() -> [String: [String]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        var byTake: [String: [String]] = [:]
        for file in names {
            let ext = (file as NSString).pathExtension.lowercased()
            guard Self.extensions.contains(ext) else { continue }
            byTake[Self.takeName(of: file), default: []].append(file)
        }
        return byTake
    }

    /// One take: its files' sizes, and its length from its audio file's header.
    func take(_ name: String, files unsorted: [String]) -> Take {
        let files = unsorted.sorted()
        var bytes = 0
        for f in files {
            bytes += ((try? FileManager.default.attributesOfItem(atPath: path(f)))?[.size] as? Int) ?? 0
        }
        var seconds: Double?
        let take = Take(name: name, files: files, seconds: nil, bytes: 0, incomplete: false)
        if let audio = take.audioFile, let file = try? SoundFile(reading: path(audio)), file.sampleRate > 0 {
            seconds = Double(file.frames) / Double(file.sampleRate)
        }
        return Take(name: name, files: files, seconds: seconds, bytes: bytes, incomplete: name.hasSuffix(TakeName.incompleteMark))
    }

    public func path(_ file: String) -> String { folder + "/" + file }

    /// The take a file belongs to: its name without the extension and without a stem's mark
    /// (`… .band.flac`, `… .input.flac` belong to the take `…`).
    public static func takeName(of file: String) -> String {
        let base = (file as NSString).deletingPathExtension
        for stem in Take.stems where base.hasSuffix("." + stem) { return String(base.dropLast(stem.count + 1)) }
        return base
    }

    /// Copies the take's files into `directory`; returns the paths written.
    public func export(_ name: String, to directory: String) throws(RecorderError) -> [String] {
        let take = try find(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .file(directory, "no such folder")
        }
        var written: [String] = []
        for file in take.files {
            let target = directory + "/" + file
            do {
                if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
                try FileManager.default.copyItem(atPath: path(file), toPath: target)
            } catch {
                throw .file(target, "cannot write (\(error.localizedDescription))")
            }
            written.append(target)
        }
        return written
    }

    /// Deletes the take's files; returns the take deleted.
    @discardableResult
    public func delete(_ name: String) throws(RecorderError) -> Take {
        let take = try find(name)
        for file in take.files {
            do { try FileManager.default.removeItem(atPath: path(file)) } catch {
                throw .file(path(file), "cannot delete (\(error.localizedDescription))")
            }
        }
        return take
    }

    /// Deletes takes whose files are older than `days` (`[record] keep_days`); returns their names.
    public func prune(olderThanDays days: Int, now: Date = Date()) -> [String] {
        let limit = now.addingTimeInterval(-Double(days) * 86_400)
        var removed: [String] = []
        for take in list() {
            let dates = take.files.compactMap { (try? FileManager.default.attributesOfItem(atPath: path($0)))?[.modificationDate] as? Date }
            guard let newest = dates.max(), newest < limit else { continue }
            if (try? delete(take.name)) != nil { removed.append(take.name) }
        }
        return removed
    }

    /// Free space in the folder's file system, in MiB (nil: the folder cannot be read).
    public func freeMegabytes() -> Int? {
        guard let attributes = try? FileManager.default.attributesOfFileSystem(forPath: folder),
            let free = attributes[.systemFreeSize] as? NSNumber
        else { return nil }
        return Int(free.int64Value / 1_048_576)
    }
}
