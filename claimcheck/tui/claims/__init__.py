"""The claims list: table, filters, search and sorting."""
