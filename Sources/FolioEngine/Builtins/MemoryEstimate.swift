/// Bytes a request will allocate, computed without overflow (a product that does not fit
/// saturates at `Int.max`, which every budget refuses): what built-ins and operators check
/// against the cell's memory budget before they allocate.
enum MemoryEstimate {
    /// The product of `factors` (e.g. rows, columns, bytes per element).
    static func product(_ factors: Int...) -> Int {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: max(0, factor))
            if overflow { return .max }
            result = value
        }
        return result
    }

    /// The sum of `terms`.
    static func sum(_ terms: Int...) -> Int {
        var result = 0
        for term in terms {
            let (value, overflow) = result.addingReportingOverflow(max(0, term))
            if overflow { return .max }
            result = value
        }
        return result
    }

    /// A dense matrix of Doubles.
    static func matrix(_ rows: Int, _ columns: Int) -> Int { product(rows, columns, MemoryLayout<Double>.stride) }
}
