import Foundation

extension Daemon {
    /// The styles the daemon can play now, in the order `style_N` numbers them, with title and
    /// genre (styles added by a reload show their name and "Other" until the next start).
    public func remoteStyles() -> [RemoteCatalog.StyleEntry] {
        let names = snapshot.withLock { $0.styleNames }
        let known = Dictionary(initialStyles.styles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return names.enumerated().map { index, name in
            RemoteCatalog.StyleEntry(
                index: index, name: name, title: known[name]?.title ?? name, genre: known[name]?.genre ?? "Other")
        }
    }

    /// The songs `play` accepts by name, from the chart library.
    public func remoteSongs() -> [RemoteCatalog.SongEntry] {
        chartLibrary().entries.map {
            RemoteCatalog.SongEntry(
                name: $0.name, title: $0.chart.title, bars: $0.chart.bars.count, style: $0.chart.header["style"],
                tempo: $0.chart.header["tempo"])
        }
    }

    /// The `[web]` settings the daemon started with.
    public var webSettings: SidemanConfig.Web { initialConfig.web }
}
