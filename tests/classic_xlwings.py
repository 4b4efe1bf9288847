"""The start of a script that imports xl_retention.udfs with classic xlwings' decorators on a machine without Excel:
the Windows modules xlwings' classic add-in imports are stood in for (nothing of them is called), so the functions
carry the options the add-in reads and convert their arguments as it does. Run as ``python -c PRELUDE + body``."""

PRELUDE = r"""
import io, json, sys, types
for name in ("pythoncom", "pywintypes", "win32com", "win32com.client"):
    sys.modules[name] = types.ModuleType(name)
sys.modules["pythoncom"].CoInitialize = lambda: None
sys.modules["win32com.client"].Dispatch = lambda *args, **kwargs: None
sys.modules["win32com"].client = sys.modules["win32com.client"]
import xlwings
from xlwings import udfs as classic
xlwings.func, xlwings.arg, xlwings.ret = classic.xlfunc, classic.xlarg, classic.xlret
import xl_retention.udfs as module
"""
