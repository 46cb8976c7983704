/// Random matrices, filled column by column from one stream.
extension Matrix {
    /// Entries drawn i.i.d. from N(mean, standardDeviation²).
    public static func normal(
        rows: Int, columns: Int, mean: Double = 0, standardDeviation: Double = 1,
        using generator: inout SeededGenerator
    ) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for k in 0..<result.count {
            result.storage[k] = Scalar(generator.normal(mean: mean, standardDeviation: standardDeviation))
        }
        return result
    }

    /// Entries drawn i.i.d. uniformly from [lower, upper).
    public static func uniform(
        rows: Int, columns: Int, lower: Double = 0, upper: Double = 1, using generator: inout SeededGenerator
    ) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for k in 0..<result.count { result.storage[k] = Scalar(generator.uniform(lower, upper)) }
        return result
    }
}
