"""When a case's next restaging is due under its sealed decision, and whether it is overdue.

While the follow-up of the latest final decision is planned or ongoing, the next scan is due
one restaging interval after the later of that meeting and the latest scan. The interval is a
department value (rules file `follow_up.restaging_weeks`, local policy; RECIST 1.1, Eisenhauer
2009: every 6-8 weeks is reasonable during treatment).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.logic.model import Case, Message, Rules, lifecycle, msg

RESTAGING_RULE = "follow_up.restaging_weeks"
FOLLOWED = ("planned", "ongoing")


@dataclass(frozen=True, slots=True)
class RestagingDue:
    """The next restaging: `due` counted from `since` (a meeting or a scan); `overdue_days` is
    how long ago it fell due (0 while it has not)."""

    due: dt.date
    since: dt.date
    from_scan: bool
    weeks: int
    overdue_days: int

    @property
    def overdue(self) -> bool:
        return self.overdue_days > 0

    def why(self) -> Message:
        key = "follow_up.due_after_scan" if self.from_scan else "follow_up.due_after_meeting"
        return msg(key, weeks=self.weeks, since=self.since.isoformat(), rule=RESTAGING_RULE)


def restaging_due(case: Case, rules: Rules, today: dt.date) -> RestagingDue | None:
    """None when no sealed decision has its follow-up planned or ongoing."""
    final = lifecycle.latest_final(case.decisions)
    if final is None or final.follow_up is None or final.follow_up.status not in FOLLOWED:
        return None
    weeks = int(rules.value(RESTAGING_RULE))
    last_scan = max((scan.date for scan in case.imaging), default=None)
    from_scan = last_scan is not None and last_scan >= final.meeting_date
    since = last_scan if from_scan and last_scan is not None else final.meeting_date
    due = since + dt.timedelta(weeks=weeks)
    return RestagingDue(due, since, from_scan, weeks, max((today - due).days, 0))
