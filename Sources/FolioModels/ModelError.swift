/// Why a model function could not run; messages are written for notebook authors.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An argument outside its domain.
    case invalidArgument(function: String, message: String)
    /// Training produced a NaN or infinite energy.
    case diverged(epoch: Int, lastFiniteEnergy: Double?, hint: String)

    public var description: String {
        switch self {
        case let .invalidArgument(function, message):
            return "\(function): \(message)"
        case let .diverged(epoch, lastFiniteEnergy, hint):
            let last = lastFiniteEnergy.map { "the last finite energy was \($0)" } ?? "no epoch finished with a finite energy"
            return "training diverged in epoch \(epoch) (the energy became NaN or infinite); \(last). Hint: \(hint)"
        }
    }
}
