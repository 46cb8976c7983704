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

    /// Forward pass over the batch columns `columns`: `outputs[l]` (width_{l+1} × batch)
    /// receives layer l's activation in those columns. `input` and `outputs` point at
    /// column 0, so shards of one batch share the buffers.
    func forward<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>, columns: Range<Int>,
        outputs: [UnsafeMutablePointer<Scalar>]
    ) {
        guard !columns.isEmpty else { return }
        let batch = columns.count
        var layerInput = input + columns.lowerBound * inputWidth
        for layer in 0..<layerCount {
            let (fanIn, fanOut) = (widths[layer], widths[layer + 1])
            let output = outputs[layer] + columns.lowerBound * fanOut
            let bias = parameters + biasOffset(layer)
            for column in 0..<batch { (output + column * fanOut).update(from: bias, count: fanOut) }
            gemm(m: fanOut, n: batch, k: fanIn, a: parameters + weightOffset(layer), lda: fanOut,
                 b: layerInput, ldb: fanIn, beta: 1, c: output, ldc: fanOut)
            if layer < layerCount - 1 { VectorKernels.rectify(output, count: fanOut * batch) }
            layerInput = UnsafePointer(output)
        }
    }

    /// Backpropagates the deltas after `forward`, over the batch columns `columns`: on entry
    /// `deltas[last]` holds ∂E/∂(output) there; every other `deltas[l]` receives ∂E/∂(layer
    /// l's pre-activation) and `inputGradient`, when given, ∂E/∂(input).
    func backpropagate<Scalar: NetworkScalar>(
        parameters: UnsafePointer<Scalar>, columns: Range<Int>, outputs: [UnsafeMutablePointer<Scalar>],
        deltas: [UnsafeMutablePointer<Scalar>], inputGradient: UnsafeMutablePointer<Scalar>?
    ) {
        guard !columns.isEmpty else { return }
        let batch = columns.count
        for layer in stride(from: layerCount - 1, through: 0, by: -1) {
            let (fanIn, fanOut) = (widths[layer], widths[layer + 1])
            let target = layer > 0 ? deltas[layer - 1] : inputGradient
            guard let target else { continue }
            let delta = deltas[layer] + columns.lowerBound * fanOut, targetColumns = target + columns.lowerBound * fanIn
            gemm(transposeA: true, m: fanIn, n: batch, k: fanOut, a: parameters + weightOffset(layer), lda: fanOut,
                 b: delta, ldb: fanOut, c: targetColumns, ldc: fanIn)
            if layer > 0 {
                VectorKernels.maskByActivation(
                    targetColumns, activation: outputs[layer - 1] + columns.lowerBound * fanIn, count: fanIn * batch)
            }
        }
    }

    /// Writes the gradient entries of this stack's parameters that lie in `range` (absolute
    /// indices into the parameter vector), from the activations and deltas of the first
    /// `batch` columns. Inside a weight matrix `range` must start and end on a column of W
    /// (see `gradientBoundary`), so each piece is one GEMM.
    func writeGradient<Scalar: NetworkScalar>(
        range: Range<Int>, gradient: UnsafeMutablePointer<Scalar>, input: UnsafePointer<Scalar>, batch: Int,
        outputs: [UnsafeMutablePointer<Scalar>], deltas: [UnsafeMutablePointer<Scalar>]
    ) {
        for layer in 0..<layerCount {
            let (fanIn, fanOut) = (widths[layer], widths[layer + 1])
            let delta = UnsafePointer(deltas[layer])
            let weights = range.clamped(to: weightOffset(layer)..<biasOffset(layer))
            if !weights.isEmpty {
                let firstColumn = (weights.lowerBound - weightOffset(layer)) / fanOut
                let layerInput = layer == 0 ? input : UnsafePointer(outputs[layer - 1])
                gemm(transposeB: true, m: fanOut, n: weights.count / fanOut, k: batch, a: delta, lda: fanOut,
                     b: layerInput + firstColumn, ldb: fanIn, c: gradient + weights.lowerBound, ldc: fanOut)
            }
            let biases = range.clamped(to: biasOffset(layer)..<(biasOffset(layer) + fanOut))
            if !biases.isEmpty {
                let firstRow = biases.lowerBound - biasOffset(layer)
                VectorKernels.rowSums(
                    delta + firstRow, rows: biases.count, columns: batch, leadingDimension: fanOut,
                    into: gradient + biases.lowerBound)
            }
        }
    }

    /// `index` moved to the nearest column boundary of a weight matrix it falls inside, so
    /// that a range ending there suits `writeGradient`; other indices are returned as they are.
    func gradientBoundary(near index: Int) -> Int {
        for layer in 0..<layerCount where (weightOffset(layer)..<biasOffset(layer)).contains(index) {
            let fanOut = widths[layer + 1], start = weightOffset(layer)
            return start + Int((Double(index - start) / Double(fanOut)).rounded()) * fanOut
        }
        return index
    }
}
