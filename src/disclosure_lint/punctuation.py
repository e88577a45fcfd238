"""Punctuation the readers and writers of a report's text share, in a module that imports nothing,
so that rendering a report does not load the importer to know where a sentence ends."""

# What ends a sentence at the end of a line: a line ending otherwise, followed by more text, is a
# paragraph broken by a page (importing) or a line break inside a paragraph (rendering).
SENTENCE_END = frozenset("。！？!?…”’」』)）】].")
