extension Evaluator {
    /// `container[indices]` for arrays, dictionaries (with `default:`) and matrices.
    func subscriptValue(_ container: Value, _ indices: [Value], _ arguments: [Argument], at position: SourcePosition) throws
        -> Value
    {
        switch (container, indices.count) {
        case (.array(let elements), 1):
            if case .range(let lower, let upper) = indices[0] {
                guard lower >= 0, upper <= elements.count else {
                    throw RuntimeError(
                        message: "range \(lower)..<\(upper) is out of bounds for an array of \(elements.count) elements",
                        position: position, hint: nil)
                }
                return .array(Array(elements[lower..<upper]))
            }
            return elements[try index(indices[0], count: elements.count, what: "an array", at: position)]
        case (.range(let lower, let upper), 1):
            let (count, overflow) = upper.subtractingReportingOverflow(lower)
            let offset = try index(indices[0], count: overflow ? Int.max : count, what: "a range", at: position)
            return .int(lower + offset)
        case (.dictionary(let dictionary), _):
            let key = try dictionaryKey(indices.first ?? .void, at: position)
            if let value = dictionary[key] { return value }
            if arguments.count == 2, arguments[1].label == "default" { return indices[1] }
            throw RuntimeError(
                message: "key \(key.value.sourceText) is not in the dictionary", position: position,
                hint: "use dictionary[key, default: value] for a fallback")
        case (.matrix(let matrix), 2):
            let row = try index(indices[0], count: matrix.rows, what: "the rows of a \(matrix.shapeDescription) matrix", at: position)
            let column = try index(
                indices[1], count: matrix.columns, what: "the columns of a \(matrix.shapeDescription) matrix", at: position)
            return .double(matrix[row, column])
        case (.tuple(let fields), 1):
            return fields[try index(indices[0], count: fields.count, what: "a tuple", at: position)].value
        default:
            throw RuntimeError(
                message: "cannot subscript a value of type \(container.typeName) with \(indices.count) index(es)",
                position: position, hint: "arrays take [i], dictionaries [key], matrices [i, j]")
        }
    }

    /// Applies `body` to the element `container[indices]` in place: the container's storage
    /// is moved out of `container` first, so it is unique and never copied.
    func updateSubscript(
        _ container: inout Value, _ indices: [Value], _ arguments: [Argument], at position: SourcePosition,
        _ body: (inout Value) throws -> Void
    ) throws {
        guard indices.count == 1 || indices.count == 2 else { throw notAssignable(container, at: position) }
        let hasDefault = indices.count == 2 && arguments.last?.label == "default"
        try updateSubscript(&container, indices[0], indices.count == 2 ? indices[1] : nil, hasDefault: hasDefault, at: position, body)
    }

    /// `updateSubscript` with one or two indices given apart (compiled code builds no array):
    /// `second` is a matrix's column, or the `default:` value when `hasDefault`.
    func updateSubscript(
        _ container: inout Value, _ first: Value, _ second: Value?, hasDefault: Bool, at position: SourcePosition,
        _ body: (inout Value) throws -> Void
    ) throws {
        if second == nil, case .array(var elements) = container {
            let i = try index(first, count: elements.count, what: "an array", at: position)
            container = .void
            defer { container = .array(elements) }
            try body(&elements[i])
        } else if second == nil || hasDefault, case .dictionary = container {
            try updateDictionary(&container, try dictionaryKey(first, at: position), missing: second ?? .void, body)
        } else if let second, case .matrix(var matrix) = container {
            let row = try index(first, count: matrix.rows, what: "the rows of a \(matrix.shapeDescription) matrix", at: position)
            let column = try index(
                second, count: matrix.columns, what: "the columns of a \(matrix.shapeDescription) matrix", at: position)
            var value = Value.double(matrix[row, column])
            try body(&value)
            guard let number = ValueType.double.convert(value), case .double(let entry) = number else {
                throw RuntimeError(message: "matrix entries are Double, got \(value.typeName)", position: position, hint: nil)
            }
            container = .void
            matrix[row, column] = entry
            container = .matrix(matrix)
        } else {
            throw notAssignable(container, at: position)
        }
    }

    /// Applies `body` to the entry at `key` of the dictionary `container` in place (one hash
    /// lookup; a missing key starts from `missing`): the dictionary is moved out of
    /// `container` first, so it is unique and never copied. False, with nothing done, when
    /// `container` is not a dictionary.
    @discardableResult
    func updateDictionary(
        _ container: inout Value, _ key: DictionaryKey, missing: Value, _ body: (inout Value) throws -> Void
    ) rethrows -> Bool {
        guard case .dictionary(var dictionary) = container else { return false }
        container = .void
        defer { container = .dictionary(dictionary) }
        try dictionary.update(key, missing: missing, body)
        return true
    }

    private func notAssignable(_ container: Value, at position: SourcePosition) -> RuntimeError {
        RuntimeError(
            message: "cannot assign through a subscript of \(container.typeName)", position: position,
            hint: "arrays take [i], dictionaries [key], matrices [i, j]")
    }

    private func index(_ value: Value, count: Int, what: String, at position: SourcePosition) throws -> Int {
        guard case .int(let index) = value else {
            throw RuntimeError(message: "index must be Int, got \(value.typeName)", position: position, hint: nil)
        }
        guard index >= 0, index < count else {
            throw RuntimeError(
                message: "index \(index) is out of range for \(what) of \(count) elements", position: position,
                hint: count == 0 ? "it is empty" : "valid indices are 0...\(count - 1)")
        }
        return index
    }

    private func dictionaryKey(_ value: Value, at position: SourcePosition) throws -> DictionaryKey {
        guard let key = DictionaryKey(value) else {
            throw RuntimeError(message: "dictionary keys must be Int, Double, Bool or String", position: position, hint: nil)
        }
        return key
    }
}
