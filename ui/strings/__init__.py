"""UI string tables, one module per page plus the shared one; every entry is a (Japanese, English) pair."""
