// Tests for FolioNotebook arrive with its issue.
import Testing
