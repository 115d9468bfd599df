"""The errors a user can cause with their input. The CLI prints `Error: <message>`
for any of them and never a traceback."""


class PipelineError(Exception):
    """Base class: something about the input or the request is wrong."""


class UnsupportedFormat(PipelineError):
    """The file is none of the formats we read (text, .docx, .pdf)."""


class EmptyDocument(PipelineError):
    """The file holds no text at all."""


class CorruptDocument(PipelineError):
    """The file claims a format but cannot be opened as one (truncated, not a zip, ...)."""


class EncryptedDocument(PipelineError):
    """The file is password-protected."""


class NoTextLayer(PipelineError):
    """A PDF whose pages are images only (a scan): there is no text to extract."""


class InputNotFound(PipelineError):
    """A path given on the command line does not exist or holds no readable report."""
