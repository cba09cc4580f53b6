import Foundation

/// The JSON the API speaks: snake_case keys, sorted, like the control socket's.
enum WebJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `{"error":"…"}`: what every refusal says.
    static func error(_ message: String) -> String {
        "{\"error\":" + encode(message) + "}"
    }
}
