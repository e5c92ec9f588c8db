"""Start and login: first-start enrolment, staff login (also offline), and the screen lock.

How `ui.app` uses it (each name from its module: `ui.session.enrolment.ensure_enrolled`, …)::

    settings = CounterSettings(folder / "settings.ini")
    connection = ensure_enrolled(            # instead of sync.setup.open_counter
        folder, settings=settings, registry_url=args.registry, code=args.enrolment_code,
        ask=not args.self_test,              # scripted starts never ask (embedded default)
    )
    if connection is None:                   # the enrolment dialog was cancelled
        return 1
    authenticator = Authenticator.for_connection(connection)   # its own registry client
    label = f"{device.hall} · {device.counter}"
    login = sign_in(authenticator, counter_label=label)        # None: cancelled, quit
    window = WorkbenchWindow(parts, queue=..., scanner=...)
    session = start_session(
        window, login=login, authenticator=authenticator, settings=settings, counter_label=label
    )
    session.controller.signedIn.connect(...)   # see SessionController for every signal
    ...
    session.close(); authenticator.close()     # on exit, before connection.close()

- `ensure_enrolled` asks (`EnrolmentDialog`) only on a first start without a registry and
  code: registry address and one-time code, or the built-in demo registry. The registry chosen
  is kept in the settings (`sync/registry_url`); the demo keeps it empty (embedded default).
- `sign_in` shows `LoginDialog`: online at the registry, else offline ("离线登录") against the
  hall's cached verifiers; lock-outs name the remaining wait; Enter submits.
- `start_session` returns a `SessionLock`: the screen locks after `LOCK_MINUTES` without input
  or on `LOCK_KEY` (Ctrl+L); the same staff member unlocks it with their password, or another
  staff member signs in, which ends the first one's session (`signedOut`, `signedIn`,
  `sessionChanged`).
- The state itself (`SessionState`) and the password checks (`Authenticator`) have no Qt.

The package imports none of its modules: each is imported where it is used, so a clerk's
start loads only the sign-in dialog's own (`ui.session.login`, `ui.session.auth`) before the
dialog shows (issue 6).
"""
