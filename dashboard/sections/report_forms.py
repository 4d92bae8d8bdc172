"""The forms of /melden: a new obstacle, a response, an initiative; and what became of them.

Each form has an id made when it is first shown and kept in the session (intake.forms
.FormId): pressing Versturen twice, or a rerun, is the same submission and is written
once. A submission is checked by the ETL's own rules (intake.check) before it is written;
the Dutch reasons are shown and nothing is written until it passes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import pandas as pd
import streamlit as st

from dashboard import access, strings
from dashboard.components import plain
from dashboard.context import PageContext
from etl import settings
from etl.contract import OBSTACLES
from etl.vocabularies import (
    CATEGORIES,
    LEGAL_FORMS,
    LEVELS,
    OUTCOMES,
    PHASES,
    SEVERITIES,
    STATUSES,
    THEMES,
)
from intake import forms, ledger
from intake import strings as intake_strings
from intake.check import Context, check
from intake.forms import Problem
from intake.inbox import InboxError, deliver
from intake.status import (
    initiative_context,
    initiative_entry,
    obstacle_context,
    obstacle_initiative,
    open_obstacles,
    states,
)

_FORM = "_intake_form_{kind}"
_DONE = "_intake_done_{kind}"


def _form_id(kind: str) -> forms.FormId:
    key = _FORM.format(kind=kind)
    if key not in st.session_state:
        st.session_state[key] = forms.FormId()
    return st.session_state[key]


def _another(kind: str) -> None:
    st.session_state.pop(_FORM.format(kind=kind), None)
    st.session_state.pop(_DONE.format(kind=kind), None)


def _received(kind: str) -> bool:
    """After a submission: its confirmation and a button for the next one."""
    done = st.session_state.get(_DONE.format(kind=kind))
    if not done:
        return False
    message, record_id = done
    st.success(message.format(record_id=record_id), icon="✅")
    st.button(strings.REPORT_ANOTHER, key=f"another_{kind}", on_click=_another, args=(kind,))
    return True


def _show(problems: Sequence[Problem]) -> None:
    lines = [
        strings.REPORT_PROBLEM_LINE.format(
            field=plain(intake_strings.FIELDS.get(p.field, p.field)), reason=plain(p.reason)
        )
        if p.field
        else f"- {plain(p.reason)}"
        for p in problems
    ]
    st.error("\n".join([strings.REPORT_PROBLEMS, *lines]), icon="⚠️")


def submit(
    ctx: PageContext, kind: str, submission: forms.Submission, context: Sequence[Context] = ()
) -> None:
    """Limits, the ETL's verdict, then the inbox and the access log; says what happened."""
    initiative = _initiative_of(ctx, submission)
    if initiative is not None and not forms.may_speak_for(initiative, ctx.visitor.initiatives):
        st.error(intake_strings.NOT_YOURS, icon="🔒")
        return
    problems = forms.limit_problems(submission)
    if not problems:
        mine = ledger.submissions(settings.access_log_path(), ctx.visitor.account)
        made = ledger.made_since(mine, datetime.now())
        limit = settings.intake_per_hour()
        # Refused tries cost a check each: a session gets a few times the limit of them.
        if made >= limit:
            st.error(intake_strings.TOO_MANY.format(count=made, limit=limit), icon="⏳")
            return
        if _tries(datetime.now()) > CHECKS_PER_SUBMISSION * limit:
            st.error(intake_strings.TOO_MANY_TRIES, icon="⏳")
            return
        with st.spinner(strings.REPORT_CHECKING):
            problems = check(submission, as_of=date.today(), province=ctx.province, context=context)
    if problems:
        _show(problems)
        return
    try:
        delivered = deliver(settings.inbox_path(), submission)
    except InboxError as error:
        st.error(str(error), icon="⚠️")
        return
    if delivered.new:
        access.log(
            ctx.visitor,
            ledger.EVENT,
            **ledger.detail(delivered.path.name, submission.source.name, submission.record_id),
        )
    message = strings.REPORT_RECEIVED if delivered.new else strings.REPORT_ALREADY
    st.session_state[_DONE.format(kind=kind)] = (message, submission.record_id)
    st.rerun()


def _initiative_of(ctx: PageContext, submission: forms.Submission) -> str | None:
    """The initiative a submission speaks for (None: a new initiative), checked here too
    and not only by the choices the form offers."""
    if "initiatief_id" in submission.row and submission.source is not OBSTACLES:
        existing = initiative_entry(ctx.con, submission.record_id)
        return submission.record_id if existing else None
    if "initiatief_id" in submission.row:
        return submission.row["initiatief_id"]
    found = obstacle_initiative(ctx.con, submission.row.get("knelpunt_id", ""))
    return found or ""


# Checks a session may ask per allowed submission within an hour (tries that were refused).
CHECKS_PER_SUBMISSION = 5
_TRIES = "_intake_tries"


def _tries(now: datetime) -> int:
    """This session's checks in the last hour, this one included."""
    recent = [t for t in st.session_state.get(_TRIES, []) if (now - t).total_seconds() < 3600]
    st.session_state[_TRIES] = [*recent, now]
    return len(recent) + 1


def _preset(codes: list, current: object) -> int:
    return codes.index(current) if current in codes else 0


def _choose(label: str, vocabulary, current: object = None, *, optional: bool = False):
    """A choice from a vocabulary by its labels, preset to `current` when it is one of
    it; an optional one starts at "(niet opgegeven)"."""
    codes: list[str | None] = [*([None] if optional else []), *vocabulary.codes()]
    return st.selectbox(
        label,
        codes,
        index=_preset(codes, current),
        format_func=lambda c: strings.REPORT_NOT_GIVEN if c is None else vocabulary.label(c),
    )


def _municipality(ctx: PageContext, label: str, home: object, **options) -> str:
    codes = list(ctx.municipality_names)
    return st.selectbox(
        label,
        codes,
        index=_preset(codes, home),
        format_func=ctx.municipality_names.get,
        **options,
    )


def _day() -> date:
    return st.date_input(
        strings.REPORT_DATE, value=date.today(), max_value=date.today(), format="DD-MM-YYYY"
    )


def _text(label: str, column: str, help_text: str, value: str = "") -> str:
    """A text area that says how long it may be (the form's own limit for `column`)."""
    return st.text_area(label, value=value, help=help_text.format(limit=forms.MAX_LENGTH[column]))


def obstacle_form(ctx: PageContext, initiatives: pd.DataFrame) -> None:
    kind = "obstacle"
    if _received(kind):
        return
    if initiatives.empty:
        st.info(strings.REPORT_NO_INITIATIVES.format(tab=strings.REPORT_TAB_INITIATIVE))
        return
    names = dict(zip(initiatives["initiative_id"], initiatives["name"], strict=True))
    homes = dict(zip(initiatives["initiative_id"], initiatives["cbs_code"], strict=True))
    chosen = st.selectbox(
        strings.REPORT_INITIATIVE, list(names), format_func=names.get, key=f"{kind}_initiative"
    )
    with st.form(f"form_{kind}"):
        municipality = _municipality(
            ctx,
            strings.REPORT_MUNICIPALITY,
            homes.get(chosen),
            help=strings.REPORT_MUNICIPALITY_HELP,
        )
        day = _day()
        theme = _choose(strings.REPORT_THEME, THEMES)
        category = _choose(strings.REPORT_CATEGORY, CATEGORIES)
        severity = _choose(strings.REPORT_SEVERITY, SEVERITIES, optional=True)
        level = _choose(strings.REPORT_LEVEL, LEVELS)
        description = _text(
            strings.REPORT_DESCRIPTION, "omschrijving", strings.REPORT_DESCRIPTION_HELP
        )
        sent = st.form_submit_button(strings.REPORT_SEND, type="primary")
    if sent:
        submission = forms.obstacle(
            _form_id(kind),
            initiative_id=chosen,
            municipality=municipality,
            reported_at=day,
            theme=theme,
            category=category,
            severity=severity,
            level=level,
            description=description,
        )
        submit(ctx, kind, submission, [initiative_context(ctx.con, chosen)])


def response_form(ctx: PageContext, initiatives: pd.DataFrame) -> None:
    kind = "response"
    if _received(kind):
        return
    waiting = open_obstacles(ctx.con, list(initiatives["initiative_id"]))
    if waiting.empty:
        st.info(strings.REPORT_NO_OPEN)
        return
    labels = {
        r.obstacle_id: f"{r.initiative} · {r.municipality} · {CATEGORIES.label(r.category)} "
        f"· {r.reported_at:%d-%m-%Y}"
        for r in waiting.itertuples(index=False)
    }
    with st.form(f"form_{kind}"):
        obstacle_id = st.selectbox(strings.REPORT_OBSTACLE, list(labels), format_func=labels.get)
        day = _day()
        outcome = _choose(strings.REPORT_OUTCOME, OUTCOMES)
        note = _text(strings.REPORT_NOTE, "toelichting", strings.REPORT_NOTE_HELP)
        sent = st.form_submit_button(strings.REPORT_SEND, type="primary")
    if sent:
        submission = forms.response(
            _form_id(kind), obstacle_id=obstacle_id, day=day, outcome=outcome, note=note
        )
        submit(ctx, kind, submission, [obstacle_context(ctx.con, obstacle_id)])


def initiative_form(ctx: PageContext, initiatives: pd.DataFrame) -> None:
    names = dict(zip(initiatives["initiative_id"], initiatives["name"], strict=True))
    options: list[str | None] = [None, *names]
    which = st.selectbox(
        strings.REPORT_WHICH_INITIATIVE,
        options,
        format_func=lambda i: strings.REPORT_NEW_INITIATIVE if i is None else names[i],
        key="initiative_which",
    )
    # One form per initiative (and one for a new one): its id, its confirmation.
    kind = f"initiative_{which or 'nieuw'}"
    if _received(kind):
        return
    known = initiative_entry(ctx.con, which) if which else {}
    with st.form(f"form_{kind}"):
        name = st.text_input(strings.REPORT_NAME, value=known.get("naam") or "")
        municipality = _municipality(
            ctx, strings.REPORT_INITIATIVE_MUNICIPALITY, known.get("gemeente")
        )
        place = st.text_input(strings.REPORT_PLACE, value=known.get("kern") or "")
        themes = st.multiselect(
            strings.REPORT_THEMES,
            THEMES.codes(),
            default=[t for t in (known.get("themas") or []) if t in THEMES.codes()],
            format_func=THEMES.label,
        )
        legal_form = _choose(
            strings.REPORT_LEGAL_FORM, LEGAL_FORMS, known.get("rechtsvorm"), optional=True
        )
        founded = st.number_input(
            strings.REPORT_FOUNDED,
            min_value=1900,
            max_value=date.today().year,
            value=int(known["opgericht"]) if known.get("opgericht") else None,
            step=1,
        )
        chosen_phase = _choose(strings.REPORT_PHASE, PHASES, known.get("fase"), optional=True)
        volunteers = st.number_input(
            strings.REPORT_VOLUNTEERS,
            min_value=0,
            value=int(known["vrijwilligers"]) if known.get("vrijwilligers") is not None else None,
            step=1,
        )
        website = st.text_input(strings.REPORT_WEBSITE, value=known.get("website") or "")
        description = _text(
            strings.REPORT_DESCRIPTION,
            "omschrijving",
            strings.REPORT_DESCRIPTION_HELP,
            known.get("omschrijving") or "",
        )
        visible = st.checkbox(
            strings.REPORT_VISIBLE,
            value=known.get("zichtbaar") == "ja",
            help=strings.REPORT_VISIBLE_HELP,
        )
        sent = st.form_submit_button(strings.REPORT_SEND, type="primary")
    if sent:
        registered = known.get("geregistreerd_op") or date.today()
        submission = forms.initiative(
            _form_id(kind),
            initiative_id=which,
            naam=name,
            gemeente=municipality,
            kern=place,
            themas=themes,
            rechtsvorm=legal_form,
            opgericht=None if founded is None else int(founded),
            fase=chosen_phase,
            vrijwilligers=None if volunteers is None else int(volunteers),
            website=website,
            omschrijving=description,
            zichtbaar="ja" if visible else "nee",
            geregistreerd_op=registered,
        )
        submit(ctx, kind, submission)


# The answers to "Is dit al opgelost?": None is "nog steeds open" (a check), else an outcome.
FOLLOW_UP_ANSWERS = (None, "opgelost", "deels_opgelost", "afgewezen", "doorverwezen")
# Asked at a time, longest silent first (network staff may see hundreds).
FOLLOW_UP_SHOWN = 10


def follow_up(ctx: PageContext, due: pd.DataFrame) -> None:
    """The obstacles due for a follow-up (readmodel.follow_up.overdue), each with one
    click: still open (a check) or what the municipality did (a response, today)."""
    st.caption(strings.FOLLOW_UP_INTRO.format(days=settings.follow_up_days()))
    if due.empty:
        st.info(strings.FOLLOW_UP_NONE, icon="✅")
        return
    if len(due) > FOLLOW_UP_SHOWN:
        st.caption(strings.FOLLOW_UP_MORE.format(shown=FOLLOW_UP_SHOWN, count=len(due)))
    for item in due.head(FOLLOW_UP_SHOWN).itertuples(index=False):
        kind = f"follow_up_{item.obstacle_id}"
        with st.container(border=True):
            st.markdown(
                strings.FOLLOW_UP_ITEM.format(
                    initiative=plain(item.initiative),
                    municipality=plain(item.municipality),
                    category=CATEGORIES.label(item.category),
                    reported=f"{item.reported_at:%d-%m-%Y}",
                    days=item.days_silent,
                    status=STATUSES.label(item.status),
                )
            )
            if item.description:
                st.caption(plain(item.description))
            if _received(kind):
                continue
            columns = st.columns(len(FOLLOW_UP_ANSWERS))
            for column, answer in zip(columns, FOLLOW_UP_ANSWERS, strict=True):
                label = strings.FOLLOW_UP_STILL_OPEN if answer is None else OUTCOMES.label(answer)
                if column.button(label, key=f"{kind}_{answer or 'open'}"):
                    form = _form_id(kind)
                    submission = (
                        forms.still_open(form, obstacle_id=item.obstacle_id, day=date.today())
                        if answer is None
                        else forms.response(
                            form, obstacle_id=item.obstacle_id, day=date.today(), outcome=answer
                        )
                    )
                    submit(ctx, kind, submission, [obstacle_context(ctx.con, item.obstacle_id)])


def submissions(ctx: PageContext) -> None:
    """The account's submissions: waiting, loaded, or rejected with the Dutch reason."""
    mine = ledger.submissions(settings.access_log_path(), ctx.visitor.account)
    if not mine:
        st.caption(strings.REPORT_MINE_NONE)
        return
    st.caption(strings.REPORT_MINE_INTRO.format(load_id=ctx.load_id))
    found = states(ctx.con, mine)
    shown = pd.DataFrame(
        {
            strings.REPORT_COLUMNS["submitted"]: found["submitted"],
            strings.REPORT_COLUMNS["source"]: found["source"].map(strings.REPORT_SOURCE),
            strings.REPORT_COLUMNS["record_id"]: found["record_id"],
            strings.REPORT_COLUMNS["state"]: found["state"].map(strings.REPORT_STATE),
            strings.REPORT_COLUMNS["reason"]: found["reason"].fillna(""),
        }
    )
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            strings.REPORT_COLUMNS["submitted"]: st.column_config.DatetimeColumn(
                format="DD-MM-YYYY HH:mm"
            )
        },
    )
