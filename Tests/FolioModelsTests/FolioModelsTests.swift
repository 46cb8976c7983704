// Tests for FolioModels arrive with its issue.
import Testing
