"""Storage: models, migrations and every query."""
