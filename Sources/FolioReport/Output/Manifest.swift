import Foundation
import FolioEngine
import FolioNotebook

/// `manifest.json`: the machine-readable record of a render (schema: docs/manifest.md).
struct Manifest: Codable {
    static let schemaVersion = 1

    struct Cell: Codable {
        var id: String
        var label: String?
        var index: Int
        var line: Int
        var status: CellStatus
        var seconds: Double
        /// Absent in manifests written before cached cells kept their timing (still schema 1).
        var computedSeconds: Double?
        var key: String?
        var reasons: [String]
        var skipReason: String?
        var error: ErrorRecord?
        var outputs: [Output]
        /// A sweep cell's points with their status, timing and key (absent for other cells).
        var points: [SweepPointResult]? = nil
    }

    struct ErrorRecord: Codable {
        var line: Int
        var column: Int
        var message: String
        var hint: String?
        var expected: Bool
    }

    struct Output: Codable {
        var kind: String
        var text: String?
        var path: String?
        var sha256: String?
        var alt: String?
        var caption: String?
        var widthPoints: Double?
        var heightPoints: Double?
        var columns: [String]?
        var rows: [[String]]?
    }

    struct Figure: Codable {
        var cell: String
        var path: String
        var sha256: String
        var caption: String?
        var alt: String
    }

    struct Table: Codable {
        var cell: String
        var caption: String?
        var columns: [String]
        var rows: [[String]]
    }

    struct InlineValue: Codable {
        var index: Int
        var line: Int
        var column: Int
        var expression: String
        var status: InlineValueStatus
        var key: String?
        var text: String?
        var value: Double?
        var values: [Double]?
        var error: ErrorRecord?
    }

    var schemaVersion = Manifest.schemaVersion
    var folioVersion = FolioVersion.current
    var notebook: String
    var title: String?
    var seed: UInt64
    var params: [String: String]
    var succeeded: Bool
    var provenance: Provenance
    /// Total compute time of the results shown (cached cells at their original time);
    /// absent in manifests written before it was recorded (still schema 1).
    var computeSeconds: Double?
    var cells: [Cell]
    var figures: [Figure]
    var tables: [Table]
    var inlineValues: [InlineValue]
}

/// A figure's file in the output folder.
struct FigureFile {
    var relativePath: String
    var data: Data
}

extension Manifest {
    /// Builds the manifest and the figure files of `result`, as `presentation` (the
    /// page's own) shows them; figure files are named by `FigureFileNaming`.
    static func build(_ result: RunResult, presentation: Presentation, provenance: Provenance) -> (Manifest, [FigureFile]) {
        var figures: [Figure] = []
        var tables: [Table] = []
        var files: [FigureFile] = []
        let cells = result.cells.map { cellResult -> Cell in
            let presented = presentation.cell(cellResult.id)
            let outputs = (presented?.outputs ?? []).map { output -> Output in
                switch output {
                case .text(let text): return Output(kind: "text", text: text)
                case .value(let text): return Output(kind: "value", text: text)
                case .figure(let figure):
                    let hash = ContentHash.sha256(figure.figure.pngData)
                    files.append(FigureFile(relativePath: figure.path, data: figure.figure.pngData))
                    figures.append(Figure(cell: cellResult.id, path: figure.path, sha256: hash, caption: figure.caption, alt: figure.alt))
                    return Output(
                        kind: "figure", path: figure.path, sha256: hash, alt: figure.alt, caption: figure.caption,
                        widthPoints: figure.figure.widthPoints, heightPoints: figure.figure.heightPoints)
                case .table(let presentedTable):
                    let table = presentedTable.table
                    tables.append(Table(cell: cellResult.id, caption: presentedTable.caption, columns: table.columns, rows: table.rows))
                    return Output(kind: "table", caption: presentedTable.caption, columns: table.columns, rows: table.rows)
                }
            }
            let error = cellResult.error.map { ErrorRecord($0, expected: presented?.errorIsExpected ?? false) }
            return Cell(
                id: cellResult.id, label: cellResult.label, index: cellResult.index, line: cellResult.line,
                status: cellResult.status, seconds: cellResult.seconds, computedSeconds: cellResult.computedSeconds,
                key: cellResult.key, reasons: cellResult.reasons,
                skipReason: cellResult.skipReason, error: error, outputs: outputs,
                points: cellResult.points.isEmpty ? nil : cellResult.points)
        }
        let params = Dictionary(
            result.notebook.frontMatter.params.map { ($0.name, $0.value.description) }, uniquingKeysWith: { first, _ in first })
        let manifest = Manifest(
            notebook: result.notebook.path, title: result.notebook.frontMatter.title, seed: result.notebook.frontMatter.seed,
            params: params, succeeded: result.succeeded, provenance: provenance,
            computeSeconds: result.computeSeconds, cells: cells, figures: figures, tables: tables,
            inlineValues: result.inlineValues.map(InlineValue.init))
        return (manifest, files)
    }

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Manifest.ErrorRecord {
    init(_ diagnostic: Diagnostic, expected: Bool) {
        self.init(line: diagnostic.line, column: diagnostic.column, message: diagnostic.message, hint: diagnostic.hint, expected: expected)
    }
}

extension Manifest.InlineValue {
    init(_ result: InlineValueResult) {
        self.init(
            index: result.index, line: result.line, column: result.column, expression: result.expression, status: result.status,
            key: result.key, text: result.value?.text, value: result.value?.value, values: result.value?.values,
            error: result.error.map { Manifest.ErrorRecord($0, expected: false) })
    }
}
