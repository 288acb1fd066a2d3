"""A progress bar on the terminal (rich), for long operations such as `orggraph load`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from orggraph.i18n import tr
from orggraph.present.safe import safe_text

Progress = Callable[[int, int], None]


@contextmanager
def progress_bar(
    total: int, label: str | None = None, file: TextIO | None = None
) -> Iterator[Progress]:
    """A bar on ``file`` (stderr by default) while the block runs; yields ``update(done, total)``.

    ``label`` defaults to "Loading into Neo4j" in the language in force.

    On a terminal the bar shows the share done, the rate and the time left; anywhere else
    (a pipe, a log file) it draws nothing and the callback does nothing, so scripts see only
    the command's own output.

    Examples
    --------
    >>> import io
    >>> with progress_bar(10, "loading", file=io.StringIO()) as update:
    ...     update(5, 10)
    """
    stream = file if file is not None else sys.stderr
    if not stream.isatty():

        def ignore(done: int, total: int) -> None:
            pass

        yield ignore
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TaskProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream),
        transient=False,
    )
    task = bar.add_task(safe_text(label or tr("Loading into Neo4j")), total=total)

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)

    with bar:
        yield update
