"""Stage 4, reports: pure functions from an assessment (or comparison, or ranking) to Excel, Word, HTML, JSON and Markdown."""
