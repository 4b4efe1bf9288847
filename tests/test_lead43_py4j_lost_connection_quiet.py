"""py4j's log of a lost connection never prints its traceback beside the command's one-line error.

The full run at 9ea003f5 saw test_relational_spark_memory's command (its Java process killed, as when out of memory)
print py4j's "Exception while sending command." and a Traceback from clientserver.send_command beside the right
"xl-retention: error: Spark's Java process ended during the query ...": py4j logged the lost connection while the
Java process was still being reaped, before spark_ended could tell, so backends._EndedJava let the record through.
A py4j record whose exception is the connection lost is now dropped whatever the process's state.
"""

from __future__ import annotations

import logging
import sys

from xl_retention.relational.backends import _EndedJava


def _record(name: str, error: BaseException | None) -> logging.LogRecord:
    exc_info = (type(error), error, None) if error is not None else None
    return logging.LogRecord(
        name, logging.INFO, "clientserver.py", 535, "Exception while sending command.", (), exc_info
    )


def test_a_lost_connection_logged_by_py4j_is_dropped_even_before_the_process_is_reaped() -> None:
    quiet = _EndedJava()
    assert not quiet.filter(_record("py4j.clientserver", ConnectionResetError(104, "Connection reset by peer")))
    assert not quiet.filter(_record("py4j.java_gateway", BrokenPipeError(32, "Broken pipe")))
    # other records pass: py4j's without a lost connection (while the process runs), and everyone else's
    if "pyspark" not in sys.modules:  # no session here: spark_ended is None
        assert quiet.filter(_record("py4j.clientserver", None))
        assert quiet.filter(_record("py4j.clientserver", ValueError("a value")))
    assert quiet.filter(_record("xl_retention", ConnectionResetError(104, "Connection reset by peer")))
