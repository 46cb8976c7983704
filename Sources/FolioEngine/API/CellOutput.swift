import Foundation

/// Something a cell shows in the report, in the order it was produced.
public enum CellOutput: Sendable, Equatable, Codable {
    /// Text from `print`.
    case text(String)
    /// The value of the cell's last expression, as Swift would print it.
    case value(String)
    case figure(FigureOutput)
    case table(TableOutput)
}

/// A rendered figure: PNG bytes plus what the report needs to show it accessibly.
public struct FigureOutput: Sendable, Equatable, Codable {
    public var pngData: Data
    /// Alternative text (the cell's `alt` option wins over the built-in's).
    public var altText: String
    public var widthPoints: Double
    public var heightPoints: Double
    /// The caption (the cell's `caption` option wins over the built-in's).
    public var caption: String?

    public init(pngData: Data, altText: String, widthPoints: Double, heightPoints: Double, caption: String? = nil) {
        self.pngData = pngData
        self.altText = altText
        self.widthPoints = widthPoints
        self.heightPoints = heightPoints
        self.caption = caption
    }
}

/// A table: column names and rows of already formatted cells, plus the raw numbers.
public struct TableOutput: Sendable, Equatable, Codable {
    public var columns: [String]
    /// Display text per cell, `rows[i][j]` under `columns[j]`.
    public var rows: [[String]]
    public var caption: String?

    public init(columns: [String], rows: [[String]], caption: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }
}

extension [CellOutput] {
    /// Appends printed text, run together with text just before it: consecutive prints are
    /// one output, as a reader sees them.
    mutating func appendText(_ text: String) {
        if case .text(let previous)? = last {
            self[count - 1] = .text(previous + text)
        } else {
            append(.text(text))
        }
    }
}
