"""``python -m tools.datasets``: rebuild every bundled dataset and its expected findings."""

from tools.datasets.build import main

main()
