/// `pickle`: the Python layer over `_pickle` (Pickler/Unpickler classes,
/// constants, opcodes).
enum PickleSource {
  static let text = #"""
"""Create portable serialized representations of Python objects.

See module copyreg for a mechanism for registering custom picklers.
"""

import _pickle
import copyreg
from copyreg import dispatch_table
from _pickle import (PickleError, PicklingError, UnpicklingError,
                     dump, dumps, load, loads)

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads"]

bytes_types = (bytes, bytearray)

format_version = "5.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 5


class Pickler:
    """This takes a binary file for writing a pickle data stream."""

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self._memo = _pickle._new_memo()
        self.proto = int(protocol)
        self.bin = protocol >= 1
        self.fast = 0
        self.fix_imports = fix_imports

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % (self.__class__.__name__,))
        pid = self.persistent_id
        if getattr(pid, '__func__', None) is Pickler.persistent_id:
            pid = None
        reducer = getattr(self, 'reducer_override', None)
        table = getattr(self, 'dispatch_table', None)
        data = _pickle._pickler_dump(obj, self.proto, self.fix_imports, self._memo,
                                     pid, reducer, table)
        self._file_write(data)

    def clear_memo(self):
        """Clears the pickler's "memo"."""
        _pickle._clear_memo(self._memo)

    def persistent_id(self, obj):
        return None


class Unpickler:
    """This takes a binary file for reading a pickle data stream."""

    def __init__(self, file, *, fix_imports=True,
                 encoding="ASCII", errors="strict", buffers=()):
        if not (hasattr(file, 'read') and hasattr(file, 'readline')):
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._file = file
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors
        self._buffers = buffers
        self.proto = 0

    def load(self):
        """Read a pickled object representation from the open file."""
        if not hasattr(self, "_file"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % (self.__class__.__name__,))
        find = self.find_class
        if getattr(find, '__func__', None) is Unpickler.find_class:
            find = None
        pload = getattr(self, 'persistent_load', None)
        if getattr(pload, '__func__', None) is Unpickler.persistent_load:
            pload = None
        return _pickle._unpickler_load(self._file, self.fix_imports, self.encoding,
                                       self.errors, self._buffers, find, pload)

    def find_class(self, module_name, global_name, /):
        """Return an object from a specified module."""
        return _pickle._find_class(module_name, global_name, 5, self.fix_imports)

    def persistent_load(self, pid, /):
        raise UnpicklingError("A load persistent id instruction was encountered, "
                              "but no persistent_load function was specified.")


Pickler.__module__ = '_pickle'
Unpickler.__module__ = '_pickle'
_pickle.Pickler = Pickler
_pickle.Unpickler = Unpickler

# Opcodes
MARK           = b'('
STOP           = b'.'
POP            = b'0'
POP_MARK       = b'1'
DUP            = b'2'
FLOAT          = b'F'
INT            = b'I'
BININT         = b'J'
BININT1        = b'K'
LONG           = b'L'
BININT2        = b'M'
NONE           = b'N'
PERSID         = b'P'
BINPERSID      = b'Q'
REDUCE         = b'R'
STRING         = b'S'
BINSTRING      = b'T'
SHORT_BINSTRING= b'U'
UNICODE        = b'V'
BINUNICODE     = b'X'
APPEND         = b'a'
BUILD          = b'b'
GLOBAL         = b'c'
DICT           = b'd'
EMPTY_DICT     = b'}'
APPENDS        = b'e'
GET            = b'g'
BINGET         = b'h'
INST           = b'i'
LONG_BINGET    = b'j'
LIST           = b'l'
EMPTY_LIST     = b']'
OBJ            = b'o'
PUT            = b'p'
BINPUT         = b'q'
LONG_BINPUT    = b'r'
SETITEM        = b's'
TUPLE          = b't'
EMPTY_TUPLE    = b')'
SETITEMS       = b'u'
BINFLOAT       = b'G'
TRUE           = b'I01\n'
FALSE          = b'I00\n'
PROTO          = b'\x80'
NEWOBJ         = b'\x81'
EXT1           = b'\x82'
EXT2           = b'\x83'
EXT4           = b'\x84'
TUPLE1         = b'\x85'
TUPLE2         = b'\x86'
TUPLE3         = b'\x87'
NEWTRUE        = b'\x88'
NEWFALSE       = b'\x89'
LONG1          = b'\x8a'
LONG4          = b'\x8b'
BINBYTES       = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8      = b'\x8d'
BINBYTES8        = b'\x8e'
EMPTY_SET        = b'\x8f'
ADDITEMS         = b'\x90'
FROZENSET        = b'\x91'
NEWOBJ_EX        = b'\x92'
STACK_GLOBAL     = b'\x93'
MEMOIZE          = b'\x94'
FRAME            = b'\x95'
BYTEARRAY8       = b'\x96'
NEXT_BUFFER      = b'\x97'
READONLY_BUFFER  = b'\x98'
"""#
}
