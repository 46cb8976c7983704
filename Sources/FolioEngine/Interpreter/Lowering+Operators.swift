import FolioNotebook
import SwiftSyntax

/// Operator sequences, folded by precedence (SwiftParser leaves them unfolded).
extension Lowering {
    /// Folds an unfolded operator sequence by Swift's precedence (operators alternate with
    /// operands; `c ? a : b` has the lowest precedence and is right-associative).
    mutating func fold(_ elements: [ExprSyntax]) -> Expr? {
        // Folding makes a tree as deep as the chain is long.
        guard elements.count / 2 + depth <= Self.maximumDepth else {
            report(
                elements[0], "expression has more than \(Self.maximumDepth) operators",
                hint: "split it into several statements")
            return nil
        }
        if let ternaryIndex = elements.firstIndex(where: { $0.is(UnresolvedTernaryExprSyntax.self) }),
            let ternary = elements[ternaryIndex].as(UnresolvedTernaryExprSyntax.self)
        {
            guard let condition = fold(Array(elements[..<ternaryIndex])), let then = expression(ternary.thenExpression),
                let otherwise = fold(Array(elements[(ternaryIndex + 1)...]))
            else { return nil }
            return Expr(kind: .ternary(condition, then, otherwise), position: condition.position)
        }
        var operands: [Expr] = []
        var operators: [(BinaryOperator, ExprSyntax)] = []
        for (offset, element) in elements.enumerated() {
            if offset % 2 == 0 {
                guard let operand = expression(element) else { return nil }
                operands.append(operand)
            } else {
                guard let op = element.as(BinaryOperatorExprSyntax.self), let binary = BinaryOperator(rawValue: op.operator.text)
                else {
                    if element.is(AsExprSyntax.self) || element.is(UnresolvedAsExprSyntax.self) {
                        unsupported(element, "type casts ('as')")
                    } else if element.is(UnresolvedIsExprSyntax.self) || element.is(IsExprSyntax.self) {
                        unsupported(element, "type checks ('is')")
                    } else {
                        unsupported(
                            element, "operator '\(element.trimmedDescription)' expressions",
                            hint: "operators are + - * / % == != < <= > >= && || ..< ... and ?:")
                    }
                    return nil
                }
                operators.append((binary, element))
            }
        }
        guard operands.count == operators.count + 1 else {
            report(elements.last ?? elements[0], "incomplete expression")
            return nil
        }
        var index = 0
        let positions = operators.map { position($0.1) }
        return climb(operands, operators.map(\.0), positions, &index, minimumPrecedence: 0)
    }

    /// `>` passed as a function (`sorted(by: >)`, `reduce(0, +)`): the closure `{ $0 > $1 }`.
    static func operatorFunction(_ op: BinaryOperator, at position: SourcePosition) -> FunctionLiteral {
        let operands = (0..<2).map { Expr(kind: .anonymousArgument($0), position: position) }
        let body = Expr(kind: .binary(op, operands[0], operands[1]), position: position)
        return FunctionLiteral(
            name: nil, parameters: [], body: [Stmt(kind: .expression(body), position: position)], position: position,
            anonymousArgumentCount: 2, source: nil, bodyMakesClosures: false)
    }

    /// Precedence climbing; a binary expression is located at its operator.
    func climb(
        _ operands: [Expr], _ operators: [BinaryOperator], _ positions: [SourcePosition], _ index: inout Int,
        minimumPrecedence: Int
    ) -> Expr {
        var left = operands[index]
        while index < operators.count, operators[index].precedence >= minimumPrecedence {
            let op = operators[index], at = positions[index]
            index += 1
            let right = climb(operands, operators, positions, &index, minimumPrecedence: op.precedence + 1)
            left = Expr(kind: .binary(op, left, right), position: at)
        }
        return left
    }
}
