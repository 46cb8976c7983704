/// Text split into runs at three baseline levels, the form labels take after TeX-style
/// math is translated (`$\Sigma_z$` → "Σ" + subscript "z").
struct RichText: Equatable, Sendable {
    enum Level: Int, Equatable, Sendable {
        case subscript_ = -1, base = 0, superscript = 1

        /// Size relative to the base text.
        var scale: Double { self == .base ? 1 : 0.7 }
        /// Baseline shift in ems of the base size (positive = up).
        var rise: Double {
            switch self {
            case .base: return 0
            case .superscript: return 0.38
            case .subscript_: return -0.2
            }
        }
    }

    struct Run: Equatable, Sendable {
        var text: String
        var level: Level
    }

    var runs: [Run]

    init(runs: [Run]) {
        self.runs = runs.filter { !$0.text.isEmpty }
    }

    /// Plain text, no markup interpreted.
    init(plain text: String) {
        self.init(runs: [Run(text: text, level: .base)])
    }

    /// The text with levels dropped (for alt text and dumps).
    var plainText: String { runs.map(\.text).joined() }
}
