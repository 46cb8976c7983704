// FolioModels: models of the paper: PCA, PPCA, robust PCA, autoencoders and VAEs, data sets and metrics (issue F5).
// Its dependencies are declared in Package.swift; the code arrives with its issue.
