"""newsgraph's exceptions.

    NewsgraphError
    ├── InputError        an input cannot be read (missing file, bad JSONL line, undecodable bytes)
    ├── PipelineError     stages composed in an order that cannot work (checked before data runs)
    └── ArchiveError      the archive cannot be opened or written

The CLI turns each into one line on stderr and an exit code.
"""


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class InputError(NewsgraphError):
    """An input (file, record, stream) cannot be read."""


class PipelineError(NewsgraphError):
    """Annotators composed in an order whose requirements are not met."""


class ArchiveError(NewsgraphError):
    """The archive cannot be opened, migrated or written."""


__all__ = ["ArchiveError", "InputError", "NewsgraphError", "PipelineError"]
