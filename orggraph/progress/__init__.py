"""Progress between snapshots: what changed from one version of a district's data to the next.

:func:`orggraph.progress.diff.diff_datasets` audits two snapshots and compares them;
:mod:`orggraph.progress.summary` words the result for a work report;
:mod:`orggraph.progress.trend` follows the headline rates over two or more snapshots;
:mod:`orggraph.progress.section` is the progress section of the meeting report.
Nothing is imported here, so the command line stays quick to start.
"""
