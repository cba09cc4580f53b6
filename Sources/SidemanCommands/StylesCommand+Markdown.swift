import StyleEngine

/// The library as the README's Markdown table (`sideman styles --markdown`); a test keeps the
/// README's copy in step with styles/.
extension StylesCommand {
    static func markdownTable(_ styles: [Style]) -> String {
        let rows = styles.sorted { $0.name < $1.name }.map {
            "| \($0.name) | \($0.genre) | \($0.meter.description) | \(tempoText($0)) |\n"
        }
        return "| name | genre | meter | tempo |\n|---|---|---|---|\n" + rows.joined()
    }
}
