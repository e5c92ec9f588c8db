"""Intake at the counter: item finder, situation, applicant, material checklist, the whole form.

Each part is a small widget whose signals are its public API; `IntakeForm` composes them and
hands an `IntakeRequest` to its listener, which records it through `controller.record_intake`.
"""
