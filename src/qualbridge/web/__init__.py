"""The Django shell around the core: casework (accounts, cases, audit), public pages and the API.

Only this package imports Django (an import-linter contract checks it); everything it shows or decides
comes from the core packages.
"""
