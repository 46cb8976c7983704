extension BuiltinModule {
    /// Properties and methods of arrays, ranges, strings and dictionaries.
    static let collections = BuiltinModule(
        name: "collections",
        methods: [
            method("map", [.positional("transform", .function)], returns: .array(.any), doc: "The results of `transform` on each element.") {
                call in
                let values = try elements(call)
                let transform = try call.function(1, arity: 1, firstCall: values.first.map { [$0] })
                return .array(try values.map { try transform($0) })
            },
            method(
                "progressMap", [.labeled("label", .string), .positional("transform", .function)], returns: .array(.any),
                doc: """
                    `map` for long work, e.g. a grid of trainings: each element is one step of the cell's \
                    progress bar (`label 3/25`, with an ETA for the whole array), and the progress of the \
                    built-ins inside (training epochs) fills the current step.
                    """
            ) { call in
                let values = try elements(call), transform = try call.function(2, arity: 1, firstCall: values.first.map { [$0] })
                return .array(try values.enumerated().map { index, value in
                    try call.withProgressStep(index, of: values.count, label: try call.string(1)) { try transform(value) }
                })
            },
            method("filter", [.positional("isIncluded", .function)], returns: .array(.any), doc: "The elements for which `isIncluded` is true.") {
                call in
                let values = try elements(call)
                let isIncluded = try call.function(1, arity: 1, firstCall: values.first.map { [$0] })
                // Room for every element at once: growing by doubling copied a large array
                // several times (and touched fresh pages each time), twice the cost of the calls.
                var kept: [Value] = []
                kept.reserveCapacity(values.count)
                for element in values {
                    guard case .bool(let keep) = try isIncluded(element) else {
                        throw BuiltinError("filter's closure must return Bool")
                    }
                    if keep { kept.append(element) }
                }
                return .array(kept)
            },
            method(
                "reduce", [.positional("initialResult", .any), .positional("nextPartialResult", .function)], returns: .any,
                doc: "Combines the elements left to right: `reduce(0) { $0 + $1 }`."
            ) { call in
                let values = try elements(call)
                let nextPartialResult = try call.function(2, arity: 2, firstCall: values.first.map { [call[1], $0] })
                return try values.reduce(call[1]) { try nextPartialResult($0, $1) }
            },
            method(
                "sorted", [.labeled("by", .function, default: .void)], returns: .array(.any),
                doc: """
                    The elements in increasing order (numbers or strings), or ordered by \
                    `areInIncreasingOrder`: `sorted(by: >)`, `sorted { $0.count < $1.count }`.
                    """
            ) { call in
                guard case .function = call[1] else { return .array(try sortedValues(try elements(call))) }
                let values = try elements(call)
                let areInIncreasingOrder = try call.function(1, arity: 2, firstCall: values.count >= 2 ? [values[1], values[0]] : nil)
                return .array(try values.sorted { a, b in
                    guard case .bool(let ordered) = try areInIncreasingOrder(a, b) else {
                        throw BuiltinError("sorted(by:)'s closure must return Bool")
                    }
                    return ordered
                })
            },
            method("min", [], returns: .any, doc: "The smallest element (numbers or strings; an error when empty).") { call in
                guard let smallest = try sortedValues(try elements(call)).first else { throw BuiltinError("min() of an empty array") }
                return smallest
            },
            method("max", [], returns: .any, doc: "The largest element (numbers or strings; an error when empty).") { call in
                guard let largest = try sortedValues(try elements(call)).last else { throw BuiltinError("max() of an empty array") }
                return largest
            },
            method("reversed", [], returns: .array(.any), doc: "The elements in reverse order.") { call in
                .array(try elements(call).reversed())
            },
            method("contains", [.positional("element", .any)], returns: .bool, doc: "Whether an element equals `element`.") {
                call in
                let target = DictionaryKey(call[1])
                return .bool(try elements(call).contains { DictionaryKey($0) == target && target != nil })
            },
            method("enumerated", [], returns: .array(.any), doc: "Pairs `(offset, element)`.") { call in
                .array(try elements(call).enumerated().map { .tuple([TupleField(label: "offset", value: .int($0)), TupleField(label: "element", value: $1)]) })
            },
            method("prefix", [.positional("maxLength", .int)], returns: .array(.any), doc: "The first `maxLength` elements.") {
                call in .array(Array(try elements(call).prefix(max(0, try call.int(1)))))
            },
            method("suffix", [.positional("maxLength", .int)], returns: .array(.any), doc: "The last `maxLength` elements.") {
                call in .array(Array(try elements(call).suffix(max(0, try call.int(1)))))
            },
            method("joined", [.labeled("separator", .string, default: .string(""))], returns: .string, doc: "The elements' text joined by `separator`.") {
                call in .string(try elements(call).map(\.description).joined(separator: try call.string(1)))
            },
            method("allSatisfy", [.positional("predicate", .function)], returns: .bool, doc: "Whether `predicate` holds for every element.") {
                call in
                let values = try elements(call)
                let predicate = try call.function(1, arity: 1, firstCall: values.first.map { [$0] })
                return .bool(try values.allSatisfy { element in
                    if case .bool(true) = try predicate(element) { return true }
                    return false
                })
            },
        ],
        properties: [
            property("count", .any, returns: .int, doc: "The number of elements (or characters, or entries).") { value in
                switch value {
                case .array(let elements): return .int(elements.count)
                case .string(let text): return .int(text.count)
                case .dictionary(let dictionary): return .int(dictionary.count)
                case .range(let lower, let upper):
                    let (count, overflow) = upper.subtractingReportingOverflow(lower)
                    guard !overflow else { throw BuiltinError("the range has more than Int.max elements") }
                    return .int(count)
                case .matrix(let matrix): return .int(matrix.count)
                default: throw BuiltinError("value of type \(value.typeName) has no member 'count'")
                }
            },
            property("isEmpty", .array(.any), returns: .bool, doc: "Whether there are no elements.") { value in
                if case .array(let elements) = value { return .bool(elements.isEmpty) }
                return .bool(false)
            },
            property("first", .array(.any), returns: .any, doc: "The first element (an error when empty).") { value in
                guard case .array(let elements) = value, let first = elements.first else { throw BuiltinError("'first' of an empty array") }
                return first
            },
            property("last", .array(.any), returns: .any, doc: "The last element (an error when empty).") { value in
                guard case .array(let elements) = value, let last = elements.last else { throw BuiltinError("'last' of an empty array") }
                return last
            },
            property("keys", .dictionary, returns: .array(.any), doc: "The keys, in insertion order.") { value in
                guard case .dictionary(let dictionary) = value else { return .array([]) }
                return .array(dictionary.entries.map { $0.key.value })
            },
            property("values", .dictionary, returns: .array(.any), doc: "The values, in insertion order.") { value in
                guard case .dictionary(let dictionary) = value else { return .array([]) }
                return .array(dictionary.entries.map(\.value))
            },
        ])

    /// A method on arrays (ranges convert): `parameters` come after the receiver.
    private static func method(
        _ name: String, _ parameters: [Builtin.Parameter], returns: ValueType, doc: String,
        body: @escaping @Sendable (inout BuiltinCall) throws -> Value
    ) -> Builtin {
        Builtin(name, [.positional("self", .array(.any))] + parameters, returns: returns, doc: doc, body: body)
    }

    static func property(
        _ name: String, _ receiver: ValueType, returns: ValueType, doc: String, _ get: @escaping @Sendable (Value) throws -> Value
    ) -> Builtin {
        Builtin(name, [.positional("self", receiver)], returns: returns, doc: doc) { call in try get(call[0]) }
    }

    private static func elements(_ call: BuiltinCall) throws -> [Value] {
        let elements = try call.array(0)
        guard elements.count <= Evaluator.maximumMaterializedCount else {
            throw BuiltinError("too many elements (\(elements.count)); the limit is \(Evaluator.maximumMaterializedCount)")
        }
        return elements
    }

    private static func sortedValues(_ values: [Value]) throws -> [Value] {
        if values.allSatisfy({ if case .string = $0 { true } else { false } }) {
            return values.sorted { $0.description < $1.description }
        }
        let numbers: [(Double, Value)] = try values.map { value in
            guard let converted = ValueType.double.convert(value), case .double(let number) = converted else {
                throw BuiltinError("sorted() needs numbers or strings, got \(value.typeName)")
            }
            return (number, value)
        }
        return numbers.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
