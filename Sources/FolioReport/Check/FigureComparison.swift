import Foundation
import FolioPlot

/// Compares figures by pixels: a pixel differs when one of its channels moves by more than
/// `CheckTolerances.channelTolerance`; a figure drifts when the fraction of differing pixels
/// exceeds its cell's threshold, or its size changed. Drifted figures carry both images and
/// a diff image for the drift page.
enum FigureComparison {
    /// Drifts among `pairs` (read from the two report folders) and for the figures only one
    /// side has.
    static func drifts(
        pairs: [ManifestComparison.FigurePair], unpaired: [(cell: String, committedPath: String?, newPath: String?)],
        committedFolder: URL, newFolder: URL, tolerances: CheckTolerances
    ) -> [Drift] {
        var drifts: [Drift] = []
        for pair in pairs {
            let committed = readBytes(committedFolder, pair.committedPath), new = readBytes(newFolder, pair.newPath)
            let what = pair.newPath
            guard let committedBytes = committed, let newBytes = new,
                  let committedImage = try? PNGImage(pngBytes: committedBytes), let newImage = try? PNGImage(pngBytes: newBytes) else {
                drifts.append(Drift(
                    kind: .figure, cell: pair.cell, what: what, committed: committed == nil ? "unreadable" : pair.committedPath,
                    new: new == nil ? "unreadable" : pair.newPath, amount: "not a readable PNG",
                    images: FigureImages(committed: committed, new: new, diff: nil)))
                continue
            }
            guard committedBytes != newBytes else { continue }
            let difference = newImage.difference(from: committedImage, channelTolerance: CheckTolerances.channelTolerance)
            let threshold = tolerances.figureFraction(forCell: pair.cell)
            guard !difference.sameSize || difference.differingFraction > threshold else { continue }
            let size = { (image: PNGImage) in "\(image.width)×\(image.height) px" }
            let amount = difference.sameSize
                ? String(format: "%.3f%% of pixels (%d; tolerance %.3f%%)", difference.differingFraction * 100,
                         difference.differingPixels, threshold * 100)
                : "size changed"
            drifts.append(Drift(
                kind: .figure, cell: pair.cell, what: what, committed: size(committedImage), new: size(newImage), amount: amount,
                images: FigureImages(
                    committed: committedBytes, new: newBytes,
                    diff: try? newImage.differenceImage(from: committedImage, channelTolerance: CheckTolerances.channelTolerance).pngBytes())))
        }
        for figure in unpaired {
            drifts.append(Drift(
                kind: .figure, cell: figure.cell, what: figure.committedPath ?? figure.newPath ?? "figure",
                committed: figure.committedPath ?? "missing", new: figure.newPath ?? "missing",
                amount: figure.committedPath == nil ? "added" : "missing",
                images: FigureImages(
                    committed: figure.committedPath.flatMap { readBytes(committedFolder, $0) },
                    new: figure.newPath.flatMap { readBytes(newFolder, $0) }, diff: nil)))
        }
        return drifts
    }

    private static func readBytes(_ folder: URL, _ relativePath: String) -> [UInt8]? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(relativePath).path).map { [UInt8]($0) }
    }
}
