"""The ttplan core, pure Python, in pipeline order: format → knowledge → engine → report; store, access, api and cli beside them.

- ``format/``    the project file: pydantic model, vocabularies, safe YAML, located problems
- ``knowledge/`` the libraries: clauses, countries, checklist, measures, sources, scoring; conditions
- ``engine/``    graph, leak-channel rules, assessment, checklist, ranking, what-if levers and comparison
- ``report/``    Excel (+ re-import), Word, HTML, JSON and Markdown from an assessment
- ``store``      saved versions, drafts and decisions; ``access`` sign-in and roles
- ``api``        the one door the app and the CLI call; ``cli`` the ``ttplan`` command
"""
