"""Public entry point: `Analyzer.analyze(text, now=..., role=..., mentions=...) -> Analysis`."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from nlp import extraction
from nlp.explaining import explain
from nlp.features import FeatureExtractor
from nlp.lazy import LazyAnalysis, lazy_analysis
from nlp.learned import TEXT_ONLY, FittedRules
from nlp.normalize import Normalized, normalize, to_half_width, to_simplified
from nlp.officials import NOTICE_LABELS, Officials, official_title
from nlp.records import analyze_record, classify_record, record_role
from nlp.resolution import default_cues
from nlp.roles import looks_official, parse_nickname
from nlp.route import HitSpec, Router, load_departments
from nlp.threads import OpenRequest, is_follow_up, subjects
from nlp.tokenizer import Tokenizer
from nlp.types import Analysis, RuleHit
from nlp.voice import default_voice

__all__ = ["Analyzer", "LazyAnalysis", "analyze_record", "classify_record", "explain", "record_role"]

_NO_RESOLUTION = frozenset({"procurement"})  # a buyer's list acknowledges no request
_DEADLINE_LABELS = frozenset({"policy", "meeting"})  # and every procurement list
_CLAUSE_END = frozenset(",.!?;:，。！？；：\n ")  # a department named at a clause start is addressed
_SPOKEN_OF = re.compile(  # 市监局那边…, 人社局的招聘会: a third party; not 应急局的蒋科在群里不 (one of its officials)
    r"[\u4e00-\u9fff]{2,6}?(?:那边|那里|的(?![人领同老工师科主局站所负]|[\u4e00-\u9fff]{1,2}(?:科|主任|局长|站长|所长|工|姐|哥|股长)))"
)
_PHONE_GATE = re.compile(r"\d[\d\s\-—().（）·]{6,}\d")
# the message opens by naming someone (刘主任，…): a person the group knows as no official of the latest notice's
# department (one it knows would have given the department), so the question is no follow-up on that notice
_SOMEONE = re.compile(
    r"[\u4e00-\u9fff]{1,3}(?:主任|科长|科|局长|站长|所长|书记|处长|部长|经理|总|工)(?:\s*[,，:：]|\s+(?=\S))"
)


class Analyzer:
    """Classifies group messages and extracts what the bot needs (see LABELS.md)."""

    _default: Analyzer | None = None
    _default_lock = threading.Lock()

    def __init__(self, departments: list[dict] | None = None, rules: FittedRules | None = None) -> None:
        """`rules`: the weighted label rules (default: labels.yaml with the fitted weights of learned.yaml)."""
        self.departments = list(departments) if departments is not None else load_departments()
        self.router = Router(self.departments)
        # the remit words and department names ride along in the keyword automaton: one pass finds all
        vocabulary = extraction.vocabulary_classes()
        self.resolution = default_cues()
        gates = self.resolution.gate_strings()  # the scan also tells whether a completion or withdrawal may be there
        self.features = FeatureExtractor(extra_classes=vocabulary, payloads=self.router.scan_words(), named_gates=gates)
        # a cue whose strings cannot be derived has no gate: bit -1, always set
        self._perfective_bit = self.features.gate_bits.get("perfective", -1)
        self._withdraw_bit = self.features.gate_bits.get("withdraw", -1)
        self.rules = rules if rules is not None else FittedRules()
        # run a regex only when some rule could use it; "date"/"deadline" also gate deadline extraction, "stop_talk"
        # marks a notice of a cut (Analysis.interruption), "awaited_doc" a nudge that may be a first ask (below)
        always = ("date", "deadline", "stop_talk", "awaited_doc")
        self.features.plan(((r.when, r.unless) for r in self.rules.rules), always=always)
        self._addressing = self.features.words.get("addressing", ())
        self.tokenizer = Tokenizer(self.departments)
        self._nicks: dict[str, tuple[str | None, bool]] = {}
        self.voice = default_voice()

    @classmethod
    def default(cls) -> Analyzer:
        """A shared analyzer over nlp/dicts/departments.json (built once)."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    cls._default = cls()
        return cls._default

    def warm_up(self, background: bool = True) -> threading.Thread | None:
        """Load the tokenizer model (used by `topics`) now, by default in a daemon thread."""
        if not background:
            self.tokenizer.warm_up()
            return None
        thread = threading.Thread(target=self.tokenizer.warm_up, name="nlp-warm-up", daemon=True)
        thread.start()
        return thread

    def nickname_department(self, nickname: str) -> tuple[str | None, bool]:
        """(canonical department or None, looks official) for a display name; cached."""
        got = self._nicks.get(nickname)
        if got is None:
            plain = to_simplified(to_half_width(nickname))  # 管委會-網路維護, ＠供電公司
            dept = parse_nickname(plain, self.departments)[2]
            got = (dept, dept is not None or looks_official(plain, self.departments) or official_title(plain))
            if len(self._nicks) < 100_000:
                self._nicks[nickname] = got
        return got

    def route(self, text: str, *, mentions: Sequence[str] = (), officials: Officials | None = None) -> str | None:
        """Department a message would be routed to if it were a request."""
        norm = normalize(text or "", mentions)
        names = _mentioned(mentions, norm.mentions, text or "")
        addressed = [d for d in (self.nickname_department(n)[0] for n in names) if d]
        return self.router.route_specs(norm.text, addressed, norm.quote, self._implied(norm, officials))[0]

    def no_single_owner(self, text: str) -> bool:
        """A request put to several departments or to the government at large (LABELS.md: no department)."""
        return self.router.unowned(normalize(text or "").text)

    def learn(self, officials: Officials, nickname: str | None) -> None:
        """Let `officials` know the official behind a nickname seen in the group (商务局-王科长)."""
        if nickname:
            _, person, dept = parse_nickname(to_simplified(to_half_width(nickname)), self.departments)
            officials.learn(person, dept)

    def _implied(self, norm: Normalized, officials: Officials | None) -> str | None:
        """The department a request is implicitly for: the quoted official's, or the official it names (王科长)."""
        if norm.quote_sender:
            dept = self.nickname_department(norm.quote_sender)[0]
            if dept:
                return dept
        return officials.addressed(norm.text) if officials else None

    def analyze(
        self,
        text: str,
        *,
        now: datetime,
        role: str = "unknown",
        mentions: Sequence[str] = (),
        officials: Officials | None = None,
        open_request: OpenRequest | Callable[[str | None], OpenRequest | None] | None = None,
        sender: str | None = None,
    ) -> Analysis:
        """Label one message and fill every field of `Analysis`. `officials` knows the group's officials, its latest
        notice and its latest message (from someone other than `sender`, the sender's id or nickname);
        `open_request` is the sender's latest request in the group (a would-be request may only follow it up),
        or a function giving it (their latest to the department the message goes to, when they have one), called
        only for a would-be request (the bot reads it from the ledger)."""
        norm = normalize(text or "", mentions)
        text_only = role == "unknown"  # no nickname says who is speaking: the wording may
        if text_only:
            role = self.voice.infer(norm.text) or role
        names = _mentioned(mentions, norm.mentions, text or "") if mentions or norm.mentions else []
        addressed: list[str] = []
        official_mentioned = other_mentioned = False
        for nick in names:
            dept, official = self.nickname_department(nick)
            if dept:
                addressed.append(dept)
            if official:
                official_mentioned = True
            else:
                other_mentioned = True
        found, words, needs = self.features.scan_gates(norm.text)
        if "啦" in norm.text:  # the scan sees 啦 as 了, and a remit word or a name may hold either
            named, remit = self.router.named(norm.text), self.router.remit_scores(norm.text)
        else:
            named, remit = self.router.from_scan(norm.text, words)  # type: ignore[arg-type]
        departments_named = list(dict.fromkeys(d for d, _, _ in named)) if named else []
        addressee = next((d for d, _, is_addr in named if is_addr), None) if named else None
        extra: dict[str, str] = {TEXT_ONLY: ""} if text_only else {}
        notice = officials.recent_notice(now) if officials is not None and role != "official" else None
        if notice:  # a question right after an official's notice asks that department about it (挂车算不算?)
            extra["after_notice"] = notice
        if officials is not None and role != "official" and officials.recent_interruption(now):
            extra["after_cut"] = ""  # 又停？冷库咋整: a reaction to the announced cut unless something is asked
        previous = officials.previous(now, sender) if officials is not None else None
        if previous:  # what the message follows: prev_request, prev_off_policy (an official's notice) …
            extra["prev_off_" + previous[0] if previous[1] else "prev_" + previous[0]] = ""
        for dept, pos, is_addressee in named:
            before = norm.text[max(0, pos - 4) : pos]
            if not is_addressee or _SPOKEN_OF.match(norm.text, pos):
                continue  # 市监局那边是送省所做还是市所做: the department spoken of, not to
            if pos == 0 or before[-1:] in _CLAUSE_END or any(map(before.__contains__, self._addressing)):
                extra["addressed"] = dept
                break
        if norm.quote_sender:
            official_quote = self.nickname_department(norm.quote_sender)[1]
            extra["quote_official" if official_quote else "quote_peer"] = norm.quote_sender
        if official_mentioned:
            extra["mention_official"] = extra["mention"] = "@"
        elif officials is not None and role != "official" and officials.opens(norm.text):
            extra["named_official"] = ""  # a known official's name opens the text (王站长 …), no @
        if other_mentioned:
            extra["mention_other"] = extra["mention"] = "@"
        if names and (text or "").lstrip().startswith("【"):
            extra["mention_late"] = "@"  # 【宣讲会】…@蜀味源-张总 你们可以来: a notice tagging someone after it
        if addressee:
            extra["dept"] = addressee
        if remit:
            best = max(remit.values())
            if best >= 3:  # the first department with the top score, as max(remit.items(), key=...) gives
                extra["remit"] = next(dept for dept, score in remit.items() if score == best)
        # exact gates: the scan of the same text found no string every completion (withdrawal) holds (resolution.py)
        cues = self.resolution.cues(norm.text, bool(needs & self._perfective_bit), bool(needs & self._withdraw_bit))
        extra.update(cues)
        if norm.quote and self.resolution.completion(norm.quote):
            extra["quote_res_done"] = norm.quote
        feats = self.features.extract(norm.text, role, norm.quote, norm.stickers, extra, found, needs)  # positional
        decision = self.rules.decide(feats)
        label = decision.label
        department = None
        route_hits: list[HitSpec] = []  # RuleHit fields, built only when the hits are read
        flags = decision.flags
        # (申报指南出来了没有？自筹比例有没有要求？: whether a document is out, and more asked of it)
        first_ask = "applied" in feats.present or "awaited_that" in feats.present
        first_ask = first_ask or ("awaited_doc" in feats.present and _two_questions(norm.text))
        if label == "chatter" and not text_only and flags.get("nudge") and first_ask:
            asked = addressed[0] if addressed else addressee
            latest = open_request(asked) if callable(open_request) else open_request
            # 申请递上去半个月了没动静, with no earlier request to nudge (or only one put to another department,
            # 技改补贴公示出来没有 asked of 经信局 after an ask of 审批局): the first report of it
            if latest is None or (asked is not None and latest.department not in (None, asked)):
                label = "request"
        if label == "request":
            department, route_hits = self.router.route_specs(
                norm.text, addressed, norm.quote, self._implied(norm, officials), named=named, remit=remit
            )
            moves_cut = "reschedule_ask" in feats.present and not addressed and not addressee  # 能不能改到周日停
            if notice and (moves_cut or (department is None and not remit)) and not _SOMEONE.match(norm.text):
                department, route_hits = notice, [*route_hits, ("route.after_notice", f"department:{notice}", 5.0, "")]
            latest = open_request(department) if callable(open_request) else open_request
            if is_follow_up(latest, now, department, feats.present, norm.text):
                label, department, flags = "chatter", None, {**flags, "nudge": True}
                route_hits = [("req.follow_up", "chatter", 0.0, "the sender's open request to the same department")]
        body = norm.body
        items = extraction.items(text or "") if label == "procurement" else []
        if label == "procurement" and not items and norm.quote:  # a buyer's list passed on in a quote: read that
            items, body = extraction.items(norm.quote), f"{body}\n{norm.quote}"
        deadline, present = None, feats.present
        if label == "procurement" or (label in _DEADLINE_LABELS and "deadline" in present):
            deadline = extraction.deadline(body, now)
        phone = extraction.phone(body) if _PHONE_GATE.search(body) else None
        meeting = (lambda: extraction.meeting(body, now)) if label == "meeting" else None  # read by the bot only
        content = norm.text
        result = lazy_analysis(
            label,
            decision.scores,
            flags,
            department,
            departments_named,
            items,
            deadline,
            phone,
            meeting,
            feats.refs,
            norm.text,
            norm.quote,
            [*names, norm.quote_sender] if norm.quote_sender else names,
            "thanks" in present,
            subjects(present) if label == "request" else [],
            lambda: self.tokenizer.topics(content),
            lambda: [*decision.hits(present), *(RuleHit(*spec) for spec in route_hits)],
        )
        if label in _NO_RESOLUTION:
            result.resolution = False
        if label in NOTICE_LABELS and "stop_talk" in present:
            result.interruption = True  # 【停电通知】…: the next remarks on the cut react to it
        result.joke = "laugh_end" in present or "joke_strong" in present
        # a buyer (or the official who forwarded the list) says the need is met; a list or a request says no such thing
        result.need_met = label not in ("procurement", "request") and self.resolution.need_met(norm.text, present)
        return result


def _mentioned(given: Sequence[str], written: Sequence[str], text: str) -> list[str]:
    """Who a message @-mentions: the names the transport gave, then those only the text writes (@蒋建华 is the
    member the transport names 农业农村局-蒋建华, not another one). A given name the text holds only as an e-mail
    domain (发邮箱 kj_j@163.com), which the text does not write as a mention, is no one."""
    given = [g for g in given if to_half_width(g) in written or "@" + g not in text]
    extra = [w for w in written if not any(g == w or g.endswith("-" + w) for g in given)]
    return list(dict.fromkeys([*given, *extra]))


def _two_questions(text: str) -> bool:
    """The text asks twice (two question marks)."""
    return text.count("?") + text.count("？") >= 2
