"""Stage 3, the assessment engine: the project as a graph, one rule per leak channel, scores, checklist, ranking, what-if."""
