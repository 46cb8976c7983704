import FolioNotebook

/// Matches call arguments to parameters by Swift's rules (labels in order, defaults may be
/// skipped, a trailing closure fills a function parameter). Shared by `folio lint` and the
/// evaluator, so both report the same problem with the same words.
enum ArgumentMatcher {
    struct ParameterShape {
        var label: String?
        var name: String
        var hasDefault: Bool
        var isVariadic: Bool
        var isFunction: Bool
    }

    struct Mismatch: Error {
        var message: String
        var hint: String?
        /// Index of the offending argument, or nil for the call itself.
        var argumentIndex: Int?
    }

    /// For each parameter, the indices of the arguments bound to it (empty: use its default).
    /// What matching needs to know of an argument.
    struct Given {
        var label: String?
        var isTrailingClosure = false
    }

    static func match(_ arguments: [Argument], to parameters: [ParameterShape], function name: String) throws(Mismatch)
        -> [[Int]]
    {
        try match(arguments.map { Given(label: $0.label, isTrailingClosure: $0.isTrailingClosure) }, to: parameters, function: name)
    }

    static func match(_ arguments: [Given], to parameters: [ParameterShape], function name: String) throws(Mismatch)
        -> [[Int]]
    {
        var bound: [[Int]] = Array(repeating: [], count: parameters.count)
        var next = 0
        for (index, parameter) in parameters.enumerated() {
            if parameter.isVariadic {
                if next < arguments.count, arguments[next].label == parameter.label {
                    bound[index].append(next)
                    next += 1
                    while next < arguments.count, arguments[next].label == nil, !arguments[next].isTrailingClosure {
                        bound[index].append(next)
                        next += 1
                    }
                }
                continue
            }
            if next < arguments.count {
                let argument = arguments[next]
                let trailingFits = argument.isTrailingClosure && argument.label == nil && parameter.isFunction
                if argument.label == parameter.label || trailingFits {
                    bound[index].append(next)
                    next += 1
                    continue
                }
            }
            if parameter.hasDefault { continue }
            throw mismatch(at: next, arguments, expected: parameter, parameters: parameters, function: name)
        }
        if next < arguments.count {
            let label = arguments[next].label.map { " '\($0):'" } ?? ""
            throw Mismatch(
                message: "extra argument\(label) in call to '\(name)'",
                hint: "'\(name)' takes \(describe(parameters))", argumentIndex: next)
        }
        return bound
    }

    private static func mismatch(
        at next: Int, _ arguments: [Given], expected: ParameterShape, parameters: [ParameterShape], function name: String
    ) -> Mismatch {
        let signature = "'\(name)' takes \(describe(parameters))"
        guard next < arguments.count else {
            return Mismatch(
                message: "missing argument for parameter '\(expected.label ?? expected.name)' in call to '\(name)'",
                hint: signature, argumentIndex: nil)
        }
        let argument = arguments[next]
        switch (argument.label, expected.label) {
        case (nil, let wanted?):
            return Mismatch(message: "missing argument label '\(wanted):' in call to '\(name)'", hint: signature, argumentIndex: next)
        case (let given?, nil):
            return Mismatch(message: "extraneous argument label '\(given):' in call to '\(name)'", hint: signature, argumentIndex: next)
        case (let given?, let wanted?):
            let labels = parameters.compactMap(\.label)
            let hint = DidYouMeanLabel.hint(given, labels) ?? signature
            if labels.contains(given) {
                return Mismatch(
                    message: "argument '\(given):' must follow '\(wanted):' in call to '\(name)'", hint: signature,
                    argumentIndex: next)
            }
            return Mismatch(
                message: "incorrect argument label '\(given):' in call to '\(name)', expected '\(wanted):'", hint: hint,
                argumentIndex: next)
        case (nil, nil):
            return Mismatch(message: "missing argument in call to '\(name)'", hint: signature, argumentIndex: next)
        }
    }

    /// `(_ x, rows:, columns: = default)`-style summary of the parameters.
    static func describe(_ parameters: [ParameterShape]) -> String {
        if parameters.isEmpty { return "no arguments" }
        return "(" + parameters.map { ($0.label.map { "\($0):" } ?? "_") + ($0.isVariadic ? "..." : "") + ($0.hasDefault && !$0.isVariadic ? " = …" : "") }
            .joined(separator: ", ") + ")"
    }
}

private enum DidYouMeanLabel {
    static func hint(_ given: String, _ labels: [String]) -> String? {
        DidYouMean.suggestions(for: given, among: labels).first.map { "did you mean '\($0):'?" }
    }
}

extension Builtin {
    var parameterShapes: [ArgumentMatcher.ParameterShape] {
        parameters.map {
            ArgumentMatcher.ParameterShape(
                label: $0.label, name: $0.name, hasDefault: $0.defaultValue != nil, isVariadic: $0.isVariadic,
                isFunction: $0.type == .function)
        }
    }
}

extension FunctionLiteral {
    /// Notebook functions use labels; closures are called positionally.
    var parameterShapes: [ArgumentMatcher.ParameterShape] {
        parameters.map {
            ArgumentMatcher.ParameterShape(
                label: name == nil ? nil : $0.label, name: $0.name, hasDefault: $0.defaultValue != nil, isVariadic: false,
                isFunction: $0.type == .function)
        }
    }
}
