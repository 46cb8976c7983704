import Foundation
import FolioMath

/// A function cells can call, implemented in Swift.
///
/// Built-ins are the cells' only access to the world. Each declares its signature (labels,
/// types, defaults) so `folio lint` can check calls before anything runs, and a doc
/// comment that `folio functions NAME` prints.
struct Builtin: Sendable {
    struct Parameter: Sendable {
        /// The argument label, nil for an unlabelled argument (`_` in Swift).
        var label: String?
        var name: String
        var type: ValueType
        var defaultValue: Value?
        /// Takes any number of unlabelled values (after the first), passed as an array.
        var isVariadic = false

        /// An unlabelled parameter: `_ name: Type`.
        static func positional(_ name: String, _ type: ValueType, default defaultValue: Value? = nil) -> Parameter {
            Parameter(label: nil, name: name, type: type, defaultValue: defaultValue)
        }

        /// A labelled parameter: `label: Type`.
        static func labeled(_ label: String, _ type: ValueType, default defaultValue: Value? = nil) -> Parameter {
            Parameter(label: label, name: label, type: type, defaultValue: defaultValue)
        }

        /// `_ name: Type...`.
        static func variadic(_ name: String, _ type: ValueType) -> Parameter {
            Parameter(label: nil, name: name, type: type, defaultValue: .array([]), isVariadic: true)
        }
    }

    var name: String
    var parameters: [Parameter]
    var returnType: ValueType
    /// One or more sentences: what it computes and why one would call it.
    var documentation: String
    var body: @Sendable (inout BuiltinCall) throws -> Value

    init(
        _ name: String, _ parameters: [Parameter], returns returnType: ValueType, doc documentation: String,
        body: @escaping @Sendable (inout BuiltinCall) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.documentation = documentation
        self.body = body
    }

    /// `name(_ x: Double, rows: Int = 3) -> Matrix`.
    var signature: String {
        let list = parameters.map { parameter in
            let head = parameter.label ?? "_ \(parameter.name)"
            let variadic = parameter.isVariadic ? "..." : ""
            var defaultText = parameter.defaultValue.map { " = \($0.sourceText)" } ?? ""
            if parameter.isVariadic { defaultText = "" }
            if case .void? = parameter.defaultValue { defaultText = " (optional)" }
            return "\(head): \(parameter.type)\(variadic)\(defaultText)"
        }
        return "\(name)(\(list.joined(separator: ", "))) -> \(returnType)"
    }
}

/// An error thrown by a built-in's body; the engine locates it at the call.
struct BuiltinError: Error, Sendable {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// What a built-in's body gets: its arguments (one per parameter, defaults filled in,
/// converted to the declared types) and the cell's services.
struct BuiltinCall {
    let builtin: Builtin
    /// One per parameter; a variadic parameter's values arrive as an array.
    var arguments: [Value]
    let context: CellContext
    /// Where the call is written (for errors raised by closures it calls).
    var position = SourcePosition(line: 0, column: 0)

    subscript(_ index: Int) -> Value { arguments.indices.contains(index) ? arguments[index] : .void }

    func int(_ index: Int) throws -> Int {
        if case .int(let value) = self[index] { return value }
        throw mismatch(index, "Int")
    }

    func double(_ index: Int) throws -> Double {
        switch self[index] {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: throw mismatch(index, "Double")
        }
    }

    func bool(_ index: Int) throws -> Bool {
        if case .bool(let value) = self[index] { return value }
        throw mismatch(index, "Bool")
    }

    func string(_ index: Int) throws -> String {
        if case .string(let value) = self[index] { return value }
        throw mismatch(index, "String")
    }

    func matrix(_ index: Int) throws -> Matrix<Double> {
        if case .matrix(let value) = self[index] { return value }
        throw mismatch(index, "Matrix")
    }

    func array(_ index: Int) throws -> [Value] {
        if case .array(let value) = self[index] { return value }
        throw mismatch(index, "array")
    }

    /// A `.vector` argument as doubles.
    func doubles(_ index: Int) throws -> [Double] {
        try array(index).map { element in
            switch element {
            case .double(let value): value
            case .int(let value): Double(value)
            default: throw mismatch(index, "[Double]")
            }
        }
    }

    /// A positive count (rows, columns, samples), bounded so a typo cannot exhaust memory.
    func count(_ index: Int, maximum: Int = 50_000_000) throws -> Int {
        let value = try int(index)
        guard value >= 0, value <= maximum else {
            throw BuiltinError("'\(builtin.parameters[index].name)' must be between 0 and \(maximum), got \(value)")
        }
        return value
    }

    /// The cell's random stream (seeded by notebook seed and cell label or index).
    var generator: SeededGenerator {
        get { context.generator }
        nonmutating set { context.generator = newValue }
    }

    /// The figure size a cell asked for with `//| width:` and `//| height:` (points), or
    /// the given defaults; figure built-ins draw at this size.
    func figureSize(defaultWidth: Double, defaultHeight: Double) -> (widthPoints: Double, heightPoints: Double) {
        (context.options.widthPoints ?? defaultWidth, context.options.heightPoints ?? defaultHeight)
    }

    /// Reports progress of a long computation (drawn as a bar on a TTY).
    func progress(done: Int, total: Int, label: String) {
        context.reportProgress(done: done, total: total, label: label)
    }

    /// Runs `body` as one step of a longer piece of progress (see `CellContext.withProgressStep`).
    func withProgressStep<T>(_ step: Int, of steps: Int, label: String, _ body: () throws -> T) throws -> T {
        try context.withProgressStep(step, of: steps, label: label, body)
    }

    /// Reads a file through the sandbox: only the notebook's folder and declared data folders.
    func readFile(_ path: String) throws -> Data {
        try context.readFile(path)
    }

    /// Calls a closure or built-in passed as an argument.
    func apply(_ function: Value, _ values: [Value]) throws -> Value {
        guard let evaluator = context.evaluator else { throw BuiltinError("no evaluator to call a closure") }
        return try evaluator.callFunction(function, with: values, at: position)
    }

    /// The closure or built-in `self[index]`, prepared to be called once per element with
    /// `arity` (1 or 2) arguments: faster than `apply` from the second call on. `firstCall`,
    /// the arguments of the first call when there is one, lets a closure over scalars
    /// compile to scalar code for their types.
    func function(_ index: Int, arity: Int, firstCall: [Value]?) throws -> PreparedCall {
        guard let evaluator = context.evaluator else { throw BuiltinError("no evaluator to call a closure") }
        return PreparedCall(self[index], arity: arity, firstCall: firstCall, evaluator: evaluator, at: position)
    }

    /// Fails the call if the cell must stop (timeout, the render's `--timeout`, Ctrl-C).
    func checkDeadline() throws {
        try context.checkDeadline()
    }

    /// The cell's stop check, for long computations in FolioModels and FolioPlot.
    var stop: StopCheck { context.stop }

    /// Fails the call before it allocates `bytes` over the cell's memory budget; `what`
    /// names the request in the message (defaults to the call).
    func reserve(_ bytes: Int, for what: String? = nil) throws {
        try context.reserve(bytes, for: what ?? "'\(builtin.name)'")
    }

    private func mismatch(_ index: Int, _ expected: String) -> BuiltinError {
        let name = builtin.parameters.indices.contains(index) ? builtin.parameters[index].name : "argument \(index + 1)"
        return BuiltinError("'\(name)' must be \(expected), got \(self[index].typeName)")
    }
}

extension Value {
    /// How a default value is written in a signature.
    var sourceText: String {
        switch self {
        case .string(let text): "\"\(text)\""
        default: description
        }
    }
}
