"""A progress bar on stderr for long scans, shown only when stderr is a terminal."""

from __future__ import annotations

from types import TracebackType
from typing import Any


class ScanProgress:
    """Counts scanned files; a no-op unless `enabled`."""

    def __init__(self, enabled: bool, batches: int) -> None:
        self.enabled = enabled and batches > 1
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> ScanProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("scanning: {task.completed:,} files"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("scan", total=None)
        return self

    def advance(self, files: int) -> None:
        """Record `files` more files scanned."""
        if self._progress is not None:
            self._progress.advance(self._task, files)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, error, trace)
