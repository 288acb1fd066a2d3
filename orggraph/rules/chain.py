"""The chain of command (上下贯通无断层) and branch sizes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from orggraph.audit_context import AuditContext
from orggraph.i18n import tr
from orggraph.rules import fill, findings_frame, rule, words
from orggraph.schema import BRANCH_TYPES


def orgs_on_loops(ids: pd.Series, parents: pd.Series) -> np.ndarray:
    """Ids of the orgs that lie on a loop of superiors.

    Every org has at most one superior, so the REPORTS_TO graph is a functional graph: peel off
    orgs nobody reports to, over and over; what can never be peeled lies on a loop.  Each pass is
    one vectorised step, and there are as many passes as the hierarchy is deep.
    """
    ids_arr = ids.to_numpy()
    pos = pd.Series(np.arange(len(ids_arr)), index=ids_arr)
    pos = pos[~pos.index.duplicated()]
    parent_pos = parents.map(pos).to_numpy()
    has_parent = ~pd.isna(parent_pos)
    parent_idx = np.where(has_parent, parent_pos, -1).astype(np.int64)
    alive = np.ones(len(ids_arr), dtype=bool)
    while True:
        edges = alive & has_parent
        indeg = np.bincount(parent_idx[edges], minlength=len(ids_arr))
        leaves = alive & (indeg == 0)
        if not leaves.any():
            break
        alive &= ~leaves
    return ids_arr[alive]


@rule(
    "broken-chain",
    title="Broken chain of command",
    explain="An organisation that is not a committee yet has no superior, or whose chain of "
    "superiors loops (every organisation on the loop is listed).",
    source="汕尾市城区“纵向联动 上下贯通‘无断层’”：区、街道、社区三级党组织贯通联动",
)
def broken_chains(ctx: AuditContext) -> pd.DataFrame:
    orgs = ctx.ds.orgs
    orphan = orgs[(orgs["type"] != "committee") & orgs["parent_id"].isna()]
    orphan_msg = fill(
        tr("{type} “{name}” has no superior organisation"),
        type=words(orphan["type"]),
        name=orphan["name"],
    )
    looped = orgs[orgs["id"].isin(orgs_on_loops(orgs["id"], orgs["parent_id"]))]
    loop_msg = fill(
        tr("“{name}” is on a loop of superiors (superior: {parent})"),
        name=looped["name"],
        parent=looped["parent_id"],
    )
    return pd.concat(
        [findings_frame(orphan["id"], orphan_msg), findings_frame(looped["id"], loop_msg)],
        ignore_index=True,
    )


@rule(
    "org-size",
    title="Branch size out of range",
    explain="A branch (incl. joint and temporary) with more than {branch_max_members} or fewer "
    "than {branch_min_members} members, or a general branch with more than "
    "{general_branch_max_members}.",
    source="《中国共产党支部工作条例（试行）》",
)
def org_sizes(ctx: AuditContext) -> pd.DataFrame:
    orgs = ctx.ds.orgs
    m = orgs["members"]
    lo, hi = ctx.threshold("branch_min_members"), ctx.threshold("branch_max_members")
    gb_hi = ctx.threshold("general_branch_max_members")
    is_branch = orgs["type"].isin(BRANCH_TYPES)
    too_big = (is_branch & (m > hi)) | ((orgs["type"] == "general_branch") & (m > gb_hi))
    too_small = is_branch & (m < lo)
    hit = orgs[too_big | too_small]
    n = hit["members"].astype("int64")
    limit = pd.Series(np.where(hit["type"] == "general_branch", gb_hi, hi), index=hit.index)
    big = fill(
        tr("{type} “{name}” has {members} members, more than {limit}: split it"),
        type=words(hit["type"]),
        name=hit["name"],
        members=n,
        limit=limit.map("{:g}".format),
    )
    small = fill(
        tr("{type} “{name}” has only {members} members, fewer than {limit}"),
        type=words(hit["type"]),
        name=hit["name"],
        members=n,
        limit=f"{lo:g}",
    )
    msg = big.where(too_big[hit.index], small)
    return findings_frame(hit["id"], pd.Series(msg))
