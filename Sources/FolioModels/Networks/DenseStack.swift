import FolioMath

/// A stack of dense layers, ReLU between them and a linear last layer, whose parameters
/// live at `offset` in a model's flat parameter vector. Each layer stores W (out × in,
/// column-major) followed by its bias b (out). Batches are **feature-major**: a batch of b
/// samples of width w is a w × b column-major buffer, so a sample is one contiguous column.
struct DenseStack: Sendable {
    /// Input width, hidden widths…, output width.
    let widths: [Int]
    /// Where the first layer's W starts in the flat parameter vector.
    let offset: Int

    var layerCount: Int { widths.count - 1 }
    var inputWidth: Int { widths[0] }
    var outputWidth: Int { widths[widths.count - 1] }

    func weightOffset(_ layer: Int) -> Int {
        offset + (0..<layer).reduce(0) { $0 + widths[$1 + 1] * (widths[$1] + 1) }
    }

    func biasOffset(_ layer: Int) -> Int { weightOffset(layer) + widths[layer + 1] * widths[layer] }

    var parameterCount: Int { weightOffset(layerCount) - offset }

    /// He initialisation: W ~ N(0, 2/fan-in) for layers followed by a ReLU, N(0, 1/fan-in)
    /// for the linear last layer (it feeds heads such as exp); biases start at zero.
    func initialise<Scalar: BLASScalar>(_ parameters: inout [Scalar], using generator: inout SeededGenerator) {
        for layer in 0..<layerCount {
            let gain = layer < layerCount - 1 ? 2.0 : 1.0
            let deviation = (gain / Double(widths[layer])).squareRoot()
            let start = weightOffset(layer)
            for k in start..<biasOffset(layer) { parameters[k] = Scalar(generator.normal(mean: 0, standardDeviation: deviation)) }
            for k in biasOffset(layer)..<(biasOffset(layer) + widths[layer + 1]) { parameters[k] = 0 }
        }
    }

    /// Forward pass: `outputs[l]` (width_{l+1} × batch) receives layer l's activation.
    func forward<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>, batch: Int,
        outputs: [UnsafeMutablePointer<Scalar>]
    ) {
        var layerInput = UnsafePointer(input)
        for layer in 0..<layerCount {
            let (fanIn, fanOut) = (widths[layer], widths[layer + 1])
            let output = outputs[layer]
            let bias = parameters + biasOffset(layer)
            for column in 0..<batch { (output + column * fanOut).update(from: bias, count: fanOut) }
            gemm(m: fanOut, n: batch, k: fanIn, a: parameters + weightOffset(layer), lda: fanOut,
                 b: layerInput, ldb: fanIn, beta: 1, c: output, ldc: fanOut)
            if layer < layerCount - 1 { VectorKernels.rectify(output, count: fanOut * batch) }
            layerInput = UnsafePointer(output)
        }
    }

    /// Backward pass after `forward`. On entry `deltas[last]` holds ∂E/∂(output); the
    /// gradients of every W and b are written (not accumulated) into `gradient`, and
    /// ∂E/∂(input) into `inputGradient` when given. `deltas` are overwritten.
    func backward<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, gradient: UnsafeMutablePointer<Scalar>,
        input: UnsafePointer<Scalar>, batch: Int, outputs: [UnsafeMutablePointer<Scalar>],
        deltas: [UnsafeMutablePointer<Scalar>], inputGradient: UnsafeMutablePointer<Scalar>?
    ) {
        for layer in stride(from: layerCount - 1, through: 0, by: -1) {
            let (fanIn, fanOut) = (widths[layer], widths[layer + 1])
            let delta = UnsafePointer(deltas[layer])
            let layerInput = layer == 0 ? input : UnsafePointer(outputs[layer - 1])
            gemm(transposeB: true, m: fanOut, n: fanIn, k: batch, a: delta, lda: fanOut,
                 b: layerInput, ldb: fanIn, c: gradient + weightOffset(layer), ldc: fanOut)
            VectorKernels.rowSums(delta, rows: fanOut, columns: batch, into: gradient + biasOffset(layer))
            let target = layer > 0 ? deltas[layer - 1] : inputGradient
            guard let target else { continue }
            gemm(transposeA: true, m: fanIn, n: batch, k: fanOut, a: parameters + weightOffset(layer), lda: fanOut,
                 b: delta, ldb: fanOut, c: target, ldc: fanIn)
            if layer > 0 { VectorKernels.maskByActivation(target, activation: outputs[layer - 1], count: fanIn * batch) }
        }
    }
}
