/// `io`: the stream base classes and the in-memory streams of `_io`.
/// Real files are not available (example code has no file system).
enum IOSource {
  static let text = #"""
"""The io module provides the Python interfaces to stream handling."""

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase",
           "BufferedReader", "BufferedWriter", "BufferedRWPair",
           "BufferedRandom", "TextIOBase", "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE", "text_encoding", "IncrementalNewlineDecoder"]

import abc
import sys
from builtins import open
from _io import StringIO, BytesIO, DEFAULT_BUFFER_SIZE

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase(metaclass=abc.ABCMeta):
    """The abstract base class for all I/O classes."""


class RawIOBase(IOBase):
    """Base class for raw binary I/O."""


class BufferedIOBase(IOBase):
    """Base class for buffered IO objects."""


class TextIOBase(IOBase):
    """Base class for text I/O."""


TextIOWrapper = type(sys.stdout)
TextIOBase.register(StringIO)
TextIOBase.register(TextIOWrapper)
BufferedIOBase.register(BytesIO)


def open_code(path):
    return open(path, 'rb')


def text_encoding(encoding, stacklevel=2):
    return "utf-8" if encoding is None else encoding


def _unavailable(name):
    def make(*args, **kwargs):
        raise UnsupportedOperation(f"{name} is not available: example code runs without a file system")
    make.__name__ = name
    return make


FileIO = _unavailable('FileIO')
BufferedReader = _unavailable('BufferedReader')
BufferedWriter = _unavailable('BufferedWriter')
BufferedRWPair = _unavailable('BufferedRWPair')
BufferedRandom = _unavailable('BufferedRandom')
IncrementalNewlineDecoder = _unavailable('IncrementalNewlineDecoder')
"""#
}
