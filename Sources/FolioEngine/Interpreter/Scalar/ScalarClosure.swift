/// A closure literal that a built-in calls once per element (`map`, `filter`, `reduce`,
/// `sorted(by:)`), compiled to scalar code (ScalarCompiler) for the types of the first
/// call's arguments: `xs.map { $0 * 2.0 }` over Doubles then runs as one multiply per
/// element, with no scope, no bindings and no closure tree, in one machine memory reused
/// for every element.
///
/// Made for one built-in call (PreparedCall), so a captured Int, Double or Bool is read
/// once, as a constant: nothing can assign it while the call lasts (scalar code assigns
/// only its own locals and calls only scalar functions and built-ins of scalars). An
/// element of another type than the first's is left to PreparedCall's compiled call, and
/// every error is the evaluator's, at the same position.
final class ScalarClosure {
    /// Owns the compiled code and the workspace that `entry` points to.
    private let function: ScalarFunction
    /// What a call reads: plain values and pointers, so that a call retains nothing.
    let entry: Entry

    /// The compiled closure as its calls read it; valid while its ScalarClosure lives.
    struct Entry {
        fileprivate let routine: UnsafeMutablePointer<ScalarRoutine>
        fileprivate let start: SourcePosition
        fileprivate let firstType: ScalarType, secondType: ScalarType?, resultType: ScalarType
        /// Behind a pointer, so that a call's access to it is not a checked access to a property.
        fileprivate let workspace: UnsafeMutablePointer<ScalarMachine.Workspace>
        /// The evaluator makes the built-in call this closure serves, so it outlives it;
        /// unmanaged, so that passing it to the machine retains nothing.
        fileprivate let evaluator: Unmanaged<Evaluator>
        fileprivate let context: Unmanaged<CellContext>

        /// The closure's result for `argument`; nil when it is not of the compiled type.
        func call(_ argument: Value) throws -> Value? {
            guard let bits = firstType.bits(argument) else { return nil }
            return resultType.value(try run { $0[0] = bits })
        }

        /// The closure's result for `first` and `second`; nil when either is not of its compiled type.
        func call(_ first: Value, _ second: Value) throws -> Value? {
            guard let firstBits = firstType.bits(first), let secondBits = secondType?.bits(second) else { return nil }
            return resultType.value(try run { frame in
                frame[0] = firstBits
                frame[1] = secondBits
            })
        }

        @inline(__always)
        private func run(_ bind: (ScalarFrame) -> Void) throws -> UInt64 {
            try evaluator._withUnsafeGuaranteedRef { evaluator in
                try context._withUnsafeGuaranteedRef { context in
                    try ScalarMachine.run(routine, start: start, in: &workspace.pointee, evaluator: evaluator, context: context, bind: bind)
                }
            }
        }
    }

    /// `closure` compiled for `arguments` (one or two, as the built-in passes them); nil
    /// when it is not a closure literal over scalars, or when its call would nest too deep
    /// (PreparedCall's call then reports that).
    init?(_ closure: Closure, arguments: [Value], evaluator: Evaluator) {
        let literal = closure.literal
        let depthLimit = Evaluator.maximumCallDepth - (evaluator.callDepth + 1)
        guard literal.name == nil, !literal.bodyMakesClosures, depthLimit >= 0, (1...2).contains(arguments.count) else { return nil }
        var types: [ScalarType] = []
        for value in arguments {
            guard let type = ScalarType(of: value) else { return nil }
            types.append(type)
        }
        let names: [String]
        if literal.parameters.isEmpty {
            guard literal.anonymousArgumentCount <= arguments.count else { return nil }
            names = arguments.indices.map(Evaluator.anonymousName)
        } else {
            guard literal.parameters.count == arguments.count else { return nil }
            for (index, parameter) in literal.parameters.enumerated() {
                // A declared type must be the argument's own: PreparedCall binds unconverted.
                guard parameter.type.map({ ScalarType(evaluator.valueType(of: $0)) == types[index] }) ?? true else { return nil }
            }
            names = closure.parameterNames
        }
        var declaredResult: ScalarType?
        if let annotation = literal.returnType {
            guard let declared = ScalarType(evaluator.valueType(of: annotation)) else { return nil }
            declaredResult = declared
        }
        let start = literal.body.first?.position ?? literal.position
        let signature = ScalarSignature(
            parameterNames: names, parameterTypes: types, resultType: declaredResult, start: start, capturesValues: true)
        var compiler = ScalarCompiler(
            signature: signature, closure: closure, evaluator: evaluator, functions: evaluator.compiledFunctions.scalarFunctions)
        guard let (program, compiledResultType) = compiler.compileBody() else { return nil }
        function = ScalarFunction(
            parameterTypes: types, labels: types.map { _ in nil }, resultType: compiledResultType, start: start, evaluator: evaluator)
        function.install(ScalarBody(program))
        let workspace = UnsafeMutablePointer<ScalarMachine.Workspace>.allocate(capacity: 1)
        workspace.initialize(to: ScalarMachine.Workspace(depthLimit: depthLimit))
        entry = Entry(
            routine: function.routine, start: start, firstType: types[0], secondType: types.count > 1 ? types[1] : nil,
            resultType: compiledResultType, workspace: workspace, evaluator: .passUnretained(evaluator),
            context: .passUnretained(evaluator.context))
    }

    deinit {
        entry.workspace.pointee.release()
        entry.workspace.deallocate()
    }
}
