/// Validation shared by the marks; every failure names the mark and the field.
enum DataChecks {
    static func nonEmpty(_ values: [Double], mark: String, field: String) throws {
        if values.isEmpty { throw PlotError.invalidData(mark: mark, message: "`\(field)` is empty") }
    }

    static func finite(_ values: [Double], mark: String, field: String) throws {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw PlotError.invalidData(
                mark: mark, message: "`\(field)`[\(index)] is \(values[index]); values must be finite numbers")
        }
    }

    static func sameCount(_ a: [Double], _ aName: String, _ b: [Double], _ bName: String, mark: String) throws {
        if a.count != b.count {
            throw PlotError.invalidData(
                mark: mark, message: "`\(aName)` has \(a.count) values but `\(bName)` has \(b.count)")
        }
    }

    /// Non-empty, finite, and as long as `reference`.
    static func series(_ values: [Double], field: String, matching reference: [Double]? = nil,
                       referenceField: String = "x", mark: String) throws {
        try nonEmpty(values, mark: mark, field: field)
        try finite(values, mark: mark, field: field)
        if let reference { try sameCount(reference, referenceField, values, field, mark: mark) }
    }

    static func bounds(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        return low...high
    }

    /// Bounds of the values a log axis can show (the positive ones) or of all values.
    static func bounds(_ values: [Double], for scale: ScaleKind) -> ClosedRange<Double>? {
        scale == .log ? bounds(values.filter { $0 > 0 }) ?? bounds(values) : bounds(values)
    }
}
