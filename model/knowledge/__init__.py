"""Stage 2, the knowledge libraries: clause, country, checklist, measure, source and scoring files, their formats, conditions and coverage."""
