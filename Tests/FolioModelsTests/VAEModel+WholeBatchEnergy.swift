import FolioMath
@testable import FolioModels

extension VAEModel {
    /// The energy of the `batch` samples in `workspace.input` (with the noise in
    /// `workspace.noise`), averaged over the batch, with its gradient when `gradient` is
    /// given: the trainer's two phases run once over the whole batch and the whole
    /// parameter vector. The reference the gradient checks and the sharded step compare with.
    func energy<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, gradient: UnsafeMutablePointer<Scalar>?, batch: Int,
        workspace: VAEWorkspace<Scalar>
    ) -> Double {
        let accumulators = ShardAccumulators<Scalar>(model: self)
        let energy = forwardAndBackpropagate(
            parameters: parameters, columns: 0..<batch, normaliser: batch, workspace: workspace,
            accumulators: accumulators, backpropagate: gradient != nil)
        if let gradient {
            writeGradient(
                range: 0..<parameterCount, gradient: gradient, batch: batch, workspace: workspace, shards: [accumulators])
        }
        return energy
    }
}
