"""Who is who: roles from config by WeChat id first, then the "单位-姓名" nickname convention."""

from __future__ import annotations

from handlers.framework import Person
from handlers.policy import Policy
from nlp.roles import parse_nickname


class Directory:
    """Resolves a sender to a Person; config always wins over the nickname."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        self._departments = [d.model_dump() for d in policy.departments]
        self._canonical = {d.name: d.name for d in policy.departments}
        for d in policy.departments:
            for alias in d.aliases:
                self._canonical.setdefault(alias, d.name)

    def canonical_department(self, name: str) -> str | None:
        """The canonical department for a name or alias (exact), else None."""
        return self._canonical.get(name.strip())

    def person(self, wechat_id: str, display_name: str) -> Person:
        """The sender's role; permissions are always checked on `wechat_id`."""
        people = self._policy.people
        is_admin = wechat_id in people.admins
        if wechat_id in people.officials:
            off = people.officials[wechat_id]
            dep = self.canonical_department(off.department)
            return Person(wechat_id, off.name or display_name, is_admin, dep, dep)
        if wechat_id in people.enterprises:
            ent = people.enterprises[wechat_id]
            return Person(wechat_id, ent.name or display_name, is_admin, None, ent.company)
        org, _person, dep = parse_nickname(display_name, self._departments)
        return Person(wechat_id, display_name, is_admin, dep, org)
