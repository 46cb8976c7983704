import Foundation

/// `String(format:)`'s C-style directives for the cell language: `%d %i %f %e %g %s %%`
/// with flags (`-+ 0#`), width and precision (`%8.3f`, `%-10s`, `%05d`). Each directive
/// takes one argument of a fitting type; anything else is an error, never undefined
/// behaviour (Foundation is only asked to format one Int or Double at a time).
enum PrintfFormat {
    static func format(_ format: String, _ arguments: [Value]) throws -> String {
        var output = ""
        var remaining = arguments[...]
        var characters = format[...]
        while let percent = characters.firstIndex(of: "%") {
            output += characters[..<percent]
            characters = characters[characters.index(after: percent)...]
            let spec = characters.prefix { "-+ 0#.123456789".contains($0) }
            characters = characters.dropFirst(spec.count)
            guard let conversion = characters.first else { throw BuiltinError("format ends inside a '%' directive") }
            characters = characters.dropFirst()
            if conversion == "%" {
                output += "%"
                continue
            }
            guard let argument = remaining.popFirst() else {
                throw BuiltinError("format has more directives than arguments", hint: "pass one value per '%' directive")
            }
            output += try directive(String(spec), conversion, argument)
        }
        output += characters
        guard remaining.isEmpty else {
            throw BuiltinError("format has fewer directives than arguments", hint: "pass one value per '%' directive")
        }
        return output
    }

    private static func directive(_ spec: String, _ conversion: Character, _ argument: Value) throws -> String {
        let mismatch = BuiltinError("'%\(spec)\(conversion)' cannot format a value of type \(argument.typeName)")
        switch conversion {
        case "d", "i":
            guard case .int(let int) = argument else { throw mismatch }
            return String(format: "%\(spec)ld", int)
        case "f", "e", "g":
            guard let number = ValueType.double.convert(argument), case .double(let double) = number else { throw mismatch }
            return String(format: "%\(spec)\(conversion)", double)
        case "s":
            let text = argument.description
            let width = Int(spec.drop { "-+ 0#".contains($0) }.prefix { $0.isNumber }) ?? 0
            let padding = String(repeating: " ", count: max(0, width - text.count))
            return spec.hasPrefix("-") ? text + padding : padding + text
        default:
            throw BuiltinError("unsupported format directive '%\(spec)\(conversion)'", hint: "use %d, %f, %e, %g, %s or %%")
        }
    }
}
