import FolioMath

extension BuiltinModule {
    /// Dense `Matrix<Double>` construction and linear algebra (FolioMath, BLAS/LAPACK).
    static let matrices = BuiltinModule(
        name: "matrices",
        functions: [
            Builtin(
                "matrix", [.positional("rows", .array(.vector))], returns: .matrix,
                doc: "A matrix from an array of rows: `matrix([[1, 2], [3, 4]])`."
            ) { call in
                let rows = try call.array(0).map { row -> [Double] in
                    guard case .array(let entries) = row else { throw BuiltinError("each row must be an array") }
                    return entries.compactMap { if case .double(let x) = $0 { x } else { nil } }
                }
                return .matrix(try Matrix(rows))
            },
            Builtin(
                "zeros", [.labeled("rows", .int), .labeled("columns", .int)], returns: .matrix, doc: "A matrix of zeros."
            ) { call in .matrix(Matrix(rows: try call.count(0, maximum: 100_000), columns: try shapeColumns(call))) },
            Builtin("identity", [.positional("n", .int)], returns: .matrix, doc: "The n×n identity matrix.") { call in
                .matrix(.identity(try call.count(0, maximum: 5_000)))
            },
            Builtin(
                "diagonal", [.positional("values", .vector)], returns: .matrix, doc: "A square matrix with `values` on its diagonal."
            ) { call in
                let values = try call.doubles(0)
                guard values.count <= 5_000 else { throw BuiltinError("diagonal of \(values.count) values is too large") }
                return .matrix(.diagonal(values))
            },
            Builtin(
                "randomNormal",
                [.labeled("rows", .int), .labeled("columns", .int), .labeled("standardDeviation", .double, default: .double(1))],
                returns: .matrix,
                doc: "A matrix of N(0, σ²) draws from the cell's seeded stream (same numbers on every run)."
            ) { call in
                let rows = try call.count(0, maximum: 100_000), columns = try shapeColumns(call)
                let sigma = try call.double(2)
                var generator = call.generator
                defer { call.generator = generator }
                return .matrix(Matrix<Double>.normal(rows: rows, columns: columns, using: &generator) * sigma)
            },
            unary("transpose", "The transpose.") { $0.transposed },
            Builtin(
                "matmul", [.positional("a", .matrix), .positional("b", .matrix)], returns: .matrix,
                doc: "The matrix product `a · b` (BLAS dgemm); `*` is elementwise."
            ) { call in
                let a = try call.matrix(0), b = try call.matrix(1)
                try call.reserve(MemoryEstimate.matrix(a.rows, b.columns), for: "'matmul' (a \(a.rows)×\(b.columns) product)")
                try call.checkDeadline()
                return .matrix(try a.matmul(b))
            },
            Builtin(
                "solve", [.positional("a", .matrix), .positional("b", .matrix)], returns: .matrix,
                doc: "The solution X of `a · X = b` for square `a` (LU with partial pivoting)."
            ) { call in .matrix(try call.matrix(0).solve(try call.matrix(1))) },
            unary("inverse", "The inverse of a square matrix.") { try $0.inverse() },
            Builtin(
                "svd", [.positional("a", .matrix)], returns: RecordType.svd.valueType,
                doc: "The thin singular value decomposition."
            ) { call in
                let svd = try call.matrix(0).svd()
                return RecordType.svd.make([
                    "u": .matrix(svd.u), "singularValues": .array(svd.singularValues.map(Value.double)), "vt": .matrix(svd.vt),
                ])
            },
            Builtin(
                "singularValues", [.positional("a", .matrix)], returns: .array(.double),
                doc: "The singular values, largest first."
            ) { call in .array(try call.matrix(0).singularValues().map(Value.double)) },
            Builtin(
                "norm", [.positional("a", .matrix), .option("kind", NormKind.frobenius)],
                returns: .double, doc: "A matrix norm: `.frobenius` (default), `.spectral` (largest singular value) or `.nuclear`."
            ) { call in
                let matrix = try call.matrix(0)
                switch try NormKind(call[1]) {
                case .spectral: return .double(try matrix.spectralNorm())
                case .nuclear: return .double(try matrix.nuclearNorm())
                case .frobenius: return .double(matrix.frobeniusNorm)
                }
            },
            norm("frobeniusNorm", "The Frobenius norm √Σ aᵢⱼ².") { $0.frobeniusNorm },
            norm("spectralNorm", "The largest singular value.") { try $0.spectralNorm() },
            norm("nuclearNorm", "The sum of the singular values.") { try $0.nuclearNorm() },
            norm("trace", "The sum of the diagonal entries.") { $0.diagonalEntries.reduce(0, +) },
        ],
        methods: [
            Builtin(
                "row", [.positional("self", .matrix), .positional("index", .int)], returns: .array(.double),
                doc: "Row `index` as an array."
            ) { call in .array(try call.matrix(0).row(try call.int(1)).map(Value.double)) },
            Builtin(
                "column", [.positional("self", .matrix), .positional("index", .int)], returns: .array(.double),
                doc: "Column `index` as an array."
            ) { call in .array(try call.matrix(0).column(try call.int(1)).map(Value.double)) },
        ],
        properties: [
            property("rows", .matrix, returns: .int, doc: "The number of rows.") { value in
                guard case .matrix(let matrix) = value else { return .void }
                return .int(matrix.rows)
            },
            property("columns", .matrix, returns: .int, doc: "The number of columns.") { value in
                guard case .matrix(let matrix) = value else { return .void }
                return .int(matrix.columns)
            },
            property("transposed", .matrix, returns: .matrix, doc: "The transpose.") { value in
                guard case .matrix(let matrix) = value else { return .void }
                return .matrix(matrix.transposed)
            },
            property("shape", .matrix, returns: .any, doc: "`(rows, columns)`.") { value in
                guard case .matrix(let matrix) = value else { return .void }
                return .tuple([TupleField(label: "rows", value: .int(matrix.rows)), TupleField(label: "columns", value: .int(matrix.columns))])
            },
        ],
        records: [.svd],
        enumerations: [NormKind.enumeration])


    private static func shapeColumns(_ call: BuiltinCall) throws -> Int {
        let rows = try call.count(0, maximum: 100_000), columns = try call.count(1, maximum: 100_000)
        try call.reserve(MemoryEstimate.matrix(rows, columns), for: "'\(call.builtin.name)' (a \(rows)×\(columns) matrix)")
        return columns
    }

    private static func unary(_ name: String, _ doc: String, _ function: @escaping @Sendable (Matrix<Double>) throws -> Matrix<Double>)
        -> Builtin
    {
        Builtin(name, [.positional("a", .matrix)], returns: .matrix, doc: doc) { call in .matrix(try function(try call.matrix(0))) }
    }

    private static func norm(_ name: String, _ doc: String, _ function: @escaping @Sendable (Matrix<Double>) throws -> Double)
        -> Builtin
    {
        Builtin(name, [.positional("a", .matrix)], returns: .double, doc: doc) { call in .double(try function(try call.matrix(0))) }
    }
}
