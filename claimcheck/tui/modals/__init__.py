"""Dialogs over the main screen: the note editor, the filters and the key help."""
