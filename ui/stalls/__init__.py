"""Event-loop stalls on the GUI thread: measured by a heartbeat, named by a stack watchdog.

A product part, not a test helper: a counter that freezes in a hall must say why. A supervisor's
diagnostics (and the log) read the same `StallMonitor` that the UI tests and
`bench/ui_bench.py` use; at a 50 ms heartbeat it costs about 0.4 % of one CPU, so it can run
all day.
`startup.UsableMark` notes when the first window is shown and answering (start-time figures).
"""

from ui.stalls.figures import SampledStack, Stall, StallKind, StallSummary
from ui.stalls.monitor import StallMonitor

__all__ = ["SampledStack", "Stall", "StallKind", "StallMonitor", "StallSummary"]
