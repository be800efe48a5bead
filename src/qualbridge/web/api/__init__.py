"""The HTTP API (django-ninja), one OpenAPI schema: the public v1 routes (``public``), the staff case routes
(``staff``) and the W3C VC-API (``vcapi``), with the problem documents every error becomes (``problems``).
"""
