"""The detail pane: a claim in its source, its facts and history, and its evidence."""
