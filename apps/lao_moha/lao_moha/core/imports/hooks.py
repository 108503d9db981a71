"""Extension points of the import pipeline.

`around_import` holds context-manager factories entered around a whole
check or commit (inside the commit's transaction). Apps register them in
`ready()`: the personnel app, for one, reads the salary scale once per
file and refreshes due dates once for the whole file instead of after
every saved row.
"""

around_import = []


def register_around_import(factory):
    if factory not in around_import:
        around_import.append(factory)
    return factory
