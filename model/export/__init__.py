"""Exports: pure functions from an assessment (or comparison, or ranking) to text or bytes."""
