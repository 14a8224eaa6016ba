"""`branchcheck staff list`: the staff register (deactivated people marked); `staff add | edit |
deactivate | roles | import`: people come and go, roles change with their dates (an
administrator's actions, people.admin); `staff post add | end | list`: who held which post when
(the key-post rotation reads it); `staff absence add`: absences (leave, sick, training)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from branchcheck.cli.common import SubParsers, actor, add_actor, print_json, store
from branchcheck.errors import InputFileError

if TYPE_CHECKING:
    from datetime import date

    from branchcheck.people.posts import PostView
    from branchcheck.people.signin import StaffInfo


def cmd_list(args: argparse.Namespace) -> int:
    from branchcheck.people.directory import people

    rows = people(store(), include_inactive=not args.active)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        external = f"  (外部 / external: {r.organisation})" if r.external else ""
        gone = f"  [已停用 / deactivated {r.deactivated_on or ''}]" if not r.active else ""
        print(f"{r.employee_no:<8} {r.name:<6} {r.role_names()}{external}{gone}")
    return 0


# ---------------------------------------------------------------- administration (issue 11)


def _roles(text: str) -> tuple[str, ...]:
    from branchcheck.people.staff_list import parse_roles

    try:
        return parse_roles(text)
    except ValueError as exc:
        raise InputFileError(f"--roles: {exc}") from None


def _on(args: argparse.Namespace) -> date | None:
    from branchcheck import clock

    return clock.parse_date(args.on, field="--on") if args.on else None


def _done(person: StaffInfo, what: str, as_json: bool) -> int:
    if as_json:
        print_json(person)
    else:
        state = "" if person.active else "  [已停用 / deactivated]"
        print(f"{what}: {person.employee_no} {person.name} {person.role_names()}{state}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from branchcheck.cli.setup import secret
    from branchcheck.people.admin import PersonInput, add_person

    who = actor(args)
    person = PersonInput(
        args.employee_no,
        args.name,
        _roles(args.roles),
        args.external,
        args.organisation,
        args.id_number,
    )
    password = None
    if args.new_password_env:
        password = secret(args.new_password_env, "--new-password-env", "")
    added = add_person(store(), actor=who, person=person, password=password, on=_on(args))
    return _done(added, "已添加 / added", args.json)


def cmd_edit(args: argparse.Namespace) -> int:
    from branchcheck.people.admin import edit_person

    who = actor(args)
    person = edit_person(
        store(),
        actor=who,
        employee_no=args.employee_no,
        name=args.name,
        organisation=args.organisation,
        id_number=args.id_number,
    )
    return _done(person, "已修改 / changed", args.json)


def cmd_deactivate(args: argparse.Namespace) -> int:
    from branchcheck.people.admin import deactivate

    who = actor(args)
    person = deactivate(
        store(), actor=who, employee_no=args.employee_no, on=_on(args), reason=args.reason
    )
    return _done(person, "已停用 / deactivated", args.json)


def cmd_roles(args: argparse.Namespace) -> int:
    from branchcheck.people.admin import set_roles

    who = actor(args)
    person = set_roles(
        store(), actor=who, employee_no=args.employee_no, roles=_roles(args.roles), on=_on(args)
    )
    return _done(person, "岗位已调整 / roles set", args.json)


def cmd_import(args: argparse.Namespace) -> int:
    from branchcheck.people.staff_list import import_staff_list

    who = actor(args)
    result = import_staff_list(store(), actor=who, path=args.file, on=_on(args))
    if args.json:
        print_json(result)
        return 0
    for person in result.added:
        print(f"已添加 / added: {person.employee_no} {person.name} {person.role_names()}")
    print(f"已导入 / imported {len(result.added)} 人 / people from {result.source}")
    return 0


def _admin_command(
    stsub: SubParsers, name: str, help: str, func, *, on: str | None = None
) -> argparse.ArgumentParser:
    x = stsub.add_parser(name, help=help)
    x.set_defaults(func=func)
    if on is not None:
        x.add_argument("--on", metavar="YYYY-MM-DD", help=on)
    add_actor(x, help="the administrator's employee number")
    x.add_argument("--json", action="store_true")
    return x


def register_admin(stsub: SubParsers) -> None:
    roles_help = "roles, e.g. 柜员,管库员 or teller,vault_keeper (、 , ; / or spaces between)"
    x = _admin_command(
        stsub, "add", "add a person to the register", cmd_add, on="first day of their roles"
    )
    x.add_argument("employee_no")
    x.add_argument("name")
    x.add_argument("--roles", required=True, help=roles_help)
    x.add_argument(
        "--external", action="store_true", help="an escort of the escort company (no sign-in)"
    )
    x.add_argument("--organisation", default="", help="单位 (required for an external person)")
    x.add_argument("--id-number", default="", help="证件号")
    x.add_argument(
        "--new-password-env",
        metavar="VAR",
        help="environment variable holding the person's first sign-in password",
    )
    x = _admin_command(stsub, "edit", "change a person's name, organisation or ID number", cmd_edit)
    x.add_argument("employee_no")
    x.add_argument("--name")
    x.add_argument("--organisation")
    x.add_argument("--id-number")
    x = _admin_command(
        stsub,
        "deactivate",
        "a person leaves (kept, with their history; open posts end)",
        cmd_deactivate,
        on="the day they leave (default today)",
    )
    x.add_argument("employee_no")
    x.add_argument("--reason", required=True)
    x = _admin_command(
        stsub,
        "roles",
        "set a person's roles from a day (dropped posts end, new ones start)",
        cmd_roles,
        on="the day the change takes effect (default today)",
    )
    x.add_argument("employee_no")
    x.add_argument("roles", help=roles_help)
    x = _admin_command(
        stsub,
        "import",
        "add everyone of a staff list (.xlsx/.csv), or nobody if a row is wrong",
        cmd_import,
        on="first day of their roles",
    )
    x.add_argument("file")


def _post_line(p: PostView) -> str:
    held = f"{p.from_date} 至 {p.to_date or '今'}"
    route = f"  线路 {p.route}" if p.route else ""
    return f"{p.employee_no:<8} {p.name:<6} {p.role_name['zh']:<6} {held}{route}"


def _shown(view: PostView, as_json: bool) -> int:
    if as_json:
        print_json(view)
    else:
        print(_post_line(view))
    return 0


def cmd_post_add(args: argparse.Namespace) -> int:
    from branchcheck import clock
    from branchcheck.people.posts import record_post

    view = record_post(
        store(),
        employee_no=args.employee_no,
        role=args.role,
        from_date=clock.parse_date(args.from_date, field="--from"),
        route=args.route,
        actor=actor(args),
    )
    return _shown(view, args.json)


def cmd_post_end(args: argparse.Namespace) -> int:
    from branchcheck import clock
    from branchcheck.people.posts import end_post

    view = end_post(
        store(),
        employee_no=args.employee_no,
        role=args.role,
        to_date=clock.parse_date(args.to_date, field="--to"),
        actor=actor(args),
    )
    return _shown(view, args.json)


def cmd_post_list(args: argparse.Namespace) -> int:
    from branchcheck.people.posts import post_history

    found = post_history(store(), args.employee_no)
    if args.json:
        print_json(found)
    else:
        for p in found:
            print(_post_line(p))
    return 0


def register(sub: SubParsers) -> None:
    st = sub.add_parser("staff", help="the staff register")
    stsub = st.add_subparsers(dest="sub", required=True)
    x = stsub.add_parser("list", help="everyone in the register, deactivated people marked")
    x.add_argument("--active", action="store_true", help="only active people")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)
    register_admin(stsub)
    posts = stsub.add_parser("post", help="who held which post when (key-post rotation)")
    psub = posts.add_subparsers(dest="post_command", required=True)
    x = psub.add_parser("add", help="a person takes a post (or an ATM loader a new route)")
    x.add_argument("employee_no")
    x.add_argument("role", help="e.g. vault_keeper, atm_loader")
    x.add_argument("--from", dest="from_date", required=True, help="first day, YYYY-MM-DD")
    x.add_argument("--route", default="", help="the ATM route (线路)")
    add_actor(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_add)
    x = psub.add_parser("end", help="a person leaves a post")
    x.add_argument("employee_no")
    x.add_argument("role")
    x.add_argument("--to", dest="to_date", required=True, help="last day held, YYYY-MM-DD")
    add_actor(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_end)
    x = psub.add_parser("list", help="the post history")
    x.add_argument("employee_no", nargs="?")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post_list)
    register_absence(stsub)


# ---------------------------------------------------------------- absences (issue 9)


def cmd_absence_add(args: argparse.Namespace) -> int:
    from branchcheck.clock import parse_date
    from branchcheck.people.absence import record_absence

    record_absence(
        store(),
        employee_no=args.employee_no,
        first_day=parse_date(args.from_, field="--from"),
        last_day=parse_date(args.to, field="--to"),
        kind=args.kind,
        reason=args.reason,
        actor=actor(args),
    )
    print(f"已登记缺勤 / absence recorded: {args.employee_no} {args.from_} — {args.to}")
    return 0


def register_absence(stsub: SubParsers) -> None:
    ab = stsub.add_parser("absence", help="record a person's absence (leave, sick, training)")
    absub = ab.add_subparsers(dest="absence", required=True)
    x = absub.add_parser("add", help="an absence from --from to --to, both days included")
    x.add_argument("employee_no")
    x.add_argument("--from", dest="from_", required=True, metavar="YYYY-MM-DD")
    x.add_argument("--to", required=True, metavar="YYYY-MM-DD")
    x.add_argument(
        "--kind",
        required=True,
        choices=("leave", "sick", "training", "other"),
        help="leave 休假, sick 病假, training 培训, other 其他",
    )
    x.add_argument("--reason", required=True)
    add_actor(x)
    x.set_defaults(func=cmd_absence_add)
