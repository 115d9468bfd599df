"""The errors a user can cause with their input. The CLI prints `Error: <message>`
for any of them and never a traceback."""

from __future__ import annotations

import os
from pathlib import Path


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


class InternalError(Exception):
    """A bug in this program (not in the file) met while converting a file: reported
    with the file that triggered it, never blamed on it."""


_OUR_CODE = tuple(
    str(Path(__file__).resolve().parent.parent / sub) + os.sep for sub in ("extract", "normalize")
)
# The libraries that parse a file's bytes: an exception they raise is the file's damage.
_PARSERS = tuple(
    "/" + name  # paths as Python reports them on the POSIX systems we run on
    for name in ("pdfminer/", "pdfplumber/", "docx/", "lxml/", "zipfile.py", "zipfile/", "gzip.py", "xml/")
)


def raised_in_our_code(exc: BaseException) -> bool:
    """True unless the exception comes from a library that parses the file's bytes
    (pdfminer, pdfplumber, python-docx, lxml, zipfile). Of the frames that are either
    the project's or such a parser's, the innermost decides: a parser failing on the
    bytes is the file's damage; our code failing (or handing a library bad values)
    is our bug, whatever file we were reading."""
    tb = exc.__traceback__
    decisive = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(_OUR_CODE):
            decisive = True
        elif any(part in name for part in _PARSERS):
            decisive = False
        tb = tb.tb_next
    return decisive is not False


def describe_failure(exc: BaseException, path: str, stage: str = "read") -> tuple[str, str]:
    """(error_type, one-line message) for a file that could not be converted. Past the
    `read` stage the file was read whole: a failure there is ours."""
    if isinstance(exc, PipelineError):
        return type(exc).__name__, _one_line(str(exc))
    if isinstance(exc, MemoryError):
        return "OutOfMemory", f"{path}: out of memory while converting the file"
    if stage == "read":
        if isinstance(exc, UnicodeError):  # a codec refused the bytes: malformed UTF-16, say
            return CorruptDocument.__name__, _one_line(f"{path}: the text is not validly encoded ({exc})")
        if isinstance(exc, OSError):  # the environment: permissions, I/O error, file gone
            reason = exc.strerror or str(exc)
            return type(exc).__name__, _one_line(f"{exc.filename or path}: {reason}")
        if not raised_in_our_code(exc):
            return CorruptDocument.__name__, _one_line(
                f"{path}: the file is damaged ({type(exc).__name__}: {exc})"
            )
    return InternalError.__name__, _one_line(
        f"{path}: internal error (a bug in this program, not a problem with the file): "
        f"{type(exc).__name__}: {exc}"
    )


def _one_line(message: str) -> str:
    return " ".join(message.split())[:500]


def printable(name: str) -> str:
    """A path (or a message naming one) as text that can be written anywhere: bytes
    of a file name that are not valid UTF-8 (which Python keeps as lone surrogates)
    become `\\xff` escapes."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
