import Foundation

/// A JSON Schema validator for the keywords the nbformat v4 schema uses: `type`, `enum`,
/// `required`, `properties`, `additionalProperties`, `patternProperties`, `items`, `$ref`
/// (local `#/definitions/…`), `oneOf`, `not`, `pattern`, `minLength`, `maxLength`,
/// `minimum`, `maximum`, `uniqueItems`. Test code only.
struct JSONSchemaValidator {
    let root: [String: Any]

    /// The problems with `instance`, each with its JSON path; empty when it is valid.
    func errors(in instance: Any) -> [String] {
        errors(instance, schema: root, path: "$")
    }

    private func errors(_ instance: Any, schema: [String: Any], path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let resolved = resolve(reference) else { return ["\(path): cannot resolve \(reference)"] }
            return errors(instance, schema: resolved, path: path)
        }
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String].compactMap { $0 }
            if !types.contains(where: { matches(instance, type: $0) }) {
                return ["\(path): expected \(types.joined(separator: " or ")), got \(Swift.type(of: instance))"]
            }
        }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { equal($0, instance) }) {
            problems.append("\(path): \(instance) is not one of \(allowed)")
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let passing = options.filter { errors(instance, schema: $0, path: path).isEmpty }.count
            if passing != 1 { problems.append("\(path): matches \(passing) of oneOf's \(options.count) schemas, not 1") }
        }
        if let negated = schema["not"] as? [String: Any], errors(instance, schema: negated, path: path).isEmpty {
            problems.append("\(path): matches a schema it must not")
        }
        if let object = instance as? [String: Any] {
            problems += objectErrors(object, schema: schema, path: path)
        }
        if let array = instance as? [Any] {
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() { problems += errors(element, schema: items, path: "\(path)[\(index)]") }
            }
            if schema["uniqueItems"] as? Bool == true {
                let encoded = array.compactMap { try? JSONSerialization.data(withJSONObject: [$0], options: .sortedKeys) }
                if Set(encoded).count != encoded.count { problems.append("\(path): items are not unique") }
            }
        }
        if let string = instance as? String {
            if let minimum = schema["minLength"] as? Int, string.count < minimum { problems.append("\(path): shorter than \(minimum)") }
            if let maximum = schema["maxLength"] as? Int, string.count > maximum { problems.append("\(path): longer than \(maximum)") }
            if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): '\(string)' does not match \(pattern)")
            }
        }
        if let number = instance as? NSNumber, !isBoolean(number) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        return problems
    }

    private func objectErrors(_ object: [String: Any], schema: [String: Any], path: String) -> [String] {
        var problems: [String] = []
        for key in (schema["required"] as? [String]) ?? [] where object[key] == nil {
            problems.append("\(path): missing required '\(key)'")
        }
        let properties = (schema["properties"] as? [String: [String: Any]]) ?? [:]
        let patterns = (schema["patternProperties"] as? [String: [String: Any]]) ?? [:]
        for (key, value) in object {
            var matched = false
            if let property = properties[key] {
                matched = true
                problems += errors(value, schema: property, path: "\(path).\(key)")
            }
            for (pattern, patternSchema) in patterns where key.range(of: pattern, options: .regularExpression) != nil {
                matched = true
                problems += errors(value, schema: patternSchema, path: "\(path).\(key)")
            }
            if !matched {
                if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected property '\(key)'")
                } else if let additional = schema["additionalProperties"] as? [String: Any] {
                    problems += errors(value, schema: additional, path: "\(path).\(key)")
                }
            }
        }
        return problems
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let dictionary = node as? [String: Any], let next = dictionary[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    private func matches(_ instance: Any, type: String) -> Bool {
        switch type {
        case "object": return instance is [String: Any]
        case "array": return instance is [Any]
        case "string": return instance is String
        case "boolean": return (instance as? NSNumber).map(isBoolean) ?? false
        case "integer":
            guard let number = instance as? NSNumber, !isBoolean(number) else { return false }
            return number.doubleValue.rounded() == number.doubleValue
        case "number": return (instance as? NSNumber).map { !isBoolean($0) } ?? false
        case "null": return instance is NSNull
        default: return false
        }
    }

    private func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private func equal(_ a: Any, _ b: Any) -> Bool {
        (a as? NSObject)?.isEqual(b) ?? false
    }
}
