import FolioMath

/// Images and labels of an MNIST-style data set, images scaled to [0, 1], one row per image.
public struct LabelledImages: Sendable {
    /// n × (height·width) pixel intensities in [0, 1].
    public let images: Matrix<Double>
    /// n class labels.
    public let labels: [Int]
}

/// Which half of an MNIST-style data set to read.
public enum DatasetSplit: String, Sendable, CaseIterable {
    case train, test

    /// The file-name prefix the MNIST distribution uses (`train`, `t10k`).
    var filePrefix: String { self == .train ? "train" : "t10k" }
}

/// Where the Debian package `dataset-fashion-mnist` installs Fashion-MNIST.
public let fashionMNISTDirectory = "/usr/share/datasets/fashion-mnist"

/// Reads `<split>-images-idx3-ubyte.gz` and `<split>-labels-idx1-ubyte.gz` from
/// `directory` (Fashion-MNIST by default; MNIST uses the same names), keeping the first
/// `limit` images when given. Throws `IDXError` naming the file when one is missing or bad.
public func loadMNISTStyle(
    directory: String = fashionMNISTDirectory, split: DatasetSplit = .train, limit: Int? = nil
) throws -> LabelledImages {
    let images = try readIDX(path: "\(directory)/\(split.filePrefix)-images-idx3-ubyte.gz")
    let labels = try readIDX(path: "\(directory)/\(split.filePrefix)-labels-idx1-ubyte.gz")
    let matrix = images.matrix(scale: 1.0 / 255, limit: limit)
    return LabelledImages(images: matrix, labels: Array(labels.integers.prefix(matrix.rows)))
}
