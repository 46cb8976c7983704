// FolioNotebook: the notebook file format: front matter, cells, cell options (issue F2).
// Its dependencies are declared in Package.swift; the code arrives with its issue.
