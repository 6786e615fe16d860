"""Stage 1, the project format: the pydantic model of a project, its vocabularies, safe YAML reading and writing, and located problems."""
