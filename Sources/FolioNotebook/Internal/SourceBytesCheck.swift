/// Finds bytes a notebook must not hold: invalid UTF-8 (which decoding would silently turn
/// into U+FFFD) and NUL bytes; one diagnostic per line, at most `limit` in all.
enum SourceBytesCheck {
    static let limit = 20

    /// (line, column, problem) for each bad line, 1-based; columns count Unicode scalars.
    static func problems(in bytes: some Collection<UInt8>) -> [(line: Int, column: Int, message: String)] {
        var found: [(line: Int, column: Int, message: String)] = []
        var line = 1, column = 1, lineReported = false
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        func report(_ message: String) {
            guard !lineReported, found.count < limit else { return }
            found.append((line, column, message))
            lineReported = true
        }
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\n" {
                    line += 1
                    column = 1
                    lineReported = false
                    continue
                }
                if scalar == "\0" { report("NUL byte in the notebook") }
                column += 1
            case .error(let length):
                report("invalid UTF-8: \(length == 1 ? "a byte that is" : "\(length) bytes that are") not part of a character")
                column += 1
            case .emptyInput:
                return found
            }
        }
    }
}
