"""The HTTP API (django-ninja): public v1 endpoints and staff case endpoints, one OpenAPI schema."""
