"""The pages of the settings dialog (`ui.settings_dialog`), one module per kind of page.

`fields` builds an editor from a declared setting (`ui.settings`); `base` is what every page
shares; `printer_check` resolves a role's printer and draws the test page; `printer_names`
asks the system for its printers off the GUI thread and keeps the answer for the process.
"""
