import FolioMath

/// The declared type of a built-in's parameter or result.
indirect enum ValueType: Sendable, Equatable, CustomStringConvertible {
    case any
    case int
    /// Accepts Int too (converted).
    case double
    /// Int or Double, kept as given.
    case number
    case bool
    case string
    case array(ValueType)
    /// Numbers as `[Double]`: accepts arrays of Int or Double and integer ranges.
    case vector
    case dictionary
    case matrix
    case function
    case record(String)
    /// An enum-like option written `.name`; `cases` are the allowed names.
    case enumeration(String, cases: [String])
    case figure
    case table
    case void
    /// `(x: Double, y: Double)`: converts each element, and gives unlabelled ones the labels.
    case tuple([Labelled<ValueType>])

    var description: String {
        switch self {
        case .any: "Any"
        case .int: "Int"
        case .double: "Double"
        case .number: "Number"
        case .bool: "Bool"
        case .string: "String"
        case .array(let element): "[\(element)]"
        case .vector: "[Double]"
        case .dictionary: "Dictionary"
        case .matrix: "Matrix"
        case .function: "function"
        case .record(let name): name
        case .enumeration(let name, _): name
        case .figure: "Figure"
        case .table: "Table"
        case .void: "Void"
        case .tuple(let elements): Labelled.describe(elements)
        }
    }

    /// `value` converted to this type (Int → Double, ranges → arrays, `.x` → typed case), or
    /// nil when it does not fit.
    func convert(_ value: Value) -> Value? {
        switch (self, value) {
        case (.any, _): return value
        case (.int, .int), (.bool, .bool), (.string, .string), (.matrix, .matrix), (.function, .function),
            (.dictionary, .dictionary), (.figure, .figure), (.table, .table), (.void, .void):
            return value
        case (.double, .double), (.number, .int), (.number, .double): return value
        case (.double, .int(let int)): return .double(Double(int))
        case (.record(let name), .record(let record)): return record.typeName == name ? value : nil
        case (.enumeration(let name, let cases), .enumCase(let type, let caseName)):
            guard type == nil || type == name, cases.contains(caseName) else { return nil }
            return .enumCase(type: name, name: caseName)
        case (.array(.any), .array): return value
        case (.array(let element), .array(let elements)):
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for item in elements {
                guard let fitted = element.convert(item) else { return nil }
                converted.append(fitted)
            }
            return .array(converted)
        case (.array(let element), .range(let lower, let upper)):
            let (count, overflow) = upper.subtractingReportingOverflow(lower)
            guard !overflow, count <= Evaluator.maximumMaterializedCount else { return nil }
            return element.convert(.array((lower..<upper).map(Value.int)))
        case (.vector, _): return ValueType.array(.double).convert(value)
        case (.tuple(let types), .tuple(let fields)):
            guard types.count == fields.count else { return nil }
            var converted: [TupleField] = []
            for (type, field) in zip(types, fields) {
                guard field.label == nil || type.label == nil || field.label == type.label, let value = type.type.convert(field.value)
                else { return nil }
                converted.append(TupleField(label: type.label ?? field.label, value: value))
            }
            return .tuple(converted)
        default: return nil
        }
    }

    /// The types `folio lint` follows through names and built-in results.
    static let staticallyKnown: [ValueType] = [.int, .double, .bool, .string, .matrix]

    /// Whether a value of the statically known type `known` can never convert to this type
    /// (for `folio lint`): asks `convert` itself with a sample value of that type.
    func rejects(_ known: ValueType) -> Bool {
        let sample: Value? = switch known {
        case .int: .int(1)
        case .double: .double(1)
        case .bool: .bool(true)
        case .string: .string("")
        case .matrix: .matrix(Matrix(rows: 1, columns: 1))
        default: nil
        }
        guard let sample else { return false }
        return convert(sample) == nil
    }

    /// Whether a literal of kind `literal` can never convert to this type (for `folio lint`).
    func rejectsLiteral(_ literal: LiteralKind) -> Bool {
        switch (self, literal) {
        case (.any, _): false
        case (.int, .int), (.double, .int), (.double, .double), (.number, .int), (.number, .double), (.bool, .bool), (.string, .string): false
        case (.array, .array), (.vector, .array): false
        case (.enumeration, .implicitMember): false
        case (.dictionary, .dictionary): false
        case (.function, .closure): false
        default: true
        }
    }
}

/// The kinds of literal the checker can see.
enum LiteralKind: String {
    case int = "Int"
    case double = "Double"
    case bool = "Bool"
    case string = "String"
    case array = "array"
    case dictionary = "dictionary"
    case closure = "closure"
    case implicitMember = "enum case"
}
