extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by entities: safe in element
    /// content and in quoted attribute values. Every string from a notebook passes here.
    public var htmlEscaped: String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
