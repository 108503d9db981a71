"""Extension points of the import pipeline.

`around_commit` holds context-manager factories entered around the saving
of an import, inside its transaction. Apps register them in `ready()`; the
personnel app, for one, refreshes due dates once for the whole file
instead of after every saved row.
"""

around_commit = []


def register_around_commit(factory):
    if factory not in around_commit:
        around_commit.append(factory)
    return factory
