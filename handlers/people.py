"""Who is who: roles from config by WeChat id first, then the "单位-姓名" nickname convention."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlmodel import Session

from handlers.framework import Person
from handlers.policy import Policy
from nlp.normalize import to_half_width, to_simplified
from nlp.officials import Officials, official_title
from nlp.roles import (
    introduced_as,
    introduced_department,
    looks_official,
    parse_nickname,
    public_authority,
    runs_group,
)
from storage.groups import member_department
from storage.messages import sender_names, texts_naming


class Directory:
    """Resolves a sender to a Person; config always wins over the nickname."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy
        self._departments = [d.model_dump() for d in policy.departments]
        self._canonical = {d.name: d.name for d in policy.departments}
        for d in policy.departments:
            for alias in d.aliases:
                self._canonical.setdefault(alias, d.name)
        self._configured_names = frozenset(o.name for o in policy.people.officials.values() if o.name)

    def canonical_department(self, name: str) -> str | None:
        """The canonical department for a name or alias (exact), else None."""
        return self._canonical.get(name.strip())

    def parse(self, display_name: str) -> tuple[str | None, str | None, str | None]:
        """(organisation, person, canonical department) of a "单位-姓名" nickname."""
        return parse_nickname(display_name, self._departments)

    def configured_ids(self) -> frozenset[str]:
        """The WeChat ids of the officials in config."""
        return frozenset(self._policy.people.officials)

    def configured_names(self) -> frozenset[str]:
        """The names of the officials in config."""
        return self._configured_names

    def configured_officials(self) -> list[tuple[str, str | None]]:
        """(name, canonical department) of every official in config."""
        return [
            (o.name, self.canonical_department(o.department)) for o in self._policy.people.officials.values() if o.name
        ]

    def person(self, wechat_id: str, display_name: str) -> Person:
        """The sender's role; permissions are always checked on `wechat_id`."""
        people = self._policy.people
        is_admin = wechat_id in people.admins
        if wechat_id in people.officials:
            off = people.officials[wechat_id]
            dep = self.canonical_department(off.department)
            body = dep is None
            authority = body and public_authority(off.department)
            return Person(
                wechat_id, off.name or display_name, is_admin, dep, dep, official_body=body, authority=authority
            )
        if wechat_id in people.enterprises:
            ent = people.enterprises[wechat_id]
            return Person(wechat_id, ent.name or display_name, is_admin, None, ent.company)
        plain = to_simplified(to_half_width(display_name))  # 管委會-網路維護
        org, _person, dep = parse_nickname(plain, self._departments)
        # 集群办-张敏: official, no department; 黄站长, 王科长 (a surname and an office title only): an official the
        # nickname places in no department, as the classifier reads them
        body = dep is None and (looks_official(plain, self._departments) or official_title(plain))
        authority = body and public_authority(org)
        return Person(
            wechat_id,
            display_name,
            is_admin,
            dep,
            org,
            official_body=body,
            authority=authority,
            runs_group=runs_group(plain),
        )

    def person_in(self, session: Session, room_id: str, wechat_id: str, display_name: str, text: str = "") -> Person:
        """`person`, or, for a member whom neither config nor the nickname places (刘洋🌱), an official of the
        department they say they work for ("我是县科技局的刘洋", in `text`) or said so earlier in the room."""
        person = self.person(wechat_id, display_name)
        if person.department or not room_id or wechat_id in self._policy.people.enterprises:
            return person
        if person.organisation and not person.official_body:
            return person  # 鑫泰钣金-刘姐: a company's
        said = introduced_department(to_simplified(to_half_width(text)), self._departments) if text else None
        dep = said or member_department(session=session, group_id=room_id, wechat_id=wechat_id)
        if text and not dep:  # once, when the message is stored: what it finds is kept as the member's department
            dep = self._introduced(session, room_id, display_name)
        return replace(person, department=dep, organisation=person.organisation or dep) if dep else person

    def _introduced(self, session: Session, room_id: str, display_name: str) -> str | None:
        """The department the room was told `display_name` works for, by whoever introduced them ("几位领导介绍一下：
        贺主任（园区管委会）、严所（城东供电所）"): for members whom neither config nor the nickname places."""
        name = display_name.strip()
        if not name or len(name) > 8:
            return None
        for text in texts_naming(session=session, room_id=room_id, words=(f"{name}（", f"{name}(")):
            dep = introduced_as(to_simplified(to_half_width(text)), name, self._departments)
            if dep:
                return dep
        return None


class RoomOfficials:
    """The officials each group has seen, by the ways its members address them (王科长, 黄主任): a request
    that names one without an @ is routed to their department (nlp.officials)."""

    def __init__(self, directory: Directory) -> None:
        self._directory = directory
        self._rooms: dict[str, Officials] = {}

    def for_room(self, session: Session, room_id: str) -> Officials:
        """The room's officials: loaded from its stored messages and the configured officials on first use."""
        got = self._rooms.get(room_id)
        if got is None:
            got = self._rooms[room_id] = Officials()
            for name in sender_names(session=session, room_id=room_id):
                self._learn(got, name, None)
            for off in self._directory.configured_officials():
                self._learn(got, off[0], off[1])
        return got

    def seen(
        self,
        room_id: str,
        display_name: str,
        department: str | None = None,
        notice_at: datetime | None = None,
        *,
        interruption: bool = False,
    ) -> None:
        """A message in the room came from (or @-mentioned) `display_name`; `notice_at`: it was an official's
        notice (a question soon after it asks that department about it), `interruption`: announcing a cut."""
        got = self._rooms.get(room_id)
        if got is not None:
            self._learn(got, display_name, department)
            if notice_at is not None:
                dept = department or self._directory.parse(display_name)[2]
                got.posted(dept, notice_at, interruption=interruption)

    def heard(self, room_id: str, label: str, official: bool, sender_id: str, at: datetime) -> None:
        """The room's latest message: what the next one follows (nlp.officials.Officials.previous)."""
        got = self._rooms.get(room_id)
        if got is not None:
            got.heard(label, official, sender_id, at)

    def someone_else(self, room_id: str, wechat_id: str, display_name: str) -> None:
        """A member the room calls by a configured official's name (王科长) who is not that official: the name no
        longer says which department is meant in the room."""
        got = self._rooms.get(room_id)
        if got is None or wechat_id in self._directory.configured_ids():
            return
        if display_name in self._directory.configured_names():
            got.learn_unplaced(display_name)

    def _learn(self, officials: Officials, display_name: str, department: str | None) -> None:
        org, person, dep = self._directory.parse(display_name)
        if department or dep:
            officials.learn(person or display_name, department or dep)
        elif person and org and self._directory.person("", display_name).official_body:
            # 区营商办-刘主任: "刘主任" here names no one department (a bare 唐站长, as a mention may write the
            # 唐站长 of 农技站, says nothing either way)
            officials.learn_unplaced(person)
