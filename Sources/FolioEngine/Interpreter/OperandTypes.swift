/// Which scalar operands each binary operator takes: the rule `folio lint` applies before
/// anything runs (the evaluator's operators agree with it; a test runs both over every
/// pair of scalar types and struct values).
extension BinaryOperator {
    /// The type of `left op right` for scalar operand types (Int, Double, Bool, String) and
    /// struct values (records), or nil when the operator cannot be applied to them; `.any`
    /// when either side is not a type the rule knows. A struct value takes `==` and `!=`
    /// with a value of its own type, and no other operator.
    func resultType(_ left: ValueType, _ right: ValueType) -> ValueType? {
        let scalars: [ValueType] = [.int, .double, .bool, .string]
        if left.isRecord || right.isRecord {
            guard left.isRecord || scalars.contains(left), right.isRecord || scalars.contains(right) else { return .any }
            return (self == .equal || self == .notEqual) && left == right ? .bool : nil
        }
        guard scalars.contains(left), scalars.contains(right) else { return .any }
        switch (left, right) {
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            if isComparison { return .bool }
            switch self {
            case .add, .subtract, .multiply, .divide, .remainder: return left == .int && right == .int ? .int : .double
            case .halfOpenRange, .closedRange: return left == .int && right == .int ? .any : nil
            default: return nil
            }
        case (.string, .string):
            return self == .add ? .string : isComparison ? .bool : nil
        case (.bool, .bool):
            return [.equal, .notEqual, .and, .or].contains(self) ? .bool : nil
        default:
            return nil
        }
    }

    /// `==`, `!=`, `<`, `<=`, `>` or `>=`: a Bool of two numbers (or strings).
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    /// The error for operands of types `left` and `right` that this operator does not take.
    func mismatch(_ left: String, _ right: String) -> (message: String, hint: String?) {
        let numbers = ["Int", "Double"]
        var hint: String?
        if (left == "String" && numbers.contains(right)) || (right == "String" && numbers.contains(left)) {
            hint = self == .add
                ? "convert the number to text with String(x) or \"\\(x)\", or the text to a number with Double(s)"
                : "convert the text to a number with Double(s) or Int(s)"
        } else if left == "Bool" || right == "Bool" {
            hint = "Bool is not a number; use a condition such as 'flag ? 1 : 0'"
        }
        return ("binary operator '\(rawValue)' cannot be applied to \(left) and \(right)", hint)
    }
}

private extension ValueType {
    var isRecord: Bool {
        if case .record = self { return true }
        return false
    }
}
