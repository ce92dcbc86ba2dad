"""RuptureRepairExplorer: alliance ruptures, the V shape of repair, and what repair goes with.

A learner sets how often ruptures happen and how often they are repaired in a simulated
clinic (``science.simulate``), picks a client and a detection threshold, and sees that
client's alliance session by session with the ruptures ``science.detect_ruptures`` finds,
the dip-and-return (V) windows, and ticks where the simulation really put a rupture. Beside
it, the study's clients are grouped by what happened to their ruptures, with their mean
improvement; the readout sets the simulated repair–outcome correlation beside the
published one and offers a repair statement to practise (paraphrased from practitioner
writing).

Changing the client or the threshold only re-runs the detector on one client (cheap);
changing the rates or the seed simulates a new study (cached per setting).

Examples
--------
>>> rx = RuptureRepairExplorer()
>>> rx.data.detected.sum() >= 1
np.True_
>>> print(rx.summary.splitlines()[0])
Client C0007 (therapist T01), 12 sessions, threshold 0.5 points: 2 ruptures detected: ...
>>> rx.client = 8
>>> rx.spec["datasets"]["sessions"][0]["session"]
1
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any, ClassVar

import altair as alt
import ipywidgets as widgets
import pandas as pd
import traitlets

from alliance_widgets import literature as lit
from alliance_widgets._lazy import moved_names
from alliance_widgets.charts.ruptures import (
    rupture_chart,
    rupture_description,
    rupture_frames,
)
from alliance_widgets.science import repair
from alliance_widgets.science.effects import correlation_ci
from alliance_widgets.science.estimates import Estimate
from alliance_widgets.science.ruptures import detect_ruptures
from alliance_widgets.science.simulate_params import DEFAULT_PARAMS
from alliance_widgets.science.validation import check_int, check_real
from alliance_widgets.widgets.base import Explorer
from alliance_widgets.widgets.base_state import check_state, linked

__all__ = ["RuptureRepairExplorer"]

_RULE = lit.RUPTURE_DETECTION.value
_N_CLIENTS = int(DEFAULT_PARAMS["n_therapists"]) * int(DEFAULT_PARAMS["clients_per_therapist"])
_REPAIR_R = lit.REPAIR_OUTCOME_R_2018
# Repair statements to practise (CLINICAL.md, paraphrased), by what the client's chart shows.
_PRACTICE = {
    "repaired": '"Thanks for putting me right — so what you mean is …"',
    "not repaired": '"Would you feel able to tell me if you disagreed with me? What might make '
    'that hard?"',
    "unclear": '"Did you feel heard today? Is there anything I got wrong?"',
    "": '"Let me check I have this right — you said …"',
}


class RuptureRepairExplorer(Explorer):
    """One client's alliance with detected ruptures and repairs, beside a study's outcomes.

    Parameters
    ----------
    rupture_rate : float
        Share of sessions with a rupture in the simulation (0–0.6).
    repair_rate : float
        Share of ruptures that are repaired (0–1).
    client : int
        Which client to show (1–200, in the study's order).
    threshold : float
        Detection threshold in WAI-SR scale points (0.1–1.5).
    seed : int
        Seed of the simulated study (0–9999).
    """

    title = "Ruptures and repair: the V shape"
    axes_note = (
        "Left — across: session number; up: the client's alliance (WAI-SR mean, 1–5). "
        "Right — mean improvement on the OQ-45 (points, higher is better) of the simulated "
        "study's clients, grouped by what happened to their ruptures, with 95% intervals."
    )
    rate_ranges: ClassVar[dict[str, tuple[float, float]]] = {
        "rupture_rate": (0.0, 0.6),
        "repair_rate": (0.0, 1.0),
        "threshold": (0.1, 1.5),
    }
    seed_range: ClassVar[tuple[int, int]] = (0, 9999)

    rupture_rate = traitlets.Float(
        float(DEFAULT_PARAMS["rupture_rate"]),
        help="Share of sessions in which the simulated client reports a rupture (0–0.6).",
    ).tag(state=True)
    repair_rate = traitlets.Float(
        float(DEFAULT_PARAMS["repair_rate"]),
        help="Share of simulated ruptures that are repaired (0–1).",
    ).tag(state=True)
    client = traitlets.Int(7, help=f"Which client to show (1–{_N_CLIENTS}).").tag(state=True)
    threshold = traitlets.Float(
        float(_RULE["threshold"]),
        help="Smallest fall below the running level that counts as a rupture "
        "(WAI-SR scale points, 0.1–1.5).",
    ).tag(state=True)
    seed = traitlets.Int(
        int(DEFAULT_PARAMS["seed"]), help="Seed of the simulated study (0–9999)."
    ).tag(state=True)

    @traitlets.validate("rupture_rate", "repair_rate", "threshold")
    def _check_rates(self, proposal: Mapping[str, Any]) -> float:
        low, high = self.rate_ranges[proposal["trait"].name]
        return float(check_state(proposal, check_real, low=low, high=high))

    @traitlets.validate("client")
    def _check_client(self, proposal: Mapping[str, Any]) -> int:
        return int(check_state(proposal, check_int, minimum=1, maximum=_N_CLIENTS))

    @traitlets.validate("seed")
    def _check_seed(self, proposal: Mapping[str, Any]) -> int:
        low, high = self.seed_range
        return int(check_state(proposal, check_int, minimum=low, maximum=high))

    # ------------------------------------------------------------------ protocol
    def controls(self) -> list[widgets.Widget]:
        """Rates, client (with a jump to the next client with a rupture), threshold, seed."""
        (r_lo, r_hi), (p_lo, p_hi), (t_lo, t_hi) = self.rate_ranges.values()
        next_button = widgets.Button(
            description="Next client with a rupture",
            tooltip="Jump to the next client in whom the detector finds a rupture",
            layout=widgets.Layout(width="auto"),
        )
        next_button.on_click(lambda _: self.next_client_with_rupture())
        return [
            linked(
                self,
                "rupture_rate",
                widgets.FloatSlider(min=r_lo, max=r_hi, step=0.05, description="Rupture rate"),
            ),
            linked(
                self,
                "repair_rate",
                widgets.FloatSlider(min=p_lo, max=p_hi, step=0.05, description="Repair rate"),
            ),
            linked(self, "client", widgets.IntSlider(min=1, max=_N_CLIENTS, description="Client")),
            next_button,
            linked(
                self,
                "threshold",
                widgets.FloatSlider(
                    min=t_lo, max=t_hi, step=0.05, description="Detection threshold"
                ),
            ),
            linked(
                self,
                "seed",
                widgets.BoundedIntText(
                    min=self.seed_range[0], max=self.seed_range[1], description="Study seed"
                ),
            ),
        ]

    def _study(self) -> dict[str, Any]:
        key: Hashable = ("study", self.seed, self.rupture_rate, self.repair_rate)

        def make() -> dict[str, Any]:
            from alliance_widgets.science.generator import simulate

            study = simulate(
                seed=self.seed,
                rupture_rate=self.rupture_rate,
                repair_rate=self.repair_rate,
                items=False,
            )
            sessions = study.sessions
            share = repair.repair_share_by_client(sessions)
            r: Estimate | str
            try:
                improvement = study.clients.set_index("client_id")["improvement"]
                r = correlation_ci(share.to_numpy(), improvement.loc[share.index].to_numpy())
            except ValueError as exc:
                r = str(exc)
            return {
                "study": study,
                "ids": study.clients["client_id"].astype(str).tolist(),
                "rows": sessions.groupby("client_id", observed=True, sort=False).indices,
                "groups": repair.improvement_by_repair(study.clients, share),
                "r": r,
            }

        result: dict[str, Any] = self.memo(key, make)
        return result

    def _detect(self, client: int) -> tuple[pd.DataFrame, list[int]]:
        s = self._study()
        rows = s["study"].sessions.iloc[s["rows"][s["ids"][client - 1]]]
        series = pd.Series(
            rows["alliance"].to_numpy(), index=pd.Index(rows["session"].to_numpy(dtype=int))
        )
        found = detect_ruptures(series, threshold=self.threshold)
        simulated = rows.loc[rows["rupture"].astype(bool), "session"].astype(int).tolist()
        return found, simulated

    def recompute(self) -> None:
        """Simulate (cached), detect ruptures for the client, and make the chart tables."""
        s = self._study()
        found, simulated = self._detect(self.client)
        self._client_id = s["ids"][self.client - 1]
        rows = s["study"].sessions.iloc[s["rows"][self._client_id]]
        self._therapist_id = str(rows["therapist_id"].iloc[0])
        self._simulated = simulated
        self._frames_now = rupture_frames(
            found, simulated=simulated, threshold=self.threshold, groups=s["groups"]
        )

    def next_client_with_rupture(self) -> None:
        """Show the next client (wrapping round) in whom the detector finds a rupture."""
        for step in range(1, _N_CLIENTS + 1):
            candidate = (self.client - 1 + step) % _N_CLIENTS + 1
            if self._detect(candidate)[0]["rupture"].any():
                self.client = candidate
                return

    def chart_data(self) -> dict[str, pd.DataFrame]:
        """Tables ``sessions``, ``episodes`` and ``groups`` (see ``charts.ruptures``)."""
        return self._frames_now

    def build_chart(self, data: Mapping[str, pd.DataFrame]) -> alt.TopLevelMixin:
        """The two-panel rupture chart."""
        return rupture_chart(data, self._client_id)

    def chart_description(self) -> str:
        """One sentence on the client's ruptures and the study's groups."""
        return rupture_description(self._frames_now, self._client_id)

    def readout(self) -> str:
        """The client's ruptures, detector vs simulation, the study, the literature, practice."""
        sessions = self._frames_now["sessions"]
        episodes = self._frames_now["episodes"]
        head = (
            f"Client {self._client_id} (therapist {self._therapist_id}), {len(sessions)} "
            f"sessions, threshold {self.threshold:g} points: "
        )
        if episodes.empty:
            lines = [head + "no rupture detected."]
        else:
            parts = []
            by_session = sessions.set_index("session")
            fall = by_session["running_level"] - by_session["alliance"]
            for rupture, end, status in zip(
                episodes["rupture"].astype(int),
                episodes["end"].astype(int),
                episodes["status"].astype(str),
                strict=True,
            ):
                what = {
                    "repaired": f"back by session {end}: a V shape",
                    "not repaired": f"no return by session {end}",
                    "unclear": "the series ends before a return can be seen",
                }[status]
                parts.append(f"session {rupture} (a fall of {float(fall[rupture]):.2f}; {what})")
            n = len(episodes)
            lines = [
                head + f"{n} rupture{'s' if n > 1 else ''} detected: " + "; ".join(parts) + "."
            ]
        lines.append(self._truth_line(sessions))
        lines.append(self._study_line())
        lines.append(self._r_line())
        status = episodes["status"].iloc[-1] if not episodes.empty else ""
        lines.append(f"A repair statement to practise: {_PRACTICE[status]}")
        return "\n".join(lines)

    def _truth_line(self, sessions: pd.DataFrame) -> str:
        simulated = self._simulated
        if not simulated:
            made = "The simulation put no rupture in this client's sessions"
        else:
            made = f"The simulation put ruptures at session{'s' if len(simulated) > 1 else ''} " + (
                _join([str(s) for s in simulated])
            )
        found = set(sessions.loc[sessions["detected"], "session"].astype(int))
        hits = len(found & set(simulated))
        extra = len(found - set(simulated))
        text = made + (f"; the detector found {hits} of them" if simulated else "")
        if extra:
            text += f" and flagged {extra} other session{'s' if extra > 1 else ''}"
        return text + " (a dip shows only when it is larger than the session-to-session wobble)."

    def _study_line(self) -> str:
        groups = self._study()["groups"]
        parts = [
            f"{g.group} {g.mean:.1f} [{g.low:.1f}, {g.high:.1f}] (n = {g.n})"
            for g in groups.itertuples(index=False)
        ]
        return (
            f"Simulated study of {_N_CLIENTS} clients (rupture rate {self.rupture_rate:.2f}, "
            f"repair rate {self.repair_rate:.2f}): mean improvement in OQ-45 points, "
            + "; ".join(parts)
            + "."
        )

    def _r_line(self) -> str:
        r = self._study()["r"]
        published = (
            f"published repair–outcome r = {_REPAIR_R.value:g} ({_REPAIR_R.cite()}, "
            f"{_REPAIR_R.status})"
        )
        if isinstance(r, str):
            return (
                f"Share of ruptures repaired vs improvement: not computable here ({r}); "
                f"{published}."
            )
        line = (
            f"Share of a client's ruptures repaired vs improvement: r = {r.value:.2f} "
            f"[{r.low:.2f}, {r.high:.2f}] in this simulated study; {published}."
        )
        if r.low <= 0 <= r.high:
            line += (
                " Here the interval includes 0: no clear link in these data. A correlation, "
                "published or simulated, does not by itself show that repair causes change."
            )
        return line


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# The study summaries are science; they live in science.repair.
__getattr__ = moved_names(
    __name__,
    {
        "improvement_by_repair": "alliance_widgets.science.repair",
        "repair_share_by_client": "alliance_widgets.science.repair",
    },
)
