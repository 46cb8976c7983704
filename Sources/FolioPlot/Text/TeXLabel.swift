import Foundation

/// Translates labels with TeX-style math into `RichText`.
///
/// Inside `$…$`: `\alpha`…`\Omega` and a few operators become Unicode glyphs, `_x` / `_{xy}`
/// subscripts and `^x` / `^{xy}` superscripts become smaller raised or lowered runs, braces
/// group. Outside `$…$` the text is literal. Unknown commands are kept as written.
enum TeXLabel {
    static func parse(_ label: String) -> RichText {
        var runs: [RichText.Run] = []
        var literal = ""
        var math = ""
        var inMath = false
        for character in label {
            if character == "$" {
                if inMath {
                    runs.append(contentsOf: mathRuns(math))
                    math = ""
                } else {
                    runs.append(RichText.Run(text: literal, level: .base))
                    literal = ""
                }
                inMath.toggle()
            } else if inMath {
                math.append(character)
            } else {
                literal.append(character)
            }
        }
        // An unclosed `$` is shown literally rather than swallowing the rest.
        runs.append(RichText.Run(text: inMath ? literal + "$" + math : literal, level: .base))
        return merged(runs)
    }

    private static func mathRuns(_ source: String) -> [RichText.Run] {
        var runs: [RichText.Run] = []
        var scanner = Array(withAccents(source).replacingOccurrences(of: "-", with: "−"))[...]
        while let character = scanner.first {
            if character == "_" || character == "^" {
                scanner.removeFirst()
                let level: RichText.Level = character == "_" ? .subscript_ : .superscript
                runs.append(RichText.Run(text: translate(takeGroup(&scanner)), level: level))
            } else {
                runs.append(RichText.Run(text: translate(takeAtom(&scanner)), level: .base))
            }
        }
        return runs
    }

    /// `\hat{L}` → L + combining circumflex (also `\bar`, `\tilde`, `\dot`, `\vec`).
    private static func withAccents(_ source: String) -> String {
        var text = source
        for (command, mark) in accents {
            let braced = try? NSRegularExpression(pattern: "\\\\\(command)(?![A-Za-z])\\s*\\{([^{}]*)\\}")
            let bare = try? NSRegularExpression(pattern: "\\\\\(command)(?![A-Za-z])\\s*([A-Za-z0-9])")
            for expression in [braced, bare].compactMap({ $0 }) {
                for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
                    guard let whole = Range(match.range, in: text), let argument = Range(match.range(at: 1), in: text)
                    else { continue }
                    text.replaceSubrange(whole, with: String(text[argument]) + mark)
                }
            }
        }
        return text
    }

    static let accents: [(String, String)] = [
        ("hat", "\u{302}"), ("bar", "\u{304}"), ("tilde", "\u{303}"), ("dot", "\u{307}"), ("vec", "\u{20D7}"),
    ]

    /// A braced group's content, a command, or one character.
    private static func takeGroup(_ scanner: inout ArraySlice<Character>) -> String {
        guard scanner.first == "{" else { return takeAtom(&scanner) }
        scanner.removeFirst()
        var depth = 1
        var content = ""
        while let character = scanner.first {
            scanner.removeFirst()
            if character == "{" { depth += 1 }
            if character == "}" { depth -= 1; if depth == 0 { break } }
            content.append(character)
        }
        return content
    }

    /// A command (`\nu`), a braced group, or one character.
    private static func takeAtom(_ scanner: inout ArraySlice<Character>) -> String {
        guard let first = scanner.first else { return "" }
        if first == "{" { return takeGroup(&scanner) }
        scanner.removeFirst()
        guard first == "\\" else { return String(first) }
        var name = "\\"
        while let character = scanner.first, character.isLetter {
            name.append(character)
            scanner.removeFirst()
        }
        if name == "\\", let escaped = scanner.first {
            scanner.removeFirst()
            return name + String(escaped)
        }
        return name
    }

    /// Replaces every `\command` in `text` by its glyph; braces vanish.
    private static func translate(_ text: String) -> String {
        var output = ""
        var scanner = Array(text)[...]
        while !scanner.isEmpty {
            let atom = takeAtom(&scanner)
            guard atom.hasPrefix("\\") else { output += atom; continue }
            let name = String(atom.dropFirst())
            output += symbols[name] ?? (name.count == 1 ? name : atom)
        }
        return output
    }

    private static func merged(_ runs: [RichText.Run]) -> RichText {
        var result: [RichText.Run] = []
        for run in runs where !run.text.isEmpty {
            if let last = result.last, last.level == run.level {
                result[result.count - 1].text += run.text
            } else {
                result.append(run)
            }
        }
        return RichText(runs: result)
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
        "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥",
        "ge": "≥", "neq": "≠", "approx": "≈", "sim": "∼", "infty": "∞", "partial": "∂",
        "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "ell": "ℓ",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "in": "∈", "propto": "∝",
        "langle": "⟨", "rangle": "⟩", "|": "‖", "top": "⊤", "log": "log", "exp": "exp",
        "min": "min", "max": "max", "mathrm": "", "text": "", "mathbf": "", "mathcal": "",
        ",": " ", ";": " ", "quad": "  ", "dots": "…", "ldots": "…", "cdots": "⋯",
    ]
}
