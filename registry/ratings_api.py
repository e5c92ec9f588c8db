"""`GET /api/v1/follow-ups`: the hall's bad ratings for its supervisors (好差评 follow-up list).

Supervisors and admins of a hall read its bad ratings, open ones first by due date, each with
whether it is overdue on the hall's calendar day; `?done=true` adds the ones already followed
up. The follow-up itself is recorded at a counter (`clerk.services.ratings.follow_up`) and
reaches the registry as an operation like every other clerk action.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine

from clerk.clock import local_day
from clerk.staff import Role
from clerk.wire import API_PREFIX
from registry.auth import authenticate_staff
from registry.db import transaction, utc_now
from registry.errors import Forbidden, Unauthorized
from registry.http import ERROR_RESPONSES, BoundedRoute
from registry.ratings import FollowUpItem, bad_ratings
from registry.settings import Settings

_bearer = HTTPBearer(auto_error=False, description="a staff session (wcs.…)")
Credential = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
_SUPERVISORS = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True, slots=True)
class FollowUps:
    """The hall's bad ratings, open ones first (soonest due first), then done ones."""

    hall: str
    items: list[FollowUpItem]


def ratings_router(settings: Settings, engine: Engine) -> APIRouter:
    """The follow-up list's route, to include in the registry's application."""
    router = APIRouter(prefix=API_PREFIX, route_class=BoundedRoute, responses=ERROR_RESPONSES)

    @router.get("/follow-ups", tags=["cases"])
    def follow_ups(
        credential: Credential,
        done: Annotated[bool, Query(description="also list bad ratings followed up")] = False,
        limit: Annotated[int, Query(ge=1, le=1000)] = 500,
    ) -> FollowUps:
        if credential is None or not credential.credentials:
            raise Unauthorized("this request needs a credential (Authorization: Bearer …)")
        now = utc_now()
        with transaction(engine) as connection:
            member = authenticate_staff(
                connection, credential.credentials, secret=settings.signing_secret, now=now
            )
            if member.role not in _SUPERVISORS:
                raise Forbidden(f"{member.role.value} {member.staff_id} may not read follow-ups")
            items = bad_ratings(
                connection, member.hall, today=local_day(now), open_only=not done, limit=limit
            )
        return FollowUps(member.hall, items)

    return router
