import Foundation
import FolioMath
import FolioModels

extension BuiltinModule {
    /// Reading input files, through the sandbox (notebook folder and declared `data` folders).
    static let files = BuiltinModule(
        name: "files",
        functions: [
            Builtin(
                "readText", [.positional("path", .string)], returns: .string,
                doc: """
                    The UTF-8 text of a file inside the notebook's folder or a declared data folder \
                    (`data: { name: folder }` makes `"name/file.txt"` work). Its content enters the cache key.
                    """
            ) { call in
                let data = try call.readFile(try call.string(0))
                guard let text = String(data: data, encoding: .utf8) else { throw BuiltinError("'\(try call.string(0))' is not UTF-8 text") }
                return .string(text)
            },
            Builtin(
                "readCSV", [.positional("path", .string), .labeled("header", .bool, default: .bool(true))], returns: .matrix,
                doc: "A numeric CSV file as a matrix (one row per line); `header: true` skips the first line."
            ) { call in
                let path = try call.string(0)
                guard let text = String(data: try call.readFile(path), encoding: .utf8) else {
                    throw BuiltinError("'\(path)' is not UTF-8 text")
                }
                var lines = text.split(whereSeparator: \.isNewline).filter { !$0.allSatisfy(\.isWhitespace) }
                if try call.bool(1), !lines.isEmpty { lines.removeFirst() }
                let rows = try lines.enumerated().map { index, line in
                    try line.split(separator: ",").map { field -> Double in
                        let trimmed = field.trimmingCharacters(in: .whitespaces)
                        guard let value = Double(trimmed) else {
                            throw BuiltinError("'\(path)' line \(index + 1): '\(trimmed)' is not a number")
                        }
                        return value
                    }
                }
                return .matrix(try Matrix(rows))
            },
            Builtin(
                "readIDX",
                [
                    .positional("path", .string), .labeled("limit", .int, default: .void),
                    .labeled("scale", .double, default: .double(1)),
                ],
                returns: .matrix,
                doc: """
                    An IDX file (the format of MNIST and Fashion-MNIST; gzipped or not) as a matrix: one \
                    row per entry of its first dimension, the other dimensions flattened into columns (a \
                    28×28 image becomes 784 columns), each value times `scale`; `limit` keeps the first \
                    rows. A label file (one dimension) is one column. Fashion-MNIST: declare \
                    `data: { fashion: /usr/share/datasets/fashion-mnist }` and read \
                    `"fashion/train-images-idx3-ubyte.gz"` with `scale: 1.0 / 255`.
                    """
            ) { call in
                let path = try call.string(0)
                var limit: Int?
                if case .int(let rows) = call[1] {
                    guard rows >= 0 else { throw BuiltinError("'limit' must be at least 0, got \(rows)") }
                    limit = rows
                }
                let array = try parseIDX([UInt8](try call.readFile(path)), name: path)
                return .matrix(array.matrix(scale: try call.double(2), limit: limit))
            },
        ])
}
