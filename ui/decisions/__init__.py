"""The counter's decisions: one-time notice, acceptance, 容缺 / 告知承诺, refusal, 即办件, hand-out.

Each dialog is built in code and drives the use cases through a `DecisionDesk` (off the GUI
thread, one unit of work per decision); documents print from the print queue after the commit.
"""
