"""Test setup: xlwings' Office.js custom-function path, as xlwings Server runs it.

xlwings picks its UDF decorators when it is first imported, so the environment is set
here, before any test module imports it. XLWINGS_LICENSE_KEY=noncommercial is the key
xlwings accepts for noncommercial use such as this test suite.
"""

import os

os.environ["XLWINGS_ON_SERVER"] = "true"
os.environ["XLWINGS_LICENSE_KEY"] = "noncommercial"
