import Foundation
import FolioEngine
import FolioNotebook

/// `folio export --ipynb`: the executed notebook as a Jupyter notebook (nbformat 4.5).
///
/// Prose becomes markdown cells; each Folio cell becomes a code cell (metadata
/// `language: swift`, its option lines kept in the source) with its outputs: printed text
/// as a `stream`, the last value as an `execute_result`, figures as `display_data` with
/// `image/png` (and the alt text as `text/plain`), tables as `display_data` with an HTML
/// table, and a failed cell's diagnostic as an `error`. Inline values in prose are replaced
/// by their formatted text (a failed one stays as written). Keys are sorted, so the same run
/// gives the same bytes.
public enum JupyterExport {
    public static func document(for result: RunResult) throws -> Data {
        let presentation = Presentation(result)
        var executionCount = 0
        var cells: [JupyterCell] = []
        let inlineValues = Dictionary(result.inlineValues.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, block) in result.notebook.blocks.enumerated() {
            switch block {
            case .prose(let prose):
                let text = prose.text(replacingInlineExpressions: { inline in
                    inlineValues[inline.index]?.value.map { markdownEscaped($0.text) } ?? "`\(inline.spanContent)`"
                }).trimmingCharacters(in: .newlines)
                if text.isEmpty { continue }
                cells.append(JupyterCell(
                    id: presentation.proseJupyterIDs[index] ?? "prose-\(index)", cellType: "markdown", metadata: [:], source: lines(text), outputs: nil,
                    executionCount: .absent))
            case .cell(let cell):
                guard let presented = presentation.cell(cell.id) else { continue }
                let cellResult = presented.result
                let ran = cellResult.map { $0.status == .ran || $0.status == .cached } ?? false
                if ran { executionCount += 1 }
                cells.append(JupyterCell(
                    id: presented.jupyterID, cellType: "code",
                    metadata: ["language": "swift", "folio_status": cellResult?.status.rawValue ?? "not run"],
                    source: lines(cell.code), outputs: outputs(presented, executionCount: ran ? executionCount : nil),
                    executionCount: ran ? .count(executionCount) : .null))
            }
        }
        let notebook = JupyterNotebook(
            cells: cells,
            metadata: .init(
                kernelspec: .init(name: "folio", displayName: "Folio (Swift subset)", language: "swift"),
                languageInfo: .init(name: "swift", fileExtension: ".swift", mimetype: "text/x-swift"),
                title: result.notebook.frontMatter.title),
            nbformat: 4, nbformatMinor: 5)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(notebook)
    }

    /// `text` with the characters Markdown reads as markup backslash-escaped, so a value is
    /// shown as written.
    static func markdownEscaped(_ text: String) -> String {
        String(text.flatMap { "\\`*_[]<>#|~$&".contains($0) ? ["\\", $0] : [$0] })
    }

    /// Jupyter's cell ids allow letters, digits, `-` and `_`, at most 64 characters.
    static func cellID(_ id: String) -> String {
        let cleaned = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return String(cleaned.prefix(64))
    }

    /// Jupyter's multi-line strings: the lines, each but the last ending in "\n".
    static func lines(_ text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = parts.last { parts[parts.count - 1] = String(last.dropLast()) }
        return parts
    }

    private static func outputs(_ presented: Presentation.PresentedCell, executionCount: Int?) -> [JupyterOutput] {
        guard let result = presented.result else { return [] }
        var outputs = presented.outputs.map { output -> JupyterOutput in
            switch output {
            case .text(let text):
                return JupyterOutput(outputType: "stream", name: "stdout", text: lines(text))
            case .value(let text):
                return JupyterOutput(
                    outputType: "execute_result", executionCount: .count(executionCount ?? 0),
                    data: ["text/plain": .lines(lines(text))], metadata: [:])
            case .figure(let presentedFigure):
                let figure = presentedFigure.figure
                return JupyterOutput(
                    outputType: "display_data",
                    data: ["image/png": .text(figure.pngData.base64EncodedString()), "text/plain": .lines(lines(presentedFigure.alt))],
                    metadata: ["image/png": ["width": Int(figure.widthPoints.rounded()), "height": Int(figure.heightPoints.rounded())]])
            case .table(let presentedTable):
                let table = presentedTable.table
                let head = table.columns.map { "<th>\($0.htmlEscaped)</th>" }.joined()
                let rows = table.rows.map { "<tr>" + $0.map { "<td>\($0.htmlEscaped)</td>" }.joined() + "</tr>" }.joined()
                let plain = ([table.columns] + table.rows).map { $0.joined(separator: "\t") }.joined(separator: "\n")
                return JupyterOutput(
                    outputType: "display_data",
                    data: [
                        "text/html": .text("<table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table>"),
                        "text/plain": .lines(lines(plain)),
                    ],
                    metadata: [:])
            }
        }
        if let error = result.error, result.status == .failed || presented.errorIsExpected {
            outputs.append(JupyterOutput(
                outputType: "error", ename: presented.errorIsExpected ? "ExpectedError" : "FolioError", evalue: error.message,
                traceback: error.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        }
        return outputs
    }
}

/// nbformat's top level.
struct JupyterNotebook: Encodable {
    struct Metadata: Encodable {
        struct Kernelspec: Encodable {
            var name: String
            var displayName: String
            var language: String
            enum CodingKeys: String, CodingKey { case name, displayName = "display_name", language }
        }
        struct LanguageInfo: Encodable {
            var name: String
            var fileExtension: String
            var mimetype: String
            enum CodingKeys: String, CodingKey { case name, fileExtension = "file_extension", mimetype }
        }
        var kernelspec: Kernelspec
        var languageInfo: LanguageInfo
        var title: String?
        enum CodingKeys: String, CodingKey { case kernelspec, languageInfo = "language_info", title }
    }
    var cells: [JupyterCell]
    var metadata: Metadata
    var nbformat: Int
    var nbformatMinor: Int
    enum CodingKeys: String, CodingKey { case cells, metadata, nbformat, nbformatMinor = "nbformat_minor" }
}

/// `execution_count`: a number, `null` (not run), or absent (markdown cells).
enum ExecutionCount {
    case count(Int), null, absent
}

struct JupyterCell: Encodable {
    var id: String
    var cellType: String
    var metadata: [String: String]
    var source: [String]
    var outputs: [JupyterOutput]?
    var executionCount: ExecutionCount

    enum CodingKeys: String, CodingKey { case id, cellType = "cell_type", metadata, source, outputs, executionCount = "execution_count" }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(cellType, forKey: .cellType)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(outputs, forKey: .outputs)
        switch executionCount {
        case .count(let count): try container.encode(count, forKey: .executionCount)
        case .null: try container.encodeNil(forKey: .executionCount)
        case .absent: break
        }
    }
}

/// A MIME bundle value: one string (base64 images, HTML) or a multi-line string.
enum MimeValue: Encodable {
    case text(String), lines([String])

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .lines(let lines): try container.encode(lines)
        }
    }
}

struct JupyterOutput: Encodable {
    var outputType: String
    var name: String?
    var text: [String]?
    var executionCount: ExecutionCount = .absent
    var data: [String: MimeValue]?
    var metadata: [String: [String: Int]]?
    var ename: String?
    var evalue: String?
    var traceback: [String]?

    enum CodingKeys: String, CodingKey {
        case outputType = "output_type", name, text, executionCount = "execution_count", data, metadata, ename, evalue, traceback
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outputType, forKey: .outputType)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(text, forKey: .text)
        if case .count(let count) = executionCount { try container.encode(count, forKey: .executionCount) }
        try container.encodeIfPresent(data, forKey: .data)
        try container.encodeIfPresent(metadata, forKey: .metadata)
        try container.encodeIfPresent(ename, forKey: .ename)
        try container.encodeIfPresent(evalue, forKey: .evalue)
        try container.encodeIfPresent(traceback, forKey: .traceback)
    }
}
