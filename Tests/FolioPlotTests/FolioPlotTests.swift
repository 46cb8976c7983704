// Tests for FolioPlot arrive with its issue.
import Testing
