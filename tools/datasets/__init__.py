"""The recipes of the bundled datasets; ``python -m tools.datasets`` rebuilds them all."""
