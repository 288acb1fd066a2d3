"""A corpus of messy workbooks, each with what a planner expects orggraph to make of it."""
